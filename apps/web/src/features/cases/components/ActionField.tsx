import { DatePicker, Form, type FormInstance, Input, Radio, Switch } from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { useI18n } from '../../../i18n/I18nProvider.js';
import type { ActionFieldSpec } from '../action-form-spec.js';
import type { CaseSummary } from '../api/cases.api.js';
import { satisfactionLabel, supervisionLevelLabel } from '../case-labels.js';
import type { RecentUnit } from '../recent-units.js';
import { AttachmentUpload } from './AttachmentUpload.js';
import { CaseNumberPicker } from './CaseNumberPicker.js';
import { KnowledgePicker } from './KnowledgePicker.js';
import { ReplyTemplatePicker } from './ReplyTemplatePicker.js';
import { UnitPicker } from './UnitPicker.js';

/** How far ahead the extension date picker offers days; the server decides the real limit. */
const EXTENSION_PICKER_DAYS = 30;

/**
 * One field of an action dialog, edited as its spec says. Props: `spec`; `form` (to fill the answer or reply
 * text from a picked knowledge entry or template); `caseData`; `onUnitsPicked` (dispatch remembers units).
 */
export function ActionField({
  spec,
  form,
  caseData,
  onUnitsPicked,
  hidden = false,
}: {
  spec: ActionFieldSpec;
  form: FormInstance;
  caseData: CaseSummary;
  onUnitsPicked?: (units: RecentUnit[]) => void;
  hidden?: boolean;
}) {
  const { t, locale } = useI18n();
  let input: ReactNode;
  const yesNo = (
    <Radio.Group
      optionType="button"
      options={[
        { value: true, label: t('cases.yes') },
        { value: false, label: t('cases.no') },
      ]}
    />
  );
  switch (spec.kind) {
    case 'text':
      input = <Input maxLength={64} />;
      break;
    case 'textarea':
      input = <Input.TextArea autoSize={{ minRows: 5, maxRows: 12 }} showCount maxLength={5000} />;
      break;
    case 'unit':
      input = (
        <UnitPicker
          known={caseData.leadUnit ? [caseData.leadUnit] : []}
          {...(onUnitsPicked ? { onPicked: onUnitsPicked } : {})}
        />
      );
      break;
    case 'units':
      input = <UnitPicker multiple {...(onUnitsPicked ? { onPicked: onUnitsPicked } : {})} />;
      break;
    case 'switch':
      input = <Switch />;
      break;
    case 'yesno':
      input = yesNo;
      break;
    case 'satisfaction':
      input = (
        <Radio.Group
          optionType="button"
          options={['satisfied', 'basically_satisfied', 'unsatisfied'].map((v) => ({
            value: v,
            label: satisfactionLabel(v, locale),
          }))}
        />
      );
      break;
    case 'level':
      input = (
        <Radio.Group
          optionType="button"
          options={['general', 'listed'].map((v) => ({ value: v, label: supervisionLevelLabel(v, locale) }))}
        />
      );
      break;
    case 'datetime':
      input = (
        <DatePicker
          showTime={{ format: 'HH:mm', minuteStep: 30 }}
          format="YYYY-MM-DD HH:mm"
          style={{ width: '100%' }}
          disabledDate={(day) =>
            day.isBefore(dayjs(), 'day') || day.isAfter(dayjs().add(EXTENSION_PICKER_DAYS, 'day'), 'day')
          }
        />
      );
      break;
    case 'knowledge':
      input = <KnowledgePicker onFill={(answer) => form.setFieldValue('answer', answer)} />;
      break;
    case 'template':
      input = (
        <ReplyTemplatePicker caseData={caseData} onFill={(text) => form.setFieldValue('content', text)} />
      );
      break;
    case 'case':
      input = <CaseNumberPicker excludeId={caseData.id} />;
      break;
    case 'attachments':
      input = <AttachmentUpload caseId={caseData.id} />;
      break;
  }
  return (
    <Form.Item
      name={spec.name}
      label={t(spec.label)}
      required={spec.required}
      hidden={hidden}
      valuePropName={spec.kind === 'switch' ? 'checked' : 'value'}
      extra={spec.hint ? t(spec.hint) : undefined}
    >
      {input}
    </Form.Item>
  );
}
