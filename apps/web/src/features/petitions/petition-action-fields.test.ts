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

  it('send the signed entrustment’s scan as read, and refuse none or one too big before sending', () => {
    const scan = `data:application/pdf;base64,${'JVBERi0xLjcK'.repeat(4)}`;
    const body = petitionActionBodyOf('attach_signed_entrustment', { scan }, 2);
    expect(body).toEqual({ version: 2, scan });
    expect(validatePetitionActionBody('attach_signed_entrustment', body).ok).toBe(true);
    const none = validatePetitionActionBody('attach_signed_entrustment', { version: 2 });
    expect(none.fields.map((f) => f.name)).toEqual(['scan']);
    const huge = petitionActionBodyOf('attach_signed_entrustment', { scan: 'A'.repeat(8 * 1024 * 1024) }, 2);
    expect(validatePetitionActionBody('attach_signed_entrustment', huge).fields[0]?.name).toBe('scan');
  });

  it('take a portal petition with an optional note', () => {
    expect(petitionActionBodyOf('take', { note: '' }, 0)).toEqual({ version: 0 });
    expect(validatePetitionActionBody('take', { version: 0 }).ok).toBe(true);
  });
});
