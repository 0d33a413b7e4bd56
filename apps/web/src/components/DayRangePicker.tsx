import { DatePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';

/** A period of whole days, ending today at the latest and never empty: the period of a page of numbers. */
export function DayRangePicker({
  value,
  onChange,
  label,
  presets,
}: {
  value: [Dayjs, Dayjs];
  onChange: (range: [Dayjs, Dayjs]) => void;
  /** its name for screen readers */
  label?: string;
  presets?: { label: string; value: [Dayjs, Dayjs] }[];
}) {
  return (
    <DatePicker.RangePicker
      value={value}
      allowClear={false}
      {...(label ? { 'aria-label': label } : {})}
      {...(presets ? { presets } : {})}
      disabledDate={(d) => d.isAfter(dayjs(), 'day')}
      onChange={(next) => {
        if (next?.[0] && next[1]) onChange([next[0], next[1]]);
      }}
    />
  );
}
