import { describe, expect, it } from 'vitest';
import {
  chooseRule,
  type IotRuleScope,
  isInRuleWindow,
  ruleSpecificity,
  rulesOverlap,
} from './iot-rule-scope.js';

const base = { deviceType: 'door_access', alertType: 'door_held_open' };
const rule = (id: string, over: Partial<IotRuleScope> = {}) => ({
  id,
  ...base,
  estateId: null,
  activeFrom: null,
  activeTo: null,
  ...over,
});
// 2026-10-12 at the given Beijing time (UTC+8)
const beijing = (hhmm: string) => new Date(`2026-10-12T${hhmm}:00+08:00`);
const target = (estateId: number, hhmm: string) => ({ ...base, estateId, at: beijing(hhmm) });

describe('rule specificity', () => {
  const general = rule('general');
  const night = rule('night', { activeFrom: '22:00', activeTo: '06:00' });
  const estate = rule('estate', { estateId: 7 });
  const estateDay = rule('estate-day', { estateId: 7, activeFrom: '08:00', activeTo: '18:00' });
  const rules = [general, night, estate, estateDay];

  it('ranks estate and window over estate over window over the general rule', () => {
    expect([general, night, estate, estateDay].map(ruleSpecificity)).toEqual([0, 1, 2, 3]);
  });

  it.each([
    [7, '09:30', 'estate-day'],
    [7, '18:00', 'estate'],
    [7, '23:00', 'estate'],
    [8, '23:00', 'night'],
    [8, '05:59', 'night'],
    [8, '06:00', 'general'],
    [8, '12:00', 'general'],
  ])('estate %i at %s: %s decides', (estateId, hhmm, id) => {
    expect(chooseRule(rules, target(estateId, hhmm))?.id).toBe(id);
  });

  it('chooses the same whatever order the rules come in', () => {
    expect(chooseRule([...rules].reverse(), target(7, '09:30'))?.id).toBe('estate-day');
  });

  it('chooses nothing for other types', () => {
    expect(chooseRule(rules, { ...target(7, '09:30'), alertType: 'door_forced' })).toBeUndefined();
  });
});

describe('rule windows', () => {
  it('holds from inclusive to exclusive, wrapping midnight when the end comes first', () => {
    const day = { activeFrom: '08:00', activeTo: '18:00' };
    expect([479, 480, 1079, 1080].map((m) => isInRuleWindow(day, m))).toEqual([false, true, true, false]);
    const night = { activeFrom: '22:00', activeTo: '06:00' };
    expect([1319, 1320, 0, 359, 360].map((m) => isInRuleWindow(night, m))).toEqual([
      false,
      true,
      true,
      true,
      false,
    ]);
  });

  it('finds two scopes overlapping only at the same specificity and when their windows share a minute', () => {
    const night = rule('a', { activeFrom: '22:00', activeTo: '06:00' });
    expect(rulesOverlap(night, rule('b', { activeFrom: '05:00', activeTo: '07:00' }))).toBe(true);
    expect(rulesOverlap(night, rule('b', { activeFrom: '06:00', activeTo: '22:00' }))).toBe(false);
    expect(rulesOverlap(night, rule('b'))).toBe(false);
    expect(rulesOverlap(night, rule('b', { estateId: 7, activeFrom: '22:00', activeTo: '06:00' }))).toBe(
      false,
    );
    expect(rulesOverlap(rule('a'), rule('b'))).toBe(true);
    expect(rulesOverlap(rule('a'), rule('b', { alertType: 'door_forced' }))).toBe(false);
  });
});
