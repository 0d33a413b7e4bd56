import {
  CategoryList,
  CategoryListQuery,
  CategoryView,
  CreateCatalogCategoryInput,
  GridAdmissionList,
  MAX_EXTENSION,
  TIME_LIMIT_PROFILE_IDS,
  TIME_LIMIT_PROFILE_LABELS,
  TIME_LIMIT_PROFILES,
  TimeLimitProfilesAnswer,
  UpdateCatalogCategoryInput,
} from '@shanzhi/shared';
import type { AppContext } from '../../platform/context.js';
import { actorOf } from '../../platform/http/authenticate.js';
import { IdParams, STANDARD_ERRORS } from '../../platform/http/common.schemas.js';
import type { ApiInstance } from '../../platform/http/types.js';
import { presentCategory } from './catalog.presenter.js';
import { listCategories } from './catalog.repository.js';
import { changeCategory, createCategory, loadCategory } from './catalog.service.js';
import { loadGridAdmissionList } from './sources/grid-admission-list.js';

const tags = ['catalog'];

/** The matter catalog (事项目录), its time-limit profiles and the grid item admission list. */
export function registerCatalogRoutes(app: ApiInstance, ctx: AppContext): void {
  app.get(
    '/api/v1/catalog/categories',
    {
      config: { permission: 'catalog.read' },
      schema: {
        tags,
        summary: '事项目录 Categories in tree (code) order; filter by level, parent, name',
        querystring: CategoryListQuery,
        response: { 200: CategoryList, ...STANDARD_ERRORS },
      },
    },
    async (request) => {
      const { active, ...rest } = request.query;
      const rows = await listCategories(ctx.db, {
        ...rest,
        active: active === 'all' ? undefined : active === 'true',
      });
      return { items: rows.map(presentCategory), total: rows.length };
    },
  );

  app.get(
    '/api/v1/catalog/categories/:id',
    {
      config: { permission: 'catalog.read' },
      schema: {
        tags,
        summary: '事项类别 One category',
        params: IdParams,
        response: { 200: CategoryView, ...STANDARD_ERRORS },
      },
    },
    async (request) => presentCategory(await loadCategory(ctx.db, request.params.id)),
  );

  app.post(
    '/api/v1/catalog/categories',
    {
      config: { permission: 'catalog.write' },
      schema: {
        tags,
        summary: '新建事项类别 Create a category',
        body: CreateCatalogCategoryInput,
        response: { 201: CategoryView, ...STANDARD_ERRORS },
      },
    },
    async (request, reply) =>
      reply.status(201).send(presentCategory(await createCategory(ctx, actorOf(request), request.body))),
  );

  app.patch(
    '/api/v1/catalog/categories/:id',
    {
      config: { permission: 'catalog.write' },
      schema: {
        tags,
        summary: '修改事项类别 Change a category (name, unit, priority, limits, 110 flag, active)',
        params: IdParams,
        body: UpdateCatalogCategoryInput,
        response: { 200: CategoryView, ...STANDARD_ERRORS },
      },
    },
    async (request) =>
      presentCategory(await changeCategory(ctx, actorOf(request), request.params.id, request.body)),
  );

  app.get(
    '/api/v1/catalog/time-limit-profiles',
    {
      config: { permission: 'catalog.read' },
      schema: {
        tags,
        summary: '时限标准 Default time-limit profiles and the extension maximum',
        response: { 200: TimeLimitProfilesAnswer, ...STANDARD_ERRORS },
      },
    },
    async () => ({
      profiles: TIME_LIMIT_PROFILE_IDS.map((id) => ({
        id,
        label: TIME_LIMIT_PROFILE_LABELS[id],
        ...TIME_LIMIT_PROFILES[id],
      })),
      maxExtension: MAX_EXTENSION,
    }),
  );

  app.get(
    '/api/v1/catalog/grid-items',
    {
      config: { permission: 'catalog.read' },
      schema: {
        tags,
        summary: '网格事项准入清单 The grid item admission list',
        response: { 200: GridAdmissionList, ...STANDARD_ERRORS },
      },
    },
    async () => loadGridAdmissionList(),
  );
}
