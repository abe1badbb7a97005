/**
 * Danish CPR numbers (personnummer): DDMMYY-SSSS. The 7th digit together with the year gives the
 * century (CPR-kontoret, "Personnummeret i CPR-systemet"; cpr.dk "Opbygning af CPR-nummeret").
 * No modulus-11 check: numbers without it have been issued since 1 October 2007 and are fully
 * valid (cpr.dk "Personnumre uden kontrolciffer").
 */
export interface Cpr {
  /** Ten digits, no hyphen: the canonical form that is hashed and encrypted. */
  digits: string;
  birthDate: string;
}

const CPR_PATTERN = /^(\d{2})(\d{2})(\d{2})-?(\d{4})$/;

function century(yy: number, seventh: number): number {
  if (seventh <= 3) return 1900;
  if (seventh === 4 || seventh === 9) return yy <= 36 ? 2000 : 1900;
  return yy <= 57 ? 2000 : 1800; // 5–8
}

/** Parses a CPR number; undefined when it is not ten digits with a real birth date. */
export function parseCpr(input: string): Cpr | undefined {
  const match = CPR_PATTERN.exec(input.trim());
  if (!match) return undefined;
  const [, dd, mm, yy, serial] = match;
  const year = century(Number(yy), Number(serial[0])) + Number(yy);
  const date = new Date(Date.UTC(year, Number(mm) - 1, Number(dd)));
  const real =
    date.getUTCFullYear() === year && date.getUTCMonth() === Number(mm) - 1 && date.getUTCDate() === Number(dd);
  if (!real) return undefined;
  return { digits: `${dd}${mm}${yy}${serial}`, birthDate: date.toISOString().slice(0, 10) };
}

export function isValidCpr(input: unknown): boolean {
  return typeof input === 'string' && parseCpr(input) !== undefined;
}

/** "010190-****": the birth date part only, which is what a caseworker needs to recognise a person. */
export function maskCpr(digits: string): string {
  return `${digits.slice(0, 6)}-****`;
}
