import type { DuplicateAnswer, DuplicateCandidate, DuplicateDraftInput } from '@shanzhi/shared';
import { eq } from 'drizzle-orm';
import type { Actor } from '../../../platform/auth/actor.js';
import { freeTextMaskingFor, readsPersonalData } from '../../../platform/auth/free-text-masking.js';
import type { AppContext } from '../../../platform/context.js';
import { fieldError } from '../../../platform/errors/app-error.js';
import { assertCaseInScope } from '../../cases/case-access.js';
import { caseNotFound } from '../../cases/case-lifecycle.js';
import { findCase } from '../../cases/cases.repository.js';
import { findCategory } from '../../catalog/catalog.repository.js';
import { locateChainAt } from '../../orgs/grid-index.js';
import { findOrgBriefs } from '../../orgs/org-briefs.repository.js';
import { caseFingerprints } from './case-fingerprints.tables.js';
import { DEFAULT_DUPLICATE_SCORING, type DuplicateFacts, scoreDuplicate } from './duplicate-score.js';
import { type CandidateRow, findCandidates } from './duplicates.repository.js';
import { phoneKey } from './phone-key.js';
import { fingerprintText, textSimilarity } from './text-fingerprint.js';

/** At most this many candidates are answered. */
const MAX_SHOWN = 10;
/** Cases looked at per lookup (the newest first), whatever the signals bring. */
const CANDIDATE_LIMIT = 500;
const DAY_MS = 86_400_000;

/** What a lookup starts from: the facts of the new or stored case and where to look. */
interface LookupStart {
  facts: DuplicateFacts;
  bands: number[];
  placePath: string | null;
  excludeCaseId: number | null;
  windowDays: number;
}

function boxAround(lng: number, lat: number, metres: number) {
  const dLat = metres / 111_000;
  const dLng = metres / (111_000 * Math.cos((lat * Math.PI) / 180));
  return { minLng: lng - dLng, maxLng: lng + dLng, minLat: lat - dLat, maxLat: lat + dLat };
}

function areaCodeOf(code: string | null | undefined): string | null {
  return code ? (code.split('.')[0] ?? null) : null;
}

function factsOfCandidate(row: CandidateRow): DuplicateFacts {
  return {
    features: row.features ?? fingerprintText(row.title, row.description).features,
    phone: row.phone_key ?? phoneKey(row.citizen_phone),
    gridId: row.grid_id,
    communityId: row.community_id,
    townId: row.town_id,
    lng: row.lng,
    lat: row.lat,
    categoryId: row.category_id,
    areaCode: areaCodeOf(row.category_code),
  };
}

/**
 * The facts a lookup by `actor` may use: the caller's number only for those who may read it (个人信息),
 * since a match by number alone would list whose cases they are — to the others it is no signal at all.
 */
function usableFacts(actor: Actor, facts: DuplicateFacts): DuplicateFacts {
  return readsPersonalData(actor) ? facts : { ...facts, phone: null };
}

async function lookUp(ctx: AppContext, actor: Actor, start: LookupStart): Promise<DuplicateAnswer> {
  const s = DEFAULT_DUPLICATE_SCORING;
  const facts = usableFacts(actor, start.facts);
  const rows = await findCandidates(ctx.db, {
    bands: start.bands,
    phoneKey: facts.phone,
    placePath: start.placePath,
    box: facts.lng !== null && facts.lat !== null ? boxAround(facts.lng, facts.lat, s.nearMetres) : null,
    since: new Date(ctx.clock.now().getTime() - start.windowDays * DAY_MS),
    excludeCaseId: start.excludeCaseId,
    scopePath: actor.scopePath,
    limit: CANDIDATE_LIMIT,
  });
  // a candidate quotes its case's title: as the caller may read it
  const masking = freeTextMaskingFor(actor);
  const candidates: DuplicateCandidate[] = [];
  for (const row of rows) {
    const other = factsOfCandidate(row);
    const scored = scoreDuplicate(facts, other, textSimilarity(facts.features, other.features), s);
    if (scored.score < s.shownFrom) continue;
    candidates.push({
      caseId: row.id,
      number: row.number,
      title: masking.text(row.title),
      state: row.state,
      categoryName: row.category_name,
      areaName: row.area_name,
      createdAt: new Date(row.created_at).toISOString(),
      score: scored.score,
      textSimilarity: Math.round(scored.textSimilarity * 1000) / 1000,
      reasons: scored.reasons,
      likely: scored.score >= s.threshold,
    });
  }
  candidates.sort((a, b) => b.score - a.score || b.caseId - a.caseId);
  return {
    threshold: s.threshold,
    shownFrom: s.shownFrom,
    windowDays: start.windowDays,
    candidates: candidates.slice(0, MAX_SHOWN),
  };
}

/**
 * 查重 before registering: the open and recent cases in the agent's scope that look like the request he is
 * typing in, best first, each with its score and reasons.
 */
export async function findDuplicatesOfDraft(
  ctx: AppContext,
  actor: Actor,
  input: DuplicateDraftInput,
): Promise<DuplicateAnswer> {
  let chain = null;
  if (input.lng !== undefined && input.lat !== undefined) {
    chain = await locateChainAt(ctx, { lng: input.lng, lat: input.lat });
    if (!chain) throw fieldError('lng', 'outside_city', '事发位置不在本市任何网格内');
  }
  let areaCode: string | null = null;
  if (input.categoryId !== undefined) {
    const category = await findCategory(ctx.db, input.categoryId);
    if (!category) throw fieldError('categoryId', 'not_found', `事项 ${input.categoryId} 不存在`);
    areaCode = areaCodeOf(category.code);
  }
  const fp = fingerprintText(input.title, input.description);
  return lookUp(ctx, actor, {
    facts: {
      features: fp.features,
      phone: phoneKey(input.phone),
      gridId: chain?.grid?.id ?? null,
      communityId: chain?.community?.id ?? null,
      townId: chain?.town?.id ?? null,
      lng: input.lng ?? null,
      lat: input.lat ?? null,
      categoryId: input.categoryId ?? null,
      areaCode,
    },
    bands: fp.bands,
    placePath: (chain?.community ?? chain?.grid)?.path ?? null,
    excludeCaseId: null,
    windowDays: input.windowDays,
  });
}

/**
 * 查重 of a stored case, for the dispatcher deciding on a merge: 404 for no such case, 403 outside his scope;
 * candidates are the cases of his scope.
 */
export async function findDuplicatesOfCase(
  ctx: AppContext,
  actor: Actor,
  caseId: number,
  windowDays: number,
): Promise<DuplicateAnswer> {
  const row = await findCase(ctx.db, caseId);
  if (!row) throw caseNotFound(caseId);
  await assertCaseInScope(ctx.db, actor, row.id);
  const [stored] = await ctx.db
    .select({ features: caseFingerprints.features, bands: caseFingerprints.bands })
    .from(caseFingerprints)
    .where(eq(caseFingerprints.caseId, caseId));
  const fp = stored ?? fingerprintText(row.title, row.description);
  const [category, places] = await Promise.all([
    row.categoryId === null ? undefined : findCategory(ctx.db, row.categoryId),
    findOrgBriefs(
      ctx.db,
      [row.communityId, row.gridId].filter((id): id is number => id !== null),
    ),
  ]);
  const place =
    (row.communityId !== null && places.get(row.communityId)) ||
    (row.gridId !== null && places.get(row.gridId));
  return lookUp(ctx, actor, {
    facts: {
      features: fp.features,
      phone: phoneKey(row.citizenPhone),
      gridId: row.gridId,
      communityId: row.communityId,
      townId: row.townId,
      lng: row.lng,
      lat: row.lat,
      categoryId: row.categoryId,
      areaCode: areaCodeOf(category?.code),
    },
    bands: fp.bands,
    placePath: place ? place.path : null,
    excludeCaseId: row.id,
    windowDays,
  });
}
