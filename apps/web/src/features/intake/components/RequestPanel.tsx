import { CASE_SOURCES, CASE_TYPES, PRIORITIES } from '@shanzhi/shared';
import { Col, Form, Input, Radio, Row, Select } from 'antd';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { priorityLabel } from '../../../i18n/labels.js';
import { RADIO_GROUP_ROLE } from '../../../platform/forms/radio-group-role.js';
import { caseSourceLabel, caseTypeLabel } from '../../cases/case-labels.js';
import { CategoryTreeSelect } from '../../cases/components/CategoryTreeSelect.js';
import { ChannelInput } from '../../cases/components/ChannelInput.js';
import { LocationField, type PickedPlace } from '../../cases/components/LocationField.js';
import { enterStop } from '../intake-keys.js';

/** 来源, with the online channel or the 110 reference when the source needs one. */
function SourceRow() {
  const { t, locale } = useI18n();
  const source = Form.useWatch('source', Form.useFormInstance()) as string | undefined;
  return (
    <Row gutter={16}>
      <Col xs={24} md={8} {...enterStop('source')}>
        {/* always set (no clear button), so no required mark: antd would put aria-required on the
            select's outer box, where it means nothing to a screen reader */}
        <Form.Item name="source" label={t('intake.source')}>
          <Select options={CASE_SOURCES.map((s) => ({ value: s, label: caseSourceLabel(s, locale) }))} />
        </Form.Item>
      </Col>
      {source === 'online' && (
        <Col xs={24} md={8} {...enterStop('channelCode')}>
          <Form.Item name="channelCode" label={t('intake.channel')} required>
            <ChannelInput placeholder={t('intake.channelPlaceholder')} />
          </Form.Item>
        </Col>
      )}
      {source === 'transfer_110' && (
        <Col xs={24} md={8} {...enterStop('externalRef')}>
          <Form.Item name="externalRef" label={t('field.policeRef')} required>
            <Input maxLength={64} />
          </Form.Item>
        </Col>
      )}
    </Row>
  );
}

/** 诉求类型 and 优先级, each a row of buttons. */
function TypeAndPriorityRow() {
  const { t, locale } = useI18n();
  return (
    <Row gutter={16}>
      <Col xs={24} md={14} {...enterStop('type')}>
        <Form.Item name="type" label={t('intake.type')} required>
          <Radio.Group
            {...RADIO_GROUP_ROLE}
            optionType="button"
            options={CASE_TYPES.map((v) => ({ value: v, label: caseTypeLabel(v, locale) }))}
          />
        </Form.Item>
      </Col>
      <Col xs={24} md={10} {...enterStop('priority')}>
        <Form.Item name="priority" label={t('intake.priority')} required>
          <Radio.Group
            {...RADIO_GROUP_ROLE}
            optionType="button"
            buttonStyle="solid"
            options={PRIORITIES.map((v) => ({ value: v, label: priorityLabel(v, locale) }))}
          />
        </Form.Item>
      </Col>
    </Row>
  );
}

/**
 * The request's part of the intake form: source, type and priority, the catalog category (whose priority it
 * takes), title, content, address and the point on the map. Props: `browse` (a catalog area to open);
 * `place`, `onPlace(picked)` (the point on the map).
 */
export function RequestPanel({
  browse,
  place,
  onPlace,
}: {
  browse: { id: number } | null;
  place: PickedPlace | null;
  onPlace: (picked: PickedPlace | null) => void;
}) {
  const { t } = useI18n();
  const form = Form.useFormInstance();
  return (
    <>
      <SourceRow />
      <TypeAndPriorityRow />
      <div {...enterStop('categoryId')}>
        <Form.Item name="categoryId" label={t('intake.category')} extra={t('intake.categoryHint')}>
          <CategoryTreeSelect
            browse={browse}
            onPicked={(category) => {
              if (category?.priority) form.setFieldValue('priority', category.priority);
            }}
          />
        </Form.Item>
      </div>
      <div {...enterStop('title')}>
        <Form.Item name="title" label={t('intake.title')}>
          <Input maxLength={100} placeholder={t('intake.titlePlaceholder')} />
        </Form.Item>
      </div>
      <div {...enterStop('content')}>
        <Form.Item name="content" label={t('intake.content')} required>
          <Input.TextArea autoSize={{ minRows: 4, maxRows: 10 }} showCount maxLength={5000} />
        </Form.Item>
      </div>
      <div {...enterStop('address')}>
        <Form.Item name="address" label={t('intake.address')}>
          <Input maxLength={200} placeholder={t('intake.addressPlaceholder')} />
        </Form.Item>
      </div>
      <Form.Item name="location" label={t('intake.location')}>
        <LocationField value={place} onChange={onPlace} />
      </Form.Item>
    </>
  );
}
