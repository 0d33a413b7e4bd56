import type {
  AdmissionExtraInput,
  AdmissionExtraView,
  AssignTaskInput,
  GridAdmissionList,
  GridFindingDetail,
  GridFindingListQuery,
  GridFindingView,
  GridTaskListQuery,
  GridTaskView,
  KeysetPage,
  MissedPatrolItem,
  Page,
  PatrolDetail,
  PatrolListQuery,
  PatrolPlanView,
  PatrolView,
} from '@shanzhi/shared';
import { apiRequest, withQuery } from '../../../platform/api/index.js';

const opts = (signal?: AbortSignal) => (signal ? { signal } : {});

/** Query values as the URL carries them (absent ones left out). */
type QueryOf<Q> = { [K in keyof Q]?: Q[K] | undefined };

/** `GET /api/v1/grid/findings`: a keyset page of findings in the caller's scope. */
export function fetchFindings(
  query: QueryOf<GridFindingListQuery>,
  signal?: AbortSignal,
): Promise<KeysetPage<GridFindingView>> {
  return apiRequest(withQuery('/api/v1/grid/findings', query), opts(signal));
}

/** `GET /api/v1/grid/findings/:id`: a finding with its photos, timeline and case. */
export function fetchFinding(id: number, signal?: AbortSignal): Promise<GridFindingDetail> {
  return apiRequest(`/api/v1/grid/findings/${id}`, opts(signal));
}

/** `GET /api/v1/grid/patrols`: a keyset page of patrols in the caller's scope. */
export function fetchPatrols(
  query: QueryOf<PatrolListQuery>,
  signal?: AbortSignal,
): Promise<KeysetPage<PatrolView>> {
  return apiRequest(withQuery('/api/v1/grid/patrols', query), opts(signal));
}

/** `GET /api/v1/grid/patrols/:id`: a patrol with its route. */
export function fetchPatrol(id: number, signal?: AbortSignal): Promise<PatrolDetail> {
  return apiRequest(`/api/v1/grid/patrols/${id}`, opts(signal));
}

/** `GET /api/v1/grid/patrols/missed`: the grids that patrolled less than planned on a day. */
export async function fetchMissedPatrols(
  query: { day?: string; within?: number },
  signal?: AbortSignal,
): Promise<MissedPatrolItem[]> {
  const answer = await apiRequest<{ items: MissedPatrolItem[] }>(
    withQuery('/api/v1/grid/patrols/missed', query),
    opts(signal),
  );
  return answer.items;
}

/** `GET /api/v1/grid/patrol-plans`: a page of the grids with their plans. */
export function fetchPatrolPlans(
  query: { page: number; pageSize: number; within?: number | undefined },
  signal?: AbortSignal,
): Promise<Page<PatrolPlanView>> {
  return apiRequest(withQuery('/api/v1/grid/patrol-plans', query), opts(signal));
}

/** `PUT /api/v1/grid/patrol-plans/:id`: how many patrols a grid requires per day, from today. */
export function savePatrolPlan(gridId: number, perDay: number): Promise<{ gridId: number; perDay: number }> {
  return apiRequest(`/api/v1/grid/patrol-plans/${gridId}`, { method: 'PUT', body: { perDay } });
}

/** `GET /api/v1/grid/tasks`: a keyset page of tasks, nearest deadline first. */
export function fetchTasks(
  query: QueryOf<GridTaskListQuery>,
  signal?: AbortSignal,
): Promise<KeysetPage<GridTaskView>> {
  return apiRequest(withQuery('/api/v1/grid/tasks', query), opts(signal));
}

/** `POST /api/v1/grid/tasks`: pushes an admission-list item onto a grid. */
export function assignTask(input: AssignTaskInput): Promise<GridTaskView> {
  return apiRequest('/api/v1/grid/tasks', { method: 'POST', body: input });
}

/** `POST /api/v1/grid/tasks/:id/actions/cancel`: withdraws a task. */
export function cancelTask(task: GridTaskView, reason: string): Promise<GridTaskView> {
  return apiRequest(`/api/v1/grid/tasks/${task.id}/actions/cancel`, {
    method: 'POST',
    body: { version: task.version, reason },
  });
}

/** `GET /api/v1/catalog/grid-items`: the grid item admission list. */
export function fetchAdmissionList(signal?: AbortSignal): Promise<GridAdmissionList> {
  return apiRequest('/api/v1/catalog/grid-items', opts(signal));
}

/** `GET /api/v1/grid/admission-extras`: the temporary items, in force or not. */
export async function fetchAdmissionExtras(signal?: AbortSignal): Promise<AdmissionExtraView[]> {
  return (await apiRequest<{ items: AdmissionExtraView[] }>('/api/v1/grid/admission-extras', opts(signal)))
    .items;
}

/** `POST /api/v1/grid/admission-extras`: adds a temporary item until its end date. */
export function addAdmissionExtra(input: AdmissionExtraInput): Promise<AdmissionExtraView> {
  return apiRequest('/api/v1/grid/admission-extras', { method: 'POST', body: input });
}
