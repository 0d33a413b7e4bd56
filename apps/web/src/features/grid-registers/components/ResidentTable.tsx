import { GENDERS, POPULATION_TYPES, type ResidentFlag, type ResidentView } from '@shanzhi/shared';
import { Button, Space, Table, type TablePaginationConfig, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { usePermission } from '../../auth/hooks/use-permission.js';
import { revealResident } from '../api/registers.api.js';
import { labelOf } from './code-labels.js';
import { ResidentFlagTags } from './ResidentFlagTags.js';
import { RevealNumbersButton } from './RevealNumbersButton.js';

/**
 * Residents as a table: their numbers masked, their groups as tags,
 * with 编辑 and 查看完整号码 for those who may.
 */
export function ResidentTable({
  residents,
  loading,
  pagination,
  showHouse = true,
  onEdit,
  emptyText,
}: {
  residents: readonly ResidentView[];
  loading?: boolean;
  pagination?: TablePaginationConfig | false;
  /** the house column (left out on a household's own page) */
  showHouse?: boolean;
  onEdit?: (resident: ResidentView) => void;
  emptyText: string;
}) {
  const { t, locale } = useI18n();
  const mayReveal = usePermission('personal_data.read');
  const mayWrite = usePermission('grid_register.write');
  return (
    <Table<ResidentView>
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={[...residents]}
      scroll={{ x: 1100 }}
      locale={{ emptyText }}
      pagination={pagination ?? false}
      columns={[
        { title: t('residents.name'), dataIndex: 'name', width: 100, fixed: 'left' },
        {
          title: t('residents.gender'),
          dataIndex: 'gender',
          width: 60,
          render: (gender: string) => labelOf(GENDERS, gender, locale),
        },
        { title: t('residents.age'), dataIndex: 'age', width: 60 },
        {
          title: t('registers.idNumber'),
          dataIndex: 'idNumber',
          width: 190,
          render: (id: string) => <Typography.Text code>{id}</Typography.Text>,
        },
        {
          title: t('registers.phone'),
          dataIndex: 'phone',
          width: 130,
          render: (p: string | null) => p ?? '—',
        },
        ...(showHouse
          ? [
              {
                title: t('residents.house'),
                key: 'house',
                ellipsis: true,
                render: (_: unknown, r: ResidentView) => (
                  <Link to={`/grid/houses/${r.houseId}`}>{r.houseLabel}</Link>
                ),
              },
            ]
          : []),
        {
          title: t('residents.populationType'),
          dataIndex: 'populationType',
          width: 100,
          render: (type: string) => labelOf(POPULATION_TYPES, type, locale),
        },
        {
          title: t('residents.flags'),
          dataIndex: 'flags',
          width: 200,
          render: (flags: ResidentFlag[]) => <ResidentFlagTags flags={flags} />,
        },
        ...(showHouse
          ? [{ title: t('registers.grid'), dataIndex: 'gridName', width: 150, ellipsis: true }]
          : []),
        ...(mayReveal || (mayWrite && onEdit)
          ? [
              {
                title: t('common.actions'),
                key: 'actions',
                fixed: 'right' as const,
                width: 200,
                render: (_: unknown, r: ResidentView) => (
                  <Space size={0} wrap>
                    {mayWrite && onEdit && (
                      <Button type="link" size="small" onClick={() => onEdit(r)}>
                        {t('registers.edit')}
                      </Button>
                    )}
                    {mayReveal && (
                      <RevealNumbersButton
                        name={r.name}
                        load={() => revealResident(r.id)}
                        labels={{ idNumber: t('registers.idNumber'), phone: t('registers.phone') }}
                      />
                    )}
                  </Space>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}
