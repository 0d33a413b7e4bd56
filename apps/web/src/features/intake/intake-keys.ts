import type { KeyboardEvent } from 'react';

/**
 * Keyboard flow of the intake form: Ctrl+Enter (⌘+Enter) submits from anywhere; Enter moves to the next field
 * (`[data-field]` wrappers, in page order), except in an open dropdown (Enter picks the option there) and with
 * Shift in the content box (a new line). Buttons keep their own Enter.
 */
export function intakeKeyDown(event: KeyboardEvent<HTMLElement>, submit: () => void): void {
  if (event.key !== 'Enter' || event.nativeEvent.isComposing) return;
  if (event.ctrlKey || event.metaKey) {
    event.preventDefault();
    submit();
    return;
  }
  const target = event.target as HTMLElement;
  if (target.tagName === 'BUTTON' || target.getAttribute('aria-expanded') === 'true') return;
  if (target.tagName === 'TEXTAREA' && event.shiftKey) return;
  const fields = Array.from(event.currentTarget.querySelectorAll<HTMLElement>('[data-field]'));
  const index = fields.findIndex((field) => field.contains(target));
  if (index < 0) return;
  event.preventDefault();
  for (const field of fields.slice(index + 1)) {
    const focusable = field.querySelector<HTMLElement>(
      'input:not([type=hidden]):not([disabled]), textarea, button[role=switch], [tabindex="0"]',
    );
    if (focusable) {
      focusable.focus();
      return;
    }
  }
}

/** Marks a field's wrapper as one stop of the Enter flow above (`data-field`, named as `RegisterInput` names it). */
export function enterStop(name: string): { 'data-field': string } {
  return { 'data-field': name };
}
