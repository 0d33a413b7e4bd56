import { describe, expect, it } from 'vitest';
import {
  clipOutsidePersonalNumbers,
  hasValidIdCheckDigit,
  PERSONAL_NUMBER_SEARCH_PATTERN,
  type PersonalNumberKindName,
  passesLuhn,
  replacePersonalNumbers,
} from './personal-numbers.js';

/** The numbers `replacePersonalNumbers` finds in a text, as `kind:canonical`. */
function found(text: string): string[] {
  const seen: string[] = [];
  replacePersonalNumbers(text, (match, kind: PersonalNumberKindName, canonical) => {
    seen.push(`${kind}:${canonical}`);
    return match;
  });
  return seen;
}

/** The search copy of a text, starred as PostgreSQL stars it (`regexp_replace(…, pattern, '*', 'g')`). */
const starred = (text: string) => text.replace(new RegExp(PERSONAL_NUMBER_SEARCH_PATTERN, 'g'), '*');

describe('the GB 11643 check digit of a resident ID', () => {
  it.each([
    ['150302199001011231', true],
    ['150302198001011237', true],
    ['15030219880808105X', true],
    ['110101199003074477', true],
    // the issue's own sample: its check digit should be 1
    ['150302199001011234', false],
    ['15030219800101123X', false],
    ['150302199001011239', false],
    // lower case and short forms are not canonical
    ['15030219880808105x', false],
    ['15030219900101123', false],
    ['1503021990010112311', false],
  ])('%s → %s', (id, valid) => {
    expect(hasValidIdCheckDigit(id)).toBe(valid);
  });
});

describe('the Luhn check of a bank card', () => {
  it.each([
    ['4111111111111111', true],
    ['6222021234567890128', true],
    ['6228480012345671', true],
    ['4222222222222', true],
    ['4111111111111112', false],
    ['6222021234567890123', false],
    ['6228480012345672', false],
  ])('%s → %s', (digits, valid) => {
    expect(passesLuhn(digits)).toBe(valid);
  });
});

describe('finding personal numbers in free text', () => {
  it.each([
    ['我的电话13912345678，请回电', ['mobile:13912345678']],
    ['电话139 1234 5678', ['mobile:139 1234 5678']],
    ['电话139-1234-5678。', ['mobile:139-1234-5678']],
    ['+86 139-1234-5678', ['mobile:+86 139-1234-5678']],
    ['8613912345678', ['mobile:8613912345678']],
    ['全角１３９１２３４５６７８', ['mobile:13912345678']],
    ['固话0473-3123456', ['landline:0473-3123456']],
    ['010 12345678', ['landline:010 12345678']],
    ['04733123456', ['landline:04733123456']],
    ['身份证150302199001011231', ['resident_id:150302199001011231']],
    ['身份证15030219880808105x', ['resident_id:15030219880808105X']],
    ['闰日出生150302200002290039', ['resident_id:150302200002290039']],
    ['老身份证150302800101123', ['old_resident_id:150302800101123']],
    ['卡号4111111111111111', ['bank_card:4111111111111111']],
    ['卡号4111 1111 1111 1111', ['bank_card:4111 1111 1111 1111']],
    ['卡号6222021234567890128', ['bank_card:6222021234567890128']],
    ['卡号4222222222222', ['bank_card:4222222222222']],
    ['车牌蒙C12345', ['vehicle_plate:蒙C12345']],
    ['新能源蒙CD12345', ['vehicle_plate:蒙CD12345']],
    ['车牌蒙C·12345', ['vehicle_plate:蒙C·12345']],
    ['车牌蒙c12345', ['vehicle_plate:蒙C12345']],
    [
      '电话13912345678，身份证150302199001011231，车牌蒙C12345',
      ['mobile:13912345678', 'resident_id:150302199001011231', 'vehicle_plate:蒙C12345'],
    ],
  ])('finds %s', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it.each([
    ['case number with a serial', '案件20261201-0001已办结'],
    ['case number of the platform', 'WH20261123000123'],
    ['date as digits', '日期20261201'],
    ['date with dashes', '2026-12-01 10:30'],
    ['date in Chinese', '2026年12月1日'],
    ['amount', '欠薪12000元'],
    ['amount with separators', '1,234,567.89元'],
    ['ID-shaped number with a wrong check digit', '身份证150302199001011234'],
    ['ID with an impossible birth date', '150302199002301249'],
    ['card failing Luhn', '4111111111111112'],
    ['ten-digit number', '1391234567'],
    ['twelve-digit number', '139123456789'],
    ['hotline and police numbers', '拨打12345或110'],
    ['house number', '3-2-501室'],
    ['plate serial with I and O', '蒙CIO123'],
    ['twenty-digit number', '62220212345678901280'],
  ])('leaves a %s alone', (_what, text) => {
    expect(found(text)).toEqual([]);
  });
});

describe('the search copy of a text', () => {
  it.each([
    ['我的电话13912345678，身份证150302199001011234', '我的电话*，身份证*'],
    ['+86 139-1234-5678', '*'],
    ['固话0473-3123456', '固话*'],
    ['卡号4111111111111112', '卡号*'],
    ['车牌蒙C·12345', '车牌*'],
    ['老身份证150302800101123', '老身份证*'],
  ])('stars every number of a personal shape, confirmed or not: %s', (text, copy) => {
    expect(starred(text)).toBe(copy);
  });

  it.each([
    '案件20261201-0001已办结',
    'WH20261123000123',
    '日期20261201',
    '欠薪12000元',
    '1,234,567.89元',
    '订单号123456789012',
    '拨打12345或110',
  ])('keeps what is no personal number: %s', (text) => {
    expect(starred(text)).toBe(text);
  });
});

describe('clipping a text outside personal numbers', () => {
  it.each([
    ['短文本', 30, '短文本'],
    ['路灯不亮已经三天了请尽快修理', 6, '路灯不亮已经'],
    // the cut at 10 would split the phone: it moves before it
    ['我的电话是13912345678请回电', 10, '我的电话是'],
    ['我的电话是139 1234 5678请回电', 12, '我的电话是'],
    // a number that opens the text is kept whole
    ['13912345678请回电', 5, '13912345678'],
    // a number ending at the cut is not split
    ['电话13912345678请回电', 13, '电话13912345678'],
    // numbers of no personal shape are cut like words
    ['金额1234567890元', 6, '金额1234'],
  ])('clips %s at %i as %s', (text, max, clipped) => {
    expect(clipOutsidePersonalNumbers(text, max)).toBe(clipped);
  });
});
