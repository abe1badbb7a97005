/** Calendar dates as ISO strings (YYYY-MM-DD), the way PostgreSQL `date` columns come back. */
export type IsoDate = string;

const DAY_MS = 86_400_000;

export function today(now: Date = new Date()): IsoDate {
  return now.toISOString().slice(0, 10);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Days from `from` to `to`, both counted: a Monday-to-Sunday week is 7. */
export function inclusiveDays(from: IsoDate, to: IsoDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS) + 1;
}

export function daysBetween(from: IsoDate, to: IsoDate): number {
  return inclusiveDays(from, to) - 1;
}
