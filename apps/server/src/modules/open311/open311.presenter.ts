import {
  type CaseState,
  formatW3cDateTime,
  gcj02ToWgs84,
  isOpen311PublicAction,
  maskAddress,
  maskPersonalDataInText,
  type Open311ExtendedStatus,
  open311StatusOf,
  open311UpdateOf,
} from '@shanzhi/shared';
import type { Open311Record } from './open311-document.js';
import type { Open311EventRow, Open311RequestRow } from './open311-requests.repository.js';

/** One public update of a case: the event it comes from, its extended status and what it says. */
export interface Open311Update {
  eventId: number;
  caseId: number;
  at: Date;
  status: Open311ExtendedStatus;
  description: string;
}

/** A deadline as people in the city read it: `2026-10-12 18:00`. */
function beijingMinute(iso: unknown): string | null {
  if (typeof iso !== 'string' || Number.isNaN(Date.parse(iso))) return null;
  return formatW3cDateTime(new Date(iso)).slice(0, 16).replace('T', ' ');
}

/**
 * The public updates of one case's timeline, in order (`events` of the public actions and of `reply`, in
 * timeline order): each says what happened with the unit's name, the new deadline, the master case or the
 * approved answer — the answer being the last reply before its approval, its personal numbers masked as for
 * any reader without `personal_data.read`.
 */
export function publicUpdatesOf(
  events: readonly Open311EventRow[],
  orgNames: ReadonlyMap<number, string>,
): Open311Update[] {
  const unit = (id: unknown) => (typeof id === 'number' ? (orgNames.get(id) ?? null) : null);
  const updates: Open311Update[] = [];
  let lastReply: string | null = null;
  for (const e of events) {
    const changes = (e.changes ?? {}) as Record<string, unknown>;
    if (e.action === 'reply') lastReply = e.note;
    if (!isOpen311PublicAction(e.action)) continue;
    const answer = e.action === 'review' ? lastReply : e.action === 'resolve_on_call' ? e.note : null;
    const { status, description } = open311UpdateOf(e.action, {
      unit: e.action === 'accept' ? unit(e.actorOrgId) : unit(changes.leadUnitId),
      deadline: beijingMinute((changes.resolveDeadline as { to?: unknown } | undefined)?.to),
      master: typeof changes.masterCaseNumber === 'string' ? changes.masterCaseNumber : null,
      answer: maskPersonalDataInText(answer),
    });
    updates.push({ eventId: e.id, caseId: e.caseId, at: e.at, status, description });
  }
  return updates;
}

/** The org ids the updates of these events name (lead units, accepting units). */
export function unitIdsOf(events: readonly Open311EventRow[]): number[] {
  return events.flatMap((e) => {
    const lead = (e.changes as Record<string, unknown> | null)?.leadUnitId;
    return [typeof lead === 'number' ? lead : null, e.action === 'accept' ? e.actorOrgId : null].filter(
      (id): id is number => id !== null,
    );
  });
}

/** Keeps only the fields that have a value: the standard's optional fields are left out rather than empty. */
function withValues(record: Record<string, string | number | null | undefined>): Open311Record {
  return Object.fromEntries(
    Object.entries(record).filter(([, v]) => v !== null && v !== undefined && v !== ''),
  ) as Open311Record;
}

/** Six decimals of a degree: about ten centimetres, more than any report's precision. */
const round6 = (value: number) => Math.round(value * 1e6) / 1e6;

/**
 * A case as a GeoReport v2 service request, for a public reader: its status, the last public update as its
 * status notes, the handling unit, its deadline as the expected time, its place in WGS-84 — and nothing
 * personal: the citizen's name and phone never appear, the address keeps its road and loses its numbers,
 * the description has its phones, ID numbers, bank cards and plates masked.
 */
export function presentOpen311Request(
  row: Open311RequestRow,
  updates: readonly Open311Update[],
): Open311Record {
  const last = updates.at(-1);
  const wgs = row.lng === null || row.lat === null ? null : gcj02ToWgs84({ lng: row.lng, lat: row.lat });
  const status = open311StatusOf(row.state as CaseState);
  return withValues({
    service_request_id: row.number,
    status,
    status_notes: last?.description,
    service_name: row.serviceName,
    service_code: row.serviceCode,
    description: maskPersonalDataInText(row.description),
    agency_responsible: row.agency,
    requested_datetime: formatW3cDateTime(row.createdAt),
    updated_datetime: formatW3cDateTime(last?.at ?? row.updatedAt),
    expected_datetime:
      status === 'open' && row.resolveDeadline ? formatW3cDateTime(row.resolveDeadline) : null,
    address: maskAddress(row.address),
    lat: wgs ? round6(wgs.lat) : null,
    long: wgs ? round6(wgs.lng) : null,
    media_url: row.mediaUrl,
  });
}

/**
 * A public update as mySociety's `request_update`. Its `media_url` (always present in that extension) is
 * empty: the staff's photos stay inside the platform.
 */
export function presentOpen311Update(update: Open311Update, serviceRequestId: string): Open311Record {
  return {
    update_id: String(update.eventId),
    service_request_id: serviceRequestId,
    status: update.status,
    updated_datetime: formatW3cDateTime(update.at),
    description: update.description,
    media_url: '',
  };
}
