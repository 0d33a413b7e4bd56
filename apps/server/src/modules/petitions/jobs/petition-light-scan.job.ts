import { PETITION_DEADLINE_EVENTS, petitionSlaClock } from '@shanzhi/shared';
import type { AppContext } from '../../../platform/context.js';
import {
  type LightedLifecycle,
  type LightScanResult,
  lightedScanner,
  runLightScan,
} from '../../../platform/lifecycle/light-scan.js';
import { loadWorkingCalendar } from '../../calendar/calendar.service.js';
import { PETITION_DEFINITION } from '../petition-lifecycle.js';
import type { PetitionRow } from '../petitions.repository.js';
import { petitions } from '../petitions.tables.js';

/** The legal limit each running clock is, as the timeline names it. */
const LIMIT_NAMES: Record<string, string> = {
  registered: '受理告知期限',
  accepted: '办理答复期限',
  handling: '办理答复期限',
  review_requested: '复查答复期限',
  re_review_requested: '复核答复期限',
};

/** Petitions as the lights' scan writes them. */
const LIGHTED_PETITIONS: LightedLifecycle<PetitionRow> = {
  definition: PETITION_DEFINITION,
  deadlineEvents: PETITION_DEADLINE_EVENTS,
  turnNote: (light, row) => {
    const limit = LIMIT_NAMES[row.state] ?? '法定期限';
    return light === 'yellow' ? `${limit}已用去八成，即将到期` : `已超过${limit}`;
  },
  table: petitions,
};

/**
 * 信访期限预警: the lights' scan over petitions, as over cases and disputes — a petition whose running legal
 * limit (受理、答复、复查、复核) nears its end turns yellow, one past its deadline red, each once, with a
 * `petition.deadline_warned` / `petition.deadline_breached` event by the system and its outbox row (whence the
 * agent's notification). Not a version change: an agent's open form does not go stale as time passes.
 */
export async function runPetitionLightScan(
  ctx: AppContext,
  options: { batchSize?: number } = {},
): Promise<LightScanResult> {
  const calendar = await loadWorkingCalendar(ctx);
  const scanner = lightedScanner(LIGHTED_PETITIONS, petitionSlaClock, { chainKey: ctx.chainKey, calendar });
  return runLightScan(ctx, scanner, options.batchSize);
}

/** How often the server runs the petitions' lights scan. */
export const PETITION_LIGHT_SCAN_INTERVAL_MS = 60_000;
