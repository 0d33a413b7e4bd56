import { describe, expect, it } from 'vitest';
import { readEventLines, rowErrorsOf } from './register-import.js';

describe('readEventLines', () => {
  it('reads the complete lines and leaves a line still arriving for later', () => {
    const text =
      '{"phase":"writing","done":500,"total":1000}\n{"phase":"writing","done":1000,"total":1000}\n{"pha';
    const first = readEventLines(text, 0);
    expect(first.events.map((e) => e.phase === 'writing' && e.done)).toEqual([500, 1000]);
    const more = `${text}se":"done","rows":1000,"created":{"houses":3,"residents":1000,"organisations":0}}\n`;
    const second = readEventLines(more, first.offset);
    expect(second.events).toEqual([
      { phase: 'done', rows: 1000, created: { houses: 3, residents: 1000, organisations: 0 } },
    ]);
    expect(second.offset).toBe(more.length);
  });
});

describe('rowErrorsOf', () => {
  it('reads the spreadsheet row and column of each field, and leaves out the others', () => {
    expect(
      rowErrorsOf([
        { field: 'rows.12.idNumber', code: 'custom', message: '校验位错误' },
        { field: 'file', code: 'no_rows', message: '没有数据行' },
      ]),
    ).toEqual([{ row: 12, column: 'idNumber', message: '校验位错误' }]);
  });
});
