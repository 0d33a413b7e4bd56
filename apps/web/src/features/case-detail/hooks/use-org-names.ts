import { useEffect, useState } from 'react';
import type { CaseDetail } from '../../cases/api/cases.api.js';
import { fetchOrgDetail } from '../../orgs/api/orgs.api.js';

/** The org ids a timeline mentions (its actors, and the units named in its changes). */
function idsOf(c: CaseDetail): number[] {
  const ids = new Set<number>();
  const add = (v: unknown) => {
    if (typeof v === 'number' && Number.isInteger(v)) ids.add(v);
    if (Array.isArray(v)) for (const x of v) add(x);
  };
  for (const e of c.timeline) {
    add(e.actor.orgId);
    for (const key of ORG_CHANGE_KEYS) add(e.changes[key]);
  }
  return [...ids];
}

/** Keys of timeline changes that hold org ids. */
export const ORG_CHANGE_KEYS = [
  'leadUnitId',
  'coHandlerIds',
  'returnedByOrgId',
  'fromOrgId',
  'toOrgId',
  'unitIds',
  'areaOrgId',
  'currentOrgId',
];

/**
 * Names of the orgs a case's timeline mentions: those the case itself names at once, the others asked from
 * the server one by one (cached; an org outside the user's scope keeps its id).
 */
export function useOrgNames(c: CaseDetail | undefined): Map<number, string> {
  const [names, setNames] = useState<Map<number, string>>(new Map());
  useEffect(() => {
    if (!c) return;
    const known = new Map<number, string>();
    for (const ref of [
      c.district,
      c.town,
      c.community,
      c.grid,
      c.leadUnit,
      c.currentOrg,
      c.firstReceiver,
      ...c.coHandlers,
    ]) {
      if (ref) known.set(ref.id, ref.name);
    }
    setNames((previous) => new Map([...previous, ...known]));
    let alive = true;
    for (const id of idsOf(c).filter((id) => !known.has(id))) {
      fetchOrgDetail(id).then(
        (org) => alive && setNames((previous) => new Map(previous).set(id, org.name)),
        () => undefined,
      );
    }
    return () => {
      alive = false;
    };
  }, [c]);
  return names;
}
