import { describe, expect, it } from 'vitest';
import { formatAttributeValues, parseAttributeValues } from './attribute-values.js';

describe('the options of a list attribute as typed', () => {
  it('reads key=名称 lines, numbers bare names and skips blank lines', () => {
    expect(parseAttributeValues(' gate = 小区出入口 \n\n消防通道\nroad=道路')).toEqual([
      { key: 'gate', name: '小区出入口' },
      { key: '2', name: '消防通道' },
      { key: 'road', name: '道路' },
    ]);
  });

  it('writes them back the way they are read', () => {
    const values = [
      { key: 'gate', name: '小区出入口' },
      { key: 'fire_lane', name: '消防通道' },
    ];
    expect(parseAttributeValues(formatAttributeValues(values))).toEqual(values);
  });
});
