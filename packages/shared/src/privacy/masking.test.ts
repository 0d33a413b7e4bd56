import { describe, expect, it } from 'vitest';
import {
  maskAddress,
  maskIdNumber,
  maskPersonalDataInText,
  maskPersonalDataInValues,
  maskPersonName,
  maskPhone,
  maskVehiclePlate,
} from './masking.js';

describe('masking of personal data', () => {
  it.each([
    ['13812345678', '138****5678'],
    ['04733123456', '047****3456'],
    ['110', '***'],
    ['0473-3123456', '047*******56'],
  ])('masks the phone %s as %s', (phone, masked) => {
    expect(maskPhone(phone)).toBe(masked);
  });

  it('masks an 18-digit ID number keeping the area and the last four', () => {
    expect(maskIdNumber('15030219800101123X')).toBe('150302********123X');
  });

  it('hides the house number of an address', () => {
    expect(maskAddress('海勃湾区新华街道滨河社区12号楼3单元')).toBe('海勃湾区新华街道滨河社区****');
  });

  it('keeps only the surname', () => {
    expect(maskPersonName('张三丰')).toBe('张**');
    expect(maskPersonName('李')).toBe('李*');
  });

  it('passes empty values through', () => {
    expect(maskPhone(null)).toBeNull();
    expect(maskIdNumber(undefined)).toBeNull();
    expect(maskAddress('')).toBe('');
  });
});

describe('masking of personal numbers in free text', () => {
  it.each([
    ['我的电话13912345678，请回电', '我的电话139****5678，请回电'],
    ['电话139 1234 5678', '电话139****5678'],
    ['电话139-1234-5678。', '电话139****5678。'],
    ['+86 139-1234-5678', '+86 139****5678'],
    ['+8613912345678', '+86 139****5678'],
    ['全角１３９１２３４５６７８', '全角139****5678'],
    ['固话0473-3123456', '固话047*******56'],
    ['04733123456', '047****3456'],
    ['身份证150302199001011231', '身份证150302********1231'],
    ['身份证15030219880808105X', '身份证150302********105X'],
    ['老身份证150302800101123', '老身份证150302*****1123'],
    ['卡号4111111111111111', '卡号411111******1111'],
    ['卡号4111 1111 1111 1111', '卡号411111******1111'],
    ['卡号6222021234567890128', '卡号622202*********0128'],
    ['车牌蒙C12345', '车牌蒙C***45'],
    ['车牌蒙CD12345', '车牌蒙C****45'],
    [
      '我的电话13912345678，身份证150302199001011231，车牌蒙C12345',
      '我的电话139****5678，身份证150302********1231，车牌蒙C***45',
    ],
  ])('masks %s as %s', (text, masked) => {
    expect(maskPersonalDataInText(text)).toBe(masked);
  });

  it.each([
    '案件20261201-0001已办结',
    '工单WH20261123000123',
    '日期20261201，2026-12-01 10:30，2026年12月1日',
    '欠薪12000元，合计1,234,567.89元',
    // an ID-shaped number with a wrong check digit, a card failing Luhn, an impossible birth date
    '身份证150302199001011234',
    '卡号4111111111111112',
    '150302199002301249',
    '拨打12345或110，住3-2-501室',
    '1391234567',
  ])('leaves %s as it is', (text) => {
    expect(maskPersonalDataInText(text)).toBe(text);
  });

  it('passes empty text through', () => {
    expect(maskPersonalDataInText(null)).toBeNull();
    expect(maskPersonalDataInText('')).toBe('');
  });

  it('masks the plate serial but its last two characters', () => {
    expect(maskVehiclePlate('蒙C12345')).toBe('蒙C***45');
  });

  it('masks every string inside a JSON value, at any depth, and nothing else', () => {
    const changes = {
      externalRef: '报警人13912345678',
      outcome: 'approve',
      leadUnitId: 12,
      coHandlerIds: [13, 14],
      resolveDeadline: { from: '2026-10-01T02:00:00.000Z', to: '2026-10-09T02:00:00.000Z' },
      notes: ['联系人13812345678', null, true],
    };
    expect(maskPersonalDataInValues(changes)).toEqual({
      ...changes,
      externalRef: '报警人139****5678',
      notes: ['联系人138****5678', null, true],
    });
    expect(maskPersonalDataInValues('13912345678')).toBe('139****5678');
    expect(maskPersonalDataInValues(42)).toBe(42);
    expect(maskPersonalDataInValues(null)).toBeNull();
  });
});
