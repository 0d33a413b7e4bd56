import { PaperClipOutlined, PlusOutlined, SendOutlined } from '@ant-design/icons';
import {
  DISPUTE_FIELD_LABELS,
  DISPUTE_FIELDS,
  MEDIATION_EVIDENCE_TYPES,
  MEDIATION_MAX_EVIDENCE,
  MediationApplicationInput,
  type MediationApplied,
  type PartyRole,
  PORTAL_PHOTO_MAX_BYTES,
} from '@shanzhi/shared';
import { Alert, Button, DatePicker, Flex, Form, Input, Select, Typography, type UploadFile } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { ApiError } from '../../../platform/api/index.js';
import { formFailure, zodRule } from '../../../platform/forms/zod-rules.js';
import { type PortalFileRules, PortalPhotos, photoFilesOf } from '../../portal/components/PortalPhotos.js';
import { applyForMediation } from '../api/portal-mediation.api.js';
import { mediationFailureText } from '../mediation-failure.js';
import { MediationPlaceField } from './MediationPlaceField.js';
import { blankToUndefined, PartyFields } from './PartyFields.js';

type PartyValues = Record<string, string | undefined> & { role: PartyRole };

interface Values {
  field?: string;
  title?: string;
  facts?: string;
  claims?: string;
  orgId?: number;
  occurredAt?: Dayjs | null;
  parties: PartyValues[];
  evidence?: UploadFile[];
}

const shape = MediationApplicationInput.shape;

/** 证据材料: photos or PDFs, sent with the application. */
const EVIDENCE_RULES: PortalFileRules = {
  max: MEDIATION_MAX_EVIDENCE,
  maxBytes: PORTAL_PHOTO_MAX_BYTES,
  types: MEDIATION_EVIDENCE_TYPES,
  refusals: {
    type: 'mediationPortal.apply.evidenceType',
    tooLarge: 'mediationPortal.apply.evidenceTooLarge',
    tooMany: 'mediationPortal.apply.evidenceTooMany',
  },
  add: 'mediationPortal.apply.addEvidence',
  label: 'mediationPortal.apply.evidence',
  icon: <PaperClipOutlined style={{ fontSize: 22 }} />,
};
const PARTY_FIELDS = [
  'role',
  'kind',
  'name',
  'idNumber',
  'creditCode',
  'representative',
  'phone',
  'address',
  'email',
];

/** The fields the server's field errors may name, for a form with `parties` parties. */
function knownFields(parties: number): string[] {
  const each = Array.from({ length: parties }, (_, i) => PARTY_FIELDS.map((f) => `parties.${i}.${f}`));
  return ['field', 'title', 'facts', 'claims', 'orgId', 'occurredAt', 'parties', 'evidence', ...each.flat()];
}

/** The application as the API takes it: blank text left out, each party's fields for his kind only. */
function applicationOf(values: Values): MediationApplicationInput {
  const parties = values.parties.map((party) =>
    Object.fromEntries(Object.entries(party).map(([key, value]) => [key, blankToUndefined(value)])),
  );
  return {
    field: values.field,
    title: values.title ?? '',
    facts: values.facts ?? '',
    claims: values.claims ?? '',
    orgId: values.orgId,
    occurredAt: values.occurredAt?.toISOString(),
    parties,
  } as MediationApplicationInput;
}

/**
 * 申请调解: the online application — the dispute (kind, what happened, what is asked, where and when), its
 * parties, applicants and respondents, persons or organisations, each with a contact, and its evidence
 * (photos or PDFs). Answers the registered dispute's number and state to `onApplied`.
 */
export function MediationApplyForm({ onApplied }: { onApplied: (applied: MediationApplied) => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const [submitting, setSubmitting] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  async function submit(values: Values) {
    setSubmitting(true);
    setFailure(null);
    try {
      onApplied(await applyForMediation(applicationOf(values), photoFilesOf(values.evidence)));
      form.resetFields();
    } catch (error) {
      const withFields = error instanceof ApiError && error.fields.length > 0;
      setFailure(
        withFields
          ? formFailure(form, error, knownFields(values.parties.length), t)
          : mediationFailureText(error, t),
      );
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      name="mediation-apply"
      aria-label={t('mediationPortal.apply.title')}
      initialValues={{ field: 'neighbour', parties: [{ role: 'applicant' }, { role: 'respondent' }] }}
      onFinish={(values) => void submit(values)}
      scrollToFirstError
    >
      <Form.Item
        name="field"
        label={t('mediationPortal.apply.field')}
        rules={[{ required: true, message: t('mediationPortal.apply.fieldRequired') }]}
      >
        <Select options={DISPUTE_FIELDS.map((value) => ({ value, label: DISPUTE_FIELD_LABELS[value] }))} />
      </Form.Item>
      <Form.Item
        name="title"
        required
        label={t('mediationPortal.apply.disputeTitle')}
        rules={[zodRule(shape.title, (v) => v ?? '')]}
      >
        <Input maxLength={100} placeholder={t('mediationPortal.apply.disputeTitlePlaceholder')} />
      </Form.Item>
      <Form.Item
        name="facts"
        required
        label={t('mediationPortal.apply.facts')}
        rules={[zodRule(shape.facts, (v) => v ?? '')]}
      >
        <Input.TextArea
          rows={5}
          count={{ show: true, max: 4000 }}
          placeholder={t('mediationPortal.apply.factsPlaceholder')}
        />
      </Form.Item>
      <Form.Item
        name="claims"
        required
        label={t('mediationPortal.apply.claims')}
        rules={[zodRule(shape.claims, (v) => v ?? '')]}
      >
        <Input.TextArea
          rows={3}
          count={{ show: true, max: 2000 }}
          placeholder={t('mediationPortal.apply.claimsPlaceholder')}
        />
      </Form.Item>
      <Form.Item
        name="orgId"
        label={t('mediationPortal.apply.place')}
        rules={[{ required: true, message: t('mediationPortal.apply.placeRequired') }]}
      >
        <MediationPlaceField />
      </Form.Item>
      <Form.Item name="occurredAt" label={t('mediationPortal.apply.occurredAt')}>
        <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
      </Form.Item>
      <Typography.Title level={5}>{t('mediationPortal.apply.parties')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('mediationPortal.apply.partiesHint')}</Typography.Paragraph>
      <PartyList />
      <Form.Item
        name="evidence"
        label={t('mediationPortal.apply.evidence')}
        extra={t('mediationPortal.apply.evidenceHint', {
          max: MEDIATION_MAX_EVIDENCE,
          mb: PORTAL_PHOTO_MAX_BYTES / 1024 / 1024,
        })}
      >
        <PortalPhotos rules={EVIDENCE_RULES} />
      </Form.Item>
      {failure && <Alert type="error" showIcon message={failure} style={{ marginBottom: 16 }} />}
      <Button
        type="primary"
        htmlType="submit"
        size="large"
        block
        icon={<SendOutlined />}
        loading={submitting}
      >
        {t('mediationPortal.apply.submit')}
      </Button>
    </Form>
  );
}

/** The parties, with one more applicant or respondent on request; the first of each side stays. */
function PartyList() {
  const { t } = useI18n();
  const form = Form.useFormInstance<Values>();
  return (
    <Form.List name="parties">
      {(fields, { add, remove }) => {
        const roles = fields.map(
          (f) => (form.getFieldValue(['parties', f.name, 'role']) as PartyRole) ?? 'applicant',
        );
        return (
          <>
            {fields.map((field, index) => {
              const role = roles[index] ?? 'applicant';
              const first = roles.indexOf(role) === index;
              return (
                <PartyFields
                  key={field.key}
                  name={field.name}
                  role={role}
                  onRemove={first ? undefined : () => remove(field.name)}
                />
              );
            })}
            <Flex gap={8} style={{ marginBottom: 16 }}>
              <Button icon={<PlusOutlined />} onClick={() => add({ role: 'applicant' })}>
                {t('mediationPortal.apply.addApplicant')}
              </Button>
              <Button icon={<PlusOutlined />} onClick={() => add({ role: 'respondent' })}>
                {t('mediationPortal.apply.addRespondent')}
              </Button>
            </Flex>
          </>
        );
      }}
    </Form.List>
  );
}
