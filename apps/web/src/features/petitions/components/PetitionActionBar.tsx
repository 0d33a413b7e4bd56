import type { PetitionActionOnPetition, PetitionDetail } from '@shanzhi/shared';
import { Button, Flex } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { DANGEROUS_PETITION_ACTIONS, PRIMARY_PETITION_ACTIONS } from '../petition-action-fields.js';
import { petitionActionLabel } from '../petition-labels.js';
import { PetitionActionDialog } from './PetitionActionDialog.js';

/**
 * The action buttons of a petition: exactly the actions the server lists for this user now, in its order,
 * each opening its {@link PetitionActionDialog}. No business rule lives here.
 */
export function PetitionActionBar({
  petition,
  onDone,
  onStale,
}: {
  petition: PetitionDetail;
  onDone: (next: PetitionDetail) => void;
  onStale: () => void;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState<PetitionActionOnPetition | null>(null);
  const actions = petition.actions.filter((a): a is PetitionActionOnPetition => a !== 'register');
  if (actions.length === 0) return null;
  return (
    <>
      <Flex gap={8} wrap data-testid="petition-actions">
        {actions.map((action) => (
          <Button
            key={action}
            type={PRIMARY_PETITION_ACTIONS.includes(action) ? 'primary' : 'default'}
            danger={DANGEROUS_PETITION_ACTIONS.includes(action)}
            onClick={() => setOpen(action)}
          >
            {petitionActionLabel(action, t)}
          </Button>
        ))}
      </Flex>
      <PetitionActionDialog
        petition={petition}
        action={open}
        onClose={() => setOpen(null)}
        onDone={onDone}
        onStale={onStale}
      />
    </>
  );
}
