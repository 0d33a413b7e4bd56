import { z } from 'zod';
import rulesJson from './police-rules.json' with { type: 'json' };

/** Shape of `police-rules.json`: keyword / regex rules, each with the reason shown to the agent. */
export const PoliceRulesFile = z
  .object({
    source: z.string(),
    /** a message is flagged when the weights of its matching rules (plus the model's signal) reach this */
    threshold: z.number().positive(),
    rules: z
      .array(
        z
          .object({
            id: z.string().min(1),
            reason: z.string().min(1),
            weight: z.number().positive(),
            pattern: z.string().min(1),
          })
          .strict(),
      )
      .min(1),
  })
  .strict();
export type PoliceRulesFile = z.infer<typeof PoliceRulesFile>;

/** Whether a message looks like a 110 matter, how strongly, and why. */
export interface PoliceVerdict {
  flagged: boolean;
  /** rule weights plus the model's police probability, capped at 1 */
  score: number;
  /** readable reasons (rule reasons with the matched words, the model's police category) */
  reasons: string[];
}

/** The model's police signal: the probability it gives to categories the catalog marks as 110 matters. */
export interface ModelPoliceSignal {
  probability: number;
  /** name of the most likely police category */
  category: string;
}

interface CompiledRule {
  reason: string;
  weight: number;
  regex: RegExp;
}

/** Probability of police categories at which the model alone flags a message. */
const MODEL_ALONE = 0.5;

/** Compiles a rules file (throws on a bad pattern, so a broken file fails at start). */
export function compilePoliceRules(file: PoliceRulesFile): { threshold: number; rules: CompiledRule[] } {
  const parsed = PoliceRulesFile.parse(file);
  return {
    threshold: parsed.threshold,
    rules: parsed.rules.map((r) => ({
      reason: r.reason,
      weight: r.weight,
      regex: new RegExp(r.pattern, 'u'),
    })),
  };
}

let shipped: ReturnType<typeof compilePoliceRules> | undefined;

/**
 * 110 识别: flags police matters (crime, fights, public order, traffic accidents, group incidents) at intake by
 * the rules of `police-rules.json` plus the model's police signal. Tuned for recall: a false alarm costs the
 * agent a glance, a missed police matter costs much more.
 */
export function detectPoliceMatter(text: string, model: ModelPoliceSignal | null = null): PoliceVerdict {
  shipped ??= compilePoliceRules(rulesJson as PoliceRulesFile);
  const normalised = text.normalize('NFKC');
  const reasons: string[] = [];
  let score = 0;
  for (const rule of shipped.rules) {
    const match = rule.regex.exec(normalised);
    if (!match) continue;
    score += rule.weight;
    reasons.push(`${rule.reason}（“${match[0]}”）`);
  }
  if (model && model.probability > 0) {
    score += model.probability / MODEL_ALONE;
    if (model.probability >= 0.2) {
      reasons.push(`模型判为「${model.category}」（${Math.round(model.probability * 100)}%）`);
    }
  }
  return {
    flagged: score >= shipped.threshold,
    score: Math.min(1, Math.round((score / (shipped.threshold * 2)) * 1000) / 1000),
    reasons,
  };
}
