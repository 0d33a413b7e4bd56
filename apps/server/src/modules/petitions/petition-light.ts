import {
  nextLightChangeAt,
  type PetitionClockDates,
  petitionSlaClock,
  type SlaClock,
  type SlaLight,
  type WorkingCalendar,
} from '@shanzhi/shared';

/** The light columns of a petition: its light as the lights' scan last turned it, and the scan's next look. */
export interface PetitionLightColumns {
  light: SlaLight;
  lightNextCheckAt: Date | null;
}

/** Whether two readings of a petition run the same limit to the same deadline. */
function sameClock(a: PetitionClockDates, b: PetitionClockDates): boolean {
  const before = petitionSlaClock(a);
  const after = petitionSlaClock(b);
  return (
    before?.start.getTime() === after?.start.getTime() &&
    before?.deadline.getTime() === after?.deadline.getTime()
  );
}

/**
 * The light columns of a limit that opens or moves: green again, looked at when it would turn yellow — at once
 * when that instant has passed, so a moved deadline already near is warned of by the scan and no turn goes
 * unrecorded. Without a running limit, nothing to look at.
 */
export function freshLightColumns(calendar: WorkingCalendar, clock: SlaClock | null): PetitionLightColumns {
  return { light: 'green', lightNextCheckAt: clock && nextLightChangeAt(calendar, clock, 'green') };
}

/**
 * The light columns after an action (acceptance, an extension, a review asked, a hearing …): fresh when the
 * action opened, stopped or moved the running limit; null when it left the limit as it was.
 */
export function petitionLightColumnsAfter(
  calendar: WorkingCalendar,
  before: PetitionClockDates,
  after: PetitionClockDates,
): PetitionLightColumns | null {
  return sameClock(before, after) ? null : freshLightColumns(calendar, petitionSlaClock(after));
}
