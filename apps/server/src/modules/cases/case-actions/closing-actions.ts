import { stopClock } from '../case-clock.js';
import type { ActionHandlers } from './action-handler.js';
import { anyReader, ownerOnly } from './guards.js';

/** 直接办结, 回访, 结案, 作废: how a case ends. */
export const closingActions: Pick<ActionHandlers, 'resolve_on_call' | 'callback' | 'close' | 'invalidate'> = {
  resolve_on_call: {
    guard: anyReader,
    apply: (_tx, scene, input) => ({
      // the entry belongs to the knowledge module; only its id is kept here
      patch: { knowledgeEntryId: input.knowledgeEntryId ?? null, closedAt: scene.now, ...stopClock() },
      note: input.answer,
      changes: { knowledgeEntryId: input.knowledgeEntryId ?? null },
    }),
  },
  callback: {
    guard: ownerOnly,
    apply: (_tx, scene, input) => {
      const answers = {
        reached: input.reached,
        contacted: input.contacted,
        solved: input.solved,
        satisfaction: input.satisfaction,
      };
      return {
        patch: {
          calledBackAt: scene.now,
          callbackReached: input.reached,
          callbackContacted: input.contacted,
          callbackSolved: input.solved,
          satisfaction: input.satisfaction,
        },
        note: input.note ?? null,
        changes: answers,
      };
    },
  },
  close: {
    guard: ownerOnly,
    apply: (_tx, scene, input) => ({
      patch: { closedAt: scene.now, ...stopClock() },
      note: input.note ?? null,
    }),
  },
  invalidate: {
    guard: ownerOnly,
    apply: (_tx, _scene, input) => ({ patch: stopClock(), note: input.reason }),
  },
};
