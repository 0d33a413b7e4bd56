import type { MediationCountsView } from '@shanzhi/shared';
import { Card, Col, Row, Statistic } from 'antd';
import { percent } from '../../measures/period-presets.js';

/** The counts and rates of a period: received … resolution rate, 小事不出村 and 大事不出镇 shares. */
export function MediationCounts({ counts: c }: { counts: MediationCountsView }) {
  const tiles: { title: string; value: string | number; key: string }[] = [
    { key: 'received', title: '登记纠纷', value: c.received },
    { key: 'accepted', title: '受理', value: c.accepted },
    { key: 'mediated', title: '调解', value: c.mediated },
    { key: 'agreed', title: '调解成功', value: c.agreed },
    { key: 'resolutionRate', title: '调解成功率', value: percent(c.resolutionRate) },
    { key: 'communityShare', title: '小事不出村', value: percent(c.communityShare) },
    { key: 'townShare', title: '大事不出镇', value: percent(c.townShare) },
    { key: 'performed', title: '协议履行', value: c.performed },
    {
      key: 'confirmations',
      title: '司法确认（申请/有效）',
      value: `${c.confirmationsApplied}/${c.confirmationsConfirmed}`,
    },
    { key: 'escalated', title: '上移', value: c.escalated },
    { key: 'overdue', title: '超期', value: c.overdue },
  ];
  return (
    <Row gutter={[12, 12]} data-testid="mediation-counts">
      {tiles.map((tile) => (
        <Col key={tile.key} xs={12} md={8} xl={4}>
          <Card size="small" data-testid={`count-${tile.key}`}>
            <Statistic title={tile.title} value={tile.value} />
          </Card>
        </Col>
      ))}
    </Row>
  );
}
