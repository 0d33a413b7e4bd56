import {
  CompleteTaskInput,
  DismissFindingInput,
  GRID_FINDING_TRANSITIONS,
  RecordFindingInput,
  RecordVisitInput,
  ReferHazardInput,
  ReportUpInput,
  SolveOnSpotInput,
} from '@shanzhi/shared';
import type { z } from 'zod';
import type { QueuedUpload, UploadSpec } from './offline-queue.js';

/**
 * The uploads of the grid worker's phone as the queue takes them. Each is checked against the very schema the
 * server validates with before it is queued: a mistake is shown on the form at once, not hours later when the
 * phone finds a network.
 */

/** A record an upload is about: on the server already (its id, and the version the worker saw), or being made by the queued upload `key`. */
export type RecordTarget = { id: number; version: number } | { key: string };

/** The actions the phone takes on a finding. */
export type PhoneFindingAction = 'solve_on_spot' | 'report_up' | 'refer_hazard' | 'dismiss';

const ACTION_SCHEMAS = {
  solve_on_spot: SolveOnSpotInput,
  report_up: ReportUpInput,
  refer_hazard: ReferHazardInput,
  dismiss: DismissFindingInput,
} as const;

/** The input of a phone action, without the version (the queue adds the one the record has). */
export type PhoneActionInput<A extends PhoneFindingAction> = Omit<
  z.input<(typeof ACTION_SCHEMAS)[A]>,
  'version'
>;

/** A short form of a worker's text for the list of what waits. */
export function shortText(text: string, length = 16): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > length ? `${flat.slice(0, length)}…` : flat;
}

/** The first message of a failed check, as the server would word it. */
function checked<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const result = schema.safeParse(value);
  if (!result.success)
    throw new UploadInputError(result.error.issues[0]?.message ?? '内容无效', result.error);
  return result.data;
}

/** An upload refused on the phone, before it was queued, with the server's words. */
export class UploadInputError extends Error {
  constructor(
    message: string,
    readonly issues: z.ZodError,
  ) {
    super(message);
  }
}

/**
 * 登记发现 as an upload. Found on a patrol whose start still waits in the queue, the finding names that patrol
 * once its id is known.
 */
export function recordFindingUpload(input: RecordFindingInput, patrol: RecordTarget | null): UploadSpec {
  const body = checked(RecordFindingInput, { ...input, patrolId: undefined });
  const spec: UploadSpec = {
    label: `登记发现：${shortText(body.description)}`,
    kind: 'finding',
    method: 'POST',
    path: '/api/v1/grid/findings',
    body,
  };
  if (patrol && 'id' in patrol) return { ...spec, body: { ...body, patrolId: patrol.id } };
  if (patrol) return { ...spec, refs: { patrol: patrol.key }, idsInBody: { patrolId: 'patrol' } };
  return spec;
}

/** An action on a finding (就地解决, 上报, 撤销) as an upload; `about` names the finding for people. */
export function findingActionUpload<A extends PhoneFindingAction>(
  target: RecordTarget,
  action: A,
  input: PhoneActionInput<A>,
  about: string,
): UploadSpec {
  const version = 'id' in target ? target.version : 0;
  const schema: z.ZodType<Record<string, unknown>> = ACTION_SCHEMAS[action];
  const { version: _checked, ...body } = checked(schema, { ...input, version });
  const spec = {
    label: `${GRID_FINDING_TRANSITIONS[action].label}：${shortText(about)}`,
    kind: 'finding_action',
    method: 'POST' as const,
  };
  if ('id' in target) {
    return {
      ...spec,
      path: `/api/v1/grid/findings/${target.id}/actions/${action}`,
      body: { ...body, version },
    };
  }
  return {
    ...spec,
    path: `/api/v1/grid/findings/{finding}/actions/${action}`,
    body,
    refs: { finding: target.key },
    versionFrom: 'finding',
  };
}

/** 完成任务 as an upload. */
export function completeTaskUpload(
  task: { id: number; version: number; title: string },
  input: { note: string },
): UploadSpec {
  const body = checked(CompleteTaskInput, { ...input, version: task.version });
  return {
    label: `完成任务：${shortText(task.title)}`,
    kind: 'task_action',
    method: 'POST',
    path: `/api/v1/grid/tasks/${task.id}/actions/complete`,
    body,
  };
}

/** The API path of a household visit. */
const VISITS_PATH = '/api/v1/grid/visits';

/** What the worker writes on the phone about a visit: the house comes from the page he is on. */
export type PhoneVisitInput = Omit<z.input<typeof RecordVisitInput>, 'houseId'>;

/** 入户走访 as an upload; the visit keeps the time it was taken, however late the phone finds a network. */
export function recordVisitUpload(house: { id: number; label: string }, input: PhoneVisitInput): UploadSpec {
  return {
    label: `入户走访：${shortText(house.label, 24)}`,
    kind: 'visit',
    method: 'POST',
    path: VISITS_PATH,
    body: checked(RecordVisitInput, { ...input, houseId: house.id }),
  };
}

/** The visits to a house still on the phone. */
export function waitingVisitsTo(items: readonly QueuedUpload[], houseId: number): QueuedUpload[] {
  return items.filter((item) => item.kind === 'visit' && item.body.houseId === houseId);
}

/** What the worker filled in to refer a finding as a safety hazard (转安全隐患). */
export interface ReferHazardValues {
  enterpriseId?: number;
  level?: PhoneActionInput<'refer_hazard'>['level'];
  description?: string;
  place?: string;
}

/**
 * The body of 转安全隐患 from the dialog's values: the description only when the worker changed the finding's
 * (the server describes the hazard as the finding otherwise), the place only when given.
 */
export function referHazardInput(
  values: ReferHazardValues,
  findingDescription: string,
): PhoneActionInput<'refer_hazard'> {
  const description = values.description?.trim();
  const place = values.place?.trim();
  return {
    enterpriseId: values.enterpriseId as number,
    level: values.level ?? 'general',
    ...(description && description !== findingDescription.trim() ? { description } : {}),
    ...(place ? { place } : {}),
  };
}
