import { Col, Form, Input, Row, Switch } from 'antd';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { enterStop } from '../intake-keys.js';

/** The caller's part of the intake form: 来电号码 first, the caller's name, 匿名 and 保密. */
export function CallerPanel() {
  const { t } = useI18n();
  return (
    <Row gutter={16}>
      <Col xs={24} md={8} {...enterStop('citizenPhone')}>
        <Form.Item name="citizenPhone" label={t('intake.phone')}>
          <Input autoFocus inputMode="tel" placeholder={t('intake.phonePlaceholder')} maxLength={20} />
        </Form.Item>
      </Col>
      <Col xs={24} md={8} {...enterStop('citizenName')}>
        <Form.Item name="citizenName" label={t('intake.citizenName')}>
          <Input maxLength={50} />
        </Form.Item>
      </Col>
      <Col xs={12} md={4} {...enterStop('anonymous')}>
        <Form.Item name="anonymous" label={t('intake.anonymous')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Col>
      <Col xs={12} md={4} {...enterStop('keepPrivate')}>
        <Form.Item name="keepPrivate" label={t('intake.keepPrivate')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Col>
    </Row>
  );
}
