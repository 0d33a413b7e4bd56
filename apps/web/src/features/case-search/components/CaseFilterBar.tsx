import { CASE_SOURCES, CASE_STATES, SLA_LIGHTS } from '@shanzhi/shared';
import { Button, Col, DatePicker, Form, Input, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { usePermission } from '../../auth/hooks/use-permission.js';
import { caseSourceLabel, caseStateLabel, lightLabel } from '../../cases/case-labels.js';
import { CategoryTreeSelect } from '../../cases/components/CategoryTreeSelect.js';
import { ChannelInput } from '../../cases/components/ChannelInput.js';
import { OrgTreeSelect } from '../../orgs/components/OrgTreeSelect.js';
import type { CaseSearchFilters } from '../url-filters.js';

interface Values {
  state: string[];
  light: string[];
  source: string[];
  categoryId?: number;
  within?: number;
  channel?: string;
  range?: [Dayjs | null, Dayjs | null] | undefined;
  q?: string;
  phone?: string;
}

function valuesOf(f: CaseSearchFilters): Values {
  return {
    state: f.state,
    light: f.light,
    source: f.source,
    categoryId: f.categoryId,
    within: f.within,
    channel: f.channel,
    range: f.from || f.to ? [f.from ? dayjs(f.from) : null, f.to ? dayjs(f.to) : null] : undefined,
    q: f.q,
    phone: f.phone,
  };
}

const trimmed = (v: string | undefined) => (v?.trim() ? v.trim() : undefined);

/** Every filter of the case list; "查询" hands them up (to the URL), "重置" clears them. */
export function CaseFilterBar({
  filters,
  onSearch,
}: {
  filters: CaseSearchFilters;
  onSearch: (next: Omit<CaseSearchFilters, 'sort' | 'limit'>) => void;
}) {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<Values>();
  const seesPhones = usePermission('personal_data.read');

  // The URL is the truth: back/forward and shared links refill the form.
  useEffect(() => {
    form.resetFields();
    form.setFieldsValue(valuesOf(filters));
  }, [filters, form]);

  function submit(values: Values) {
    const [from, to] = values.range ?? [];
    const next: Omit<CaseSearchFilters, 'sort' | 'limit'> = {
      state: values.state ?? [],
      light: values.light ?? [],
      source: values.source ?? [],
    };
    const optional = {
      categoryId: values.categoryId,
      within: values.within,
      channel: trimmed(values.channel),
      from: from ? from.format('YYYY-MM-DD') : undefined,
      to: to ? to.format('YYYY-MM-DD') : undefined,
      q: trimmed(values.q),
      phone: trimmed(values.phone),
    };
    for (const [key, value] of Object.entries(optional)) {
      if (value !== undefined) Object.assign(next, { [key]: value });
    }
    onSearch(next);
  }

  const col = { xs: 24, sm: 12, lg: 8, xxl: 6 };
  return (
    <Form<Values>
      form={form}
      layout="vertical"
      onFinish={submit}
      initialValues={valuesOf(filters)}
      aria-label={t('search.filters')}
    >
      <Row gutter={12}>
        <Col {...col}>
          <Form.Item name="q" label={t('search.keyword')}>
            <Input allowClear placeholder={t('search.keywordPlaceholder')} maxLength={100} />
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item name="state" label={t('search.state')}>
            <Select
              mode="multiple"
              allowClear
              maxTagCount="responsive"
              placeholder={t('search.all')}
              options={CASE_STATES.map((s) => ({ value: s, label: caseStateLabel(s, locale) }))}
            />
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item name="light" label={t('search.light')}>
            <Select
              mode="multiple"
              allowClear
              placeholder={t('search.all')}
              options={SLA_LIGHTS.map((l) => ({ value: l, label: lightLabel(l, locale) }))}
            />
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item name="source" label={t('search.source')}>
            <Select
              mode="multiple"
              allowClear
              maxTagCount="responsive"
              placeholder={t('search.all')}
              options={CASE_SOURCES.map((s) => ({ value: s, label: caseSourceLabel(s, locale) }))}
            />
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item name="categoryId" label={t('search.category')}>
            <CategoryTreeSelect branches placeholder={t('search.category')} />
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item name="within" label={t('search.within')}>
            <OrgTreeSelect allowClear placeholder={t('search.withinPlaceholder')} />
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item name="range" label={t('search.created')}>
            <DatePicker.RangePicker allowEmpty={[true, true]} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item name="channel" label={t('search.channel')}>
            <ChannelInput allowClear placeholder={t('search.channelPlaceholder')} />
          </Form.Item>
        </Col>
        {seesPhones && (
          <Col {...col}>
            <Form.Item name="phone" label={t('search.phone')}>
              <Input allowClear inputMode="tel" maxLength={20} placeholder={t('search.phonePlaceholder')} />
            </Form.Item>
          </Col>
        )}
      </Row>
      <Row justify="end" gutter={8}>
        <Col>
          <Button
            onClick={() => {
              onSearch({ state: [], light: [], source: [] });
            }}
          >
            {t('search.reset')}
          </Button>
        </Col>
        <Col>
          <Button type="primary" htmlType="submit">
            {t('search.submit')}
          </Button>
        </Col>
      </Row>
    </Form>
  );
}
