import type { DisputeState } from '@shanzhi/shared';
import { Tag } from 'antd';
import { DISPUTE_STATE_COLORS, disputeStateLabel } from '../dispute-view-logic.js';

/** A dispute's state as a coloured tag (已登记, 调解中, 已达成协议 …). */
export function DisputeStateTag({ state }: { state: DisputeState }) {
  return (
    <Tag color={DISPUTE_STATE_COLORS[state]} data-testid="dispute-state" style={{ marginInlineEnd: 0 }}>
      {disputeStateLabel(state)}
    </Tag>
  );
}
