import {
  CATALOG_MAX_LEVEL,
  CatalogCode,
  CatalogName,
  CatalogTimeLimitInput,
  type CreateCatalogCategoryInput,
  PRIORITIES,
  type Priority,
  type TimeLimit,
  UnitCode,
  type UpdateCatalogCategoryInput,
} from '@shanzhi/shared';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Flex,
  Form,
  Input,
  Row,
  Select,
  Switch,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { priorityLabel } from '../../../i18n/labels.js';
import { formFailure, zodRule } from '../../../platform/forms/zod-rules.js';
import { type CategoryView, createCategory, type HandlingUnit, updateCategory } from '../api/catalog.api.js';
import { TimeLimitInput } from './TimeLimitInput.js';

/** What the editor shows: an existing category, or a new one under `parent` (null: a new area). */
export type EditorTarget =
  | { kind: 'edit'; category: CategoryView }
  | { kind: 'create'; parent: CategoryView | null };

interface CategoryFormValues {
  code?: string;
  name: string;
  defaultUnitCode?: string;
  priority?: Priority;
  acceptLimit?: Partial<TimeLimit>;
  resolveLimit?: Partial<TimeLimit>;
  police: boolean;
  active: boolean;
}

const FIELDS = [
  'code',
  'name',
  'defaultUnitCode',
  'priority',
  'acceptLimit',
  'resolveLimit',
  'police',
  'active',
];
const LEVEL_KEYS = { 1: 'catalog.level1', 2: 'catalog.level2', 3: 'catalog.level3' } as const;

/** The editor of one category; a leaf (小类) carries its default unit, priority, limits and 110 flag. */
export function CategoryEditor({
  target,
  units,
  canWrite,
  onSaved,
}: {
  target: EditorTarget;
  units: HandlingUnit[];
  canWrite: boolean;
  onSaved: (category: CategoryView) => void;
}) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<CategoryFormValues>();
  const [saving, setSaving] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);

  const level = target.kind === 'edit' ? target.category.level : (target.parent?.level ?? 0) + 1;
  const isLeaf = level === CATALOG_MAX_LEVEL;

  useEffect(() => {
    setFormError(null);
    form.resetFields();
    if (target.kind === 'edit') {
      const c = target.category;
      form.setFieldsValue({
        name: c.name,
        defaultUnitCode: c.defaultUnitCode ?? undefined,
        priority: c.priority ?? undefined,
        acceptLimit: c.acceptLimit ?? undefined,
        resolveLimit: c.resolveLimit ?? undefined,
        police: c.police,
        active: c.active,
      });
    } else {
      form.setFieldsValue({
        name: '',
        police: false,
        active: true,
        ...(isLeaf
          ? {
              priority: 'normal',
              acceptLimit: { value: 2, unit: 'working_hours' },
              resolveLimit: { value: 5, unit: 'working_days' },
            }
          : {}),
      });
    }
  }, [target, form, isLeaf]);

  async function submit(values: CategoryFormValues) {
    setSaving(true);
    setFormError(null);
    try {
      const leafFields = isLeaf
        ? {
            defaultUnitCode: values.defaultUnitCode!,
            priority: values.priority!,
            acceptLimit: values.acceptLimit as TimeLimit,
            resolveLimit: values.resolveLimit as TimeLimit,
          }
        : {};
      let saved: CategoryView;
      if (target.kind === 'create') {
        const input: CreateCatalogCategoryInput = {
          parentId: target.parent?.id ?? null,
          name: values.name.trim(),
          police: values.police,
          active: values.active,
          ...leafFields,
          ...(values.code?.trim() ? { code: values.code.trim() } : {}),
        };
        saved = await createCategory(input);
        message.success(t('catalog.created'));
      } else {
        const c = target.category;
        const changes: UpdateCatalogCategoryInput = {};
        if (values.name.trim() !== c.name) changes.name = values.name.trim();
        if (values.police !== c.police) changes.police = values.police;
        if (values.active !== c.active) changes.active = values.active;
        if (isLeaf) {
          if (leafFields.defaultUnitCode !== c.defaultUnitCode)
            changes.defaultUnitCode = leafFields.defaultUnitCode;
          if (leafFields.priority !== c.priority) changes.priority = leafFields.priority;
          if (!sameLimit(leafFields.acceptLimit, c.acceptLimit)) changes.acceptLimit = leafFields.acceptLimit;
          if (!sameLimit(leafFields.resolveLimit, c.resolveLimit))
            changes.resolveLimit = leafFields.resolveLimit;
        }
        if (Object.keys(changes).length === 0) {
          message.info(t('common.noChanges'));
          return;
        }
        saved = await updateCategory(c.id, changes);
        message.success(t('common.saved'));
      }
      onSaved(saved);
    } catch (error) {
      setFormError(formFailure(form, error, FIELDS, t));
    } finally {
      setSaving(false);
    }
  }

  const unitOptions = [
    { label: t('catalog.units'), options: units.filter((u) => u.kind === 'unit') },
    { label: t('catalog.centres'), options: units.filter((u) => u.kind === 'center') },
  ].map((group) => ({
    label: group.label,
    options: group.options.map((u) => ({ value: u.code, label: u.name })),
  }));

  const heading =
    target.kind === 'edit'
      ? target.category.name
      : target.parent
        ? t('catalog.createUnder', { name: target.parent.name })
        : t('catalog.createArea');

  return (
    <Card
      size="small"
      title={
        <Flex gap={8} align="center" wrap>
          <span>{heading}</span>
          <Tag color="blue" bordered={false}>
            {t(LEVEL_KEYS[level as 1 | 2 | 3])}
          </Tag>
          {target.kind === 'edit' && !target.category.active && <Tag>{t('catalog.inactive')}</Tag>}
          {target.kind === 'edit' && target.category.police && <Tag color="red">110</Tag>}
        </Flex>
      }
    >
      {target.kind === 'edit' && (
        <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginBottom: 12 }}>
          <Descriptions.Item label={t('catalog.code')}>
            <Typography.Text code>{target.category.code}</Typography.Text>
          </Descriptions.Item>
          {isLeaf && (
            <Descriptions.Item label={t('catalog.defaultUnit')}>
              {target.category.defaultUnitName ?? '—'}
            </Descriptions.Item>
          )}
          {isLeaf && target.category.priority && (
            <Descriptions.Item label={t('catalog.priority')}>
              {priorityLabel(target.category.priority, locale)}
            </Descriptions.Item>
          )}
        </Descriptions>
      )}
      {formError && <Alert type="error" showIcon message={formError} style={{ marginBottom: 16 }} />}
      <Form<CategoryFormValues>
        form={form}
        layout="vertical"
        disabled={!canWrite}
        onFinish={submit}
        onValuesChange={() => setFormError(null)}
        name="category-form"
      >
        <Row gutter={16}>
          <Col xs={24} md={target.kind === 'create' ? 12 : 24}>
            <Form.Item name="name" label={t('catalog.name')} rules={[zodRule(CatalogName, (v) => v ?? '')]}>
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          {target.kind === 'create' && (
            <Col xs={24} md={12}>
              <Form.Item
                name="code"
                label={t('catalog.code')}
                extra={t('catalog.codeHint')}
                rules={[zodRule(CatalogCode.optional(), (v) => (v ? v : undefined))]}
              >
                <Input placeholder={t('catalog.codeAuto')} maxLength={14} />
              </Form.Item>
            </Col>
          )}
        </Row>
        {isLeaf && (
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item
                name="defaultUnitCode"
                label={t('catalog.defaultUnit')}
                rules={[zodRule(UnitCode, (v) => v ?? '')]}
              >
                <Select
                  showSearch
                  optionFilterProp="label"
                  options={unitOptions}
                  placeholder={t('catalog.pickUnit')}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="priority"
                label={t('catalog.priority')}
                rules={[{ required: true, message: t('catalog.priorityRequired') }]}
              >
                <Select options={PRIORITIES.map((p) => ({ value: p, label: priorityLabel(p, locale) }))} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="acceptLimit"
                label={t('catalog.acceptLimit')}
                tooltip={t('catalog.acceptLimitHint')}
                rules={[zodRule(CatalogTimeLimitInput, (v) => v ?? {})]}
              >
                <TimeLimitInput />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="resolveLimit"
                label={t('catalog.resolveLimit')}
                tooltip={t('catalog.resolveLimitHint')}
                rules={[zodRule(CatalogTimeLimitInput, (v) => v ?? {})]}
              >
                <TimeLimitInput />
              </Form.Item>
            </Col>
          </Row>
        )}
        <Flex gap={32} wrap>
          <Form.Item
            name="police"
            label={t('catalog.police')}
            valuePropName="checked"
            tooltip={t('catalog.policeHint')}
          >
            <Switch />
          </Form.Item>
          <Form.Item name="active" label={t('catalog.active')} valuePropName="checked">
            <Switch checkedChildren={t('catalog.enabled')} unCheckedChildren={t('catalog.disabled')} />
          </Form.Item>
        </Flex>
        {canWrite && (
          <Button type="primary" htmlType="submit" loading={saving}>
            {target.kind === 'create' ? t('catalog.create') : t('common.save')}
          </Button>
        )}
      </Form>
    </Card>
  );
}

function sameLimit(a: TimeLimit | undefined, b: TimeLimit | null): boolean {
  return a?.value === b?.value && a?.unit === b?.unit;
}
