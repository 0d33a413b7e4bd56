import { COMMITTEE_ORG_KINDS, committeeLevelOf, type DisputeField } from '@shanzhi/shared';
import { and, count, eq, inArray } from 'drizzle-orm';
import type { AppContext } from '../../../platform/context.js';
import type { DbOrTx } from '../../../platform/db/database.js';
import { drawPersonName } from '../../demo/demo-city.names.js';
import { createDemoRandom } from '../../demo/demo-random.js';
import { orgs } from '../../orgs/orgs.tables.js';
import { users } from '../../users/users.tables.js';
import { mediationCommittees, mediationStudios, mediators } from '../mediation.tables.js';

/** The seeds' community, its studio and its 金牌调解员 (董大姐平安工作室 in 育红社区). */
export const DEMO_MEDIATION_COMMUNITY = '育红社区';
const STUDIO = { name: '董大姐平安工作室', leader: '董桂兰' };

/** Specialised committees of the city (行业性专业性调委会), by the fields they take. */
const SPECIALISED: readonly { name: string; fields: DisputeField[] }[] = [
  { name: '乌海市医疗纠纷人民调解委员会', fields: ['medical'] },
  { name: '乌海市道路交通事故纠纷人民调解委员会', fields: ['traffic'] },
  { name: '乌海市物业纠纷人民调解委员会', fields: ['property'] },
  { name: '乌海市劳动争议人民调解委员会', fields: ['labour'] },
  { name: '乌海市婚姻家庭纠纷人民调解委员会', fields: ['marriage', 'adoption', 'identity'] },
];

/** The fields territorial mediators know, as drawn for the demo. */
const TERRITORIAL_FIELDS: readonly DisputeField[] = [
  'neighbour',
  'family',
  'land',
  'debt',
  'contract',
  'damage',
  'consumer',
];

type MediatorSeed = typeof mediators.$inferInsert;

/** Two or three mediators per committee, with fields of expertise; one in eight a 金牌调解员. */
function drawMediators(
  committeeId: number,
  fields: readonly DisputeField[],
  now: Date,
  seed: number,
): MediatorSeed[] {
  const random = createDemoRandom(seed);
  return Array.from({ length: random.int(2, 3) }, () => ({
    committeeId,
    name: drawPersonName(random),
    fields: random.shuffle(fields).slice(0, Math.min(fields.length, random.int(1, 3))),
    gold: random.next() < 0.125,
    createdAt: now,
  }));
}

/** 育红社区's committee: the seeds' 董桂兰 (her studio) and the demo account `mediator`. */
async function seedYuhong(db: DbOrTx, committeeId: number, now: Date): Promise<void> {
  const [account] = await db
    .select({ id: users.id, name: users.displayName })
    .from(users)
    .where(eq(users.username, 'mediator'));
  const [dong] = await db
    .insert(mediators)
    .values({
      committeeId,
      name: STUDIO.leader,
      fields: ['neighbour', 'family', 'property'],
      gold: true,
      createdAt: now,
    })
    .returning({ id: mediators.id });
  await db
    .insert(mediationStudios)
    .values({ committeeId, name: STUDIO.name, leaderMediatorId: dong!.id, createdAt: now });
  if (account) {
    await db.insert(mediators).values({
      committeeId,
      userId: account.id,
      name: account.name.replace(/（.*）$/, ''),
      fields: ['neighbour', 'debt', 'damage'],
      gold: false,
      createdAt: now,
    });
  }
}

/**
 * The demo city's mediation organisations: a committee at every org of the tree (市、区、镇/街道、村/社区), the
 * city's specialised committees, two or three mediators each, and 育红社区's studio with the demo `mediator`.
 * Idempotent: nothing is written when committees exist.
 */
export async function seedDemoMediation(ctx: AppContext): Promise<number> {
  const [existing] = await ctx.db.select({ n: count() }).from(mediationCommittees);
  if ((existing?.n ?? 0) > 0) return 0;
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const tree = await tx
      .select({ id: orgs.id, name: orgs.name, kind: orgs.kind, path: orgs.path })
      .from(orgs)
      .where(and(eq(orgs.active, true), inArray(orgs.kind, [...COMMITTEE_ORG_KINDS])));
    const city = tree.find((o) => o.kind === 'city');
    const rows = [
      ...tree.map((o) => ({
        name: `${o.name}人民调解委员会`,
        level: committeeLevelOf(o.kind, [])!,
        orgId: o.id,
        orgPath: o.path,
        fields: [] as string[],
        createdAt: now,
      })),
      ...(city
        ? SPECIALISED.map((s) => ({
            name: s.name,
            level: 'specialised',
            orgId: city.id,
            orgPath: city.path,
            fields: s.fields,
            createdAt: now,
          }))
        : []),
    ];
    const committees = await tx.insert(mediationCommittees).values(rows).returning();
    const seeds = committees.flatMap((c) =>
      drawMediators(
        c.id,
        c.level === 'specialised' ? (c.fields as DisputeField[]) : TERRITORIAL_FIELDS,
        now,
        c.orgId * 31 + c.id,
      ),
    );
    for (let i = 0; i < seeds.length; i += 500) await tx.insert(mediators).values(seeds.slice(i, i + 500));
    const yuhong = committees.find((c) => c.name === `${DEMO_MEDIATION_COMMUNITY}人民调解委员会`);
    if (yuhong) await seedYuhong(tx, yuhong.id, now);
    return committees.length;
  });
}
