import type { CaseAction } from '@shanzhi/shared';
import { and, asc, eq, like } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, orgIdOf } from '../../test/api.js';
import { orgs } from '../orgs/orgs.tables.js';
import { users } from '../users/users.tables.js';
import { cases } from './cases.tables.js';
import { type CaseBody, type CaseWorld, createCaseWorld } from './cases.test-support.js';

/**
 * Each demo account's rights on cases, by where the case is (README "Demo accounts", DOMAIN.md §1–§2), as one
 * table checked through the API against the seeded demo city (finding 8 of the security review).
 *
 * Where the case is — the three columns of every cell, in this order:
 *   1. `hbw`  — in the grid of the demo grid worker (`grid`), in 海勃湾区; handled by that grid
 *   2. `wuda` — in the street of `handler_wd`, in 乌达区; handled by that street
 *   3. `none` — unlocated; handled by 市住建局 (`handler`'s unit)
 * so for `dispatcher_hbw` and `grid` the columns read "his territory / another district / unlocated", for
 * `handler_wd` "another district / his street / unlocated", and for `handler` the third is the case his unit
 * was given. Every case is registered by the 12345 agent (city-wide intake), dispatched by the city's
 * dispatcher to the unit of its place, and taken on by that unit's account.
 *
 * What each letter means:
 *   Y — allowed (the action is also among the `actions` the server offers him on the case)
 *   F — 403 FORBIDDEN: his role may never take it (or lacks the right to read cases)
 *   S — 403 OUT_OF_SCOPE: not his territory — the case lies elsewhere, or another centre owns it;
 *       in a list: the case is not listed
 *   T — 409 ESCALATION_NOT_POSSIBLE: the case is already owned at the top (the city's centre)
 */
const ACCOUNTS = [
  'admin',
  'agent',
  'dispatcher',
  'dispatcher_hbw',
  'handler',
  'handler_wd',
  'grid',
  'mediator',
  'supervisor',
  'leader',
  'merchant',
  'citizen',
] as const;
type Account = (typeof ACCOUNTS)[number];
type Row = 'register' | 'read' | 'list' | Exclude<CaseAction, 'register'>;
type Cell = 'Y' | 'F' | 'S' | 'T';

// biome-ignore format: the table is read as a table
const RIGHTS: Record<Row, readonly string[]> = {
  //                    admin  agent  disp.  d_hbw  handl. h_wd   grid   medi.  super. leader merch. citiz.
  register:           ['FFF', 'YYY', 'YYY', 'YSY', 'FFF', 'FFF', 'YSY', 'YYY', 'YYY', 'YYY', 'FFF', 'FFF'],
  read:               ['YYY', 'YYY', 'YYY', 'YSS', 'SSY', 'SYS', 'YSS', 'FFF', 'YYY', 'YYY', 'FFF', 'FFF'],
  list:               ['YYY', 'YYY', 'YYY', 'YSS', 'SSY', 'SYS', 'YSS', 'FFF', 'YYY', 'YYY', 'FFF', 'FFF'],
  resolve_on_call:    ['FFF', 'YYY', 'FFF', 'FFF', 'FFF', 'FFF', 'FFF', 'FFF', 'FFF', 'FFF', 'FFF', 'FFF'],
  dispatch:           ['FFF', 'FFF', 'YYY', 'YSS', 'FFF', 'FFF', 'FFF', 'FFF', 'FFF', 'FFF', 'FFF', 'FFF'],
  accept:             ['FFF', 'FFF', 'FFF', 'FFF', 'SSY', 'SYS', 'YSS', 'FFF', 'FFF', 'FFF', 'FFF', 'FFF'],
  return:             ['FFF', 'FFF', 'FFF', 'FFF', 'SSY', 'SYS', 'YSS', 'FFF', 'FFF', 'FFF', 'FFF', 'FFF'],
  progress:           ['FFF', 'FFF', 'FFF', 'FFF', 'SSY', 'SYS', 'YSS', 'FFF', 'FFF', 'FFF', 'FFF', 'FFF'],
  request_extension:  ['FFF', 'FFF', 'FFF', 'FFF', 'SSY', 'SYS', 'FFF', 'FFF', 'FFF', 'FFF', 'FFF', 'FFF'],
  approve_extension:  ['FFF', 'FFF', 'YYY', 'YSS', 'FFF', 'FFF', 'FFF', 'FFF', 'FFF', 'FFF', 'FFF', 'FFF'],
  refuse_extension:   ['FFF', 'FFF', 'YYY', 'YSS', 'FFF', 'FFF', 'FFF', 'FFF', 'FFF', 'FFF', 'FFF', 'FFF'],
  reply:              ['FFF', 'FFF', 'FFF', 'FFF', 'SSY', 'SYS', 'YSS', 'FFF', 'FFF', 'FFF', 'FFF', 'FFF'],
  review:             ['FFF', 'FFF', 'YYY', 'YSS', 'FFF', 'FFF', 'FFF', 'FFF', 'FFF', 'FFF', 'FFF', 'FFF'],
  rework:             ['FFF', 'FFF', 'YYY', 'YSS', 'FFF', 'FFF', 'FFF', 'FFF', 'FFF', 'FFF', 'FFF', 'FFF'],
  callback:           ['FFF', 'YYY', 'FFF', 'FFF', 'FFF', 'FFF', 'FFF', 'FFF', 'FFF', 'FFF', 'FFF', 'FFF'],
  close:              ['FFF', 'YYY', 'YYY', 'YSS', 'FFF', 'FFF', 'FFF', 'FFF', 'FFF', 'FFF', 'FFF', 'FFF'],
  reopen:             ['FFF', 'FFF', 'YYY', 'YSS', 'FFF', 'FFF', 'FFF', 'FFF', 'FFF', 'FFF', 'FFF', 'FFF'],
  supervise:          ['FFF', 'FFF', 'FFF', 'FFF', 'FFF', 'FFF', 'FFF', 'FFF', 'YYY', 'YYY', 'FFF', 'FFF'],
  merge:              ['FFF', 'FFF', 'YYY', 'YSS', 'FFF', 'FFF', 'FFF', 'FFF', 'FFF', 'FFF', 'FFF', 'FFF'],
  unmerge:            ['FFF', 'FFF', 'YYY', 'YSS', 'FFF', 'FFF', 'FFF', 'FFF', 'FFF', 'FFF', 'FFF', 'FFF'],
  transfer_to_110:    ['FFF', 'YYY', 'YYY', 'YSS', 'FFF', 'FFF', 'FFF', 'FFF', 'FFF', 'FFF', 'FFF', 'FFF'],
  transfer_from_110:  ['FFF', 'YYY', 'YYY', 'YSS', 'FFF', 'FFF', 'FFF', 'FFF', 'FFF', 'FFF', 'FFF', 'FFF'],
  escalate:           ['FFF', 'FFF', 'YYT', 'YSS', 'FFF', 'FFF', 'FFF', 'FFF', 'FFF', 'FFF', 'FFF', 'FFF'],
  consult:            ['FFF', 'FFF', 'YYY', 'YSS', 'FFF', 'FFF', 'FFF', 'FFF', 'FFF', 'YYY', 'FFF', 'FFF'],
  invalidate:         ['FFF', 'FFF', 'YYY', 'YSS', 'FFF', 'FFF', 'FFF', 'FFF', 'FFF', 'FFF', 'FFF', 'FFF'],
};

type PlaceName = 'hbw' | 'wuda' | 'none';
const PLACE_NAMES: readonly PlaceName[] = ['hbw', 'wuda', 'none'];

/** One column of the table: where the case happened, and who handles it once dispatched. */
interface Place {
  name: PlaceName;
  location: { longitude: number; latitude: number } | undefined;
  /** the unit the city's dispatcher gives it to */
  leadUnitId: number;
  /** the account of that unit, which takes it on */
  leadUser: Account;
  /** two units in the territory of everyone who owns the case, for a consultation */
  consultUnitIds: number[];
  /** an open case at the same place, for `merge` */
  masterId: number;
}

/** The state a case must be in for an action to be tried on it (`extension` = accepted, a request pending). */
type Stage =
  | 'registered'
  | 'dispatched'
  | 'accepted'
  | 'extension'
  | 'replied'
  | 'reviewed'
  | 'called_back'
  | 'closed'
  | 'merged'
  | 'transferred_110';

const STAGE_OF: Record<Exclude<Row, 'register'>, Stage> = {
  read: 'dispatched',
  list: 'dispatched',
  resolve_on_call: 'registered',
  dispatch: 'registered',
  accept: 'dispatched',
  return: 'dispatched',
  progress: 'accepted',
  request_extension: 'accepted',
  approve_extension: 'extension',
  refuse_extension: 'extension',
  reply: 'accepted',
  review: 'replied',
  rework: 'replied',
  callback: 'reviewed',
  close: 'called_back',
  reopen: 'closed',
  supervise: 'dispatched',
  merge: 'registered',
  unmerge: 'merged',
  transfer_to_110: 'registered',
  transfer_from_110: 'transferred_110',
  escalate: 'registered',
  consult: 'registered',
  invalidate: 'registered',
};

type ActionOnCase = Exclude<CaseAction, 'register'>;

/** A valid body of each action (the version is added), so that only rights decide the answer. */
const BODIES: Record<ActionOnCase, (place: Place) => Record<string, unknown>> = {
  resolve_on_call: () => ({ answer: '已按知识库答复群众' }),
  dispatch: (p) => ({ leadUnitId: p.leadUnitId }),
  accept: () => ({}),
  return: () => ({ reason: '不属于本单位职责范围' }),
  progress: () => ({ note: '已到现场查看' }),
  request_extension: () => ({ newDeadline: '2026-10-20T10:00:00+08:00', reason: '需协调多个部门现场勘查' }),
  approve_extension: () => ({ note: '同意' }),
  refuse_extension: () => ({ note: '不同意' }),
  reply: () => ({ content: '已处理完毕，群众表示认可。' }),
  review: () => ({ outcome: 'approve' }),
  rework: () => ({ reason: '答复过于简单，请补充' }),
  callback: () => ({ reached: true, contacted: true, solved: true, satisfaction: 'satisfied' }),
  close: () => ({}),
  reopen: () => ({ reason: '群众反映问题未解决' }),
  supervise: () => ({ level: 'general', note: '请加快办理' }),
  merge: (p) => ({ masterCaseId: p.masterId }),
  unmerge: () => ({ reason: '并非重复件' }),
  transfer_to_110: () => ({ threeWayCall: false, note: '涉及治安，转110' }),
  transfer_from_110: () => ({ externalRef: 'JJ2026093000001' }),
  escalate: () => ({ reason: '需上级协调处理' }),
  consult: (p) => ({ unitIds: p.consultUnitIds, note: '会商纪要：各单位分工处理' }),
  invalidate: () => ({ reason: '测试来电' }),
};

/** The expected answer of `account` on `row` at the place in column `column`. */
function cellOf(row: Row, account: Account, column: number): Cell {
  return RIGHTS[row][ACCOUNTS.indexOf(account)]![column] as Cell;
}

let w: CaseWorld;
const places = {} as Record<PlaceName, Place>;

beforeAll(async () => {
  w = await createCaseWorld();
  const db = w.api.ctx.db;
  const [gridUser] = await db.select({ orgId: users.orgId }).from(users).where(eq(users.username, 'grid'));
  const [grid] = await db
    .select({ id: orgs.id, lng: orgs.centerLng, lat: orgs.centerLat })
    .from(orgs)
    .where(eq(orgs.id, gridUser!.orgId));
  const [town] = await db.select({ path: orgs.path }).from(orgs).where(eq(orgs.id, w.ids.wudaTown));
  const wudaPoint = await pointInTown(town!.path);
  const hbwPoint = { longitude: grid!.lng!, latitude: grid!.lat! };
  const base = {
    hbw: {
      location: hbwPoint,
      leadUnitId: grid!.id,
      leadUser: 'grid',
      consultUnitIds: [grid!.id, await orgIdOf(w.api.ctx, '150302')],
    },
    wuda: {
      location: wudaPoint,
      leadUnitId: w.ids.wudaTown,
      leadUser: 'handler_wd',
      consultUnitIds: [w.ids.wudaTown, await orgIdOf(w.api.ctx, '150304')],
    },
    none: {
      location: undefined,
      leadUnitId: w.ids.housing,
      leadUser: 'handler',
      consultUnitIds: [w.ids.housing, w.ids.urban],
    },
  } as const;
  for (const name of PLACE_NAMES) {
    const { location, leadUnitId, leadUser, consultUnitIds } = base[name];
    const master = await w.newCase('agent', { ...(location ? { location } : {}), content: `主工单 ${name}` });
    places[name] = {
      name,
      location,
      leadUnitId,
      leadUser,
      consultUnitIds: [...consultUnitIds],
      masterId: master.id,
    };
  }
});
afterAll(() => w.api.close());

/** The centre point of the first grid in the town with `path`. */
async function pointInTown(path: string) {
  const [grid] = await w.api.ctx.db
    .select({ lng: orgs.centerLng, lat: orgs.centerLat })
    .from(orgs)
    .where(and(eq(orgs.kind, 'grid'), like(orgs.path, `${path}%`)))
    .orderBy(asc(orgs.id))
    .limit(1);
  return { longitude: grid!.lng!, latitude: grid!.lat! };
}

/** Takes an action that must succeed; answers the case after it. */
async function step(user: Account, c: CaseBody, action: ActionOnCase, place: Place): Promise<CaseBody> {
  const response = await w.act(user, c.id, action, { version: c.version, ...BODIES[action](place) });
  expect(response.statusCode, `${user} ${action}: ${response.body}`).toBe(200);
  return response.json();
}

/** A new case at `place`, walked by the accounts that do so through the lifecycle to `stage`. */
async function caseAt(place: Place, stage: Stage): Promise<CaseBody> {
  const registered = await w.newCase('agent', {
    ...(place.location ? { location: place.location } : {}),
    content: `权限表测试：${place.name}，${stage}`,
  });
  switch (stage) {
    case 'registered':
      return registered;
    case 'merged':
      return step('dispatcher', registered, 'merge', place);
    case 'transferred_110':
      return step('agent', registered, 'transfer_to_110', place);
    default:
      break;
  }
  const dispatched = await step('dispatcher', registered, 'dispatch', place);
  if (stage === 'dispatched') return dispatched;
  const accepted = await step(place.leadUser, dispatched, 'accept', place);
  if (stage === 'accepted') return accepted;
  if (stage === 'extension') return withPendingExtension(accepted, place);
  const replied = await step(place.leadUser, accepted, 'reply', place);
  if (stage === 'replied') return replied;
  const reviewed = await step('dispatcher', replied, 'review', place);
  if (stage === 'reviewed') return reviewed;
  const calledBack = await step('agent', reviewed, 'callback', place);
  if (stage === 'called_back') return calledBack;
  return step('agent', calledBack, 'close', place);
}

/**
 * An accepted case with an extension request pending: asked by its lead unit's handler. A grid worker may
 * not ask (his role has no 延期申请), so on his grid's case the request is written as a handler's would be.
 */
async function withPendingExtension(accepted: CaseBody, place: Place): Promise<CaseBody> {
  if (place.leadUser !== 'grid') return step(place.leadUser, accepted, 'request_extension', place);
  await w.api.ctx.db
    .update(cases)
    .set({
      extensionRequests: 1,
      extensionStatus: 'pending',
      extensionRequestedDeadline: new Date('2026-10-20T02:00:00.000Z'),
      extensionReason: '需协调多个部门现场勘查',
    })
    .where(eq(cases.id, accepted.id));
  return w.read('dispatcher', accepted.id);
}

/** Checks an answer against its cell. */
function expectAnswer(response: LightMyRequestResponse, cell: Cell, what: string, okStatus = 200): void {
  const expected = { Y: okStatus, F: 403, S: 403, T: 409 }[cell];
  expect(response.statusCode, `${what}: ${response.body}`).toBe(expected);
  if (cell === 'Y') return;
  const code = { F: 'FORBIDDEN', S: 'OUT_OF_SCOPE', T: 'ESCALATION_NOT_POSSIBLE' }[cell];
  expect(errorOf(response).code, `${what}: ${response.body}`).toBe(code);
}

/** Checks the `actions` the server offers each account who may read the case: exactly the Y cells. */
async function expectOffered(c: CaseBody, action: ActionOnCase, column: number): Promise<void> {
  for (const account of ACCOUNTS) {
    const response = await w.get(account, `/api/v1/cases/${c.id}`);
    if (response.statusCode !== 200) continue;
    const offered = (response.json() as CaseBody).actions.includes(action);
    expect(offered, `${account} offered ${action} at ${PLACE_NAMES[column]}`).toBe(
      cellOf(action, account, column) === 'Y',
    );
  }
}

describe('each demo account’s rights on cases, by where the case is (finding 8)', () => {
  it('has a cell for every account and place in every row (finding 8)', () => {
    for (const [row, cells] of Object.entries(RIGHTS)) {
      expect(cells, row).toHaveLength(ACCOUNTS.length);
      for (const cell of cells) expect(cell, row).toMatch(/^[YFST]{3}$/);
    }
    expect(Object.keys(RIGHTS).sort()).toEqual(['list', 'read', 'register', ...Object.keys(BODIES)].sort());
  });

  it('gives a case to the territory where it happened, whoever registers it (finding 8)', async () => {
    const ctx = w.api.ctx;
    const ownerOf = async (account: Account, place: PlaceName) => {
      const { location } = places[place];
      const c = await w.newCase(account, {
        ...(location ? { location } : {}),
        content: `归属测试：${account}`,
      });
      return (c.currentOrg as { id: number }).id;
    };
    const [wudaCentre, hbwCentre, cityCentre] = await Promise.all(
      ['center.150304', 'center.150302', 'center.city'].map((code) => orgIdOf(ctx, code)),
    );
    // the city-wide 12345 intake hands a case to the centre of the district where it happened
    expect(await ownerOf('agent', 'wuda')).toBe(wudaCentre);
    expect(await ownerOf('agent', 'hbw')).toBe(hbwCentre);
    expect(await ownerOf('agent', 'none')).toBe(cityCentre);
    expect(await ownerOf('dispatcher', 'wuda')).toBe(wudaCentre);
    expect(await ownerOf('mediator', 'wuda')).toBe(wudaCentre);
    expect(await ownerOf('leader', 'hbw')).toBe(hbwCentre);
    // a district centre keeps what it registers in its district; a grid's report goes to its community
    expect(await ownerOf('dispatcher_hbw', 'hbw')).toBe(hbwCentre);
    const [grid] = await ctx.db
      .select({ parentId: orgs.parentId })
      .from(orgs)
      .where(eq(orgs.id, places.hbw.leadUnitId));
    expect(await ownerOf('grid', 'hbw')).toBe(grid!.parentId);
    // and neither registers a case in 乌达区
    for (const account of ['dispatcher_hbw', 'grid'] as const) {
      const refused = await w.register(account, { location: places.wuda.location });
      expectAnswer(refused, 'S', `${account} registers in 乌达区`);
    }
  });

  it('registers by the table: a place outside one’s territory is refused with OUT_OF_SCOPE (finding 8)', async () => {
    for (const [column, name] of PLACE_NAMES.entries()) {
      const place = places[name];
      for (const account of ACCOUNTS) {
        const response = await w.register(account, {
          ...(place.location ? { location: place.location } : {}),
          content: `权限表登记：${account}，${name}`,
        });
        expectAnswer(response, cellOf('register', account, column), `${account} register at ${name}`, 201);
      }
    }
  });

  it('reads and lists by the table: the mediator is refused both (finding 8)', async () => {
    for (const [column, name] of PLACE_NAMES.entries()) {
      const c = await caseAt(places[name], 'dispatched');
      for (const account of ACCOUNTS) {
        const what = `${account} at ${name}`;
        expectAnswer(await w.get(account, `/api/v1/cases/${c.id}`), cellOf('read', account, column), what);
        const list = await w.get(account, `/api/v1/cases?q=${c.number}&limit=50`);
        const cell = cellOf('list', account, column);
        if (cell === 'F') {
          expectAnswer(list, 'F', `${what} list`);
          continue;
        }
        expect(list.statusCode, list.body).toBe(200);
        const ids = (list.json().items as CaseBody[]).map((i) => i.id);
        expect(ids.includes(c.id), `${what} list`).toBe(cell === 'Y');
      }
    }
  });

  const actions = Object.keys(BODIES) as ActionOnCase[];
  it.each(actions)(
    '%s: each account by the table, offered exactly where allowed (finding 8)',
    async (action) => {
      for (const [column, name] of PLACE_NAMES.entries()) {
        const place = places[name];
        const allowed = ACCOUNTS.filter((a) => cellOf(action, a, column) === 'Y');
        const probe = await caseAt(place, STAGE_OF[action]);
        await expectOffered(probe, action, column);
        // every refusal on one case: a refused action leaves no trace, so the case stays as it was
        for (const account of ACCOUNTS.filter((a) => !allowed.includes(a))) {
          const response = await w.act(account, probe.id, action, {
            version: probe.version,
            ...BODIES[action](place),
          });
          expectAnswer(response, cellOf(action, account, column), `${account} ${action} at ${name}`);
        }
        expect((await w.read('admin', probe.id)).version).toBe(probe.version);
        // each allowed account on a case of his own (the action changes it)
        for (const [i, account] of allowed.entries()) {
          const c = i === 0 ? probe : await caseAt(place, STAGE_OF[action]);
          const response = await w.act(account, c.id, action, {
            version: c.version,
            ...BODIES[action](place),
          });
          expectAnswer(response, 'Y', `${account} ${action} at ${name}`);
          expect((response.json() as CaseBody).timeline.at(-1)?.action).toBe(action);
        }
      }
    },
  );
});
