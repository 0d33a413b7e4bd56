import type { PetitionView } from '@shanzhi/shared';

/** The deadline of the limit the server says runs now (受理、答复、复查、复核), null when none runs. */
export function runningDeadlineOf(p: PetitionView): string | null {
  switch (p.runningLimit) {
    case 'accept':
      return p.acceptDeadline;
    case 'answer':
      return p.answerDeadline;
    case 'review':
      return p.reviewDeadline;
    case 're_review':
      return p.reReviewDeadline;
    default:
      return null;
  }
}
