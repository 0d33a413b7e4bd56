import { SUGGESTION_CONFIDENCE_FLOOR } from '@shanzhi/shared';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OUTBOX_SUBSCRIBERS } from '../../outbox-subscribers.js';
import { AUTO_DISPATCH_THRESHOLD_KEY } from '../cases/case-settings.js';
import { type CaseWorld, createCaseWorld } from '../cases/cases.test-support.js';
import { runOutboxDispatch } from '../notifications/jobs/outbox-dispatch.job.js';
import { storeConfiguredSetting } from '../settings/settings.service.js';
import { TINY_CORPUS } from './classifier/test-fixtures.js';
import { trainClassifier } from './classifier/train.js';
import { classifierFeedback } from './intelligence.tables.js';
import { loadedModels } from './model-registry.js';
import { storeModel } from './model-training.service.js';

const HOUSING_CALL = { content: '小区门口的路灯坏了好几个月，晚上出行很不安全，物业也不维修，请尽快处理' };

let world: CaseWorld;

async function classify(user: string, body: Record<string, unknown>) {
  return world.api.app.inject({
    method: 'POST',
    url: '/api/v1/intelligence/classify',
    headers: await world.api.as(user),
    payload: body,
  });
}

async function setThreshold(value: number) {
  await storeConfiguredSetting(world.api.ctx, AUTO_DISPATCH_THRESHOLD_KEY, value);
}

beforeAll(async () => {
  world = await createCaseWorld();
});
afterAll(async () => {
  await world.api.close();
});

describe('POST /intelligence/classify without a model', () => {
  it('says there is no model rather than failing, and still runs the 110 rules', async () => {
    const response = await classify('agent', { description: '有人持刀在小区门口追砍路人' });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ categories: [], unit: null, modelVersion: null, uncertain: false });
    expect(body.police.flagged).toBe(true);
    expect(body.police.reasons.join()).toContain('持械');
  });

  it('refuses an empty description (400) and callers without the permission (403)', async () => {
    const bad = await classify('agent', { description: '  ' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('VALIDATION_FAILED');
    expect((await classify('leader', { description: '路灯坏了' })).statusCode).toBe(403);
    const anonymous = await world.api.app.inject({
      method: 'POST',
      url: '/api/v1/intelligence/classify',
      payload: { description: '路灯坏了' },
    });
    expect(anonymous.statusCode).toBe(401);
  });
});

describe('with trained models', () => {
  beforeAll(async () => {
    const ctx = world.api.ctx;
    const category = trainClassifier(TINY_CORPUS, { version: 'category-test-1' });
    const unitCorpus = TINY_CORPUS.map((e) => ({
      text: e.text,
      label: e.label === '城乡建设' ? 'unit.housing' : 'unit.urban',
    }));
    const unit = trainClassifier(unitCorpus, { version: 'unit-test-1' });
    await storeModel(ctx, category, 'category', { source: 'file', metrics: {}, activate: true });
    await storeModel(ctx, unit, 'unit', { source: 'file', metrics: {}, activate: true });
    expect(loadedModels(ctx).category?.version).toBe('category-test-1');
  });

  it('answers catalog categories, the unit and the model version', async () => {
    const response = await classify('dispatcher', { title: '路灯不亮', description: HOUSING_CALL.content });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body.modelVersion).toBe('category-test-1');
    expect(body.categories[0]).toMatchObject({ name: '城乡建设' });
    expect(body.categories[0].categoryId).toBeGreaterThan(0);
    expect(body.unit).toMatchObject({ orgId: world.ids.housing, code: 'unit.housing' });
    expect(body.police.flagged).toBe(false);
    expect(body.confidenceFloor).toBe(SUGGESTION_CONFIDENCE_FLOOR);
    expect(body.uncertain).toBe(body.categories[0].probability < SUGGESTION_CONFIDENCE_FLOOR);
  });

  it('says it is unsure when the top category is below the floor', async () => {
    // words of none of the three categories: the calibrated model spreads its probability
    const response = await classify('agent', { description: '请问这个事情应该找哪个部门反映' });
    const body = response.json();
    expect(body.categories[0].probability).toBeLessThan(SUGGESTION_CONFIDENCE_FLOOR);
    expect(body.uncertain).toBe(true);
  });

  it('dispatches a new case automatically above the threshold (智能派单 on the timeline)', async () => {
    await setThreshold(0);
    const created = await world.newCase('agent', HOUSING_CALL);
    expect(created.state).toBe('dispatched');
    const read = await world.read('dispatcher', created.id);
    const register = read.timeline.find((e) => e.action === 'register')!;
    expect(register.changes.suggestion).toMatchObject({ autoDispatch: true, unit: { code: 'unit.housing' } });
    const dispatch = read.timeline.find((e) => e.action === 'dispatch')!;
    expect(dispatch.note).toContain('智能派单');
    expect(dispatch.note).toMatch(/置信度 \d+(\.\d)?%/);
    expect(dispatch.changes).toMatchObject({ leadUnitId: world.ids.housing });
    expect((read.leadUnit as { id: number }).id).toBe(world.ids.housing);
  });

  it('leaves the case to the dispatcher below the threshold, with the suggestion recorded', async () => {
    await setThreshold(1.5);
    const created = await world.newCase('agent', HOUSING_CALL);
    expect(created.state).toBe('registered');
    const read = await world.read('dispatcher', created.id);
    expect(read.timeline.some((e) => e.action === 'dispatch')).toBe(false);
    const register = read.timeline.find((e) => e.action === 'register')!;
    expect(register.changes.suggestion).toMatchObject({
      autoDispatch: false,
      unit: { code: 'unit.housing' },
    });
  });

  it('never dispatches automatically once an administrator switched 智能派单 off', async () => {
    await setThreshold(0);
    const off = await world.api.send('PUT', '/api/v1/case-settings', {
      autoDispatchThreshold: null,
      reworkLimit: { value: 3, unit: 'working_days' },
    });
    expect(off.statusCode, off.body).toBe(200);
    const created = await world.newCase('agent', HOUSING_CALL);
    expect(created.state).toBe('registered');
    const read = await world.read('dispatcher', created.id);
    expect(read.timeline.find((e) => e.action === 'register')!.changes.suggestion).toMatchObject({
      autoDispatch: false,
    });
  });

  it('flags a police matter at registration and never auto-dispatches it', async () => {
    await setThreshold(0);
    const created = await world.newCase('agent', {
      content: '两车相撞有人受伤，司机被困在车里，路口一片混乱',
    });
    expect(created.state).toBe('registered');
    const read = await world.read('dispatcher', created.id);
    expect(read.policeMatter).toBe(true);
    const register = read.timeline.find((e) => e.action === 'register')!;
    expect(register.changes.suggestion).toMatchObject({ police: { flagged: true }, autoDispatch: false });
  });

  it('records a return of an auto-dispatched case as a training signal, from its case.returned event', async () => {
    await setThreshold(0);
    const created = await world.newCase('agent', HOUSING_CALL);
    expect(created.state).toBe('dispatched');
    await world.step('handler', created.id, 'return', { reason: '不属于我局职责，应由城管处理' });
    const feedback = () =>
      world.api.ctx.db.select().from(classifierFeedback).where(eq(classifierFeedback.caseId, created.id));
    // the return itself does not call the classifier: its committed event feeds the signal
    expect(await feedback()).toHaveLength(0);
    await runOutboxDispatch(world.api.ctx, { subscribers: OUTBOX_SUBSCRIBERS });
    const rows = await feedback();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      kind: 'unit',
      predictedId: world.ids.housing,
      modelVersion: 'unit-test-1',
    });
    expect(rows[0]!.reason).toContain('城管');
  });
});

describe('a return of a case no model dispatched', () => {
  it('feeds no training signal when a person had dispatched it', async () => {
    await setThreshold(1.5);
    const created = await world.newCase('agent', HOUSING_CALL);
    await world.step('dispatcher', created.id, 'dispatch', { leadUnitId: world.ids.housing });
    await world.step('handler', created.id, 'return', { reason: '不属于我局职责' });
    await runOutboxDispatch(world.api.ctx, { subscribers: OUTBOX_SUBSCRIBERS });
    const rows = await world.api.ctx.db
      .select()
      .from(classifierFeedback)
      .where(eq(classifierFeedback.caseId, created.id));
    expect(rows).toHaveLength(0);
  });
});
