import dayjs from 'dayjs';
import { priorityLabel, timeLimitText } from '../../i18n/labels.js';
import type { Locale } from '../../i18n/locale.js';
import {
  caseSourceLabel,
  caseTypeLabel,
  channelLabel,
  satisfactionLabel,
  supervisionLevelLabel,
} from '../cases/case-labels.js';
import { ORG_CHANGE_KEYS } from './hooks/use-org-names.js';

const LABELS: Record<string, { zh: string; en: string }> = {
  categoryId: { zh: '事项分类', en: 'Category' },
  leadUnitId: { zh: '主办单位', en: 'Lead unit' },
  coHandlerIds: { zh: '协办单位', en: 'Co-handlers' },
  acceptDeadline: { zh: '签收截止', en: 'Accept by' },
  resolveDeadline: { zh: '办结截止', en: 'Resolve by' },
  currentDeadline: { zh: '原截止时间', en: 'Current deadline' },
  requestedDeadline: { zh: '申请延至', en: 'Requested deadline' },
  acceptedOnTime: { zh: '按时签收', en: 'Accepted on time' },
  returnedByOrgId: { zh: '退单单位', en: 'Returned by' },
  fromOrgId: { zh: '原归属', en: 'From' },
  toOrgId: { zh: '上报至', en: 'To' },
  outcome: { zh: '审核结论', en: 'Outcome' },
  limit: { zh: '返工时限', en: 'Rework limit' },
  level: { zh: '督办级别', en: 'Supervision level' },
  masterCaseId: { zh: '主工单', en: 'Master case' },
  masterCaseNumber: { zh: '主工单编号', en: 'Master case number' },
  formerMasterCaseId: { zh: '原主工单', en: 'Former master case' },
  threeWayCall: { zh: '三方通话', en: 'Three-way call' },
  externalRef: { zh: '110警情编号', en: '110 incident number' },
  unitIds: { zh: '会商单位', en: 'Consulted units' },
  reached: { zh: '回访接通', en: 'Reached' },
  contacted: { zh: '承办单位已联系', en: 'Unit contacted citizen' },
  solved: { zh: '问题已解决', en: 'Solved' },
  satisfaction: { zh: '满意度', en: 'Satisfaction' },
  light: { zh: '亮灯', en: 'Light' },
  type: { zh: '诉求类型', en: 'Type' },
  source: { zh: '来源', en: 'Source' },
  priority: { zh: '优先级', en: 'Priority' },
  areaOrgId: { zh: '所在区域', en: 'Area' },
  currentOrgId: { zh: '归属', en: 'Owned by' },
  channel: { zh: '渠道', en: 'Channel' },
  reportedStatus: { zh: '群众反馈状态', en: 'Status the citizen reported' },
  mediaUrl: { zh: '图片地址', en: 'Media URL' },
};

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

// References kept in the record for the system (which template or knowledge entry an answer came from),
// not facts a reader of the case file needs: their ids would mean nothing on screen.
// An open-API client's own id and clock of a citizen's update serve its retries, not the reader.
const INTERNAL_KEYS = new Set(['templateId', 'knowledgeEntryId', 'clientUpdateId', 'clientUpdatedAt']);

/** The names a timeline's ids stand for: orgs, and catalog categories. */
export interface TimelineNames {
  orgs: Map<number, string>;
  categories: Map<number, string>;
}

/** One value of a change, for people. */
function valueText(key: string, value: unknown, names: TimelineNames, locale: Locale): string {
  const en = locale === 'en';
  if (value === null || value === undefined) return '—';
  if (typeof value === 'boolean') return value ? (en ? 'yes' : '是') : en ? 'no' : '否';
  if (ORG_CHANGE_KEYS.includes(key)) {
    const ids = Array.isArray(value) ? value : [value];
    return ids.length === 0 ? '—' : ids.map((id) => names.orgs.get(Number(id)) ?? `#${id}`).join('、');
  }
  if (key === 'categoryId' && typeof value === 'number') return names.categories.get(value) ?? `#${value}`;
  if (key === 'satisfaction' && typeof value === 'string') return satisfactionLabel(value, locale);
  if (key === 'level' && typeof value === 'string') return supervisionLevelLabel(value, locale);
  if (key === 'type' && typeof value === 'string') return caseTypeLabel(value, locale);
  if (key === 'source' && typeof value === 'string') return caseSourceLabel(value, locale);
  if (key === 'channel' && typeof value === 'string') return channelLabel(value, locale);
  if (key === 'priority' && typeof value === 'string') return priorityLabel(value, locale);
  if (key === 'outcome' && value === 'approve') return en ? 'approved' : '通过';
  if (typeof value === 'string' && ISO.test(value)) return dayjs(value).format('YYYY-MM-DD HH:mm');
  if (typeof value === 'object' && !Array.isArray(value) && 'to' in (value as object)) {
    const v = value as { from?: unknown; to?: unknown };
    return `${valueText(key, v.from, names, locale)} → ${valueText(key, v.to, names, locale)}`;
  }
  if (typeof value === 'object' && !Array.isArray(value) && 'value' in (value as object)) {
    const v = value as { value: unknown; unit?: unknown };
    return timeLimitText({ value: Number(v.value), unit: String(v.unit ?? '') }, locale);
  }
  if (Array.isArray(value)) return value.map((v) => valueText(key, v, names, locale)).join('、');
  if (typeof value === 'object') return '';
  return String(value);
}

/** The changed fields of a timeline event as label/value pairs (empty values left out). */
export function changeLines(
  changes: Record<string, unknown>,
  names: TimelineNames,
  locale: Locale,
): { label: string; value: string }[] {
  return (
    Object.entries(changes)
      .filter(([key, v]) => !INTERNAL_KEYS.has(key) && v !== null && v !== undefined)
      .filter(([, v]) => !(Array.isArray(v) && v.length === 0))
      .map(([key, v]) => ({
        label: LABELS[key] ? LABELS[key][locale === 'en' ? 'en' : 'zh'] : key,
        value: valueText(key, v, names, locale),
      }))
      // a structured value of no known shape (a classifier's suggestion …) stays in the record, not on screen
      .filter((line) => line.value !== '')
  );
}
