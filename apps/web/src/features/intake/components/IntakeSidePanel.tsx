import { Form, type FormInstance, Space } from 'antd';
import { useDebounced } from '../../../platform/hooks/use-debounced.js';
import { useMayTakeAction, usePermission } from '../../auth/hooks/use-permission.js';
import type { IntakeForm } from '../hooks/use-intake-form.js';
import { CallerHistory } from './CallerHistory.js';
import { DuplicatesPanel } from './DuplicatesPanel.js';
import { KnowledgePanel } from './KnowledgePanel.js';
import { SuggestionPanel } from './SuggestionPanel.js';

/** What the side panels search with, debounced as the agent types: the number, the title and the content. */
function useTyped(form: FormInstance) {
  return {
    phone: useDebounced((Form.useWatch('citizenPhone', form) as string | undefined) ?? '', 350),
    title: useDebounced((Form.useWatch('title', form) as string | undefined) ?? '', 600),
    content: useDebounced((Form.useWatch('content', form) as string | undefined) ?? '', 600),
    categoryId: Form.useWatch('categoryId', form) as number | undefined,
  };
}

/**
 * Beside the intake form, each for who may use it: the caller's earlier cases, the classifier's suggestion and
 * the possible duplicates while the call is being registered, and the knowledge base for 直接办结.
 * Props: `intake` (the page's `useIntakeForm()`).
 */
export function IntakeSidePanel({ intake }: { intake: IntakeForm }) {
  // a grid worker registers his patrol reports here but may neither resolve on call (直接办结) nor transfer to 110
  const mayResolve = useMayTakeAction('resolve_on_call');
  const mayTransfer110 = useMayTakeAction('transfer_to_110');
  const readsKnowledge = usePermission('knowledge.read');
  const classifies = usePermission('intelligence.classify');
  const findsDuplicates = usePermission('intelligence.duplicates');
  const readsCases = usePermission('case.read');
  const readsPersonalData = usePermission('personal_data.read');
  const { form, registered, place, busy } = intake;
  const { phone, title, content, categoryId } = useTyped(form);
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      {readsCases && readsPersonalData && <CallerHistory phone={registered?.citizenPhone ?? phone} />}
      {!registered && classifies && (
        <SuggestionPanel
          title={title}
          description={content}
          onApplyCategory={(id) => form.setFieldValue('categoryId', id)}
          onBrowseCategory={intake.browseCategory}
          {...(mayTransfer110 ? { onTransfer110: intake.transfer110 } : {})}
        />
      )}
      {!registered && findsDuplicates && (
        <DuplicatesPanel
          probe={{
            title,
            description: content,
            point: place?.point ?? null,
            ...(categoryId ? { categoryId } : {}),
            ...(phone ? { phone } : {}),
          }}
        />
      )}
      {readsKnowledge && (
        <KnowledgePanel
          seed={title || content}
          {...(mayResolve ? { onResolve: intake.resolveWith } : {})}
          resolveDisabled={busy || (registered !== null && !registered.actions.includes('resolve_on_call'))}
        />
      )}
    </Space>
  );
}
