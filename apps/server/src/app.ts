import fastifyCompress from '@fastify/compress';
import fastifyCookie from '@fastify/cookie';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { CASE_FACETS } from './case-facets.js';
import { registerAuditRoutes } from './modules/audit/audit.routes.js';
import { registerAuthRoutes } from './modules/auth/auth.routes.js';
import { resolveActor } from './modules/auth/auth.service.js';
import { registerCalendarRoutes } from './modules/calendar/calendar.routes.js';
import { registerAttachmentRoutes } from './modules/cases/attachments/attachments.routes.js';
import { registerCaseSettingsRoutes } from './modules/cases/case-settings.routes.js';
import { registerCaseRoutes } from './modules/cases/cases.routes.js';
import { registerCaseExportRoutes } from './modules/cases/export/case-export.routes.js';
import { registerCatalogRoutes } from './modules/catalog/catalog.routes.js';
import { registerDashboardRoutes } from './modules/dashboard/dashboard.routes.js';
import { registerFindingRoutes } from './modules/grid/findings.routes.js';
import { registerPatrolRoutes } from './modules/grid/patrols.routes.js';
import { registerGridRegisterIoRoutes } from './modules/grid/registers/io/register-io.routes.js';
import { registerGridRegisterRoutes } from './modules/grid/registers/registers.routes.js';
import { registerGridStatsRoutes } from './modules/grid/stats/grid-stats.routes.js';
import { registerTaskRoutes } from './modules/grid/tasks.routes.js';
import { registerVisitRoutes } from './modules/grid/visits/visits.routes.js';
import { registerSafetyRoutes } from './modules/hazards/safety.routes.js';
import { registerDuplicateRoutes } from './modules/intelligence/duplicates/duplicates.routes.js';
import { registerIntelligenceRoutes } from './modules/intelligence/intelligence.routes.js';
import { registerWarningRoutes } from './modules/intelligence/warnings/warnings.routes.js';
import { registerIotRoutes } from './modules/iot/iot.routes.js';
import { registerKnowledgeRoutes } from './modules/knowledge/knowledge.routes.js';
import { registerKpiRoutes } from './modules/kpis/kpis.routes.js';
import { registerMarketplaceRoutes } from './modules/marketplace/marketplace.routes.js';
import { registerMediationRoutes } from './modules/mediation/mediation.routes.js';
import { registerNotificationRoutes } from './modules/notifications/notifications.routes.js';
import { OPEN311_BASE, registerOpen311Routes } from './modules/open311/open311.routes.js';
import { registerOpen311AdminRoutes } from './modules/open311/open311-admin.routes.js';
import { sendOpen311Error } from './modules/open311/open311-errors.js';
import { registerOrgRoutes } from './modules/orgs/orgs.routes.js';
import { registerPetitionRoutes } from './modules/petitions/petitions.routes.js';
import { registerPortalRoutes } from './modules/portal/portal.routes.js';
import { registerReportRoutes } from './modules/reports/reports.routes.js';
import { registerRoleRoutes } from './modules/users/roles.routes.js';
import { registerUserRoutes } from './modules/users/users.routes.js';
import type { AppContext } from './platform/context.js';
import { installAuthentication } from './platform/http/authenticate.js';
import { installCsrfCheck } from './platform/http/csrf.js';
import { handleClientError, installErrorHandling, sendError } from './platform/http/error-handler.js';
import { registerHealthRoutes } from './platform/http/health.routes.js';
import { openApiOptions } from './platform/http/openapi.js';
import { enforceRouteRequirements, type RouteRequirement } from './platform/http/route-permissions.js';
import { installSecurityHeaders, relaxedDocsCsp } from './platform/http/security-headers.js';
import type { ApiInstance } from './platform/http/types.js';
import { registerWebApp } from './platform/http/web-app.js';

/** The HTTP application and the list of its API routes with what each requires. */
export interface BuiltApp {
  app: ApiInstance;
  routes: RouteRequirement[];
}

/**
 * Builds the HTTP application on a context: validation by zod schemas (shared with the web app), one
 * error shape, security headers, compression, the CSRF check, authentication and permissions on every API
 * route, the OpenAPI document at `/docs`, and the web app at `/`. The client's address is the connection's
 * peer unless `TRUST_PROXY` names the proxies that may say otherwise.
 */
export async function buildApp(ctx: AppContext, options: { serveWeb?: boolean } = {}): Promise<BuiltApp> {
  const app = Fastify({
    loggerInstance: ctx.logger,
    bodyLimit: 1_048_576,
    trustProxy: ctx.config.TRUST_PROXY,
    clientErrorHandler: handleClientError,
    // a broken URL (`/api/v1/orgs/%`) is refused in the API's error shape (an Open311 call in its
    // standard's), not Fastify's own
    frameworkErrors: (error, request, reply) =>
      request.url.startsWith(`${OPEN311_BASE}/`)
        ? sendOpen311Error(error, request, reply)
        : sendError(error, request, reply),
  }).withTypeProvider() as unknown as ApiInstance;
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandling(app);
  const routes = enforceRouteRequirements(app);
  await installSecurityHeaders(app);
  await app.register(fastifyCompress, { encodings: ['br', 'gzip'] });
  await app.register(fastifyCookie);
  installCsrfCheck(app, ctx.config.PUBLIC_ORIGIN);
  await app.register(
    fastifySwagger,
    openApiOptions({
      title: '善治 shanzhi API',
      version: '1.0.0',
      description: '乌海市市域社会治理智能化综合平台',
    }),
  );
  await app.register(fastifySwaggerUi, { routePrefix: '/docs', ...relaxedDocsCsp });
  installAuthentication(app, (token, ip) => resolveActor(ctx, token, ip));

  registerHealthRoutes(app, ctx);
  registerAuthRoutes(app, ctx);
  registerOrgRoutes(app, ctx);
  registerUserRoutes(app, ctx);
  registerRoleRoutes(app, ctx);
  registerAuditRoutes(app, ctx);
  registerCatalogRoutes(app, ctx);
  registerCalendarRoutes(app, ctx);
  registerCaseRoutes(app, ctx, CASE_FACETS);
  registerCaseSettingsRoutes(app, ctx);
  registerAttachmentRoutes(app, ctx);
  registerCaseExportRoutes(app, ctx);
  registerKnowledgeRoutes(app, ctx);
  registerIntelligenceRoutes(app, ctx);
  registerKpiRoutes(app, ctx);
  registerDashboardRoutes(app, ctx);
  registerNotificationRoutes(app, ctx);
  registerPortalRoutes(app, ctx);
  registerDuplicateRoutes(app, ctx);
  registerWarningRoutes(app, ctx);
  registerPatrolRoutes(app, ctx);
  registerFindingRoutes(app, ctx);
  registerTaskRoutes(app, ctx);
  registerOpen311AdminRoutes(app, ctx);
  registerOpen311Routes(app, ctx);
  registerGridStatsRoutes(app, ctx);
  registerGridRegisterRoutes(app, ctx);
  registerGridRegisterIoRoutes(app, ctx);
  registerVisitRoutes(app, ctx);
  registerMediationRoutes(app, ctx);
  registerPetitionRoutes(app, ctx);
  registerSafetyRoutes(app, ctx);
  registerReportRoutes(app, ctx);
  registerMarketplaceRoutes(app, ctx);
  registerIotRoutes(app, ctx);
  await registerWebApp(app, options.serveWeb === false ? '/nonexistent' : ctx.config.SHANZHI_WEB_DIST);
  await app.ready();
  return { app, routes };
}
