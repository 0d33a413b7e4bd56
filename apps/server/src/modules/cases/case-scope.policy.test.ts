import { describe, expect, it } from 'vitest';
import type { OrgBrief } from '../orgs/org-briefs.repository.js';
import { limitsForIntake } from './case-clock.js';
import { type CaseOrgs, relationOf } from './case-scope.policy.js';

const org = (id: number, kind: string, path: string): OrgBrief => ({
  id,
  code: `org${id}`,
  kind,
  name: `org ${id}`,
  path,
  active: true,
  parentId: null,
});

// city 1 → district 2 (centre 20, town 3 → community 4 → grid 5), district 6 (town 7); unit 9 under the city
const cityCentre = org(10, 'center', '/1/10/');
const districtCentre = org(20, 'center', '/1/2/20/');
const housing = org(9, 'unit', '/1/9/');
const town7 = org(7, 'town', '/1/6/7/');
const base: CaseOrgs = {
  areaPath: '/1/2/3/4/5/',
  current: districtCentre,
  lead: housing,
  coHandlers: [town7],
  firstReceiver: undefined,
};

describe('relationOf a case he reads', () => {
  it.each([
    ['a city-wide user', '/1/', base, { reads: true, owns: true, leads: true, handles: true }],
    [
      'the district where it happened',
      '/1/2/',
      base,
      { reads: true, owns: true, leads: false, handles: false },
    ],
    [
      'the grid where it happened',
      '/1/2/3/4/5/',
      base,
      { reads: true, owns: false, leads: false, handles: false },
    ],
    ['the lead unit', '/1/9/', base, { reads: true, owns: false, leads: true, handles: true }],
    [
      'a co-handler in another district',
      '/1/6/7/',
      base,
      { reads: true, owns: false, leads: false, handles: true },
    ],
    [
      'the first receiver only',
      '/1/6/7/',
      { ...base, coHandlers: [], firstReceiver: town7 },
      { reads: true, owns: false, leads: false, handles: false },
    ],
    [
      'a district reading what the city centre owns, as its first receiver',
      '/1/2/',
      {
        ...base,
        areaPath: null,
        current: cityCentre,
        lead: undefined,
        coHandlers: [],
        firstReceiver: districtCentre,
      },
      { reads: true, owns: false, leads: false, handles: false },
    ],
  ] as const)('%s', (_who, scopePath, orgs, expected) => {
    expect(relationOf({ scopePath }, orgs as CaseOrgs, true)).toEqual(expected);
  });

  it('gives no part of a case he does not read, whatever orgs it names', () => {
    expect(relationOf({ scopePath: '/1/' }, base, false)).toEqual({
      reads: false,
      owns: false,
      leads: false,
      handles: false,
    });
  });
});

describe('limitsForIntake', () => {
  const category = {
    acceptLimitValue: 4,
    acceptLimitUnit: 'working_hours',
    resolveLimitValue: 15,
    resolveLimitUnit: 'working_days',
  };
  it.each([
    [
      'an emergency, whatever its category',
      category,
      'emergency',
      'complaint',
      '30 calendar_minutes / 2 calendar_hours',
    ],
    ['a category with its own limits', category, 'normal', 'complaint', '4 working_hours / 15 working_days'],
    [
      'an urgent case without a category',
      undefined,
      'urgent',
      'help',
      '30 calendar_minutes / 24 calendar_hours',
    ],
    [
      'a consultation without a category',
      undefined,
      'normal',
      'consultation',
      '2 working_hours / 1 working_days',
    ],
    ['anything else', undefined, 'normal', 'complaint', '2 working_hours / 5 working_days'],
    [
      'a category without limits',
      { ...category, resolveLimitValue: null },
      'normal',
      'report',
      '2 working_hours / 5 working_days',
    ],
  ] as const)('%s', (_what, cat, priority, type, expected) => {
    const { acceptLimit: a, resolveLimit: r } = limitsForIntake(cat, priority, type);
    expect(`${a.value} ${a.unit} / ${r.value} ${r.unit}`).toBe(expected);
  });
});
