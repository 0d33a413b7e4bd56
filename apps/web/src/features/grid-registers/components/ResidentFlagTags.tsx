import { RESIDENT_FLAGS, type ResidentFlag } from '@shanzhi/shared';
import { Tag } from 'antd';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { labelOf } from './code-labels.js';

const CARE = new Set<string>(RESIDENT_FLAGS.filter((f) => f.group === 'care').map((f) => f.code));

/** A resident's groups as tags: those the grid looks after in blue, those it keeps an eye on in orange. */
export function ResidentFlagTags({ flags }: { flags: readonly ResidentFlag[] }) {
  const { locale } = useI18n();
  return (
    <>
      {flags.map((flag) => (
        <Tag key={flag} color={CARE.has(flag) ? 'blue' : 'orange'} bordered={false}>
          {labelOf(RESIDENT_FLAGS, flag, locale)}
        </Tag>
      ))}
    </>
  );
}
