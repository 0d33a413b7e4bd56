import { describe, expect, it } from 'vitest';
import { fillReplyTemplate, placeholdersOf, unknownPlaceholdersOf } from './reply-template-fill.js';

describe('fillReplyTemplate', () => {
  const body = '{citizenName}您好：您反映的问题（工单号 {caseNumber}）已由{unitName}于{date}办结。';

  it('fills every placeholder it has a value for', () => {
    expect(
      fillReplyTemplate(body, {
        citizenName: '陈女士',
        caseNumber: 'WH20261123000123',
        unitName: '市住建局',
        date: '2026年11月25日',
      }),
    ).toBe('陈女士您好：您反映的问题（工单号 WH20261123000123）已由市住建局于2026年11月25日办结。');
  });

  const cases: [string, string, Record<string, string>, string][] = [
    ['leaves a placeholder without a value visible', '{citizenName}您好', {}, '{citizenName}您好'],
    ['leaves a blank value visible', '{citizenName}您好', { citizenName: '  ' }, '{citizenName}您好'],
    [
      'leaves an unknown placeholder visible',
      '{citizenname}您好',
      { citizenName: '陈女士' },
      '{citizenname}您好',
    ],
    ['fills an unknown placeholder when given a value', '{foo}', { foo: 'bar' }, 'bar'],
    ['fills every occurrence', '{date}至{date}', { date: '今日' }, '今日至今日'],
    [
      'does not re-expand inserted text',
      '{citizenName}',
      { citizenName: '{caseNumber}', caseNumber: 'X' },
      '{caseNumber}',
    ],
    ['ignores braces that are not placeholders', '{ } {1} {中文}', { 1: 'x' }, '{ } {1} {中文}'],
    ['does not read inherited properties', '{toString}', {}, '{toString}'],
    ['keeps $ patterns in values literal', '{unitName}', { unitName: '$& $1' }, '$& $1'],
    ['returns a body without placeholders unchanged', '感谢您的来电。', { date: 'x' }, '感谢您的来电。'],
  ];
  it.each(cases)('%s', (_name, template, values, expected) => {
    expect(fillReplyTemplate(template, values)).toBe(expected);
  });
});

describe('placeholdersOf / unknownPlaceholdersOf', () => {
  it('lists each placeholder once in order, and the unknown ones', () => {
    const body = '{date} {citizenName} {date} {caseNo}';
    expect(placeholdersOf(body)).toEqual(['date', 'citizenName', 'caseNo']);
    expect(unknownPlaceholdersOf(body)).toEqual(['caseNo']);
  });
});
