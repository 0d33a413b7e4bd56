import type { DisputeActionOnDispute, DisputeDetail } from '@shanzhi/shared';
import { Button, Flex } from 'antd';
import { useState } from 'react';
import { DANGEROUS_DISPUTE_ACTIONS } from '../dispute-action-fields.js';
import { actionsOnDispute, disputeActionLabel } from '../dispute-view-logic.js';
import { DisputeActionDialog } from './DisputeActionDialog.js';

/** The moves that carry a dispute on in its usual course: primary buttons. */
const PRIMARY: readonly DisputeActionOnDispute[] = ['accept', 'assign', 'consent', 'agree', 'close'];

/**
 * The action buttons of a dispute: exactly the actions the server lists for this user now, in its order,
 * each opening its {@link DisputeActionDialog}. No business rule lives here.
 */
export function DisputeActionBar({
  dispute,
  onDone,
  onStale,
}: {
  dispute: DisputeDetail;
  onDone: (next: DisputeDetail) => void;
  onStale: () => void;
}) {
  const [open, setOpen] = useState<DisputeActionOnDispute | null>(null);
  const actions = actionsOnDispute(dispute.actions);
  if (actions.length === 0) return null;
  return (
    <>
      <Flex gap={8} wrap data-testid="dispute-actions">
        {actions.map((action) => (
          <Button
            key={action}
            type={PRIMARY.includes(action) ? 'primary' : 'default'}
            danger={DANGEROUS_DISPUTE_ACTIONS.includes(action)}
            onClick={() => setOpen(action)}
          >
            {disputeActionLabel(action)}
          </Button>
        ))}
      </Flex>
      <DisputeActionDialog
        dispute={dispute}
        action={open}
        onClose={() => setOpen(null)}
        onDone={onDone}
        onStale={onStale}
      />
    </>
  );
}
