import { z } from 'zod';
import { TimeLimit } from '../calendar/time-limit.js';
import { bodyError, id, text } from '../lifecycle/action-body.js';
import { CommitteeLevel, DisputeField } from './mediation-enums.js';

const int = z.number().int();

/** A mediation committee (人民调解委员会), territorial at a level of the tree or specialised by field. */
export const CommitteeView = z.object({
  id: int,
  name: z.string(),
  level: CommitteeLevel,
  /** the org it sits at (a community, town, district or the city) */
  org: z.object({ id: int, name: z.string(), kind: z.string() }),
  /** the fields a specialised committee takes (empty: all) */
  fields: z.array(DisputeField),
  /** the committee one level up (village → town → district → city) */
  parentCommitteeId: int.nullable(),
  mediatorCount: int,
  /** named studios (董大姐平安工作室 …) */
  studios: z.array(z.object({ id: int, name: z.string(), leaderName: z.string().nullable() })),
});
export type CommitteeView = z.infer<typeof CommitteeView>;

/** A mediator (调解员): his expertise, his load, and whether he is a 金牌调解员. */
export const MediatorView = z.object({
  id: int,
  name: z.string(),
  userId: int.nullable(),
  committeeId: int,
  committeeName: z.string(),
  fields: z.array(DisputeField),
  /** 金牌调解员 */
  gold: z.boolean(),
  /** disputes he has in hand now */
  openDisputes: int,
  /** 调解室/工作室 he leads, if any */
  studioName: z.string().nullable(),
});
export type MediatorView = z.infer<typeof MediatorView>;

/** `GET /api/v1/mediation/committees`. */
export const CommitteeList = z.object({ items: z.array(CommitteeView) });
/** `GET /api/v1/mediation/mediators?committee=`. */
export const MediatorList = z.object({ items: z.array(MediatorView) });
export const MediatorListQuery = z.strictObject({
  committee: z.coerce.number().int().positive().optional(),
  field: DisputeField.optional(),
});
export type MediatorListQuery = z.infer<typeof MediatorListQuery>;

/**
 * `GET /api/v1/mediation/disputes/:id/assignment`: the suggested committee (the lowest that covers the
 * territory, or the specialised one of the field) and its mediators ranked by expertise, then load.
 */
export const AssignmentSuggestion = z.object({
  committee: CommitteeView.nullable(),
  /** other committees that could take it (the territorial one when a specialised one is suggested …) */
  alternatives: z.array(CommitteeView),
  mediators: z.array(MediatorView),
  /** the best mediator: first of `mediators` */
  mediatorId: int.nullable(),
});
export type AssignmentSuggestion = z.infer<typeof AssignmentSuggestion>;

/**
 * `POST /api/v1/mediation/committees`, `PUT /api/v1/mediation/committees/:id`: a committee (人民调解委员会). Its
 * level follows from its org, or it is specialised (行业性专业性) when it takes given fields.
 */
export const CommitteeInput = z.strictObject(
  {
    name: text('名称', 2, 100),
    orgId: id('所在组织'),
    /** the fields a specialised committee takes; none for a territorial one */
    fields: z
      .array(DisputeField)
      .max(15, '专业领域最多 15 个')
      .refine((f) => new Set(f).size === f.length, '专业领域不能重复')
      .default([]),
  },
  { error: bodyError },
);
export type CommitteeInput = z.infer<typeof CommitteeInput>;

/** `POST /api/v1/mediation/committees/:id/mediators`: a user of the platform becomes one of its mediators. */
export const AddMediatorInput = z.strictObject(
  {
    userId: id('用户'),
    /** fields of expertise (擅长领域) */
    fields: z
      .array(DisputeField)
      .max(15, '擅长领域最多 15 个')
      .refine((f) => new Set(f).size === f.length, '擅长领域不能重复')
      .default([]),
    /** 金牌调解员 */
    gold: z.boolean().default(false),
  },
  { error: bodyError },
);
export type AddMediatorInput = z.infer<typeof AddMediatorInput>;

/**
 * `GET/PUT /api/v1/mediation/settings`: 调解期限, the time from acceptance to an outcome (30 days by the
 * working calendar unless the city sets another), before the parties agree to extend it.
 */
export const MediationSettings = z.strictObject({ limit: TimeLimit });
export type MediationSettings = z.infer<typeof MediationSettings>;
