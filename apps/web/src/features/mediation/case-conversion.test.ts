import { describe, expect, it } from 'vitest';
import { caseMediationView } from './case-conversion.js';

describe('转人民调解 on the case page', () => {
  it('links the dispute the server says the case was converted to', () => {
    expect(
      caseMediationView({ actions: ['dispatch'], disputeId: 7, disputeNumber: 'TJ2026120600001' }),
    ).toEqual({
      kind: 'dispute',
      id: 7,
      number: 'TJ2026120600001',
    });
  });

  it('offers the conversion exactly when the server lists it among the caller’s actions', () => {
    expect(
      caseMediationView({
        actions: ['dispatch', 'convert_to_dispute'],
        disputeId: null,
        disputeNumber: null,
      }),
    ).toEqual({ kind: 'convert' });
    expect(caseMediationView({ actions: ['dispatch'], disputeId: null, disputeNumber: null })).toBeNull();
    expect(caseMediationView({ actions: [], disputeId: null, disputeNumber: null })).toBeNull();
  });
});
