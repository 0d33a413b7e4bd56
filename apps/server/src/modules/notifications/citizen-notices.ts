import type { OutboxCasePayload } from '../cases/case-outbox.js';

/** The progress of a master case its duplicates' citizens are told of, with the words for it. */
const MASTER_PROGRESS: Partial<Record<string, string>> = {
  'case.dispatched': '已派至承办单位办理',
  'case.accepted': '承办单位已签收，正在办理',
  'case.progress_recorded': '有新的办理进展',
  'case.reviewed': '已办理完毕',
  'case.closed': '已办结',
  'case.reopened': '已重新交办',
};

/** A case as far as a citizen's notice needs it. */
export interface NoticeCase {
  id: number;
  number: string;
  citizenPhone: string | null;
}

/** A notice for a citizen without an account, keyed by his case and phone (see `citizenNotifications`). */
export interface PlannedCitizenNotice {
  caseId: number;
  caseNumber: string;
  phone: string;
  masterCaseId: number;
  event: string;
  body: string;
}

/**
 * 合并件告知: the citizen of a merged duplicate is told when his case joins a master, and then of the
 * master's progress (DOMAIN.md §3). `duplicates` are the cases following the event's case.
 */
export function planCitizenNotices(
  topic: string,
  payload: OutboxCasePayload,
  subject: NoticeCase,
  master: NoticeCase | undefined,
  duplicates: readonly NoticeCase[],
): PlannedCitizenNotice[] {
  if (topic === 'case.merged' && master && subject.citizenPhone) {
    return [
      {
        caseId: subject.id,
        caseNumber: subject.number,
        phone: subject.citizenPhone,
        masterCaseId: master.id,
        event: topic,
        body: `您反映的问题（工单 ${subject.number}）与工单 ${master.number} 为同一事项，已合并办理，办理进展将另行告知。`,
      },
    ];
  }
  const progress = MASTER_PROGRESS[topic];
  if (!progress) return [];
  return duplicates.flatMap((dup) =>
    dup.citizenPhone && dup.id !== payload.caseId
      ? [
          {
            caseId: dup.id,
            caseNumber: dup.number,
            phone: dup.citizenPhone,
            masterCaseId: payload.caseId,
            event: topic,
            body: `您反映的问题（工单 ${dup.number}）已与工单 ${subject.number} 合并办理，该工单${progress}。`,
          },
        ]
      : [],
  );
}
