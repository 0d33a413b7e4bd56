import type {
  AdmissionExtraView,
  GridAdmissionList,
  GridFindingDetail,
  GridFindingView,
  GridTaskState,
  GridTaskView,
  KeysetPage,
  PatrolDetail,
  PatrolView,
} from '@shanzhi/shared';
import { apiRequest, withQuery } from '../../../platform/api/index.js';

// What the phone reads. Everything it writes goes through the upload queue (`upload-queue.ts`), never here.

const withSignal = (signal?: AbortSignal) => (signal ? { signal } : {});

/** The worker's own findings, newest first. */
export function fetchMyFindings(
  query: { cursor?: string; limit?: number } = {},
  signal?: AbortSignal,
): Promise<KeysetPage<GridFindingView>> {
  return apiRequest(
    withQuery('/api/v1/grid/findings', { reporter: 'me', limit: query.limit ?? 20, cursor: query.cursor }),
    withSignal(signal),
  );
}

/** One finding with its timeline and the actions the worker may take on it. */
export function fetchFinding(id: number, signal?: AbortSignal): Promise<GridFindingDetail> {
  return apiRequest(`/api/v1/grid/findings/${id}`, withSignal(signal));
}

/** The tasks of the worker's grid in a state, nearest deadline first. */
export function fetchTasks(state: GridTaskState, signal?: AbortSignal): Promise<KeysetPage<GridTaskView>> {
  return apiRequest(withQuery('/api/v1/grid/tasks', { state, limit: 50 }), withSignal(signal));
}

/** The worker's patrols started since `from` (ISO), newest first; only the ones still going with `ongoing`. */
export function fetchMyPatrols(
  userId: number,
  query: { from?: string; ongoing?: boolean; limit?: number },
  signal?: AbortSignal,
): Promise<KeysetPage<PatrolView>> {
  return apiRequest(
    withQuery('/api/v1/grid/patrols', {
      workerUserId: userId,
      from: query.from,
      state: query.ongoing ? 'ongoing' : undefined,
      limit: query.limit ?? 20,
    }),
    withSignal(signal),
  );
}

/** One patrol with its route. */
export function fetchPatrol(id: number, signal?: AbortSignal): Promise<PatrolDetail> {
  return apiRequest(`/api/v1/grid/patrols/${id}`, withSignal(signal));
}

/** An item of the admission list the worker may file a finding under (网格事项). */
export interface AdmissionChoice {
  code: string;
  name: string;
  /** the category (大项) it belongs to */
  categoryName: string;
  /** a temporary item (临时准入), in force until `endsOn` */
  endsOn: string | null;
}

/** The admission list with its temporary items in force, as one list to pick from. */
export async function fetchAdmissionChoices(signal?: AbortSignal): Promise<AdmissionChoice[]> {
  const [list, extras] = await Promise.all([
    apiRequest<GridAdmissionList>('/api/v1/catalog/grid-items', withSignal(signal)),
    apiRequest<{ items: AdmissionExtraView[] }>('/api/v1/grid/admission-extras', withSignal(signal)),
  ]);
  const categoryNames = new Map(list.categories.map((c) => [c.code, c.name]));
  return [
    ...list.categories.flatMap((category) =>
      category.items.map((item) => ({
        code: item.code,
        name: item.name,
        categoryName: category.name,
        endsOn: null,
      })),
    ),
    ...extras.items
      .filter((extra) => extra.inForce)
      .map((extra) => ({
        code: extra.code,
        name: extra.name,
        categoryName: categoryNames.get(extra.categoryCode) ?? extra.categoryCode,
        endsOn: extra.endsOn,
      })),
  ];
}
