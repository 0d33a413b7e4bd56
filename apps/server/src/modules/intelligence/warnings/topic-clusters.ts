import { textSimilarity } from '../duplicates/text-fingerprint.js';

/** A new case as clustering sees it (its stored fingerprint). */
export interface TopicDoc {
  id: number;
  features: number[];
  bands: number[];
  words: string[];
}

/** A cluster of similar new cases and the words most of them share. */
export interface TopicCluster {
  docs: TopicDoc[];
  /** words in at least `termShare` of the cluster's cases, most shared first */
  keyTerms: { word: string; docs: number }[];
}

/** How clusters are formed. */
export interface ClusterOptions {
  /** two cases are linked when their text similarity reaches this */
  minSimilarity: number;
  /** clusters smaller than this are dropped */
  minSize: number;
  /** a key term is in at least this share of the cluster's cases */
  termShare: number;
}

/** Defaults: similar enough to be about the same thing, at least 5 cases. */
export const DEFAULT_CLUSTER_OPTIONS: ClusterOptions = { minSimilarity: 0.35, minSize: 5, termShare: 0.5 };

/** Up to this many cases every pair is compared; beyond, only pairs sharing an LSH band. */
const ALL_PAIRS_UP_TO = 1_500;

function bandBuckets(docs: readonly TopicDoc[]): Map<number, number[]> {
  const buckets = new Map<number, number[]>();
  docs.forEach((doc, i) => {
    for (const [b, key] of doc.bands.entries()) {
      const bucketKey = key * 64 + b;
      const bucket = buckets.get(bucketKey);
      if (bucket) bucket.push(i);
      else buckets.set(bucketKey, [i]);
    }
  });
  return buckets;
}

function find(parent: number[], i: number): number {
  let root = i;
  while (parent[root] !== root) root = parent[root]!;
  let node = i;
  while (parent[node] !== root) {
    const next = parent[node]!;
    parent[node] = root;
    node = next;
  }
  return root;
}

/**
 * Single-link clustering of new cases: every pair of a small set, or the pairs sharing a MinHash LSH band of a
 * large one, is compared; pairs at `minSimilarity` or above are joined (union-find), and clusters of `minSize`
 * or more are answered with their key terms.
 */
export function clusterTopics(docs: readonly TopicDoc[], options = DEFAULT_CLUSTER_OPTIONS): TopicCluster[] {
  const parent = docs.map((_, i) => i);
  const link = (i: number, j: number) => {
    if (find(parent, i) === find(parent, j)) return;
    if (textSimilarity(docs[i]!.features, docs[j]!.features) >= options.minSimilarity) {
      parent[find(parent, i)] = find(parent, j);
    }
  };
  if (docs.length <= ALL_PAIRS_UP_TO) {
    for (let i = 0; i < docs.length; i++) for (let j = i + 1; j < docs.length; j++) link(i, j);
  } else {
    for (const bucket of bandBuckets(docs).values()) {
      for (let x = 0; x < bucket.length; x++)
        for (let y = x + 1; y < bucket.length; y++) link(bucket[x]!, bucket[y]!);
    }
  }
  const groups = new Map<number, TopicDoc[]>();
  docs.forEach((doc, i) => {
    const root = find(parent, i);
    const group = groups.get(root);
    if (group) group.push(doc);
    else groups.set(root, [doc]);
  });
  const clusters: TopicCluster[] = [];
  for (const group of groups.values()) {
    if (group.length < options.minSize) continue;
    const counts = new Map<string, number>();
    for (const doc of group)
      for (const word of new Set(doc.words)) counts.set(word, (counts.get(word) ?? 0) + 1);
    const keyTerms = [...counts.entries()]
      .filter(([word, n]) => word.length >= 2 && n >= options.termShare * group.length)
      .map(([word, n]) => ({ word, docs: n }))
      .sort((a, b) => b.docs - a.docs || a.word.localeCompare(b.word));
    clusters.push({ docs: group, keyTerms });
  }
  return clusters.sort((a, b) => b.docs.length - a.docs.length);
}
