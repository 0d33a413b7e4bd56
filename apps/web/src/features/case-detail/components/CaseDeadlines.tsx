import type { CaseState } from '@shanzhi/shared';
import { isCaseOpen } from '@shanzhi/shared';
import { Card, Descriptions, Tag } from 'antd';
import dayjs from 'dayjs';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { timeLimitText } from '../../../i18n/labels.js';
import type { CaseDetail } from '../../cases/api/cases.api.js';
import { satisfactionLabel } from '../../cases/case-labels.js';
import { DeadlineCountdown } from '../../cases/components/DeadlineCountdown.js';
import { LightTag } from '../../cases/components/LightTag.js';

const at = (iso: string | null) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '—');

/** 时限: the limits, the deadlines counting down with the light, the milestones, the extension and the callback. */
export function CaseDeadlines({ detail: c }: { detail: CaseDetail }) {
  const { t, locale } = useI18n();
  const open = isCaseOpen(c.state as CaseState);
  const yesNo = (v: boolean | null) => (v === null ? '—' : v ? t('cases.yes') : t('cases.no'));
  return (
    <Card size="small" title={t('detail.deadlines')} extra={<LightTag light={c.light} open={open} />}>
      <Descriptions size="small" column={1}>
        <Descriptions.Item label={t('cases.acceptDeadline')}>
          {c.state === 'dispatched' ? (
            <DeadlineCountdown deadline={c.acceptDeadline} showDate />
          ) : (
            at(c.acceptDeadline)
          )}
          <Tag bordered={false} style={{ marginInlineStart: 8 }}>
            {timeLimitText(c.acceptLimit, locale)}
          </Tag>
        </Descriptions.Item>
        <Descriptions.Item label={t('cases.resolveDeadline')}>
          {open ? <DeadlineCountdown deadline={c.resolveDeadline} showDate /> : at(c.resolveDeadline)}
          <Tag bordered={false} style={{ marginInlineStart: 8 }}>
            {timeLimitText(c.resolveLimit, locale)}
          </Tag>
        </Descriptions.Item>
        <Descriptions.Item label={t('detail.dispatchedAt')}>{at(c.dispatchedAt)}</Descriptions.Item>
        <Descriptions.Item label={t('detail.acceptedAt')}>{at(c.acceptedAt)}</Descriptions.Item>
        <Descriptions.Item label={t('detail.repliedAt')}>{at(c.repliedAt)}</Descriptions.Item>
        <Descriptions.Item label={t('detail.closedAt')}>{at(c.closedAt)}</Descriptions.Item>
        {c.extension.requests > 0 && (
          <Descriptions.Item label={t('detail.extension')}>
            {t(`detail.extension.${c.extension.status ?? 'pending'}` as 'detail.extension.pending')}
            {c.extension.requestedDeadline ? ` · ${at(c.extension.requestedDeadline)}` : ''}
          </Descriptions.Item>
        )}
        {c.calledBackAt && (
          <Descriptions.Item label={t('detail.callback')}>
            {c.callback.reached === false
              ? t('detail.notReached')
              : t('detail.callbackResult', {
                  contacted: yesNo(c.callback.contacted),
                  solved: yesNo(c.callback.solved),
                  satisfaction: c.callback.satisfaction
                    ? satisfactionLabel(c.callback.satisfaction, locale)
                    : '—',
                })}
          </Descriptions.Item>
        )}
      </Descriptions>
    </Card>
  );
}
