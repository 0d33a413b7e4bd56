import {
  type CampaignDetail,
  campaignChecklistOf,
  checklistFor,
  type EnterpriseView,
  HAZARD_LEVELS,
  type HazardLevel,
} from '@shanzhi/shared';
import { Descriptions, Flex, Form, Input, Radio, Select, Table } from 'antd';
import { useEffect, useState } from 'react';
import { FormModal } from '../../../components/FormModal.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { PhotoPicker } from '../../grid-phone/components/PhotoPicker.js';
import { fetchEnterprises, recordInspection } from '../api/safety.api.js';
import { hazardLevelLabel, industryLabel } from '../safety-labels.js';

interface ItemValues {
  item: string;
  passed: boolean;
  finding?: string;
  level?: HazardLevel;
  photos?: string[];
}
interface Values {
  enterpriseId: number;
  campaign?: string;
  note?: string;
  items: ItemValues[];
}

const KNOWN = ['enterpriseId', 'campaign', 'note', 'items'];
/** Photos a failed item may carry: the one inspection's body stays within the server's limit. */
const ITEM_PHOTOS = 3;
const VISUALLY_HIDDEN = {
  position: 'absolute',
  width: 1,
  height: 1,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
} as const;

/** Enterprises to pick from, searched by name or credit code. */
export function useEnterpriseOptions(open: boolean) {
  const [q, setQ] = useState('');
  const [options, setOptions] = useState<EnterpriseView[]>([]);
  useEffect(() => {
    if (!open) return;
    const controller = new AbortController();
    fetchEnterprises({ q: q || undefined, pageSize: 50 }, controller.signal)
      .then((page) => setOptions(page.items))
      .catch(() => setOptions([]));
    return () => controller.abort();
  }, [open, q]);
  return { options, search: setQ };
}

/** An inspection within a campaign: the campaign, and the enterprise of it to inspect. */
export interface CampaignInspectionTarget {
  campaign: CampaignDetail;
  enterprise: CampaignDetail['pendingEnterprises'][number];
}

/**
 * 新建检查: pick the enterprise, and its industry's checklist appears; each item is marked passed or not, a
 * failed one with what was wrong, its level and photos taken on the spot (compressed on the phone). Saving records every failed item as a hazard. Within a
 * campaign (`within`) the enterprise is given and the checklist is the campaign's for its industry.
 */
export function InspectionDialog({
  open,
  within,
  onClose,
  onSaved,
}: {
  open: boolean;
  within?: CampaignInspectionTarget | undefined;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<Values>();
  const { options, search } = useEnterpriseOptions(open && !within);
  const items = Form.useWatch('items', form) ?? [];
  // runs after the dialog's own reset at opening (a child's effect runs first)
  useEffect(() => {
    if (!open || !within) return;
    form.setFieldsValue({
      enterpriseId: within.enterprise.id,
      items: campaignChecklistOf(within.campaign, within.enterprise.industry).map((i) => ({
        item: i.text,
        passed: true,
      })),
    });
  }, [open, within, form]);
  const onEnterprise = (id: number) => {
    const enterprise = options.find((e) => e.id === id);
    if (enterprise)
      form.setFieldValue(
        'items',
        checklistFor(enterprise.industry).map((item) => ({ item, passed: true })),
      );
  };

  return (
    <FormModal<Values>
      open={open}
      resetOnOpen
      title={t('safety.inspections.add')}
      form={form}
      name="inspection"
      known={KNOWN}
      width={900}
      onClose={onClose}
      savedMessage={t('safety.inspections.saved', { count: items.filter((i) => i && !i.passed).length })}
      save={async (values) => {
        await recordInspection({
          enterpriseId: values.enterpriseId,
          ...(within ? { campaignId: within.campaign.id } : {}),
          ...(values.campaign && !within ? { campaign: values.campaign } : {}),
          ...(values.note ? { note: values.note } : {}),
          items: values.items.map((i) =>
            i.passed
              ? { item: i.item, passed: true }
              : {
                  item: i.item,
                  passed: false,
                  level: i.level ?? 'general',
                  ...(i.finding ? { finding: i.finding } : {}),
                  ...(i.photos?.length ? { photos: i.photos } : {}),
                },
          ),
        });
        onSaved();
      }}
    >
      {within && (
        <Descriptions size="small" column={1} style={{ marginBottom: 12 }}>
          <Descriptions.Item label={t('safety.enterprise')}>{within.enterprise.name}</Descriptions.Item>
          <Descriptions.Item label={t('safety.inspections.campaign')}>
            {within.campaign.name}
          </Descriptions.Item>
        </Descriptions>
      )}
      <Form.Item
        name="enterpriseId"
        label={t('safety.enterprise')}
        hidden={within !== undefined}
        rules={[{ required: true, message: t('safety.inspections.chooseEnterprise') }]}
      >
        <Select
          showSearch
          filterOption={false}
          onSearch={search}
          onChange={onEnterprise}
          placeholder={t('safety.inspections.chooseEnterprise')}
          options={options.map((e) => ({
            value: e.id,
            label: `${e.name}（${industryLabel(e.industry, locale)}）`,
          }))}
        />
      </Form.Item>
      <Form.Item name="campaign" label={t('safety.inspections.campaign')} hidden={within !== undefined}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.List name="items">
        {(fields) => (
          <Table
            size="small"
            rowKey="key"
            pagination={false}
            dataSource={fields}
            data-testid="inspection-checklist"
            // on a phone the checklist scrolls sideways inside the dialog
            scroll={{ x: 640 }}
            columns={[
              {
                title: t('safety.inspections.items'),
                key: 'item',
                render: (_: unknown, field) => items[field.name]?.item,
              },
              {
                title: t('safety.inspections.passed'),
                key: 'passed',
                width: 150,
                render: (_: unknown, field) => (
                  <Form.Item name={[field.name, 'passed']} noStyle>
                    <Radio.Group
                      size="small"
                      optionType="button"
                      options={[
                        { value: true, label: '✓' },
                        { value: false, label: '✗' },
                      ]}
                    />
                  </Form.Item>
                ),
              },
              {
                title: t('safety.inspections.finding'),
                key: 'finding',
                width: 260,
                render: (_: unknown, field) =>
                  items[field.name]?.passed === false && (
                    <Flex vertical gap={6}>
                      <Form.Item name={[field.name, 'finding']} noStyle>
                        <Input size="small" maxLength={1000} aria-label={t('safety.inspections.finding')} />
                      </Form.Item>
                      <Form.Item name={[field.name, 'photos']} noStyle>
                        <PhotoPicker max={ITEM_PHOTOS} id={`inspection-photos-${field.name}`} />
                      </Form.Item>
                    </Flex>
                  ),
              },
              {
                title: t('safety.level'),
                key: 'level',
                width: 130,
                render: (_: unknown, field) =>
                  items[field.name]?.passed === false && (
                    <>
                      {/* the select's own name, for screen readers (and tests), on its input alone */}
                      <label htmlFor={`inspection-level-${field.name}`} style={VISUALLY_HIDDEN}>
                        {t('safety.level')}
                      </label>
                      <Form.Item name={[field.name, 'level']} noStyle initialValue="general">
                        <Select
                          size="small"
                          id={`inspection-level-${field.name}`}
                          options={HAZARD_LEVELS.map((l) => ({
                            value: l,
                            label: hazardLevelLabel(l, locale),
                          }))}
                        />
                      </Form.Item>
                    </>
                  ),
              },
            ]}
          />
        )}
      </Form.List>
      <Form.Item name="note" label={t('safety.inspections.note')} style={{ marginTop: 16 }}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
    </FormModal>
  );
}
