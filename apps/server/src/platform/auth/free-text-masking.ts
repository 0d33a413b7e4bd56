import { maskPersonalDataInText, maskPersonalDataInValues } from '@shanzhi/shared';
import type { Actor } from './actor.js';

/**
 * Free text — 诉求内容, titles, notes, reasons, replies, file names — as one caller may read it. Whoever holds
 * `personal_data.read` reads it as typed; everyone else reads the phones, ID numbers, bank cards and plates in
 * it masked (`maskPersonalDataInText`), the same rule as for the structured fields of the citizen. Presenters
 * take one per caller and pass every text they answer through it, so that no path leaves a text out.
 */
export interface FreeTextMasking {
  /** whether the caller reads personal data in full (nothing is masked) */
  readonly inFull: boolean;
  /** a text as the caller may read it */
  text(value: string): string;
  text(value: string | null): string | null;
  /** a JSON value (a timeline event's `changes`, a live event's data) with every string in it as above */
  values<T>(value: T): T;
}

const IN_FULL: FreeTextMasking = {
  inFull: true,
  text: ((value: string | null) => value) as FreeTextMasking['text'],
  values: (value) => value,
};

const MASKED: FreeTextMasking = {
  inFull: false,
  text: maskPersonalDataInText as FreeTextMasking['text'],
  values: maskPersonalDataInValues,
};

/** Whether `actor` may see personal data (phones, ID numbers, addresses, names) unmasked. */
export function readsPersonalData(actor: Pick<Actor, 'permissions'>): boolean {
  return actor.permissions.has('personal_data.read');
}

/** The masking of free text for `actor`: none with `personal_data.read`, personal numbers masked without. */
export function freeTextMaskingFor(actor: Pick<Actor, 'permissions'>): FreeTextMasking {
  return readsPersonalData(actor) ? IN_FULL : MASKED;
}
