import type { MediationRankingRow } from '@shanzhi/shared';
import { Card, Table } from 'antd';
import { percent } from '../../measures/period-presets.js';

/** A ranking (orgs or mediators): rank, name, agreed of mediated, resolution rate. */
export function RankingTable({
  title,
  rows,
  testId,
}: {
  title: string;
  rows: MediationRankingRow[];
  testId: string;
}) {
  return (
    <Card size="small" title={title}>
      <Table<MediationRankingRow>
        size="small"
        rowKey="id"
        data-testid={testId}
        dataSource={rows}
        pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
        columns={[
          { title: '名次', dataIndex: 'rank', width: 60 },
          { title: '名称', dataIndex: 'name', ellipsis: true },
          { title: '调解', dataIndex: 'mediated', width: 70, align: 'right' },
          { title: '成功', dataIndex: 'agreed', width: 70, align: 'right' },
          {
            title: '成功率',
            dataIndex: 'resolutionRate',
            width: 80,
            align: 'right',
            render: (r: number | null) => percent(r),
          },
        ]}
      />
    </Card>
  );
}
