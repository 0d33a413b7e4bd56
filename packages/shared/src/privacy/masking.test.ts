import { describe, expect, it } from 'vitest';
import { maskAddress, maskIdNumber, maskPersonName, maskPhone } from './masking.js';

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
