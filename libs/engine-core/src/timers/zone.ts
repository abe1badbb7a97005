/**
 * Time-zone offsets without a time-zone library: region ids (Europe/Copenhagen)
 * are resolved through the ICU data Node ships with (Intl), fixed offsets
 * (+01:00) and UTC/Z are handled directly because Intl does not accept them.
 *
 * "Wall" times below are local date-times encoded as epoch ms as if they were
 * UTC; that lets plain Date.UTC arithmetic do the calendar work.
 */

const FIXED_OFFSET = /^([+-])(\d{2}):(\d{2})$/;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let format = formatters.get(zone);
  if (!format) {
    // en-US with h23 gives numeric parts we can read back; the cache only memoises (ICU formatters are costly).
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
    formatters.set(zone, format);
  }
  return format;
}

function isUtc(zone: string | undefined): boolean {
  return zone === undefined || zone === 'Z' || zone === 'UTC' || zone === 'GMT' || zone === 'Etc/UTC';
}

/** True when the zone id is UTC, a fixed ±HH:MM offset, or a region id ICU knows. */
export function isKnownZone(zone: string): boolean {
  if (isUtc(zone) || FIXED_OFFSET.test(zone)) return true;
  try {
    formatter(zone);
    return true;
  } catch {
    return false;
  }
}

/** The zone's offset from UTC in ms at the given instant. */
export function offsetAt(zone: string | undefined, epochMs: number): number {
  if (isUtc(zone)) return 0;
  const fixed = FIXED_OFFSET.exec(zone as string);
  if (fixed) return (fixed[1] === '-' ? -1 : 1) * (Number(fixed[2]) * 60 + Number(fixed[3])) * 60_000;
  const wholeSecond = Math.floor(epochMs / 1000) * 1000;
  const parts: Record<string, string> = {};
  for (const part of formatter(zone as string).formatToParts(new Date(wholeSecond))) parts[part.type] = part.value;
  const year = parts.era === 'BC' ? 1 - Number(parts.year) : Number(parts.year);
  const wall = Date.UTC(
    year,
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
  return wall - wholeSecond;
}

export function toWall(epochMs: number, zone: string | undefined): number {
  return epochMs + offsetAt(zone, epochMs);
}

/**
 * The instant of a local wall time, following java.time's ZonedDateTime.ofLocal:
 * keep the preferred (previous) offset when it is still valid (so an overlap
 * keeps its side), otherwise take the one valid offset, and in a gap move the
 * time forward by the gap's length (i.e. read it with the offset before the gap).
 */
export function fromWall(wallMs: number, zone: string | undefined, preferredOffset?: number): number {
  if (preferredOffset !== undefined && offsetAt(zone, wallMs - preferredOffset) === preferredOffset) {
    return wallMs - preferredOffset;
  }
  const first = offsetAt(zone, wallMs);
  if (offsetAt(zone, wallMs - first) === first) return wallMs - first;
  const second = offsetAt(zone, wallMs - first);
  if (offsetAt(zone, wallMs - second) === second) return wallMs - second;
  return wallMs - Math.min(first, second);
}
