const BEIJING_OFFSET_MS = 8 * 3_600_000;

// The W3C profile of ISO 8601 that GeoReport v2 names, with the time zone it requires; a bare date is a day
// of the city's calendar.
const W3C_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const W3C_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * An instant given in the W3C date-time format (`2010-01-01T00:00:00Z`, `2026-09-30T10:00+08:00`), or a date
 * (`2026-09-30`, midnight in Beijing); undefined for anything else — a time without its zone included, which
 * GeoReport v2 forbids.
 */
export function parseW3cDateTime(value: string): Date | undefined {
  const trimmed = value.trim();
  const date = W3C_DATE.exec(trimmed);
  const iso = date ? `${trimmed}T00:00:00+08:00` : W3C_DATE_TIME.test(trimmed) ? trimmed : undefined;
  if (!iso) return undefined;
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return undefined;
  // Date.parse rolls 2026-02-30 over to March: only a date that reads back the same is real
  const [, y, m, d] = (date ?? W3C_DATE_TIME.exec(trimmed))!;
  const local = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  return local.getUTCMonth() === Number(m) - 1 && local.getUTCDate() === Number(d) ? at : undefined;
}

/** An instant in the W3C date-time format, in Beijing time with its offset: `2026-09-30T10:00:00+08:00`. */
export function formatW3cDateTime(at: Date): string {
  const local = new Date(at.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 19);
  return `${local}+08:00`;
}
