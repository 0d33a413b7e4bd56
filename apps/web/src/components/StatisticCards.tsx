import { Card, Col, Row, Statistic } from 'antd';
import type { ReactNode } from 'react';

/** One figure of a page of numbers: its title, its value (a dash while unknown), and what it adds below. */
export interface StatisticItem {
  title: string;
  value: string | number | null | undefined;
  extra?: ReactNode;
}

/** The headline figures of a page of numbers, a small card each, as many to a row as fit. */
export function StatisticCards({
  items,
  loading,
  testId,
}: {
  items: readonly StatisticItem[];
  loading: boolean;
  testId?: string;
}) {
  return (
    <Row gutter={[16, 16]} data-testid={testId}>
      {items.map(({ title, value, extra }) => (
        <Col key={title} flex="1 0 150px">
          <Card size="small" loading={loading}>
            <Statistic title={title} value={value ?? '—'} />
            {extra}
          </Card>
        </Col>
      ))}
    </Row>
  );
}
