import { describe, expect, it } from 'vitest';
import type { Classification } from '../intelligence/classify.service.js';
import type { OrgBrief } from '../orgs/org-briefs.repository.js';
import { decideAutoDispatch, suggestionChanges } from './auto-dispatch.js';

// the district centre 20 of district 2 owns the case; unit 9 lies under district 2, unit 8 under the city
const owner: OrgBrief = {
  id: 20,
  code: 'center.2',
  kind: 'center',
  name: '区中心',
  path: '/1/2/20/',
  active: true,
  parentId: 2,
};

function suggestion(
  over: { probability?: number; unitPath?: string; flagged?: boolean } = {},
): Classification {
  return {
    categories: [{ categoryId: 5, code: '01.02', name: '物业服务', probability: 0.8 }],
    unit: { orgId: 9, code: 'unit.housing', name: '住建局', probability: over.probability ?? 0.95 },
    police: { flagged: over.flagged ?? false, score: 0, reasons: [] },
    modelVersion: 'm1',
    unitModelVersion: 'u1',
    unitFromCatalog: false,
    unitPath: over.unitPath ?? '/1/2/9/',
  } as Classification;
}

describe('decideAutoDispatch', () => {
  const rule = { threshold: 0.9, owner, categoryPolice: false };

  it.each([
    ['a confident suggestion of a unit in the owner’s scope', suggestion(), rule, 9],
    ['a suggestion exactly at the threshold', suggestion({ probability: 0.9 }), rule, 9],
    ['a suggestion below the threshold', suggestion({ probability: 0.89 }), rule, null],
    ['智能派单 switched off', suggestion(), { ...rule, threshold: null }, null],
    ['a matter the classifier calls a police one', suggestion({ flagged: true }), rule, null],
    ['a category that is a police matter', suggestion(), { ...rule, categoryPolice: true }, null],
    ['a unit outside the owning centre’s scope', suggestion({ unitPath: '/1/8/' }), rule, null],
    ['no suggestion at all', null, rule, null],
  ] as const)('%s → %s', (_case, given, withRule, unitId) => {
    expect(decideAutoDispatch(given, withRule)?.unitId ?? null).toBe(unitId);
  });

  it('acts as a dispatcher of the owning centre, whose scope is its district', () => {
    const decision = decideAutoDispatch(suggestion(), rule)!;
    expect(decision.actor).toMatchObject({
      userId: 0,
      orgId: 20,
      scopePath: '/1/2/',
      roles: ['dispatcher'],
    });
    expect([...decision.actor.permissions]).toEqual(['case.dispatch']);
  });

  it('records on the register event whether the case went out on the suggestion', () => {
    const given = suggestion();
    expect(suggestionChanges(given, decideAutoDispatch(given, rule))).toMatchObject({
      unit: { orgId: 9 },
      autoDispatch: true,
    });
    expect(suggestionChanges(given, null)).toMatchObject({ autoDispatch: false });
  });
});
