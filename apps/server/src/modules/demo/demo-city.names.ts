import type { DemoRandom } from './demo-random.js';

/** Stems of community and village names, as common in Chinese cities (团结社区, 和平村 …). */
export const COMMUNITY_NAME_STEMS: readonly string[] = [
  '团结',
  '和平',
  '幸福',
  '友谊',
  '新华',
  '康乐',
  '光明',
  '育才',
  '滨河',
  '阳光',
  '胜利',
  '建设',
  '人民',
  '繁荣',
  '兴华',
  '民主',
  '振兴',
  '长青',
  '利民',
  '惠民',
  '安居',
  '和谐',
  '文明',
  '新风',
  '丰收',
  '富强',
  '青山',
  '绿园',
  '春晖',
  '朝阳',
  '东风',
  '红旗',
  '向阳',
  '前进',
  '新城',
  '北苑',
  '南苑',
  '西苑',
  '东苑',
  '福源',
  '锦绣',
  '祥和',
  '康宁',
  '永安',
  '金桥',
  '银河',
  '海滨',
  '沙湖',
  '甘德尔',
  '黄河',
  '滨湖',
  '桃园',
  '杏园',
  '葡萄园',
  '矿区',
  '乌兰',
  '新园',
  '鑫盛',
  '鸿雁',
  '星光',
  '家园',
  '美景',
  '宁静',
  '和顺',
];

/** Common surnames (百家姓 in order of frequency). */
const SURNAMES: readonly string[] = [
  ...'王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文',
];

/** Characters common in given names. */
const GIVEN_NAME_CHARACTERS: readonly string[] = [
  ...new Set(
    '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红娥玲芬燕彩春菊兰凤洁梅琳素云莲真环雪荣爱妹霞香月莺媛瑞凡佳嘉琼勤珍贞莉桂娣叶璧璐娅琦晶妍茜秋珊莎锦黛青倩婷姣婉娴瑾颖露瑶怡婵雁蓓纨仪荷丹蓉眉君琴蕊薇菁梦岚苑婕馨瑗琰韵融园艺咏卿聪澜纯毓悦昭冰爽琬茗羽希宁欣飘育滢馥筠柔竹霭凝晓欢霄枫芸菲寒伊亚宜可姬舒影荔枝丽阳',
  ),
];

/** Mongolian personal names, usual in Inner Mongolia and written without a surname. */
const MONGOLIAN_NAMES: readonly string[] = [
  '巴特尔',
  '乌云',
  '其其格',
  '额尔敦',
  '苏日娜',
  '那仁',
  '朝鲁',
  '萨仁',
  '阿拉坦',
  '图雅',
  '宝音',
  '斯琴',
];

/** Mobile prefixes of the three operators (13x, 15x, 18x). */
const MOBILE_PREFIXES: readonly string[] = [
  '130',
  '131',
  '132',
  '133',
  '135',
  '136',
  '137',
  '138',
  '139',
  '150',
  '151',
  '152',
  '153',
  '155',
  '156',
  '157',
  '158',
  '159',
  '180',
  '181',
  '182',
  '183',
  '185',
  '186',
  '187',
  '188',
  '189',
];

const CHINESE_NUMERALS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/**
 * Stems for the communities of one district, none used twice in the district (so none twice in a town),
 * in a random order. When the list runs out, stems come back with a numeral (幸福二).
 */
export function drawCommunityStems(count: number, random: DemoRandom): string[] {
  const stems: string[] = [];
  for (let round = 0; stems.length < count; round++) {
    const suffix = round === 0 ? '' : (CHINESE_NUMERALS[round + 1] ?? String(round + 1));
    for (const stem of random.shuffle(COMMUNITY_NAME_STEMS)) {
      if (stems.length === count) break;
      stems.push(`${stem}${suffix}`);
    }
  }
  return stems;
}

/** A synthetic person's name: mostly surname + one or two characters, now and then a Mongolian name. */
export function drawPersonName(random: DemoRandom): string {
  if (random.next() < 0.06) return random.pick(MONGOLIAN_NAMES);
  const given = random.next() < 0.7 ? 2 : 1;
  let name = random.pick(SURNAMES);
  for (let i = 0; i < given; i++) name += random.pick(GIVEN_NAME_CHARACTERS);
  return name;
}

/** A synthetic 11-digit mobile number (13x/15x/18x) not in `used`; it is added to `used`. */
export function drawMobileNumber(random: DemoRandom, used: Set<string>): string {
  for (;;) {
    const number = `${random.pick(MOBILE_PREFIXES)}${String(random.int(0, 99_999_999)).padStart(8, '0')}`;
    if (!used.has(number)) {
      used.add(number);
      return number;
    }
  }
}
