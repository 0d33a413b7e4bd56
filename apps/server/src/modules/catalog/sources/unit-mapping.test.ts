import { describe, expect, it } from 'vitest';
import { WUHAI_UNITS } from '../../demo/wuhai-units.js';
import {
  AREA_UNITS,
  FALLBACK_UNIT_CODE,
  mapDefaultUnit,
  mapPolice,
  mapTimeLimitProfile,
  settleLeaf,
  UNIT_RULES,
} from './unit-mapping.js';

const unitCodes = new Set(WUHAI_UNITS.map((u) => u.code));
const path = (area: string, subcategory: string, leaf: string) => ({ area, subcategory, leaf });

describe('unit mapping', () => {
  it('names only units that exist in WUHAI_UNITS', () => {
    const named = [FALLBACK_UNIT_CODE, ...UNIT_RULES.map((r) => r.value), ...Object.values(AREA_UNITS)];
    expect(named.filter((code) => !unitCodes.has(code))).toEqual([]);
  });

  it.each([
    ['城乡建设', '住房保障与房地产', '物业服务', 'unit.housing'],
    ['城乡建设', '城市建设和市政管理', '城管执法', 'unit.urban'],
    ['城乡建设', '城乡规划', '违章建筑', 'unit.urban'],
    ['城乡建设', '城乡规划', '规划方案', 'unit.natural'],
    ['城乡建设', '住房保障与房地产', '住房公积金', 'unit.fund'],
    ['城乡建设', '城市建设和市政管理', '燃气供应', 'unit.gas'],
    ['城乡建设', '城市建设和市政管理', '冬季采暖', 'unit.heating'],
    ['城乡建设', '安全生产', '事故处理', 'unit.emergency'],
    ['交通运输', '出租车管理', '网约车问题', 'unit.transport'],
    ['环境保护', '环境污染', '噪音污染', 'unit.ecology'],
    ['劳动和社会保障', '劳动关系', '农民工权益', 'unit.hrss'],
    ['劳动和社会保障', '城镇职工社会保险', '职工医疗保险', 'unit.medical-insurance'],
    ['教育文体', '教育收费', '乱收费', 'unit.education'],
    ['教育文体', '体育', '体育市场', 'unit.culture'],
    ['卫生计生', '医政监管', '非法行医', 'unit.health'],
    ['卫生计生', '食品药品监管', '食品安全', 'unit.market'],
    ['商贸旅游', '商业贸易', '进出口管理', 'unit.commerce'],
    ['商贸旅游', '市场监管', '传销', 'unit.market'],
    ['商贸旅游', '旅游管理', '景区管理', 'unit.culture'],
    ['农村农业', '惠农补贴', '粮食直补', 'unit.agriculture'],
    ['农村农业', '林业管理', '森林防火', 'unit.forestry'],
    ['国土资源', '土地资源管理', '耕地保护', 'unit.natural'],
    ['民政', '社会救助', '城镇低保', 'unit.civil'],
    ['民政', '优抚', '老退役军人待遇', 'unit.veterans'],
    ['政法', '社会治安', '治安案件', 'unit.police'],
    ['政法', '社会治安', '消防安全', 'unit.emergency'],
    ['纪检监察', '贪污贿赂', '贪污', FALLBACK_UNIT_CODE],
    ['无此大类', '无此中类', '无此事项', FALLBACK_UNIT_CODE],
  ])('sends %s/%s/%s to %s', (area, subcategory, leaf, unit) => {
    expect(mapDefaultUnit(path(area, subcategory, leaf))).toBe(unit);
  });

  it.each([
    ['城乡建设', '安全生产', '事故处理', 'emergency'],
    ['政法', '交通管理', '交通事故', 'emergency'],
    ['劳动和社会保障', '退休政策及待遇', '退休政策', 'consultation'],
    ['劳动和社会保障', '工资福利', '最低工资标准', 'consultation'],
    ['经济管理', '企业破产', '政策性破产', 'normal'],
    ['城乡建设', '国有土地上房屋征收与补偿', '审批手续', 'complex'],
    ['国土资源', '土地资源管理', '土地权属纠纷', 'complex'],
    ['科技与信息产业', '知识产权', '知识产权保护', 'normal'],
    ['城乡建设', '住房保障与房地产', '物业服务', 'normal'],
    ['民政', '社会救助', '特困人员供养', 'normal'],
    ['城乡建设', '住房与物业', '电梯故障困人', 'emergency'],
  ])('gives %s/%s/%s the %s profile', (area, subcategory, leaf, profile) => {
    expect(mapTimeLimitProfile(path(area, subcategory, leaf))).toBe(profile);
  });

  it('flags crime, public order and traffic accidents as 110 matters, and nothing else', () => {
    expect(mapPolice(path('政法', '社会治安', '黄赌毒'))).toBe(true);
    expect(mapPolice(path('政法', '交通管理', '交通事故'))).toBe(true);
    expect(mapPolice(path('政法', '社会治安', '消防安全'))).toBe(false);
    expect(mapPolice(path('政法', '户籍证件', '身份证管理'))).toBe(false);
    expect(mapPolice(path('城乡建设', '安全生产', '事故处理'))).toBe(false);
  });

  it('lets a source override the rules', () => {
    const settings = settleLeaf(path('城乡建设', '市政设施', '道路破损'), {
      unit: 'unit.transport',
      profile: 'complex',
    });
    expect(settings).toEqual({
      defaultUnitCode: 'unit.transport',
      priority: 'normal',
      acceptLimit: { value: 2, unit: 'working_hours' },
      resolveLimit: { value: 15, unit: 'working_days' },
      police: false,
    });
  });
});
