import { CatalogCode, CatalogName } from '@shanzhi/shared';
import { Alert, Button, Card, Col, Flex, Form, Input, Row, Switch } from 'antd';
import { useEffect } from 'react';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { useSaveForm } from '../../../platform/forms/use-save-form.js';
import { zodRule } from '../../../platform/forms/zod-rules.js';
import { type CategoryView, createCategory, type HandlingUnit, updateCategory } from '../api/catalog.api.js';
import {
  CATEGORY_FIELDS,
  type CategoryFormValues,
  changesOf,
  createInputOf,
  type EditorTarget,
  initialValuesOf,
  isLeafTarget,
} from '../category-form.js';
import { CategoryFacts, CategoryHeading } from './CategoryFacts.js';
import { LeafRuleFields } from './LeafRuleFields.js';

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
  const { t } = useI18n();
  const [form] = Form.useForm<CategoryFormValues>();
  const leaf = isLeafTarget(target);

  async function save(values: CategoryFormValues) {
    if (target.kind === 'create') {
      onSaved(await createCategory(createInputOf(target.parent, values, leaf)));
      return;
    }
    const changes = changesOf(target.category, values, leaf);
    if (Object.keys(changes).length === 0) return 'unchanged';
    onSaved(await updateCategory(target.category.id, changes));
  }
  const { saving, formError, setFormError, submit } = useSaveForm(
    form,
    CATEGORY_FIELDS,
    save,
    target.kind === 'create' ? t('catalog.created') : undefined,
  );

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new target starts a new form
  useEffect(() => {
    setFormError(null);
    form.resetFields();
    form.setFieldsValue(initialValuesOf(target));
  }, [target, form]);

  return (
    <Card size="small" title={<CategoryHeading target={target} />}>
      {target.kind === 'edit' && <CategoryFacts category={target.category} />}
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
        {leaf && <LeafRuleFields units={units} />}
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
