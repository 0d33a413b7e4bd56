import { Card, Descriptions, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { priorityLabel } from '../../../i18n/labels.js';
import type { CaseDetail } from '../../cases/api/cases.api.js';
import { caseSourceLabel, caseTypeLabel, channelLabel } from '../../cases/case-labels.js';

const dash = (v: string | null | undefined) => (v ? v : '—');

/** The case's own fields: the request, the citizen (as the server sends it: masked for some roles), the place, who owns it. */
export function CaseFields({ detail: c }: { detail: CaseDetail }) {
  const { t, locale } = useI18n();
  return (
    <Card size="small" title={t('detail.fields')}>
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 2, xxl: 2 }}
        bordered
        styles={{ label: { width: 104, whiteSpace: 'nowrap' } }}
      >
        <Descriptions.Item label={t('cases.title')} span={2}>
          {c.title}
        </Descriptions.Item>
        <Descriptions.Item label={t('intake.content')} span={2}>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
            {c.description}
          </Typography.Paragraph>
        </Descriptions.Item>
        <Descriptions.Item label={t('intake.type')}>{caseTypeLabel(c.type, locale)}</Descriptions.Item>
        <Descriptions.Item label={t('intake.priority')}>
          {priorityLabel(c.priority, locale)}
        </Descriptions.Item>
        <Descriptions.Item label={t('intake.source')}>
          {caseSourceLabel(c.source, locale)}
          {c.channel ? ` · ${channelLabel(c.channel, locale)}` : ''}
        </Descriptions.Item>
        <Descriptions.Item label={t('intake.category')}>
          {dash(c.category?.name)}
          {c.policeMatter && (
            <Tag color="volcano" style={{ marginInlineStart: 6 }}>
              {t('detail.police')}
            </Tag>
          )}
          {c.fireLinkage && (
            <Tag color="red" style={{ marginInlineStart: 6 }}>
              {t('detail.fireLinkage')}
            </Tag>
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('intake.citizenName')}>
          {dash(c.citizenName)}
          {c.anonymous && <Tag style={{ marginInlineStart: 6 }}>{t('intake.anonymous')}</Tag>}
          {c.keepPrivate && <Tag style={{ marginInlineStart: 6 }}>{t('intake.keepPrivate')}</Tag>}
        </Descriptions.Item>
        <Descriptions.Item label={t('intake.phone')}>{dash(c.citizenPhone)}</Descriptions.Item>
        {c.citizenIdNumber && (
          <Descriptions.Item label={t('detail.idNumber')}>{c.citizenIdNumber}</Descriptions.Item>
        )}
        <Descriptions.Item label={t('intake.address')} span={c.citizenIdNumber ? 1 : 2}>
          {dash(c.address)}
        </Descriptions.Item>
        <Descriptions.Item label={t('detail.area')} span={2}>
          {[c.district, c.town, c.community, c.grid]
            .filter(Boolean)
            .map((o) => o!.name)
            .join(' / ') || '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('detail.currentOrg')}>{dash(c.currentOrg?.name)}</Descriptions.Item>
        <Descriptions.Item label={t('detail.firstReceiver')}>{dash(c.firstReceiver?.name)}</Descriptions.Item>
        <Descriptions.Item label={t('cases.leadUnit')}>{dash(c.leadUnit?.name)}</Descriptions.Item>
        <Descriptions.Item label={t('field.coHandlers')}>
          {c.coHandlers.length ? c.coHandlers.map((o) => o.name).join('、') : '—'}
        </Descriptions.Item>
        {c.externalRef && (
          <Descriptions.Item label={t('field.policeRef')}>
            {c.externalRef}
            {c.threeWayCall ? `（${t('field.threeWayCall')}）` : ''}
          </Descriptions.Item>
        )}
        {c.masterCaseId !== null && (
          <Descriptions.Item label={t('field.masterCase')}>
            <Typography.Link href={`/cases/${c.masterCaseId}`}>#{c.masterCaseId}</Typography.Link>
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t('cases.createdAt')}>
          {dayjs(c.createdAt).format('YYYY-MM-DD HH:mm')}
        </Descriptions.Item>
        <Descriptions.Item label={t('detail.counters')}>
          {t('detail.counterText', {
            returns: c.returns,
            reworks: c.reworks,
            reopens: c.reopens,
            supervisions: c.supervisions,
          })}
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
