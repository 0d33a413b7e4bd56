import { sql } from 'drizzle-orm';
import { type DbOrTx, queryRows } from '../../../platform/db/database.js';
import { hashTerm } from '../duplicates/text-fingerprint.js';
import { beijingDayOf, DAY_MS } from './beijing-day.js';
import { poissonUpperTail, surpriseOf } from './poisson.js';
import {
  clusterTopics,
  DEFAULT_CLUSTER_OPTIONS,
  type TopicCluster,
  type TopicDoc,
} from './topic-clusters.js';
import type { WarningDraft } from './warning-draft.js';

/** How new and how unusual a topic must be. */
export interface TopicModel {
  /** the cases looked at: created in the last this many hours */
  recentHours: number;
  /** the weeks before them, where the topic's words must (nearly) not appear */
  baselineDays: number;
  /** a key term is new when the baseline holds at most this many cases with it */
  maxBaselineDocs: number;
  /** one-sided Poisson p-value of the term's count in the recent window, at or below which it is unusual */
  alpha: number;
}

/** The default model: last 48 h against the 4 weeks before. */
export const DEFAULT_TOPIC_MODEL: TopicModel = {
  recentHours: 48,
  baselineDays: 28,
  maxBaselineDocs: 2,
  alpha: 1e-5,
};

interface RecentRow {
  id: number;
  created_at: string | Date;
  features: number[];
  bands: number[];
  words: string[];
  path: string | null;
}

/** How many baseline cases hold each word (GIN on the feature hashes narrows the rows first). */
async function baselineDocCounts(db: DbOrTx, words: readonly string[], from: Date, to: Date) {
  const counts = new Map<string, number>(words.map((w) => [w, 0]));
  if (words.length === 0) return counts;
  const hashes = `{${words.map(hashTerm).join(',')}}`;
  const list = `{${words.map((w) => `"${w.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(',')}}`;
  const rows = await queryRows<{ word: string; n: number }>(
    db,
    sql`select w as word, count(*)::int as n
        from case_fingerprints f, unnest(f.words) as w
        where f.features && ${hashes}::integer[]
          and f.created_at >= ${from.toISOString()}::timestamptz and f.created_at < ${to.toISOString()}::timestamptz
          and w = any(${list}::text[])
        group by w`,
  );
  for (const row of rows) counts.set(row.word, row.n);
  return counts;
}

/** Words in at least `minDocs` of the recent cases, with their counts. */
function frequentWords(docs: readonly TopicDoc[], minDocs: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (const doc of docs)
    for (const w of new Set(doc.words)) if (w.length >= 2) counts.set(w, (counts.get(w) ?? 0) + 1);
  return new Map([...counts].filter(([, n]) => n >= minDocs));
}

/** The deepest org path all the cases lie under (their area, or their owner's org when not located). */
function commonPath(paths: readonly string[]): string {
  if (paths.length === 0) return '/';
  const split = paths.map((p) => p.split('/').filter(Boolean));
  const common: string[] = [];
  for (let i = 0; split.every((s) => s[i] !== undefined && s[i] === split[0]![i]); i++)
    common.push(split[0]![i]!);
  return common.length === 0 ? '/' : `/${common.join('/')}/`;
}

/** The cluster's new key terms, and the most surprising of them. */
function noveltyOf(cluster: TopicCluster, baseline: Map<string, number>, model: TopicModel) {
  let best: { word: string; baselineDocs: number; expected: number; pValue: number } | null = null;
  const novel: string[] = [];
  for (const term of cluster.keyTerms) {
    const baselineDocs = baseline.get(term.word);
    if (baselineDocs === undefined || baselineDocs > model.maxBaselineDocs) continue;
    novel.push(term.word);
    const expected = ((baselineDocs + 0.5) / (model.baselineDays * 24)) * model.recentHours;
    const pValue = poissonUpperTail(term.docs, expected);
    if (!best || pValue < best.pValue) best = { word: term.word, baselineDocs, expected, pValue };
  }
  return { novel, best };
}

/**
 * 新苗头: clusters of similar cases registered in the last `recentHours` (`topic-clusters.ts`) whose key terms
 * (nearly) never appeared in the `baselineDays` before — a problem that did not exist before. Each is tested
 * on its most surprising new term: its count in the cluster against the Poisson mean its baseline gives.
 * Bounded work: the recent cases (48 h) once, and one grouped query over the baseline for the frequent words.
 */
export async function detectEmergingTopics(
  db: DbOrTx,
  now: Date,
  model: TopicModel = DEFAULT_TOPIC_MODEL,
): Promise<WarningDraft[]> {
  const recentFrom = new Date(now.getTime() - model.recentHours * 3_600_000);
  const baselineFrom = new Date(recentFrom.getTime() - model.baselineDays * DAY_MS);
  const rows = await queryRows<RecentRow>(
    db,
    sql`select c.id, c.created_at, f.features, f.bands, f.words,
               coalesce(c.area_path, o.path) as path
        from case_fingerprints f join cases c on c.id = f.case_id
        left join orgs o on o.id = c.current_org_id
        where f.created_at >= ${recentFrom.toISOString()}::timestamptz
          and f.created_at <= ${now.toISOString()}::timestamptz
          and c.state not in ('invalidated')`,
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  // Novelty first: only cases holding a word (nearly) absent from the baseline are clustered, so that a new
  // topic is not chained by single-link into the mass of everyday cases that share its generic words.
  const frequent = frequentWords(rows, DEFAULT_CLUSTER_OPTIONS.minSize);
  const baseline = await baselineDocCounts(db, [...frequent.keys()], baselineFrom, recentFrom);
  const newWords = new Set([...baseline].filter(([, n]) => n <= model.maxBaselineDocs).map(([w]) => w));
  const fresh = rows.filter((r) => r.words.some((w) => newWords.has(w)));
  const drafts: WarningDraft[] = [];
  for (const cluster of clusterTopics(fresh, DEFAULT_CLUSTER_OPTIONS)) {
    const { novel, best } = noveltyOf(cluster, baseline, model);
    if (!best || best.pValue > model.alpha) continue;
    const members = cluster.docs.map((d) => byId.get(d.id)!);
    const times = members.map((m) => new Date(m.created_at).getTime());
    const path = commonPath(members.flatMap((m) => (m.path ? [m.path] : [])));
    const orgId = Number(path.split('/').filter(Boolean).at(-1));
    if (!Number.isInteger(orgId) || orgId <= 0) continue;
    const ids = members.map((m) => m.id).sort((a, b) => a - b);
    drafts.push({
      kind: 'emerging_topic',
      dedupKey: `topic:${ids[0]}`,
      title: `新苗头「${novel.slice(0, 3).join('、')}」：近 ${model.recentHours} 小时 ${ids.length} 件相似诉求，此前 ${model.baselineDays} 天${best.baselineDocs === 0 ? '未见' : `仅 ${best.baselineDocs} 件`}`,
      orgId,
      orgPath: path,
      categoryId: null,
      day: beijingDayOf(now).day,
      caseIds: ids,
      observed: ids.length,
      baseline: best.baselineDocs,
      pValue: best.pValue,
      score: surpriseOf(best.pValue),
      terms: novel,
      details: {
        keyTerms: cluster.keyTerms.slice(0, 8),
        testedTerm: best.word,
        expectedDocs: best.expected,
        recentHours: model.recentHours,
        baselineDays: model.baselineDays,
      },
      firstSeenAt: new Date(Math.min(...times)),
      lastSeenAt: new Date(Math.max(...times)),
    });
  }
  return drafts;
}
