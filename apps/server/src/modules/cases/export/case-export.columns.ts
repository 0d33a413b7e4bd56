import {
  CASE_SOURCE_LABELS,
  CASE_STATE_LABELS,
  CASE_TYPE_LABELS,
  type CaseSource,
  type CaseState,
  type CaseType,
  PRIORITY_LABELS,
  type Priority,
  SATISFACTION_LABELS,
  type Satisfaction,
  SLA_LIGHT_LABELS,
  type SlaLight,
  toBeijingDateTime,
} from '@shanzhi/shared';
import type { CaseExportView } from '../cases.presenter.js';
import type { CaseRow } from '../cases.repository.js';

/**
 * What one export row is made of: the stored case, its view (masked for the caller) and names. Whatever a
 * person typed or may identify someone — the citizen's fields, the title, the content — is read from `view`;
 * `row` gives only what is no personal data (states, times, counts, ids).
 */
export interface ExportRowSource {
  row: CaseRow;
  /** the case as the list presents it to this caller, with its content: personal data already masked */
  view: CaseExportView;
  /** names of orgs by id (community, grid … which the list view does not carry) */
  orgName(id: number | null): string;
}

/** One column of the export: its Chinese header, its width in characters and its cell. */
export interface ExportColumn {
  header: string;
  width: number;
  value(source: ExportRowSource): string | number | null;
}

/** `YYYY-MM-DD HH:mm` in Beijing time: the sheet shows wall-clock time, not UTC. */
function beijingDateTime(at: Date | null): string | null {
  return at ? toBeijingDateTime(at) : null;
}

function labelOf<K extends string>(labels: Record<K, string>, key: string | null): string | null {
  if (key === null) return null;
  return (labels as Record<string, string>)[key] ?? key;
}

/** The columns of the case export, in sheet order. */
export const EXPORT_COLUMNS: readonly ExportColumn[] = [
  { header: '工单编号', width: 20, value: (s) => s.row.number },
  { header: '登记时间', width: 17, value: (s) => beijingDateTime(s.row.createdAt) },
  { header: '来源', width: 12, value: (s) => labelOf<CaseSource>(CASE_SOURCE_LABELS, s.row.source) },
  { header: '渠道', width: 10, value: (s) => s.row.channel },
  { header: '类型', width: 6, value: (s) => labelOf<CaseType>(CASE_TYPE_LABELS, s.row.type) },
  { header: '紧急程度', width: 8, value: (s) => labelOf<Priority>(PRIORITY_LABELS, s.row.priority) },
  { header: '事项类别', width: 24, value: (s) => s.view.category?.name ?? null },
  { header: '标题', width: 36, value: (s) => s.view.title },
  { header: '诉求内容', width: 60, value: (s) => s.view.description },
  { header: '诉求人', width: 10, value: (s) => s.view.citizenName },
  { header: '联系电话', width: 14, value: (s) => s.view.citizenPhone },
  { header: '地址', width: 36, value: (s) => s.view.address },
  { header: '所属区', width: 10, value: (s) => s.orgName(s.row.districtId) },
  { header: '所属街道', width: 14, value: (s) => s.orgName(s.row.townId) },
  { header: '所属社区', width: 14, value: (s) => s.orgName(s.row.communityId) },
  { header: '所属网格', width: 14, value: (s) => s.orgName(s.row.gridId) },
  { header: '承办单位', width: 20, value: (s) => s.orgName(s.row.leadUnitId) },
  { header: '首接单位', width: 20, value: (s) => s.orgName(s.row.firstReceiverOrgId) },
  { header: '状态', width: 8, value: (s) => labelOf<CaseState>(CASE_STATE_LABELS, s.row.state) },
  { header: '签收时限', width: 17, value: (s) => beijingDateTime(s.row.acceptDeadline) },
  { header: '办理时限', width: 17, value: (s) => beijingDateTime(s.row.resolveDeadline) },
  { header: '时限状态', width: 8, value: (s) => labelOf<SlaLight>(SLA_LIGHT_LABELS, s.row.light) },
  { header: '签收时间', width: 17, value: (s) => beijingDateTime(s.row.acceptedAt) },
  { header: '办结反馈时间', width: 17, value: (s) => beijingDateTime(s.row.repliedAt) },
  { header: '结案时间', width: 17, value: (s) => beijingDateTime(s.row.closedAt) },
  { header: '退单次数', width: 8, value: (s) => s.row.returns },
  { header: '返工次数', width: 8, value: (s) => s.row.reworks },
  {
    header: '满意度',
    width: 8,
    value: (s) => labelOf<Satisfaction>(SATISFACTION_LABELS, s.row.satisfaction),
  },
];
