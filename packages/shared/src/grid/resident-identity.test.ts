import { describe, expect, it } from 'vitest';
import { canonicalCreditCode, hasValidCreditCode } from './credit-code.js';
import { houseKeyOf, houseLabel } from './grid-house.schemas.js';
import { CreateResidentInput } from './grid-resident.schemas.js';
import {
  ageOn,
  birthDateOfIdNumber,
  canonicalIdNumber,
  canonicalPhone,
  checkIdNumber,
  genderOfIdNumber,
  phoneIndexForm,
} from './resident-identity.js';

describe('checkIdNumber (GB 11643)', () => {
  it.each([
    ['150302195603122010', 'ok'],
    ['15030219900101001X', 'ok'],
    ['150304200002290023', 'ok'],
    ['150302195603122011', 'check_digit'],
    ['15030219900101001x', 'shape'],
    ['150302199002300013', 'birth_date'],
    ['150302190002290011', 'birth_date'],
    ['050302195603122010', 'shape'],
    ['15030219560312201', 'shape'],
    ['1503021956031220100', 'shape'],
    ['15030219560312201A', 'shape'],
  ])('reads %s as %s', (id, expected) => {
    expect(checkIdNumber(id)).toBe(expected);
  });

  it('reads full-width digits, spaces and a lower-case x as the canonical number', () => {
    expect(canonicalIdNumber(' １５０３０２１９９００１０１００１ｘ ')).toBe('15030219900101001X');
    expect(canonicalIdNumber('150302 19900101 001x')).toBe('15030219900101001X');
  });

  it('takes the birth date and the sex from the number', () => {
    expect(birthDateOfIdNumber('150302195603122010')).toBe('1956-03-12');
    expect(genderOfIdNumber('150302195603122010')).toBe('male');
    expect(genderOfIdNumber('150304200002290023')).toBe('female');
  });
});

describe('ageOn', () => {
  it.each([
    ['1956-03-12', '2026-03-11', 69],
    ['1956-03-12', '2026-03-12', 70],
    ['2000-02-29', '2026-02-28', 25],
    ['2000-02-29', '2026-03-01', 26],
  ])('born %s is %i on %s', (born, today, age) => {
    expect(ageOn(born, today)).toBe(age);
  });
});

describe('canonicalPhone', () => {
  it.each([
    ['13912345678', '13912345678'],
    ['139 1234 5678', '13912345678'],
    ['+86 139-1234-5678'.replace(/-/g, ''), '13912345678'],
    ['+8613912345678', '13912345678'],
    ['０４７３－３１２３４５６', '0473-3123456'],
    ['04733123456', '0473-3123456'],
    ['(0473)3123456', '0473-3123456'],
    ['12912345678', null],
    ['3123456', null],
    ['电话', null],
  ])('reads %s as %s', (typed, expected) => {
    expect(canonicalPhone(typed)).toBe(expected);
  });

  it('indexes a fixed line by its digits alone', () => {
    expect(phoneIndexForm('0473-3123456')).toBe('04733123456');
  });
});

describe('hasValidCreditCode (GB 32100-2015)', () => {
  it.each([
    ['91350100M000100Y43', true],
    ['911100001000044477', true],
    ['91350100M000100Y44', false],
    ['91350100M000100Y4', false],
    ['9135O100M000100Y43', false],
    ['91AB0100M000100Y43', false],
  ])('reads %s as %s', (code, valid) => {
    expect(hasValidCreditCode(code)).toBe(valid);
  });

  it('folds case and spaces before checking', () => {
    expect(hasValidCreditCode(canonicalCreditCode(' 91350100m000100y43 '))).toBe(true);
  });
});

describe('houses', () => {
  it('reads 3号楼 2单元 301室 and 3栋2单元301 as one house', () => {
    const a = houseKeyOf({ address: '幸福小区', building: '3号楼', unit: '2单元', room: '301室' });
    const b = houseKeyOf({ address: ' 幸福小区', building: '3栋', unit: '2', room: '301' });
    expect(a).toBe(b);
    expect(houseKeyOf({ address: '幸福小区', building: '3', unit: '2', room: '302' })).not.toBe(a);
  });

  it('writes the whole address as people do', () => {
    expect(houseLabel({ address: '幸福小区', building: '3号楼', unit: '2单元', room: '301' })).toBe(
      '幸福小区3号楼2单元301',
    );
    expect(houseLabel({ address: '人民路12号', building: null, unit: null, room: null })).toBe('人民路12号');
  });
});

describe('CreateResidentInput', () => {
  const base = { houseId: 1, name: '王芳', populationType: 'registered' };

  it('refuses a wrong check digit on the field idNumber, with the reason', () => {
    const result = CreateResidentInput.safeParse({ ...base, idNumber: '150302195603122011' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['idNumber']);
    expect(result.error?.issues[0]?.message).toContain('校验位');
  });

  it('keeps the canonical numbers', () => {
    const result = CreateResidentInput.parse({
      ...base,
      idNumber: '15030219900101001x',
      phone: '139 1234 5678',
    });
    expect(result.idNumber).toBe('15030219900101001X');
    expect(result.phone).toBe('13912345678');
    expect(result.flags).toEqual([]);
  });
});
