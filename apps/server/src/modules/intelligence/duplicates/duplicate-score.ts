/** What duplicate scoring knows of one side of a pair (the new request, or a stored case). */
export interface DuplicateFacts {
  /** sorted text feature hashes (`TextFingerprint.features`) */
  features: readonly number[];
  /** `phoneKey` of the caller */
  phone: string | null;
  gridId: number | null;
  communityId: number | null;
  townId: number | null;
  lng: number | null;
  lat: number | null;
  /** leaf category and its 大类 (first-level) code */
  categoryId: number | null;
  areaCode: string | null;
}

/** Weights and limits of the duplicate score; the defaults were chosen on the evaluation set (README). */
export interface DuplicateScoring {
  /** weight of 描述相似度 (cosine in [0, 1]) */
  text: number;
  /** 同一来电号码 */
  phone: number;
  /** same grid, or points within `nearMetres` */
  sameGrid: number;
  sameCommunity: number;
  sameTown: number;
  sameCategory: number;
  /** same 大类, different leaf */
  sameArea: number;
  /** two points this close count as the same place (附近) */
  nearMetres: number;
  /** a candidate is reported as a likely duplicate from this score on */
  threshold: number;
  /**
   * a candidate is shown at all only from this score on: below it, most candidates of the labelled evaluation
   * set are not duplicates (precision 0.95 from 0.45 on, 0.37 from the 0.25 shown before; README)
   */
  shownFrom: number;
}

/** The default scoring. */
export const DEFAULT_DUPLICATE_SCORING: DuplicateScoring = {
  text: 0.7,
  phone: 0.35,
  sameGrid: 0.12,
  sameCommunity: 0.1,
  sameTown: 0.04,
  sameCategory: 0.1,
  sameArea: 0.05,
  nearMetres: 300,
  threshold: 0.55,
  shownFrom: 0.45,
};

/** The score of a pair and why, in words for the dispatcher. */
export interface DuplicateScore {
  /** in [0, 1] */
  score: number;
  /** 描述相似度 alone, in [0, 1] */
  textSimilarity: number;
  /** 「同一来电号码」「描述相似度 0.86」「同一社区」「同一事项类别」… */
  reasons: string[];
}

/** Great-circle distance in metres (the haversine formula; GCJ-02 offsets cancel at this scale). */
export function distanceMetres(a: { lng: number; lat: number }, b: { lng: number; lat: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.min(1, Math.sqrt(h)));
}

function placeOf(
  a: DuplicateFacts,
  b: DuplicateFacts,
  s: DuplicateScoring,
): { weight: number; reason: string } | null {
  if (a.gridId !== null && a.gridId === b.gridId) return { weight: s.sameGrid, reason: '同一网格' };
  if (a.lng !== null && a.lat !== null && b.lng !== null && b.lat !== null) {
    const metres = distanceMetres({ lng: a.lng, lat: a.lat }, { lng: b.lng, lat: b.lat });
    if (metres <= s.nearMetres) return { weight: s.sameGrid, reason: `相距约 ${Math.round(metres)} 米` };
  }
  if (a.communityId !== null && a.communityId === b.communityId) {
    return { weight: s.sameCommunity, reason: '同一社区' };
  }
  if (a.townId !== null && a.townId === b.townId) return { weight: s.sameTown, reason: '同一街道/镇' };
  return null;
}

/**
 * Scores a pair as duplicates: a weighted sum of the text similarity and the shared signals (caller, place,
 * category), capped at 1. Text carries most of the weight, so that the same place and category alone (the hard
 * negative: a different problem next door) stays well below the threshold, while the same caller is a strong
 * push on its own.
 */
export function scoreDuplicate(
  query: DuplicateFacts,
  candidate: DuplicateFacts,
  similarity: number,
  s: DuplicateScoring = DEFAULT_DUPLICATE_SCORING,
): DuplicateScore {
  const reasons: string[] = [];
  let score = s.text * similarity;
  if (query.phone !== null && query.phone === candidate.phone) {
    score += s.phone;
    reasons.push('同一来电号码');
  }
  reasons.push(`描述相似度 ${similarity.toFixed(2)}`);
  const place = placeOf(query, candidate, s);
  if (place) {
    score += place.weight;
    reasons.push(place.reason);
  }
  if (query.categoryId !== null && query.categoryId === candidate.categoryId) {
    score += s.sameCategory;
    reasons.push('同一事项类别');
  } else if (query.areaCode !== null && query.areaCode === candidate.areaCode) {
    score += s.sameArea;
    reasons.push('同一事项大类');
  }
  return { score: Math.min(1, Math.round(score * 1000) / 1000), textSimilarity: similarity, reasons };
}
