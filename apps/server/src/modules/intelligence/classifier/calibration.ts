/** How sure a model was of its top answer for one message, and whether that answer was right. */
export interface TopAnswer {
  /** the calibrated probability of the top label */
  confidence: number;
  correct: boolean;
}

/** 智能派单 at a threshold: how many messages it would dispatch itself, and how many of those rightly. */
export interface AutoDispatchFigures {
  /** dispatched automatically from this calibrated probability on */
  threshold: number;
  /** share of the messages whose top probability reaches the threshold */
  coverage: number;
  /** share of those whose top label is right (0 when none reaches it) */
  accuracy: number;
}

/** Thresholds whose figures a model keeps (a curve an administrator reads before moving the threshold). */
export const CURVE_THRESHOLDS = [0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.92, 0.94, 0.95, 0.96, 0.97, 0.98, 0.99];

const ECE_BINS = 10;

/**
 * Expected calibration error over 10 equal-width bins of the top probability: the gap between how sure the
 * model said it was and how often it was right, averaged over the bins by their share of messages.
 * 0 for a model whose 90 % means right nine times in ten (and so on in every bin).
 */
export function expectedCalibrationError(answers: readonly TopAnswer[]): number {
  if (answers.length === 0) return 0;
  const count = new Float64Array(ECE_BINS);
  const confidence = new Float64Array(ECE_BINS);
  const correct = new Float64Array(ECE_BINS);
  for (const a of answers) {
    const bin = Math.min(ECE_BINS - 1, Math.floor(a.confidence * ECE_BINS));
    count[bin]!++;
    confidence[bin]! += a.confidence;
    if (a.correct) correct[bin]!++;
  }
  let ece = 0;
  for (let b = 0; b < ECE_BINS; b++) {
    if (count[b] === 0) continue;
    ece += Math.abs(correct[b]! - confidence[b]!) / answers.length;
  }
  return ece;
}

/** Coverage and accuracy of automatic dispatch at `threshold` over these answers. */
export function autoDispatchFigures(answers: readonly TopAnswer[], threshold: number): AutoDispatchFigures {
  let covered = 0;
  let right = 0;
  for (const a of answers) {
    if (a.confidence < threshold) continue;
    covered++;
    if (a.correct) right++;
  }
  return {
    threshold,
    coverage: answers.length > 0 ? covered / answers.length : 0,
    accuracy: covered > 0 ? right / covered : 0,
  };
}

/** The figures at each of CURVE_THRESHOLDS. */
export function autoDispatchCurve(answers: readonly TopAnswer[]): AutoDispatchFigures[] {
  return CURVE_THRESHOLDS.map((t) => roundFigures(autoDispatchFigures(answers, t)));
}

/** Figures rounded to 4 decimals, as they are stored and printed. */
export function roundFigures(f: AutoDispatchFigures): AutoDispatchFigures {
  return { threshold: f.threshold, coverage: round4(f.coverage), accuracy: round4(f.accuracy) };
}

/** A number rounded to 4 decimals. */
export function round4(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}
