import { describe, expect, it } from 'vitest';
import {
  CreateKnowledgeEntryInput,
  isKnowledgeEntryValidOn,
  isValidityOrdered,
  UpdateKnowledgeEntryInput,
} from './knowledge.schemas.js';

describe('isKnowledgeEntryValidOn', () => {
  const cases: [string, { active: boolean; validFrom: string | null; validTo: string | null }, boolean][] = [
    ['open at both ends', { active: true, validFrom: null, validTo: null }, true],
    ['on its first day', { active: true, validFrom: '2026-11-23', validTo: null }, true],
    ['on its last day', { active: true, validFrom: null, validTo: '2026-11-23' }, true],
    ['before its first day', { active: true, validFrom: '2026-11-24', validTo: null }, false],
    ['after its last day', { active: true, validFrom: null, validTo: '2026-11-22' }, false],
    ['inactive', { active: false, validFrom: null, validTo: null }, false],
  ];
  it.each(cases)('an entry %s', (_name, entry, expected) => {
    expect(isKnowledgeEntryValidOn(entry, '2026-11-23')).toBe(expected);
  });
});

describe('knowledge entry inputs', () => {
  it('orders validity windows, a one-day window included', () => {
    expect(isValidityOrdered('2026-01-01', '2026-01-01')).toBe(true);
    expect(isValidityOrdered('2026-01-02', '2026-01-01')).toBe(false);
    expect(isValidityOrdered(null, '2026-01-01')).toBe(true);
  });

  it('trims, removes repeated tags and reports an inverted window on validTo', () => {
    expect(CreateKnowledgeEntryInput.parse({ question: ' 问 ', answer: '答', tags: ['a', 'a'] })).toEqual({
      question: '问',
      answer: '答',
      tags: ['a'],
    });
    const inverted = CreateKnowledgeEntryInput.safeParse({
      question: '问',
      answer: '答',
      validFrom: '2026-02-01',
      validTo: '2026-01-31',
    });
    expect(inverted.error?.issues.map((i) => i.path.join('.'))).toEqual(['validTo']);
  });

  it('needs a version and something to change', () => {
    expect(UpdateKnowledgeEntryInput.safeParse({ question: '问' }).success).toBe(false);
    expect(UpdateKnowledgeEntryInput.safeParse({ version: 0 }).success).toBe(false);
    expect(UpdateKnowledgeEntryInput.safeParse({ version: 0, active: false }).success).toBe(true);
  });
});
