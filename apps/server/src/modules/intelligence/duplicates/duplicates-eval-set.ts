import { createRandom, shuffleInPlace } from '../classifier/random.js';
import type { DuplicateFacts } from './duplicate-score.js';
import { fingerprintText, textSimilarity } from './text-fingerprint.js';

/** A citizen message as the evaluation reads it (the Teddy Cup JSONL rows have these fields). */
export interface EvalMessage {
  title: string;
  body: string;
  user?: string;
}

/** One labelled pair: a new request and a stored case, duplicates or not, and how the pair was made. */
export interface EvalPair {
  query: DuplicateFacts & { text: string };
  candidate: DuplicateFacts & { text: string };
  duplicate: boolean;
  /** `paraphrase`, `second_caller`, `hard_negative` (same place and category), `nearest_negative`, `easy_negative` */
  kind: string;
}

// Synonyms a second caller or an agent typing it up uses for the same thing.
const SYNONYMS: [string, string][] = [
  ['反映', '投诉'],
  ['希望', '恳请'],
  ['解决', '处理'],
  ['严重', '很厉害'],
  ['噪音', '噪声'],
  ['马路', '道路'],
  ['一直', '始终'],
  ['居民', '住户'],
  ['相关部门', '有关部门'],
  ['现在', '目前'],
  ['非常', '特别'],
  ['没有', '未'],
  ['小区', '小区里'],
  ['业主', '住户'],
  ['尽快', '早日'],
];
const FILLERS = ['麻烦尽快处理', '已经反映过多次了', '希望相关部门重视', '请给个答复', '我也是这里的住户'];
const OPENERS = ['我再反映一下，', '我是附近的居民，', '跟之前反映的一样，', '你好，', '我想问一下，'];

/** Messages of the source this similar to a base are its real repeats and are never used as negatives. */
const REPEAT_IN_SOURCE = 0.8;

function clauses(text: string): string[] {
  return text
    .split(/(?<=[，。；！？!?;,])/u)
    .map((c) => c.trim())
    .filter((c) => c.length > 1);
}

/** Keeps a message to its first ~160 characters of whole clauses: a 12345 record, not a long letter. */
function shorten(text: string, max = 160): string {
  let out = '';
  for (const c of clauses(text)) {
    if (out.length + c.length > max && out.length > 40) break;
    out += c;
  }
  return out || text.slice(0, max);
}

/**
 * A rewording of `text` by 2–4 paraphrase operations: drop a clause, swap two, insert a filler, replace
 * synonyms, or open like a second caller who only tells part of it.
 */
function paraphrase(text: string, random: () => number, secondCaller: boolean): string {
  let parts = clauses(text);
  const ops = 2 + Math.floor(random() * 3);
  for (let k = 0; k < ops; k++) {
    const op = Math.floor(random() * 4);
    if (op === 0 && parts.length > 2) parts.splice(1 + Math.floor(random() * (parts.length - 1)), 1);
    else if (op === 1 && parts.length > 2) {
      const i = Math.floor(random() * parts.length);
      const j = Math.floor(random() * parts.length);
      [parts[i], parts[j]] = [parts[j]!, parts[i]!];
    } else if (op === 2)
      parts.splice(Math.floor(random() * (parts.length + 1)), 0, `${pick(FILLERS, random)}，`);
    else
      parts = parts.map((p) =>
        SYNONYMS.reduce((acc, [a, b]) => (random() < 0.7 ? acc.replaceAll(a, b) : acc), p),
      );
  }
  if (secondCaller) {
    // a second caller tells the core of it (the first clauses) in his own opening
    parts = [pick(OPENERS, random), ...parts.slice(0, Math.max(2, Math.ceil(parts.length * 0.5)))];
    parts = parts.map((p) => SYNONYMS.reduce((acc, [a, b]) => acc.replaceAll(a, b), p));
  }
  return parts.join('');
}

function pick<T>(items: readonly T[], random: () => number): T {
  return items[Math.floor(random() * items.length)]!;
}

function mobile(random: () => number): string {
  return `1${3 + Math.floor(random() * 7)}${String(Math.floor(random() * 1e9)).padStart(9, '0')}`;
}

/** The same number as another agent types it: spaced, dashed or with the country code. */
function reformatPhone(phone: string, random: () => number): string {
  const style = Math.floor(random() * 3);
  if (style === 0) return `${phone.slice(0, 3)} ${phone.slice(3, 7)} ${phone.slice(7)}`;
  if (style === 1) return `+86-${phone.slice(0, 3)}-${phone.slice(3, 7)}-${phone.slice(7)}`;
  return `86${phone}`;
}

interface Place {
  gridId: number;
  communityId: number;
  townId: number;
  lng: number;
  lat: number;
}

function placeNo(n: number): Place {
  // 40 communities of 4 grids in 8 towns, points ~1 km apart between grids
  return {
    gridId: 1000 + n,
    communityId: 100 + Math.floor(n / 4),
    townId: 10 + Math.floor(n / 20),
    lng: 106.8 + (n % 13) * 0.01,
    lat: 39.6 + Math.floor(n / 13) * 0.01,
  };
}

function factsOf(
  text: string,
  place: Place,
  category: number,
  phone: string | null,
  nudgeMetres = 0,
): DuplicateFacts & { text: string } {
  const fp = fingerprintText('', text);
  return {
    text,
    features: fp.features,
    phone,
    ...place,
    lat: place.lat + nudgeMetres / 111_000,
    categoryId: category,
    areaCode: String(Math.floor(category / 10)),
  };
}

/**
 * Builds the labelled set from real messages (see README): `size` base messages, each stored as a case at a
 * generated place and category with a caller; for each, one true duplicate (a paraphrase by the same caller with
 * the number typed differently, or a second caller's wording with another number; same category; the same grid,
 * or another grid within ~150 m) and four negatives: two hard ones (other messages placed in the same grid and
 * category), the message nearest in wording among the rest (same place and category too), and one easy one.
 * Candidates are messages from other users only, so real repeats in the source do not become false labels.
 */
export function buildDuplicateEvalSet(messages: readonly EvalMessage[], size: number, seed = 5): EvalPair[] {
  const random = createRandom(seed);
  const pool = messages
    .map((m) => ({ ...m, text: shorten(`${m.title}。${m.body}`) }))
    .filter((m) => m.text.length >= 30);
  shuffleInPlace(pool, random);
  const bases = pool.slice(0, size);
  const others = pool.slice(size, size + 1500);
  const otherFeatures = others.map((o) => fingerprintText('', o.text).features);
  const pairs: EvalPair[] = [];
  bases.forEach((base, n) => {
    const place = placeNo(n % 160);
    const category = 10 + Math.floor(random() * 60);
    const phone = mobile(random);
    const stored = factsOf(base.text, place, category, phone);
    const second = random() < 0.5;
    const dupText = paraphrase(base.text, random, second);
    const dupPhone = second ? mobile(random) : reformatPhone(phone, random);
    const dup = factsOf(
      dupText,
      place,
      category,
      dupPhone.replace(/\D/g, '').replace(/^86/, ''),
      random() < 0.3 ? 150 : 0,
    );
    if (random() < 0.3) dup.gridId = place.gridId + 500; // the point fell in the neighbouring grid
    pairs.push({
      query: dup,
      candidate: stored,
      duplicate: true,
      kind: second ? 'second_caller' : 'paraphrase',
    });

    const strangers = others.filter((o) => o.user === undefined || o.user !== base.user);
    for (let k = 0; k < 2; k++) {
      const other = pick(strangers, random);
      pairs.push({
        query: dup,
        candidate: factsOf(other.text, place, category, mobile(random)),
        duplicate: false,
        kind: 'hard_negative',
      });
    }
    let best = -1;
    let bestSim = -1;
    otherFeatures.forEach((f, i) => {
      if (others[i]!.user !== undefined && others[i]!.user === base.user) return;
      const sim = textSimilarity(stored.features, f);
      // a near-identical message is a real repeat in the source (another account posting it again), not a negative
      if (sim > bestSim && sim < REPEAT_IN_SOURCE) {
        bestSim = sim;
        best = i;
      }
    });
    pairs.push({
      query: dup,
      candidate: factsOf(others[best]!.text, place, category, mobile(random)),
      duplicate: false,
      kind: 'nearest_negative',
    });
    pairs.push({
      query: dup,
      candidate: factsOf(pick(strangers, random).text, placeNo((n + 80) % 160), category + 1, mobile(random)),
      duplicate: false,
      kind: 'easy_negative',
    });
  });
  return pairs;
}
