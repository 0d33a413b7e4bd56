import { campaignChecklistTemplate, DAY_MS, type Industry, toBeijingDate } from '@shanzhi/shared';
import { count, eq } from 'drizzle-orm';
import type { AppContext } from '../../../platform/context.js';
import { orgs } from '../../orgs/orgs.tables.js';
import { users } from '../../users/users.tables.js';
import { findEnterprisesOfIndustries, insertCampaign } from '../campaigns.repository.js';
import { safetyCampaigns } from '../hazards.tables.js';

/** The demo city's two campaigns: their names, industries, and how many of the enterprises they cover. */
const DEMO_CAMPAIGNS: { name: string; industries: Industry[]; take?: number }[] = [
  { name: '重大事故隐患专项排查整治2026行动', industries: ['construction', 'gas'] },
  { name: '城镇燃气安全专项排查整治', industries: ['gas'], take: 6 },
];

/**
 * 专项排查 of the demo city: two campaigns of the demo `handler` (住建局, the inspector of the demo city) over
 * the enterprises it supervises, running from a month ago to two months ahead. Idempotent: nothing is written
 * once a campaign exists. Answers how many were written.
 */
export async function seedDemoCampaigns(ctx: AppContext): Promise<number> {
  const [existing] = await ctx.db.select({ n: count() }).from(safetyCampaigns);
  if ((existing?.n ?? 0) > 0) return 0;
  const [handler] = await ctx.db
    .select({ id: users.id, orgId: orgs.id, orgPath: orgs.path })
    .from(users)
    .innerJoin(orgs, eq(orgs.id, users.orgId))
    .where(eq(users.username, 'handler'));
  if (!handler) return 0;
  const now = ctx.clock.now();
  let written = 0;
  for (const campaign of DEMO_CAMPAIGNS) {
    const ids = await findEnterprisesOfIndustries(ctx.db, handler.orgPath, campaign.industries);
    const covered = ids.slice(0, campaign.take ?? ids.length);
    if (covered.length === 0) continue;
    await ctx.db.transaction((tx) =>
      insertCampaign(
        tx,
        {
          name: campaign.name,
          orgId: handler.orgId,
          orgPath: handler.orgPath,
          industries: campaign.industries,
          checklists: campaign.industries.map((industry) => ({
            industry,
            items: campaignChecklistTemplate(industry),
          })),
          startsOn: toBeijingDate(new Date(now.getTime() - 30 * DAY_MS)),
          endsOn: toBeijingDate(new Date(now.getTime() + 60 * DAY_MS)),
          createdByUserId: handler.id,
          createdAt: now,
        },
        covered,
        [handler.id],
      ),
    );
    written++;
  }
  return written;
}
