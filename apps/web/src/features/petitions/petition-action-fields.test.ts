import { PETITION_ACTIONS } from '@shanzhi/shared';
import { describe, expect, it } from 'vitest';
import {
  PETITION_ACTION_FIELDS,
  petitionActionBodyOf,
  validatePetitionActionBody,
} from './petition-action-fields.js';

describe('the petition action dialogs', () => {
  it('ask for every action taken on a petition', () => {
    expect(Object.keys(PETITION_ACTION_FIELDS).sort()).toEqual(
      PETITION_ACTIONS.filter((a) => a !== 'register').sort(),
    );
  });

  it('leave blank optional text out and check the body with the shared schema', () => {
    const body = petitionActionBodyOf('close', { resolved: true, note: '  ' }, 4);
    expect(body).toEqual({ version: 4, resolved: true });
    expect(validatePetitionActionBody('close', body).ok).toBe(true);
  });

  it('name the field the schema refuses', () => {
    const check = validatePetitionActionBody(
      'verify',
      petitionActionBodyOf('verify', { body: '燃气公司' }, 1),
    );
    expect(check.ok).toBe(false);
    expect(check.fields.map((f) => f.name)).toEqual(['findings']);
  });
});
