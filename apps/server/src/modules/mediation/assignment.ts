import type { DisputeField } from '@shanzhi/shared';
import type { CommitteeRow, MediatorRow } from './committees.repository.js';

/**
 * The committee a dispute goes to (属地 + 专业): a specialised committee of its field covering where it arose,
 * the deepest such; else the lowest territorial committee covering it. `covering` is deepest first.
 */
export function pickCommittee(covering: readonly CommitteeRow[], field: DisputeField): CommitteeRow | null {
  const specialised = covering.find((c) => c.level === 'specialised' && c.fields.includes(field));
  return specialised ?? covering.find((c) => c.level !== 'specialised') ?? null;
}

/**
 * The committee one level up from `current` (村 → 镇 → 区 → 市): the deepest territorial committee strictly
 * above its org. `covering` is the committees covering the current committee's org, deepest first.
 */
export function committeeAbove(
  current: CommitteeRow,
  covering: readonly CommitteeRow[],
): CommitteeRow | null {
  return (
    covering.find(
      (c) =>
        c.level !== 'specialised' &&
        c.orgPath.length < current.orgPath.length &&
        current.orgPath.startsWith(c.orgPath),
    ) ?? null
  );
}

/**
 * A committee's mediators, best first for a dispute of `field`: those expert in the field, then 金牌调解员,
 * then the lightest load.
 */
export function rankMediators(candidates: readonly MediatorRow[], field: DisputeField): MediatorRow[] {
  const score = (m: MediatorRow) => [m.fields.includes(field) ? 0 : 1, m.gold ? 0 : 1, m.openDisputes, m.id];
  return [...candidates].sort((a, b) => {
    const [sa, sb] = [score(a), score(b)];
    for (let i = 0; i < sa.length; i++) if (sa[i]! !== sb[i]!) return sa[i]! - sb[i]!;
    return 0;
  });
}
