import { type CampaignDetail, campaignChecklistTemplate, INDUSTRIES, type Industry } from '@shanzhi/shared';
import { DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { FormModal } from '../../../components/FormModal.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { type FindUsers, UserSearchSelect } from '../../users/components/UserSearchSelect.js';
import { createCampaign, fetchInspectorCandidates } from '../api/safety.api.js';
import { formatChecklistText, parseChecklistText } from '../campaign-checklist-text.js';
import { industryLabel } from '../safety-labels.js';
import { useEnterpriseOptions } from './InspectionDialog.js';

/** Those of the caller's scope who may inspect. */
const findInspectors: FindUsers = async (q, signal) => (await fetchInspectorCandidates({ q }, signal)).items;

interface Values {
  name: string;
  industries: Industry[];
  /** each industry's checklist as text, one `检查内容｜检查依据` a line */
  checklists: Partial<Record<Industry, string>>;
  /** the enterprises chosen; none: every enterprise of the industries */
  enterpriseIds?: number[];
  /** the inspectors chosen; none: the caller */
  inspectorUserIds?: number[];
  period: [Dayjs, Dayjs];
}

const KNOWN = ['name', 'industries', 'checklists', 'enterpriseIds', 'inspectorUserIds', 'period'];

/** The items of a checklist's text known good (the form's rule has refused a bad one). */
function itemsOf(text: string | undefined) {
  const parsed = parseChecklistText(text ?? '');
  return 'items' in parsed ? parsed.items : [];
}

/**
 * 新建专项排查: the name, the industries, each industry's checklist (prefilled from the inspection template
 * with its 判定依据, editable as text), the enterprises chosen (or, none chosen, every enterprise of the
 * industries under the caller's org), the inspectors (those of the caller's scope who may inspect, found as one
 * types; none chosen, the caller inspects) and the period (three months from today unless changed).
 */
export function CampaignDialog({
  open,
  onClose,
  onSaved,
}: {
  open: boolean;
  onClose: () => void;
  onSaved: (campaign: CampaignDetail) => void;
}) {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<Values>();
  const industries: Industry[] = Form.useWatch('industries', form) ?? [];
  const { options, search } = useEnterpriseOptions(open);
  const onIndustries = (chosen: Industry[]) => {
    for (const industry of chosen) {
      if (!form.getFieldValue(['checklists', industry]))
        form.setFieldValue(
          ['checklists', industry],
          formatChecklistText(campaignChecklistTemplate(industry)),
        );
    }
  };

  return (
    <FormModal<Values>
      open={open}
      resetOnOpen
      title={t('safety.campaigns.add')}
      form={form}
      name="campaign"
      known={KNOWN}
      width={760}
      onClose={onClose}
      savedMessage={t('safety.campaigns.saved')}
      save={async (values) => {
        const campaign = await createCampaign({
          name: values.name,
          industries: values.industries,
          checklists: values.industries.map((industry) => ({
            industry,
            items: itemsOf(values.checklists[industry]),
          })),
          ...(values.enterpriseIds?.length ? { enterpriseIds: values.enterpriseIds } : {}),
          ...(values.inspectorUserIds?.length ? { inspectorUserIds: values.inspectorUserIds } : {}),
          startsOn: values.period[0].format('YYYY-MM-DD'),
          endsOn: values.period[1].format('YYYY-MM-DD'),
        });
        onSaved(campaign);
      }}
    >
      <Form.Item
        name="name"
        label={t('safety.campaigns.name')}
        rules={[{ required: true, min: 2, message: t('safety.campaigns.nameRequired') }]}
      >
        <Input maxLength={100} placeholder="重大事故隐患专项排查整治2026行动" />
      </Form.Item>
      <Form.Item
        name="industries"
        label={t('safety.campaigns.industries')}
        rules={[{ required: true, message: t('safety.campaigns.industriesRequired') }]}
      >
        <Select
          mode="multiple"
          onChange={onIndustries}
          options={INDUSTRIES.map((i) => ({ value: i, label: industryLabel(i, locale) }))}
        />
      </Form.Item>
      {industries.map((industry) => (
        <Form.Item
          key={industry}
          name={['checklists', industry]}
          label={t('safety.campaigns.checklistOf', { industry: industryLabel(industry, locale) })}
          extra={t('safety.campaigns.checklistHint')}
          rules={[
            {
              validator: async (_, text: string | undefined) => {
                const parsed = parseChecklistText(text ?? '');
                if ('badLines' in parsed)
                  throw new Error(t('safety.campaigns.badLines', { lines: parsed.badLines.join('、') }));
                if (parsed.items.length === 0) throw new Error(t('safety.campaigns.checklistRequired'));
              },
            },
          ]}
        >
          <Input.TextArea rows={5} />
        </Form.Item>
      ))}
      <Form.Item
        name="enterpriseIds"
        label={t('safety.campaigns.enterprises')}
        extra={t('safety.campaigns.enterprisesHint')}
      >
        <Select
          mode="multiple"
          showSearch
          filterOption={false}
          onSearch={search}
          options={options
            .filter((e) => industries.includes(e.industry))
            .map((e) => ({ value: e.id, label: e.name }))}
        />
      </Form.Item>
      <Form.Item
        name="inspectorUserIds"
        label={t('safety.campaigns.inspectors')}
        extra={t('safety.campaigns.inspectorsHint')}
      >
        <UserSearchSelect<number[]> multiple find={findInspectors} />
      </Form.Item>
      <Form.Item
        name="period"
        label={t('safety.campaigns.period')}
        rules={[{ required: true, message: t('safety.campaigns.periodRequired') }]}
        initialValue={[dayjs(), dayjs().add(3, 'month')]}
      >
        <DatePicker.RangePicker />
      </Form.Item>
    </FormModal>
  );
}
