import { PhoneOutlined } from '@ant-design/icons';
import { CASE_SOURCES, CASE_TYPES, type KnowledgeEntry, PRIORITIES, RegisterInput } from '@shanzhi/shared';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Flex,
  Form,
  Input,
  Radio,
  Row,
  Select,
  Space,
  Switch,
  Typography,
} from 'antd';
import { useState } from 'react';
import { PageTitle } from '../../../components/PageTitle.js';
import { errorText } from '../../../i18n/error-text.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { priorityLabel } from '../../../i18n/labels.js';
import { ApiError } from '../../../platform/api/index.js';
import { showServerFieldErrors } from '../../../platform/forms/zod-rules.js';
import { useDebounced } from '../../../platform/hooks/use-debounced.js';
import { type CaseDetail, fetchCase, registerCase } from '../../cases/api/cases.api.js';
import { caseSourceLabel, caseTypeLabel } from '../../cases/case-labels.js';
import { CaseActionDialog } from '../../cases/components/CaseActionDialog.js';
import { CategoryTreeSelect } from '../../cases/components/CategoryTreeSelect.js';
import { ChannelInput } from '../../cases/components/ChannelInput.js';
import { LocationField, type PickedPlace } from '../../cases/components/LocationField.js';
import { CallerHistory } from '../components/CallerHistory.js';
import { DuplicatesPanel } from '../components/DuplicatesPanel.js';
import { KnowledgePanel } from '../components/KnowledgePanel.js';
import { RegisteredResult } from '../components/RegisteredResult.js';
import { SuggestionPanel } from '../components/SuggestionPanel.js';
import { intakeKeyDown } from '../intake-keys.js';

/** The fields of the intake form, as `RegisterInput` names them. */
const FIELDS = [
  'citizenPhone',
  'citizenName',
  'anonymous',
  'keepPrivate',
  'source',
  'channelCode',
  'externalRef',
  'type',
  'priority',
  'categoryId',
  'title',
  'content',
  'address',
  'location',
] as const;

type FollowUp = { action: 'resolve_on_call' | 'transfer_to_110'; initial?: Record<string, unknown> };

const INITIAL = {
  source: 'hotline_12345',
  type: 'complaint',
  priority: 'normal',
  anonymous: false,
  keepPrivate: false,
};

/** The request body from the form's values: empty text left out, the picked point as the location. */
function bodyOf(values: Record<string, unknown>, place: PickedPlace | null): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const name of FIELDS) {
    const value = values[name];
    if (typeof value === 'string') {
      if (value.trim() !== '') body[name] = value.trim();
    } else if (value !== undefined && value !== null) body[name] = value;
  }
  if (place) body.location = { longitude: place.point.lng, latitude: place.point.lat };
  return body;
}

/**
 * 坐席受理: the 12345 agent's registration form, built for a phone call — the caller's number first with his
 * earlier cases at once, the catalog as a searchable tree, a map picker that locates grid to district, the
 * knowledge base for 直接办结, the classifier's suggestion, possible duplicates and one-click 转110. Enter moves
 * on, Ctrl+Enter registers.
 */
export function IntakePage() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [place, setPlace] = useState<PickedPlace | null>(null);
  const [busy, setBusy] = useState(false);
  const [general, setGeneral] = useState<string[]>([]);
  const [registered, setRegistered] = useState<CaseDetail | null>(null);
  const [followUp, setFollowUp] = useState<FollowUp | null>(null);
  // a suggested area to open the catalog at (a new object each time, so the same area opens it again)
  const [browse, setBrowse] = useState<{ id: number } | null>(null);

  const phone = useDebounced((Form.useWatch('citizenPhone', form) as string | undefined) ?? '', 350);
  const title = useDebounced((Form.useWatch('title', form) as string | undefined) ?? '', 600);
  const content = useDebounced((Form.useWatch('content', form) as string | undefined) ?? '', 600);
  const categoryId = Form.useWatch('categoryId', form) as number | undefined;
  const source = Form.useWatch('source', form) as string | undefined;

  async function register(): Promise<CaseDetail | null> {
    if (registered) return registered;
    const body = bodyOf(form.getFieldsValue(true) as Record<string, unknown>, place);
    const check = RegisterInput.safeParse(body);
    const errors = new Map<string, string>();
    const unplaced: string[] = [];
    if (!check.success) {
      for (const issue of check.error.issues) {
        const name = String(issue.path[0] ?? '');
        if ((FIELDS as readonly string[]).includes(name)) errors.set(name, errors.get(name) ?? issue.message);
        else unplaced.push(issue.message);
      }
    }
    form.setFields(FIELDS.map((name) => ({ name, errors: errors.has(name) ? [errors.get(name)!] : [] })));
    setGeneral(unplaced);
    if (!check.success) {
      message.error(t('intake.fixErrors'));
      return null;
    }
    setBusy(true);
    try {
      const detail = await registerCase(check.data);
      setRegistered(detail);
      message.success(t('intake.registeredToast', { number: detail.number }));
      return detail;
    } catch (error) {
      if (error instanceof ApiError && error.code === 'VALIDATION_FAILED') {
        setGeneral(showServerFieldErrors(form, error, FIELDS));
      } else setGeneral([errorText(error, t)]);
      return null;
    } finally {
      setBusy(false);
    }
  }

  async function registerThen(next: FollowUp) {
    const detail = await register();
    if (!detail) return;
    if (!detail.actions.includes(next.action)) {
      message.warning(t('intake.actionUnavailable'));
      return;
    }
    setFollowUp(next);
  }

  function startOver() {
    form.resetFields();
    setPlace(null);
    setRegistered(null);
    setGeneral([]);
    setFollowUp(null);
    window.setTimeout(() => document.getElementById('intake_citizenPhone')?.focus(), 0);
  }

  const resolveWith = (entry: KnowledgeEntry) =>
    void registerThen({
      action: 'resolve_on_call',
      initial: { knowledgeEntryId: entry.id, answer: entry.answer },
    });
  const transfer110 = () => void registerThen({ action: 'transfer_to_110' });
  const field = (name: string) => ({ 'data-field': name });

  const formCard = (
    <Card
      title={
        <span>
          <PhoneOutlined /> {t('intake.formTitle')}
        </span>
      }
      extra={<Typography.Text type="secondary">{t('intake.keysHint')}</Typography.Text>}
    >
      <Form
        form={form}
        name="intake"
        layout="vertical"
        initialValues={INITIAL}
        onKeyDown={(event) => intakeKeyDown(event, () => void register())}
        requiredMark
      >
        <Row gutter={16}>
          <Col xs={24} md={8} {...field('citizenPhone')}>
            <Form.Item name="citizenPhone" label={t('intake.phone')}>
              <Input autoFocus inputMode="tel" placeholder={t('intake.phonePlaceholder')} maxLength={20} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8} {...field('citizenName')}>
            <Form.Item name="citizenName" label={t('intake.citizenName')}>
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col xs={12} md={4} {...field('anonymous')}>
            <Form.Item name="anonymous" label={t('intake.anonymous')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
          <Col xs={12} md={4} {...field('keepPrivate')}>
            <Form.Item name="keepPrivate" label={t('intake.keepPrivate')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col xs={24} md={8} {...field('source')}>
            <Form.Item name="source" label={t('intake.source')} required>
              <Select options={CASE_SOURCES.map((s) => ({ value: s, label: caseSourceLabel(s, locale) }))} />
            </Form.Item>
          </Col>
          {source === 'online' && (
            <Col xs={24} md={8} {...field('channelCode')}>
              <Form.Item name="channelCode" label={t('intake.channel')} required>
                <ChannelInput placeholder={t('intake.channelPlaceholder')} />
              </Form.Item>
            </Col>
          )}
          {source === 'transfer_110' && (
            <Col xs={24} md={8} {...field('externalRef')}>
              <Form.Item name="externalRef" label={t('field.policeRef')} required>
                <Input maxLength={64} />
              </Form.Item>
            </Col>
          )}
        </Row>
        <Row gutter={16}>
          <Col xs={24} md={14} {...field('type')}>
            <Form.Item name="type" label={t('intake.type')} required>
              <Radio.Group
                optionType="button"
                options={CASE_TYPES.map((v) => ({ value: v, label: caseTypeLabel(v, locale) }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={10} {...field('priority')}>
            <Form.Item name="priority" label={t('intake.priority')} required>
              <Radio.Group
                optionType="button"
                buttonStyle="solid"
                options={PRIORITIES.map((v) => ({ value: v, label: priorityLabel(v, locale) }))}
              />
            </Form.Item>
          </Col>
        </Row>
        <div {...field('categoryId')}>
          <Form.Item name="categoryId" label={t('intake.category')} extra={t('intake.categoryHint')}>
            <CategoryTreeSelect
              browse={browse}
              onPicked={(category) => {
                if (category?.priority) form.setFieldValue('priority', category.priority);
              }}
            />
          </Form.Item>
        </div>
        <div {...field('title')}>
          <Form.Item name="title" label={t('intake.title')}>
            <Input maxLength={100} placeholder={t('intake.titlePlaceholder')} />
          </Form.Item>
        </div>
        <div {...field('content')}>
          <Form.Item name="content" label={t('intake.content')} required>
            <Input.TextArea autoSize={{ minRows: 4, maxRows: 10 }} showCount maxLength={5000} />
          </Form.Item>
        </div>
        <div {...field('address')}>
          <Form.Item name="address" label={t('intake.address')}>
            <Input maxLength={200} placeholder={t('intake.addressPlaceholder')} />
          </Form.Item>
        </div>
        <Form.Item name="location" label={t('intake.location')}>
          <LocationField
            value={place}
            onChange={(picked) => {
              setPlace(picked);
              form.setFields([{ name: 'location', errors: [] }]);
              if (picked && !form.getFieldValue('address')) form.setFieldValue('address', picked.areaName);
            }}
          />
        </Form.Item>
        {general.length > 0 && (
          <Alert type="error" showIcon message={general.join('；')} style={{ marginBottom: 12 }} />
        )}
        <Flex gap={8} wrap justify="flex-end">
          <Button danger onClick={transfer110} disabled={busy}>
            {t('intake.transfer110')}
          </Button>
          <Button type="primary" size="large" loading={busy} onClick={() => void register()}>
            {t('intake.submit')}
          </Button>
        </Flex>
      </Form>
    </Card>
  );

  return (
    <Flex vertical>
      <PageTitle title={t('menu.intake')} description={t('intake.description')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          {registered ? (
            <RegisteredResult
              registered={registered}
              onChanged={setRegistered}
              onStale={() => void fetchCase(registered.id).then(setRegistered)}
              onNext={startOver}
            />
          ) : (
            formCard
          )}
        </Col>
        <Col xs={24} xl={9}>
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            <CallerHistory phone={registered?.citizenPhone ?? phone} />
            {!registered && (
              <SuggestionPanel
                title={title}
                description={content}
                onApplyCategory={(id) => form.setFieldValue('categoryId', id)}
                onBrowseCategory={(id) => setBrowse({ id })}
                onTransfer110={transfer110}
              />
            )}
            {!registered && (
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
            <KnowledgePanel
              seed={title || content}
              onResolve={resolveWith}
              resolveDisabled={
                busy || (registered !== null && !registered.actions.includes('resolve_on_call'))
              }
            />
          </Space>
        </Col>
      </Row>
      {registered && followUp && (
        <CaseActionDialog
          caseData={registered}
          action={followUp.action}
          onClose={() => setFollowUp(null)}
          onDone={setRegistered}
          onStale={() => void fetchCase(registered.id).then(setRegistered)}
          {...(followUp.initial ? { initialValues: followUp.initial } : {})}
        />
      )}
    </Flex>
  );
}
