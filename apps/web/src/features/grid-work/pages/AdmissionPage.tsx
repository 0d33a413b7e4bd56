import { PlusOutlined } from '@ant-design/icons';
import type { AdmissionExtraInput, AdmissionExtraView, GridAdmissionCategory } from '@shanzhi/shared';
import { Button, Card, Collapse, DatePicker, Flex, Form, Input, Select, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { ErrorState } from '../../../components/ErrorState.js';
import { FormModal } from '../../../components/FormModal.js';
import { PageTitle } from '../../../components/PageTitle.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { useApi } from '../../../platform/api/index.js';
import { usePermission } from '../../auth/hooks/use-permission.js';
import { addAdmissionExtra, fetchAdmissionExtras, fetchAdmissionList } from '../api/grid-work.api.js';

interface ExtraValues {
  categoryCode: string;
  name: string;
  endsOn: Dayjs;
  basis: string;
}

const EXTRA_FIELDS = ['categoryCode', 'name', 'endsOn', 'basis'] as const;

/** 新增临时准入事项: an item added to a category until an end date, on the basis of an approval. */
function AddExtraDialog({
  open,
  categories,
  onClose,
  onAdded,
}: {
  open: boolean;
  categories: GridAdmissionCategory[];
  onClose: () => void;
  onAdded: (extra: AdmissionExtraView) => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<ExtraValues>();
  return (
    <FormModal<ExtraValues>
      open={open}
      title={t('gridWork.admission.add')}
      form={form}
      name="admission-extra"
      known={EXTRA_FIELDS}
      onClose={onClose}
      savedMessage={t('gridWork.admission.added')}
      save={async (values) => {
        const input: AdmissionExtraInput = {
          categoryCode: values.categoryCode,
          name: values.name,
          endsOn: values.endsOn.format('YYYY-MM-DD'),
          basis: values.basis,
        };
        const extra = await addAdmissionExtra(input);
        form.resetFields();
        onAdded(extra);
      }}
    >
      <Form.Item
        name="categoryCode"
        label={t('gridWork.admission.category')}
        rules={[{ required: true, message: t('gridWork.admission.categoryRequired') }]}
      >
        <Select options={categories.map((c) => ({ value: c.code, label: `${c.code} ${c.name}` }))} />
      </Form.Item>
      <Form.Item
        name="name"
        label={t('gridWork.admission.name')}
        rules={[{ required: true, message: t('gridWork.admission.nameRequired') }]}
      >
        <Input maxLength={50} />
      </Form.Item>
      <Form.Item
        name="endsOn"
        label={t('gridWork.admission.endsOn')}
        rules={[{ required: true, message: t('gridWork.admission.endsOnRequired') }]}
      >
        <DatePicker disabledDate={(d) => d.isBefore(dayjs(), 'day')} />
      </Form.Item>
      <Form.Item
        name="basis"
        label={t('gridWork.admission.basis')}
        extra={t('gridWork.admission.basisHint')}
        rules={[{ required: true, message: t('gridWork.admission.basisRequired') }]}
      >
        <Input maxLength={200} />
      </Form.Item>
    </FormModal>
  );
}

/**
 * 网格事项准入: the admission list — the only items that may be pushed onto grid workers — by category, and the
 * temporary items an administrator added (each until its end date, with the basis of its approval).
 */
export function AdmissionPage() {
  const { t } = useI18n();
  const mayAdd = usePermission('grid_admission.write');
  const list = useApi((signal) => fetchAdmissionList(signal), []);
  const extras = useApi((signal) => fetchAdmissionExtras(signal), []);
  const [adding, setAdding] = useState(false);
  const categories = list.data?.categories ?? [];
  const items = categories.reduce((n, c) => n + c.items.length, 0);

  return (
    <Flex vertical gap={16}>
      <PageTitle
        title={t('menu.gridAdmission')}
        description={t('gridWork.admission.description', { categories: categories.length, items })}
        extra={
          mayAdd && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              disabled={categories.length === 0}
              onClick={() => setAdding(true)}
            >
              {t('gridWork.admission.add')}
            </Button>
          )
        }
      />
      <Card size="small" title={t('gridWork.admission.extras')}>
        {extras.error ? (
          <ErrorState compact error={extras.error} onRetry={extras.reload} />
        ) : (
          <Table<AdmissionExtraView>
            size="small"
            data-testid="admission-extras"
            rowKey="code"
            loading={extras.loading}
            dataSource={extras.data ?? []}
            pagination={false}
            locale={{ emptyText: t('gridWork.admission.noExtras') }}
            columns={[
              { title: t('gridWork.admission.code'), dataIndex: 'code', width: 110 },
              { title: t('gridWork.admission.name'), dataIndex: 'name' },
              { title: t('gridWork.admission.endsOn'), dataIndex: 'endsOn', width: 120 },
              {
                title: t('gridWork.state'),
                dataIndex: 'inForce',
                width: 100,
                render: (inForce: boolean) =>
                  inForce ? (
                    <Tag color="green">{t('gridWork.admission.inForce')}</Tag>
                  ) : (
                    <Tag>{t('gridWork.admission.expired')}</Tag>
                  ),
              },
              { title: t('gridWork.admission.basis'), dataIndex: 'basis', ellipsis: true },
              { title: t('gridWork.admission.approvedBy'), dataIndex: 'approvedByName', width: 130 },
            ]}
          />
        )}
      </Card>
      <Card size="small" title={t('gridWork.admission.list')}>
        {list.error ? (
          <ErrorState compact error={list.error} onRetry={list.reload} />
        ) : (
          <Collapse
            size="small"
            items={categories.map((c) => ({
              key: c.code,
              label: `${c.code} ${c.name}（${c.items.length}）`,
              children: (
                <Flex gap={8} wrap>
                  {c.items.map((i) => (
                    <Tag key={i.code} color={i.directPush ? 'blue' : 'default'}>
                      {i.code} {i.name}
                    </Tag>
                  ))}
                </Flex>
              ),
            }))}
          />
        )}
        <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, marginTop: 8 }}>
          {t('gridWork.admission.directPushHint')}
        </Typography.Text>
      </Card>
      {mayAdd && (
        <AddExtraDialog
          open={adding}
          categories={categories}
          onClose={() => setAdding(false)}
          onAdded={() => {
            setAdding(false);
            extras.reload();
          }}
        />
      )}
    </Flex>
  );
}
