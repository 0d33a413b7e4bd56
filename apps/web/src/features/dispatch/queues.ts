import type { CaseAction } from '@shanzhi/shared';
import type { MessageKey } from '../../i18n/messages.zh-CN.js';
import type { CaseListFilters } from '../cases/api/cases.api.js';

/** One queue of the dispatch centre: its tab, the list filter that fills it, the buttons it offers. */
export interface DispatchQueue {
  key: 'registered' | 'returned' | 'replied' | 'extension';
  label: MessageKey;
  filters: CaseListFilters;
  /** the server's actions this queue shows as buttons (others are on the case's page) */
  actions: readonly CaseAction[];
}

const INTAKE_ACTIONS: readonly CaseAction[] = [
  'dispatch',
  'merge',
  'escalate',
  'transfer_to_110',
  'invalidate',
];

/** 待派单, 退单待处理, 待审核, 延期申请: nearest deadline first, so red and yellow cases lead. */
export const DISPATCH_QUEUES: readonly DispatchQueue[] = [
  {
    key: 'registered',
    label: 'dispatch.queueRegistered',
    filters: { state: ['registered'], sort: 'deadline_asc' },
    actions: INTAKE_ACTIONS,
  },
  {
    key: 'returned',
    label: 'dispatch.queueReturned',
    filters: { state: ['returned'], sort: 'deadline_asc' },
    actions: INTAKE_ACTIONS,
  },
  {
    key: 'replied',
    label: 'dispatch.queueReplied',
    filters: { state: ['replied'], sort: 'deadline_asc' },
    actions: ['review', 'rework'],
  },
  {
    key: 'extension',
    label: 'dispatch.queueExtension',
    filters: { state: ['accepted'], extension: 'pending', sort: 'deadline_asc' },
    actions: ['approve_extension', 'refuse_extension'],
  },
];
