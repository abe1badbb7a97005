/**
 * Static (non-FEEL) timer values, checked at deploy as Zeebe does, so that a typo is refused
 * instead of becoming a timer that never fires.
 */

const DURATION =
  /^-?P(?!$)(\d+(?:[.,]\d+)?Y)?(\d+(?:[.,]\d+)?M)?(\d+(?:[.,]\d+)?W)?(\d+(?:[.,]\d+)?D)?(T(?=\d)(\d+(?:[.,]\d+)?H)?(\d+(?:[.,]\d+)?M)?(\d+(?:[.,]\d+)?S)?)?$/;

export function isStaticDuration(value: string): boolean {
  return DURATION.test(value.trim());
}

export function isStaticDate(value: string): boolean {
  const v = value.trim();
  // An ISO 8601 date-time; a zone id in brackets (e.g. [Europe/Copenhagen]) is accepted by Zeebe.
  const withoutZoneId = v.replace(/\[[^\]]+\]$/, '');
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(withoutZoneId) && !Number.isNaN(Date.parse(withoutZoneId));
}

function isCron(value: string): boolean {
  // Spring-style cron with 6 fields (seconds first), which Zeebe accepts for time cycles.
  const fields = value.trim().split(/\s+/);
  return fields.length === 6 && fields.every((f) => /^[\w*?/,#LW-]+$/.test(f));
}

export function isStaticCycle(value: string): boolean {
  const v = value.trim();
  if (isCron(v)) return true;
  const parts = v.split('/');
  if (!/^R-?\d*$/.test(parts[0])) return false;
  // R[n]/duration, R[n]/start/duration, R[n]/duration/end
  if (parts.length === 2) return isStaticDuration(parts[1]);
  if (parts.length === 3) {
    return (
      (isStaticDate(parts[1]) && isStaticDuration(parts[2])) || (isStaticDuration(parts[1]) && isStaticDate(parts[2]))
    );
  }
  return false;
}
