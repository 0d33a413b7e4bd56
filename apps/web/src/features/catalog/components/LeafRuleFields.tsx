import { CatalogTimeLimitInput, PRIORITIES, UnitCode } from '@shanzhi/shared';
import { Col, Form, Row, Select } from 'antd';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { priorityLabel } from '../../../i18n/labels.js';
import { zodRule } from '../../../platform/forms/zod-rules.js';
import type { HandlingUnit } from '../api/catalog.api.js';
import { TimeLimitInput } from './TimeLimitInput.js';

/** A leaf's (小类) handling rules: its default unit, priority, and acceptance and resolution limits. */
export function LeafRuleFields({ units }: { units: HandlingUnit[] }) {
  const { t, locale } = useI18n();
  const unitOptions = [
    { label: t('catalog.units'), options: units.filter((u) => u.kind === 'unit') },
    { label: t('catalog.centres'), options: units.filter((u) => u.kind === 'center') },
  ].map((group) => ({
    label: group.label,
    options: group.options.map((u) => ({ value: u.code, label: u.name })),
  }));
  return (
    <Row gutter={16}>
      <Col xs={24} md={12}>
        <Form.Item
          name="defaultUnitCode"
          label={t('catalog.defaultUnit')}
          rules={[zodRule(UnitCode, (v) => v ?? '')]}
        >
          <Select
            showSearch
            optionFilterProp="label"
            options={unitOptions}
            placeholder={t('catalog.pickUnit')}
          />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item
          name="priority"
          label={t('catalog.priority')}
          rules={[{ required: true, message: t('catalog.priorityRequired') }]}
        >
          <Select options={PRIORITIES.map((p) => ({ value: p, label: priorityLabel(p, locale) }))} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item
          name="acceptLimit"
          label={t('catalog.acceptLimit')}
          tooltip={t('catalog.acceptLimitHint')}
          rules={[zodRule(CatalogTimeLimitInput, (v) => v ?? {})]}
        >
          <TimeLimitInput />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item
          name="resolveLimit"
          label={t('catalog.resolveLimit')}
          tooltip={t('catalog.resolveLimitHint')}
          rules={[zodRule(CatalogTimeLimitInput, (v) => v ?? {})]}
        >
          <TimeLimitInput />
        </Form.Item>
      </Col>
    </Row>
  );
}
