import fs from 'node:fs';
import path from 'node:path';
import type { DemoRandom } from '../demo-random.js';

/** Where a case happened, in words: the slots of the templates. */
export interface TextPlace {
  district: string;
  town: string;
  community: string;
}

/** Title and description of a generated case. */
export interface CaseText {
  title: string;
  description: string;
}

type Template = readonly [title: string, description: string];

const BUILDINGS = ['1号楼', '3号楼', '5号楼', '7号楼', '12号楼', '东区', '西区', '南门', '北门', '商业街'];
const TIMES = ['近一周', '近半个月', '这几天', '从上个月起', '今天早上', '昨天晚上', '连续多日'];

/**
 * Templates per 大类, written for the demo. Slots: {c} community, {t} town/street, {d} district, {b} a
 * building or spot, {w} since when, {leaf} the catalog leaf.
 */
const TEMPLATES: Readonly<Record<string, readonly Template[]>> = {
  城乡建设: [
    [
      '{c}{b}{leaf}问题',
      '{w}，{t}{c}{b}出现{leaf}问题，物业和社区多次协调未果，影响居民正常生活，请相关部门尽快处理。',
    ],
    ['反映{c}{leaf}', '来电人反映{d}{t}{c}{b}{leaf}，存在安全隐患，希望有关部门上门查看并给予答复。'],
    ['{t}道路及设施问题', '{c}附近{w}{leaf}，夜间出行不便，老人孩子容易摔倒，请尽快安排维修。'],
  ],
  劳动和社会保障: [
    [
      '{leaf}相关诉求',
      '来电人在{d}{t}一家企业工作，{w}遇到{leaf}方面的问题，与单位沟通无果，请求人社部门依法处理。',
    ],
    ['咨询{leaf}政策', '来电人咨询{leaf}的办理条件、所需材料和办理地点，家住{t}{c}。'],
    ['反映拖欠工资', '{t}某工地{w}拖欠农民工工资，涉及十余人，请求帮助追讨（{leaf}）。'],
  ],
  环境保护: [
    ['{c}周边{leaf}', '{w}，{t}{c}附近存在{leaf}现象，气味刺鼻、影响休息，请生态环境部门核查。'],
    ['举报{leaf}', '市民举报{d}{t}{b}一带{leaf}，多次反映未见改善，请依法查处。'],
  ],
  交通运输: [
    ['{leaf}问题', '来电人反映在{d}{t}乘车时遇到{leaf}，要求有关部门调查并给予答复。'],
    ['{t}公交出行建议', '{c}居民出行不便，{w}{leaf}，建议交通运输部门优化安排。'],
  ],
  水电气暖: [
    ['{c}{leaf}', '{w}，{t}{c}{b}{leaf}，家中有老人小孩，请供应单位尽快排查抢修。'],
    ['反映{leaf}', '来电人反映{d}{t}{c}{leaf}，已联系物业未解决，请尽快处理并告知恢复时间。'],
  ],
  民政: [
    ['咨询{leaf}', '来电人家住{t}{c}，咨询{leaf}的申请条件和办理流程。'],
    ['{c}居民求助', '{c}一位独居老人{w}生活困难，邻居代为反映，希望民政部门了解情况（{leaf}）。'],
  ],
  教育文体: [
    ['{leaf}问题', '家长反映{d}{t}某学校{leaf}，希望教育部门核实并规范管理。'],
    ['{c}文体设施', '{c}{b}的健身器材{w}损坏，{leaf}，请有关部门维修更换。'],
  ],
  卫生计生: [
    ['{leaf}相关反映', '来电人在{d}某医疗机构就诊时遇到{leaf}问题，要求卫健部门调查处理。'],
    ['咨询{leaf}', '市民咨询{leaf}相关政策，家住{t}{c}。'],
  ],
  商贸旅游: [
    ['{leaf}投诉', '消费者在{t}{b}附近商户消费时遇到{leaf}，商家拒绝协商，请求处理。'],
    ['反映{c}{leaf}', '{c}周边商户{w}{leaf}，影响居民生活，请市场监管部门核查。'],
  ],
  便民服务: [['{leaf}求助', '来电人家住{t}{c}{b}，{w}需要{leaf}帮助，请协调办理。']],
  社会治安: [['{c}{leaf}', '{t}{c}{b}{w}出现{leaf}情况，居民担心安全，请有关部门加强巡查。']],
};

const GENERIC: readonly Template[] = [
  ['反映{leaf}问题', '来电人反映{d}{t}{c}{leaf}方面的问题，{w}多次反映未解决，请相关部门核实处理并回复。'],
  ['咨询{leaf}', '来电人咨询{leaf}相关事宜，家住{d}{t}{c}，请相关部门答复。'],
];

function fill(text: string, place: TextPlace, leaf: string, random: DemoRandom): string {
  return text
    .replaceAll('{c}', place.community)
    .replaceAll('{t}', place.town)
    .replaceAll('{d}', place.district)
    .replaceAll('{leaf}', leaf)
    .replaceAll('{b}', random.pick(BUILDINGS))
    .replaceAll('{w}', random.pick(TIMES));
}

/** Citizens' messages of the Teddy Cup data set by 大类, read at run time when the data folder is there. */
export type MessagePool = ReadonlyMap<string, readonly string[]>;

/**
 * Loads the Teddy Cup messages (`train_8290.jsonl`) by label when `teddyDir` holds them, else an empty pool.
 * The texts are used at run time only, never copied into the repository; each is joined into plain Chinese
 * (`joinSegmentedText`) and its anonymised places are named when a case takes it (`localiseMessage`).
 */
export function loadMessagePool(teddyDir: string): MessagePool {
  const file = path.join(teddyDir, 'train_8290.jsonl');
  const pool = new Map<string, string[]>();
  if (!fs.existsSync(file)) return pool;
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const { label, text } = JSON.parse(line) as { label?: string; text?: string };
    if (!label || !text || text.length < 20) continue;
    const joined = joinSegmentedText(text).slice(0, 500);
    pool.set(label, [...(pool.get(label) ?? []), joined]);
  }
  return pool;
}

// A space with a Chinese character or full-width punctuation on either side: the word segmentation of the
// data set ("咨询 G 市 医保 几个 问题"), never a space a Chinese writer types. Spaces between Latin words
// and numbers stay.
const SEGMENTATION_SPACE = /\s+(?=\P{ASCII})|(?<=\P{ASCII})\s+/gu;

/** A message of the data set as a citizen writes it: the word segmentation's spaces removed. */
export function joinSegmentedText(text: string): string {
  return text.replace(/\s+/g, ' ').replace(SEGMENTATION_SPACE, '').trim();
}

// The data set anonymises places as a capital and digits before the level: A市 (its city), K2区, M1县,
// D12市 (a county-level city), B3镇, C1街道.
const ANONYMISED_CITY = /(?<![A-Za-z0-9])[A-Z]市/g;
const ANONYMISED_COUNTY = /(?<![A-Za-z0-9])[A-Z]\d*(?:区|县)|(?<![A-Za-z0-9])[A-Z]\d+市/g;
const ANONYMISED_TOWN = /(?<![A-Za-z0-9])[A-Z]\d*(?:镇|乡|街道)/g;

/**
 * A message of the data set told in Wuhai: its anonymised cities become 乌海市, its districts and counties
 * the district where the case happened, its towns and streets the case's town or street.
 */
export function localiseMessage(text: string, place: TextPlace): string {
  return text
    .replace(ANONYMISED_TOWN, place.town)
    .replace(ANONYMISED_COUNTY, place.district)
    .replace(ANONYMISED_CITY, '乌海市');
}

function titleOf(description: string): string {
  return description.length > 30 ? `${description.slice(0, 30)}…` : description;
}

/**
 * The words of a case: from the templates of its 大类 (or the generic ones), or, one time in three when the
 * pool has messages of that 大类, a real citizen's message.
 */
export function writeCaseText(
  random: DemoRandom,
  area: string,
  leaf: string,
  place: TextPlace,
  pool: MessagePool,
): CaseText {
  const messages = pool.get(area);
  if (messages && messages.length > 0 && random.next() < 1 / 3) {
    const description = localiseMessage(random.pick(messages), place);
    return { title: titleOf(description), description };
  }
  const [title, description] = random.pick(TEMPLATES[area] ?? GENERIC);
  return { title: fill(title, place, leaf, random), description: fill(description, place, leaf, random) };
}
