import type { CaseAction } from '@shanzhi/shared';
import { Alert, App, Button, Descriptions, Form, Modal } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useRef, useState } from 'react';
import { type Translate, useI18n } from '../../../i18n/I18nProvider.js';
import { useActionSending } from '../../../platform/forms/use-action-sending.js';
import { actionBodyOf, validateActionBody } from '../action-body.js';
import { ACTION_FIELDS, DANGEROUS_ACTIONS } from '../action-form-spec.js';
import { type CaseDetail, type CaseSummary, takeCaseAction } from '../api/cases.api.js';
import { type LeadUnitSuggestion, suggestLeadUnit } from '../api/pickable-orgs.js';
import { caseActionLabel } from '../case-labels.js';
import { type RecentUnit, rememberUnits } from '../recent-units.js';
import { ActionField } from './ActionField.js';

/** Props of {@link CaseActionDialog}. */
export interface CaseActionDialogProps {
  /** the case (a list row or the full case); its `version` is sent with the action */
  caseData: CaseSummary | CaseDetail;
  /** the action to take; null closes the dialog */
  action: Exclude<CaseAction, 'register'> | null;
  onClose: () => void;
  /** the case after the action, as the server answers it */
  onDone: (detail: CaseDetail) => void;
  /** the case changed meanwhile (409 VERSION_CONFLICT): the caller reloads it */
  onStale: () => void;
  /** values to start with, e.g. the knowledge entry picked on the intake page */
  initialValues?: Record<string, unknown>;
}

/**
 * The dialog of one lifecycle action: its fields, checked with the action's shared zod schema before sending,
 * the server's field errors on the fields they name, and a stale version (409) turned into a clear message
 * and a reload. Reused by every page that offers case actions.
 */
export function CaseActionDialog({
  caseData,
  action,
  onClose,
  onDone,
  onStale,
  initialValues,
}: CaseActionDialogProps) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const { busy, general, setGeneral, send } = useActionSending(form, {
    staleMessage: t('caseAction.stale'),
    onStale,
    onClose,
  });
  const picked = useRef<RecentUnit[]>([]);
  const reached = Form.useWatch('reached', form);
  const leadUnitId = Form.useWatch('leadUnitId', form);
  const [leadSuggestion, setLeadSuggestion] = useState<LeadUnitSuggestion | null>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a fresh form for each opening
  useEffect(() => {
    if (!action) return;
    form.resetFields();
    form.setFieldsValue(initialValues ?? {});
    setGeneral([]);
    setLeadSuggestion(null);
    picked.current = [];
    if (action !== 'dispatch' || initialValues?.leadUnitId !== undefined) return;
    // 派单 starts from the matter's default unit (物业服务 → 市住房和城乡建设局) or the classifier's unit, with the
    // reason, unless the dispatcher has picked one meanwhile
    let open = true;
    suggestLeadUnit({
      title: caseData.title,
      ...('description' in caseData ? { description: caseData.description } : {}),
      category: caseData.category,
    }).then(
      (suggestion) => {
        if (!open || suggestion === null || form.getFieldValue('leadUnitId') !== undefined) return;
        form.setFieldsValue({ leadUnitId: suggestion.unitId });
        setLeadSuggestion(suggestion);
      },
      // without the look-up the dispatcher picks the unit himself, as before
      () => undefined,
    );
    return () => {
      open = false;
    };
  }, [action, caseData.id]);

  if (!action) return null;
  const fields = ACTION_FIELDS[action];

  async function submit() {
    if (!action) return;
    const body = actionBodyOf(action, form.getFieldsValue(true) as Record<string, unknown>, caseData.version);
    const check = validateActionBody(action, body);
    form.setFields(
      fields.map((f) => ({
        name: f.name,
        errors: check.fields.has(f.name) ? [check.fields.get(f.name)!] : [],
      })),
    );
    setGeneral(check.general);
    if (!check.ok) return;
    await send(
      () => takeCaseAction(caseData.id, action, body as never),
      fields.map((f) => f.name),
      (detail) => {
        if (action === 'dispatch' && picked.current.length > 0) rememberUnits(picked.current);
        message.success(
          t('caseAction.done', { action: caseActionLabel(action, locale), number: caseData.number }),
        );
        onDone(detail);
      },
    );
  }

  const detail = 'extension' in caseData ? caseData : null;
  const showExtension =
    (action === 'approve_extension' || action === 'refuse_extension') && detail?.extension.requestedDeadline;

  return (
    <Modal
      open
      title={`${caseActionLabel(action, locale)} · ${caseData.number}`}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={caseActionLabel(action, locale)}
      okButtonProps={{ danger: DANGEROUS_ACTIONS.includes(action), loading: busy }}
      destroyOnHidden
      width={action === 'dispatch' || action === 'reply' || action === 'consult' ? 680 : 560}
    >
      <Descriptions size="small" column={1} style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('cases.title')}>{caseData.title}</Descriptions.Item>
        {showExtension && detail && (
          <>
            <Descriptions.Item label={t('field.newDeadline')}>
              {dayjs(detail.extension.requestedDeadline).format('YYYY-MM-DD HH:mm')}
            </Descriptions.Item>
            <Descriptions.Item label={t('field.extensionReason')}>
              {detail.extension.reason}
            </Descriptions.Item>
          </>
        )}
      </Descriptions>
      {action === 'dispatch' && leadSuggestion && leadUnitId === leadSuggestion.unitId && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="lead-unit-reason"
          message={leadUnitReason(leadSuggestion, t)}
          action={
            leadSuggestion.alternative && (
              <Button
                size="small"
                onClick={() => form.setFieldsValue({ leadUnitId: leadSuggestion.alternative?.unitId })}
              >
                {t('dispatch.useModelUnit')}
              </Button>
            )
          }
        />
      )}
      <Form form={form} layout="vertical" onFinish={() => void submit()} requiredMark>
        {fields.map((spec) => (
          <ActionField
            key={spec.name}
            spec={spec}
            form={form}
            caseData={caseData}
            hidden={
              action === 'callback' && reached === false && spec.name !== 'reached' && spec.name !== 'note'
            }
            onUnitsPicked={(units) => {
              const ids = new Set(units.map((u) => u.id));
              picked.current = [...units, ...picked.current.filter((u) => !ids.has(u.id))];
            }}
          />
        ))}
      </Form>
      {general.length > 0 && <Alert type="error" showIcon message={general.join('；')} />}
    </Modal>
  );
}

/** Why the lead unit was pre-filled, in the dispatcher's words. */
function leadUnitReason(s: LeadUnitSuggestion, t: Translate): string {
  const p = s.probability === null ? 0 : Math.round(s.probability * 100);
  const unit = s.unitName;
  const category = s.categoryName ?? '';
  const reason =
    s.source === 'both'
      ? t('dispatch.leadFromBoth', { unit, category, p })
      : s.source === 'category'
        ? t('dispatch.leadFromCategory', { unit, category })
        : t('dispatch.leadFromModel', { unit, p });
  if (!s.alternative) return reason;
  return `${reason}；${t('dispatch.modelSuggestsOther', {
    unit: s.alternative.name,
    p: Math.round(s.alternative.probability * 100),
  })}`;
}
