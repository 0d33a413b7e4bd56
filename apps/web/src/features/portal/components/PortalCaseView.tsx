import { SATISFACTION_LEVELS } from '@shanzhi/shared';
import { Alert, Button, Card, Descriptions, Form, Input, Radio, Tag, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useI18n } from '../../../i18n/I18nProvider.js';
import {
  caseTypeLabel,
  portalStatusLabel,
  portalStepLabel,
  satisfactionLabel,
} from '../../cases/case-labels.js';
import { type PortalCase, ratePortalCase } from '../api/portal.api.js';
import { type CaptchaValues, usePortalCaptcha } from '../hooks/use-portal-captcha.js';
import { portalFailureText } from '../portal-failure.js';
import { PortalCaptchaField } from './PortalCaptchaField.js';

const STATUS_COLORS: Record<string, string> = {
  received: 'blue',
  handling: 'processing',
  replied: 'cyan',
  closed: 'success',
  transferred: 'volcano',
  not_handled: 'default',
};

const at = (iso: string) => dayjs(iso).format('YYYY-MM-DD HH:mm');

/** One case as its citizen sees it: status, public steps with units, the answer, and rating when closed. */
export function PortalCaseView({
  view,
  phone,
  onRated,
}: {
  view: PortalCase;
  phone: string;
  onRated: (view: PortalCase) => void;
}) {
  const { t, locale } = useI18n();
  return (
    <Card
      style={{ marginTop: 16 }}
      title={view.number}
      extra={<Tag color={STATUS_COLORS[view.status]}>{portalStatusLabel(view.status, locale)}</Tag>}
    >
      <Descriptions column={1} size="small" labelStyle={{ width: 88 }}>
        <Descriptions.Item label={t('portal.view.title')}>{view.title}</Descriptions.Item>
        <Descriptions.Item label={t('portal.type')}>{caseTypeLabel(view.type, locale)}</Descriptions.Item>
        {view.category && (
          <Descriptions.Item label={t('portal.view.category')}>{view.category}</Descriptions.Item>
        )}
        <Descriptions.Item label={t('portal.view.citizen')}>
          {[view.citizenName, view.phone].filter(Boolean).join('　')}
        </Descriptions.Item>
        {view.address && <Descriptions.Item label={t('portal.address')}>{view.address}</Descriptions.Item>}
        <Descriptions.Item label={t('portal.view.submittedAt')}>{at(view.submittedAt)}</Descriptions.Item>
        {view.closedAt && (
          <Descriptions.Item label={t('portal.view.closedAt')}>{at(view.closedAt)}</Descriptions.Item>
        )}
      </Descriptions>
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('portal.view.progress')}
      </Typography.Title>
      <Timeline
        items={view.timeline.map((step, index) => ({
          color: index === view.timeline.length - 1 ? 'blue' : 'green',
          children: (
            <div>
              <Typography.Text strong>{portalStepLabel(step.step, locale)}</Typography.Text>
              {step.unit && <Typography.Text>（{step.unit}）</Typography.Text>}
              <div>
                <Typography.Text type="secondary">{at(step.at)}</Typography.Text>
              </div>
            </div>
          ),
        }))}
      />
      {view.answer && (
        <Alert
          type="success"
          message={t('portal.view.answer')}
          description={view.answer}
          style={{ marginBottom: 16 }}
        />
      )}
      {view.rating && (
        <Alert
          type="info"
          showIcon
          message={t('portal.view.rated', {
            label: satisfactionLabel(view.rating.satisfaction, locale),
            at: at(view.rating.at),
          })}
        />
      )}
      {view.canRate && <RatingForm number={view.number} phone={phone} onRated={onRated} />}
    </Card>
  );
}

function RatingForm({
  number,
  phone,
  onRated,
}: {
  number: string;
  phone: string;
  onRated: (view: PortalCase) => void;
}) {
  const { t, locale } = useI18n();
  const captcha = usePortalCaptcha();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  async function rate(values: { satisfaction: string; comment?: string } & CaptchaValues) {
    setSaving(true);
    setFailure(null);
    try {
      onRated(
        await ratePortalCase(number, {
          phone,
          satisfaction: values.satisfaction as (typeof SATISFACTION_LEVELS)[number],
          ...(values.comment?.trim() ? { comment: values.comment.trim() } : {}),
          ...captcha.answerOf(values),
        }),
      );
      captcha.noteSuccess();
    } catch (error) {
      setFailure(captcha.noteFailure(error) ?? portalFailureText(error, t));
    } finally {
      setSaving(false);
    }
  }
  return (
    <Form
      layout="vertical"
      onFinish={(v) => void rate(v)}
      name="portal-rating"
      aria-label={t('portal.rate.title')}
    >
      <Typography.Title level={5}>{t('portal.rate.title')}</Typography.Title>
      <Form.Item name="satisfaction" rules={[{ required: true, message: t('portal.rate.pick') }]}>
        <Radio.Group optionType="button" buttonStyle="solid">
          {SATISFACTION_LEVELS.map((level) => (
            <Radio.Button key={level} value={level}>
              {satisfactionLabel(level, locale)}
            </Radio.Button>
          ))}
        </Radio.Group>
      </Form.Item>
      <Form.Item name="comment">
        <Input.TextArea rows={3} maxLength={500} showCount placeholder={t('portal.rate.comment')} />
      </Form.Item>
      {captcha.shown && <PortalCaptchaField round={captcha.round} />}
      {failure && <Alert type="error" showIcon message={failure} style={{ marginBottom: 12 }} />}
      <Button type="primary" htmlType="submit" loading={saving} block>
        {t('portal.rate.submit')}
      </Button>
    </Form>
  );
}
