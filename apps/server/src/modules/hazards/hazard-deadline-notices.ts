import { HAZARD_DEADLINE_EVENTS } from '@shanzhi/shared';
import { eq, inArray } from 'drizzle-orm';
import { deadlineNotices } from '../notifications/deadline-notices.js';
import { StaffDirectory } from '../notifications/staff-directory.js';
import { enterprises, hazards } from './hazards.tables.js';

/** What a hazard's outbox row carries (`HAZARD_DEFINITION.outboxRow`). */
interface HazardOutboxPayload {
  hazardId: number;
  enterpriseId: number;
}

/** How much of the description a notice quotes. */
const DESCRIPTION_QUOTED = 30;

/**
 * 整改期限预警 to those answerable for the rectification — the enterprise's account and the handlers of its
 * supervising body (监管部门), who assigned the deadline — when the lights' scan turns a hazard yellow or red.
 */
export const hazardDeadlineNotices = deadlineNotices<HazardOutboxPayload>({
  name: 'hazard-deadline-notices',
  events: HAZARD_DEADLINE_EVENTS,
  async subjectsOf(tx, payloads) {
    const rows = await tx
      .select({ id: hazards.id, description: hazards.description, enterprise: enterprises.name })
      .from(hazards)
      .innerJoin(enterprises, eq(enterprises.id, hazards.enterpriseId))
      .where(
        inArray(
          hazards.id,
          payloads.map((p) => p.hazardId),
        ),
      );
    const byId = new Map(rows.map((r) => [r.id, r]));
    return payloads.map((p) => {
      const row = byId.get(p.hazardId);
      return {
        subject: `${row?.enterprise ?? ''}隐患「${row?.description.slice(0, DESCRIPTION_QUOTED) ?? ''}」`,
        number: `隐患 ${p.hazardId}`,
      };
    });
  },
  async recipientsOf(tx, payload) {
    const [enterprise] = await tx
      .select({ accountUserId: enterprises.accountUserId, supervisingOrgId: enterprises.supervisingOrgId })
      .from(enterprises)
      .where(eq(enterprises.id, payload.enterpriseId));
    if (!enterprise) return [];
    const staff = await new StaffDirectory(tx).handlersOf([enterprise.supervisingOrgId]);
    return [...new Set([...(enterprise.accountUserId === null ? [] : [enterprise.accountUserId]), ...staff])];
  },
  // a notification opens a case, a dispute or a petition; the hazard is named in its words
  linkOf: () => ({}),
});
