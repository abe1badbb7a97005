/**
 * CVR numbers: 8 digits whose weighted sum with weights 2,7,6,5,4,3,2,1 is divisible by 11
 * (Erhvervsstyrelsen, "Modulus 11 kontrol": all CVR numbers pass it; Danmarks Statistik, CVRNR).
 */
const WEIGHTS = [2, 7, 6, 5, 4, 3, 2, 1];

export function isValidCvr(input: unknown): boolean {
  if (typeof input !== 'string' || !/^[1-9]\d{7}$/.test(input)) return false;
  const sum = [...input].reduce((total, digit, i) => total + Number(digit) * WEIGHTS[i], 0);
  return sum % 11 === 0;
}

/** The check digit for seven leading digits, or undefined when none exists (remainder 1). */
export function cvrCheckDigit(first7: string): number | undefined {
  const sum = [...first7].reduce((total, digit, i) => total + Number(digit) * WEIGHTS[i], 0);
  const check = (11 - (sum % 11)) % 11;
  return check === 10 ? undefined : check;
}
