import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestContext, type TestContext } from '../../test/setup.js';

interface Operation {
  description?: string;
  'x-permission'?: string;
  responses: Record<string, { description: string; content?: Record<string, { schema?: object }> }>;
}
interface Document {
  paths: Record<string, Record<string, Operation>>;
}

let ctx: TestContext;
let built: Awaited<ReturnType<typeof createTestApp>>;
let document: Document;

beforeAll(async () => {
  ctx = await createTestContext();
  built = await createTestApp(ctx);
  document = (await built.app.inject({ method: 'GET', url: '/docs/json' })).json();
});
afterAll(async () => {
  await built?.app.close();
  await ctx?.dispose();
});

/** The document's operation of an API route (`/api/v1/cases/:id` is `/api/v1/cases/{id}` there). */
function operationOf(route: { method: string; url: string }): Operation | undefined {
  const path = route.url.replace(/:(\w+)/g, '{$1}');
  return document.paths[path]?.[route.method.toLowerCase()];
}

describe('the OpenAPI document', () => {
  it('is served at /docs/json and is valid OpenAPI', async () => {
    const response = await built.app.inject({ method: 'GET', url: '/docs/json' });
    expect(response.statusCode, response.body).toBe(200);
    const result = await new Validator().validate(response.json());
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('is served at /docs/yaml and as Swagger UI at /docs', async () => {
    expect((await built.app.inject({ method: 'GET', url: '/docs/yaml' })).statusCode).toBe(200);
    const ui = await built.app.inject({ method: 'GET', url: '/docs' });
    expect(ui.statusCode, ui.body).toBe(200);
    expect(ui.headers['content-type']).toMatch(/^text\/html/);
  });

  it('lists every API route with the permission it requires', () => {
    for (const route of built.routes) {
      const operation = operationOf(route);
      expect(operation, `${route.method} ${route.url}`).toBeDefined();
      expect(operation?.['x-permission'], `${route.method} ${route.url}`).toBe(route.requires);
      expect(operation?.description).toContain(`\`${route.requires}\``);
    }
  });

  it('gives every API route a response schema for its success answer', () => {
    const missing = built.routes
      .filter((route) => {
        const responses = operationOf(route)?.responses ?? {};
        return !Object.entries(responses).some(
          ([status, answer]) =>
            /^2\d\d$/.test(status) &&
            (status === '204' || Object.values(answer.content ?? {}).some((media) => media.schema)),
        );
      })
      .map((route) => `${route.method} ${route.url}`);
    expect(missing).toEqual([]);
  });

  it('documents file and stream answers with their content type', () => {
    const contentTypes = (method: string, url: string, status = '200') =>
      Object.keys(operationOf({ method, url })?.responses[status]?.content ?? {});
    expect(contentTypes('GET', '/api/v1/cases/export')).toEqual([
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ]);
    expect(contentTypes('GET', '/api/v1/attachments/:id')).toEqual(['application/octet-stream']);
    expect(contentTypes('GET', '/api/v1/stream')).toEqual(['text/event-stream']);
  });

  it('names the error codes of each error answer', () => {
    const operation = operationOf({ method: 'GET', url: '/api/v1/cases/:id' });
    expect(operation?.responses['404']?.description).toContain('CASE_NOT_FOUND');
    expect(operation?.responses['401']?.description).toContain('UNAUTHENTICATED');
    expect(operation?.responses['403']?.description).toContain('FORBIDDEN');
  });
});
