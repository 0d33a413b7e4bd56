import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import {
  type EnterpriseImportResult,
  type EnterpriseListQuery,
  type EnterpriseView,
  INDUSTRIES,
} from '@shanzhi/shared';
import { Alert, App, Button, Card, Flex, Input, Select, Switch, Table, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { ErrorState } from '../../../components/ErrorState.js';
import { PageTitle } from '../../../components/PageTitle.js';
import { errorText } from '../../../i18n/error-text.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { toApiError } from '../../../platform/api/index.js';
import { usePagedList } from '../../../platform/lists/index.js';
import { useSession } from '../../auth/hooks/session-store.js';
import { ENTERPRISE_TEMPLATE_URL, fetchEnterprises, importEnterprises } from '../api/safety.api.js';
import { EnterpriseDialog } from '../components/EnterpriseDialog.js';
import { industryLabel } from '../safety-labels.js';

type Filters = Pick<EnterpriseListQuery, 'industry' | 'highRisk' | 'q'>;

/** The refused rows of the last import, with why. */
function ImportErrors({ result }: { result: EnterpriseImportResult }) {
  const { t } = useI18n();
  return (
    <Alert
      type={result.errors.length > 0 ? 'warning' : 'success'}
      showIcon
      message={t('safety.enterprises.imported', { created: result.created, skipped: result.skipped })}
      description={
        result.errors.length > 0 && (
          <Table
            size="small"
            rowKey={(e) => `${e.row}-${e.field}`}
            pagination={false}
            dataSource={result.errors}
            columns={[
              { title: t('safety.enterprises.row'), dataIndex: 'row', width: 70 },
              { title: t('safety.enterprises.field'), dataIndex: 'field', width: 160 },
              { title: t('safety.enterprises.reason'), dataIndex: 'message' },
            ]}
          />
        )
      }
    />
  );
}

/** 企业台账: the register of the caller's scope, its filters, registering one, and the Excel import. */
export function EnterprisesPage() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const session = useSession();
  const canManage = session.status === 'ready' && session.me.permissions.includes('safety.manage');
  const [adding, setAdding] = useState(false);
  const [imported, setImported] = useState<EnterpriseImportResult | null>(null);
  const paged = usePagedList((query, signal) => fetchEnterprises(query, signal), {} as Filters);
  const { list, query: filters, filter: set } = paged;

  return (
    <Flex vertical gap={16}>
      <PageTitle
        title={t('menu.safetyEnterprises')}
        description={t('safety.enterprises.description')}
        extra={
          canManage && (
            <Flex gap={8} wrap>
              <Button href={ENTERPRISE_TEMPLATE_URL} icon={<DownloadOutlined />}>
                {t('safety.enterprises.template')}
              </Button>
              <Upload
                accept=".xlsx"
                showUploadList={false}
                beforeUpload={(file) => {
                  importEnterprises(file)
                    .then((result) => {
                      setImported(result);
                      list.reload();
                    })
                    .catch((error: unknown) => message.error(errorText(toApiError(error), t)));
                  return false;
                }}
              >
                <Button icon={<UploadOutlined />}>{t('safety.enterprises.import')}</Button>
              </Upload>
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
                {t('safety.enterprises.add')}
              </Button>
            </Flex>
          )
        }
      />
      {imported && <ImportErrors result={imported} />}
      <Card size="small">
        <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>
          <Select
            allowClear
            placeholder={t('safety.industry')}
            aria-label={t('safety.industry')}
            style={{ width: 160 }}
            value={filters.industry}
            onChange={(industry) => set({ industry })}
            options={INDUSTRIES.map((i) => ({ value: i, label: industryLabel(i, locale) }))}
          />
          <Flex gap={6} align="center">
            <Switch
              aria-label={t('safety.enterprises.highRiskOnly')}
              checked={filters.highRisk === 'true'}
              onChange={(on) => set({ highRisk: on ? 'true' : undefined })}
            />
            <Typography.Text>{t('safety.enterprises.highRiskOnly')}</Typography.Text>
          </Flex>
          <Input.Search
            allowClear
            placeholder={t('safety.enterprises.keyword')}
            aria-label={t('safety.enterprises.keyword')}
            style={{ width: 240 }}
            onSearch={(q) => set({ q: q.trim() || undefined })}
          />
        </Flex>
        {list.error ? (
          <ErrorState compact error={list.error} onRetry={list.reload} />
        ) : (
          <Table<EnterpriseView>
            size="small"
            data-testid="safety-enterprises"
            rowKey="id"
            loading={list.loading}
            dataSource={list.data?.items ?? []}
            scroll={{ x: 1100 }}
            pagination={paged.pagination(t)}
            columns={[
              { title: t('safety.enterprises.name'), dataIndex: 'name', width: 240, ellipsis: true },
              { title: t('safety.enterprises.creditCode'), dataIndex: 'creditCode', width: 190 },
              {
                title: t('safety.industry'),
                key: 'industry',
                width: 150,
                render: (_: unknown, row) => (
                  <Flex gap={4}>
                    {industryLabel(row.industry, locale)}
                    {row.highRisk && <Tag color="red">{t('safety.highRisk')}</Tag>}
                  </Flex>
                ),
              },
              { title: t('safety.territory'), dataIndex: 'orgName', width: 150, ellipsis: true },
              {
                title: t('safety.supervisingOrg'),
                dataIndex: 'supervisingOrgName',
                width: 180,
                ellipsis: true,
              },
              {
                title: t('safety.enterprises.principal'),
                key: 'principal',
                width: 150,
                render: (_: unknown, row) =>
                  row.principal ? `${row.principal.name} ${row.principal.phone ?? ''}` : '—',
              },
              { title: t('safety.enterprises.openHazards'), dataIndex: 'openHazards', width: 100 },
            ]}
          />
        )}
      </Card>
      <EnterpriseDialog
        open={adding}
        onClose={() => setAdding(false)}
        onSaved={() => {
          setAdding(false);
          list.reload();
        }}
      />
    </Flex>
  );
}
