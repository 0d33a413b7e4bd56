import { CreateKnowledgeEntryInput, KNOWLEDGE_ANSWER_MAX, type KnowledgeEntry } from '@shanzhi/shared';
import { Col, DatePicker, Form, Input, Row, Select, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { FormModal } from '../../../components/FormModal.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { zodRule } from '../../../platform/forms/zod-rules.js';
import { CategoryTreeSelect } from '../../cases/components/CategoryTreeSelect.js';
import { createEntry, updateEntry } from '../api/knowledge-admin.api.js';

/** What the dialog edits: a new entry, or an existing one. */
export type EntryDialog = { kind: 'create' } | { kind: 'edit'; entry: KnowledgeEntry };

interface EntryFormValues {
  question?: string;
  answer?: string;
  categoryId?: number;
  tags?: string[];
  validFrom?: Dayjs | null;
  validTo?: Dayjs | null;
  active: boolean;
}

const FIELDS = ['question', 'answer', 'categoryId', 'tags', 'validFrom', 'validTo', 'active'];
const day = (value: Dayjs | null | undefined) => (value ? value.format('YYYY-MM-DD') : null);

/** The editor of one knowledge-base entry: question, answer, category, tags, validity window, active. */
export function KnowledgeEntryModal({
  dialog,
  onClose,
  onSaved,
}: {
  dialog: EntryDialog | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<EntryFormValues>();

  useEffect(() => {
    if (!dialog) return;
    form.resetFields();
    if (dialog.kind === 'edit') {
      const { entry } = dialog;
      form.setFieldsValue({
        question: entry.question,
        answer: entry.answer,
        categoryId: entry.categoryId ?? undefined,
        tags: entry.tags,
        validFrom: entry.validFrom ? dayjs(entry.validFrom) : null,
        validTo: entry.validTo ? dayjs(entry.validTo) : null,
        active: entry.active,
      });
    } else form.setFieldsValue({ active: true, tags: [] });
  }, [dialog, form]);

  async function submit(values: EntryFormValues) {
    if (!dialog) return;
    const fields = {
      question: (values.question ?? '').trim(),
      answer: (values.answer ?? '').trim(),
      categoryId: values.categoryId ?? null,
      tags: values.tags ?? [],
      validFrom: day(values.validFrom),
      validTo: day(values.validTo),
      active: values.active,
    };
    if (dialog.kind === 'create') await createEntry(fields);
    else await updateEntry(dialog.entry.id, { version: dialog.entry.version, ...fields });
    onSaved();
  }

  return (
    <FormModal<EntryFormValues>
      open={dialog !== null}
      title={dialog?.kind === 'edit' ? t('knowledge.editEntry') : t('knowledge.createEntry')}
      form={form}
      name="knowledge-entry-form"
      known={FIELDS}
      onClose={onClose}
      save={submit}
    >
      <Form.Item
        name="question"
        label={t('knowledge.question')}
        rules={[zodRule(CreateKnowledgeEntryInput.shape.question, (v) => v ?? '')]}
      >
        <Input placeholder={t('knowledge.questionPlaceholder')} />
      </Form.Item>
      <Form.Item
        name="answer"
        label={t('knowledge.answer')}
        rules={[zodRule(CreateKnowledgeEntryInput.shape.answer, (v) => v ?? '')]}
      >
        <Input.TextArea rows={6} showCount maxLength={KNOWLEDGE_ANSWER_MAX} />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="categoryId" label={t('knowledge.category')}>
            <CategoryTreeSelect branches placeholder={t('knowledge.categoryGeneral')} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="tags"
            label={t('knowledge.tags')}
            rules={[zodRule(CreateKnowledgeEntryInput.shape.tags, (v) => v ?? [])]}
          >
            <Select
              mode="tags"
              tokenSeparators={[',', '，', ' ']}
              placeholder={t('knowledge.tagsPlaceholder')}
            />
          </Form.Item>
        </Col>
        <Col xs={12} md={8}>
          <Form.Item name="validFrom" label={t('knowledge.validFrom')}>
            <DatePicker style={{ width: '100%' }} placeholder={t('knowledge.openStart')} />
          </Form.Item>
        </Col>
        <Col xs={12} md={8}>
          <Form.Item name="validTo" label={t('knowledge.validTo')}>
            <DatePicker style={{ width: '100%' }} placeholder={t('knowledge.openEnd')} />
          </Form.Item>
        </Col>
        <Col xs={12} md={8}>
          <Form.Item name="active" label={t('knowledge.active')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}
