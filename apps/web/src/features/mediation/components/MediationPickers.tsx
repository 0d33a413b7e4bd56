import { DISPUTE_FIELD_LABELS, DISPUTE_FIELDS, type DisputeField } from '@shanzhi/shared';
import { Select, type SelectProps } from 'antd';
import { useApi } from '../../../platform/api/index.js';
import { fetchCommittees, fetchMediators } from '../api/mediation.api.js';

type PickerProps<T> = Omit<SelectProps<T>, 'options'>;

/** 纠纷类型 as a select, labels from the shared contract. */
export function DisputeFieldSelect(props: PickerProps<DisputeField>) {
  return (
    <Select<DisputeField>
      {...props}
      options={DISPUTE_FIELDS.map((f) => ({ value: f, label: DISPUTE_FIELD_LABELS[f] }))}
    />
  );
}

/** A mediation committee of the caller's scope. */
export function CommitteeSelect(props: PickerProps<number>) {
  const committees = useApi((signal) => fetchCommittees(signal), []);
  return (
    <Select<number>
      showSearch
      optionFilterProp="label"
      loading={committees.loading}
      {...props}
      options={(committees.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
    />
  );
}

/** A mediator, of one committee when `committeeId` is given; 金牌调解员 marked. */
export function MediatorSelect({ committeeId, ...props }: PickerProps<number> & { committeeId?: number }) {
  const mediators = useApi((signal) => fetchMediators({ committee: committeeId }, signal), [committeeId]);
  return (
    <Select<number>
      showSearch
      optionFilterProp="label"
      loading={mediators.loading}
      {...props}
      options={(mediators.data ?? []).map((m) => ({
        value: m.id,
        label: `${m.name}${m.gold ? '（金牌）' : ''} · 在办 ${m.openDisputes}`,
      }))}
    />
  );
}
