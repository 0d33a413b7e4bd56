import fastifyCookie from '@fastify/cookie';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { registerAuditRoutes } from './modules/audit/audit.routes.js';
import { registerAuthRoutes } from './modules/auth/auth.routes.js';
import { resolveActor } from './modules/auth/auth.service.js';
import { registerCalendarRoutes } from './modules/calendar/calendar.routes.js';
import { registerAttachmentRoutes } from './modules/cases/attachments/attachments.routes.js';
import { registerCaseSettingsRoutes } from './modules/cases/case-settings.routes.js';
import { registerCaseRoutes } from './modules/cases/cases.routes.js';
import { registerCaseExportRoutes } from './modules/cases/export/case-export.routes.js';
import { registerCatalogRoutes } from './modules/catalog/catalog.routes.js';
import { registerDuplicateRoutes } from './modules/intelligence/duplicates/duplicates.routes.js';
import { registerIntelligenceRoutes } from './modules/intelligence/intelligence.routes.js';
import { registerWarningRoutes } from './modules/intelligence/warnings/warnings.routes.js';
import { registerKnowledgeRoutes } from './modules/knowledge/knowledge.routes.js';
import { registerKpiRoutes } from './modules/kpis/kpis.routes.js';
import { registerNotificationRoutes } from './modules/notifications/notifications.routes.js';
import { registerOrgRoutes } from './modules/orgs/orgs.routes.js';
import { registerPortalRoutes } from './modules/portal/portal.routes.js';
import { registerRoleRoutes } from './modules/users/roles.routes.js';
import { registerUserRoutes } from './modules/users/users.routes.js';
import type { AppContext } from './platform/context.js';
import { installAuthentication } from './platform/http/authenticate.js';
import { handleClientError, installErrorHandling, sendError } from './platform/http/error-handler.js';
import { registerHealthRoutes } from './platform/http/health.routes.js';
import { enforceRouteRequirements, type RouteRequirement } from './platform/http/route-permissions.js';
import type { ApiInstance } from './platform/http/types.js';
import { registerWebApp } from './platform/http/web-app.js';

/** The HTTP application and the list of its API routes with what each requires. */
export interface BuiltApp {
  app: ApiInstance;
  routes: RouteRequirement[];
}

/**
 * Builds the HTTP application on a context: validation by zod schemas (shared with the web app), one
 * error shape, authentication and permissions on every API route, the OpenAPI document at `/docs`, and the
 * web app at `/`.
 */
export async function buildApp(ctx: AppContext, options: { serveWeb?: boolean } = {}): Promise<BuiltApp> {
  const app = Fastify({
    loggerInstance: ctx.logger,
    bodyLimit: 1_048_576,
    trustProxy: true,
    clientErrorHandler: handleClientError,
    // a broken URL (`/api/v1/orgs/%`) is refused in the API's error shape, not Fastify's own
    frameworkErrors: (error, request, reply) => sendError(error, request, reply),
  }).withTypeProvider() as unknown as ApiInstance;
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandling(app);
  const routes = enforceRouteRequirements(app);
  await app.register(fastifyCookie);
  await app.register(fastifySwagger, {
    openapi: {
      info: { title: '善治 shanzhi API', version: '1.0.0', description: '乌海市市域社会治理智能化综合平台' },
      components: { securitySchemes: { session: { type: 'http', scheme: 'bearer' } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/docs' });
  installAuthentication(app, (token, ip) => resolveActor(ctx, token, ip));

  registerHealthRoutes(app, ctx);
  registerAuthRoutes(app, ctx);
  registerOrgRoutes(app, ctx);
  registerUserRoutes(app, ctx);
  registerRoleRoutes(app, ctx);
  registerAuditRoutes(app, ctx);
  registerCatalogRoutes(app, ctx);
  registerCalendarRoutes(app, ctx);
  registerCaseRoutes(app, ctx);
  registerCaseSettingsRoutes(app, ctx);
  registerAttachmentRoutes(app, ctx);
  registerCaseExportRoutes(app, ctx);
  registerKnowledgeRoutes(app, ctx);
  registerIntelligenceRoutes(app, ctx);
  registerKpiRoutes(app, ctx);
  registerNotificationRoutes(app, ctx);
  registerPortalRoutes(app, ctx);
  registerDuplicateRoutes(app, ctx);
  registerWarningRoutes(app, ctx);
  await registerWebApp(app, options.serveWeb === false ? '/nonexistent' : ctx.config.SHANZHI_WEB_DIST);
  await app.ready();
  return { app, routes };
}
