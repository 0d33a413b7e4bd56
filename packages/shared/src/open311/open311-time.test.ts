import { describe, expect, it } from 'vitest';
import { formatW3cDateTime, parseW3cDateTime } from './open311-time.js';

describe('W3C date-times of GeoReport v2', () => {
  it.each([
    ['2010-01-01T00:00:00Z', '2010-01-01T00:00:00.000Z'],
    ['1994-11-05T08:15:30-05:00', '1994-11-05T13:15:30.000Z'],
    ['2026-09-30T10:00+08:00', '2026-09-30T02:00:00.000Z'],
    ['2026-09-30T10:00:00.5+08:00', '2026-09-30T02:00:00.500Z'],
    ['2026-09-30', '2026-09-29T16:00:00.000Z'],
  ])('reads %s', (text, iso) => {
    expect(parseW3cDateTime(text)?.toISOString()).toBe(iso);
  });

  it.each(['2026-09-30T10:00:00', 'yesterday', '2026-02-30', '2026-13-01T00:00:00Z', '', '1285000000'])(
    'refuses %j (no time zone, not a date, no such day)',
    (text) => {
      expect(parseW3cDateTime(text)).toBeUndefined();
    },
  );

  it('writes an instant in Beijing time with its offset, which reads back as the same instant', () => {
    const at = new Date('2026-09-30T17:30:05.250Z');
    expect(formatW3cDateTime(at)).toBe('2026-10-01T01:30:05+08:00');
    expect(parseW3cDateTime(formatW3cDateTime(at))?.getTime()).toBe(Date.parse('2026-09-30T17:30:05Z'));
  });
});
