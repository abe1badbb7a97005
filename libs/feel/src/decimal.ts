/**
 * Decimal arithmetic for FEEL numbers.
 *
 * Zeebe's FEEL engine computes with java.math.BigDecimal (MathContext
 * DECIMAL128, 34 significant digits), while feelin uses binary doubles, so
 * `0.1 + 0.2` would give 0.30000000000000004 and `0.1 + 0.2 = 0.3` would be
 * false. We keep JS numbers as the value representation (variables are JSON
 * and the engine stores them as JSON), but perform each arithmetic step on the
 * exact decimal form of its operands and round the result back to the nearest
 * double. For the inputs found in process variables this reproduces Zeebe.
 *
 * Remaining limits (documented rather than hidden):
 * - Values are still doubles between operations, so only ~15-17 significant
 *   digits survive; Zeebe keeps 34. Large integers above 2^53 lose precision.
 * - Division is computed to 40 significant digits and then rounded to a
 *   double, which matches DECIMAL128 for all practical purposes but is not
 *   bit-for-bit the same rounding path.
 * - `**` with a non-integer exponent (or a huge integer exponent) falls back
 *   to Math.pow, as feel-scala itself falls back to double there.
 * - NaN/Infinity cannot occur in Zeebe; results that overflow a double are
 *   reported as null.
 * - Integer vs decimal typing is not tracked: 3.0 and 3 are the same number,
 *   which matches how Zeebe serialises whole decimals to JSON.
 */

/** value = coefficient * 10^-scale */
interface Dec {
  coef: bigint;
  scale: number;
}

const TEN = BigInt(10);
const DIVISION_DIGITS = 40;
const MAX_EXACT_EXPONENT = 1000;

function pow10(n: number): bigint {
  return TEN ** BigInt(n);
}

/** Exact decimal form of the shortest string that round-trips the double. */
export function toDec(n: number): Dec {
  const text = String(n);
  const match = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(text);
  if (!match) throw new RangeError(`not a finite number: ${text}`);
  const [, sign, intPart, fracPart = '', exp = '0'] = match;
  let coef = BigInt(intPart + fracPart);
  let scale = fracPart.length - Number(exp);
  if (scale < 0) {
    coef *= pow10(-scale);
    scale = 0;
  }
  return { coef: sign ? -coef : coef, scale };
}

export function fromDec(d: Dec): number | null {
  const n = Number(`${d.coef}e${-d.scale}`);
  if (!Number.isFinite(n)) return null;
  // -0 has no meaning in FEEL and would serialise oddly
  return n === 0 ? 0 : n;
}

function align(a: Dec, b: Dec): [bigint, bigint, number] {
  const scale = Math.max(a.scale, b.scale);
  return [a.coef * pow10(scale - a.scale), b.coef * pow10(scale - b.scale), scale];
}

function digits(n: bigint): number {
  return (n < 0 ? -n : n).toString().length;
}

export function add(a: number, b: number): number | null {
  const [x, y, scale] = align(toDec(a), toDec(b));
  return fromDec({ coef: x + y, scale });
}

export function subtract(a: number, b: number): number | null {
  const [x, y, scale] = align(toDec(a), toDec(b));
  return fromDec({ coef: x - y, scale });
}

export function multiply(a: number, b: number): number | null {
  const x = toDec(a);
  const y = toDec(b);
  return fromDec({ coef: x.coef * y.coef, scale: x.scale + y.scale });
}

/** Returns null for division by zero, as FEEL does. */
export function divide(a: number, b: number): number | null {
  if (b === 0) return null;
  const x = toDec(a);
  const y = toDec(b);
  // Scale the dividend up so the integer quotient carries enough digits.
  const shift = Math.max(0, DIVISION_DIGITS - digits(x.coef) + digits(y.coef));
  const quotient = (x.coef * pow10(shift)) / y.coef;
  return fromDec({ coef: quotient, scale: x.scale - y.scale + shift });
}

export function power(a: number, b: number): number | null {
  if (Number.isInteger(b) && Math.abs(b) <= MAX_EXACT_EXPONENT) {
    const x = toDec(a);
    const exponent = Math.abs(b);
    const result = fromDec({ coef: x.coef ** BigInt(exponent), scale: x.scale * exponent });
    if (b >= 0 || result === null) return result;
    return divide(1, result);
  }
  const result = Math.pow(a, b);
  return Number.isFinite(result) ? result : null;
}

export function negate(a: number): number {
  return a === 0 ? 0 : -a;
}

export type RoundingMode = 'half-even' | 'half-up' | 'half-down' | 'up' | 'down' | 'floor' | 'ceiling';

/**
 * Round to `scale` decimal places with BigDecimal's rounding modes, on the
 * exact decimal form so that e.g. 1.005 rounds half-up to 1.01 (a plain
 * Math.round on the double would give 1).
 */
export function round(n: number, scale: number, mode: RoundingMode): number | null {
  const d = toDec(n);
  if (d.scale <= scale) return n;
  const divisor = pow10(d.scale - scale);
  const negative = d.coef < 0;
  const abs = negative ? -d.coef : d.coef;
  let q = abs / divisor;
  const remainder = abs % divisor;
  if (remainder !== BigInt(0)) {
    const twice = remainder * BigInt(2);
    const awayFromZero =
      mode === 'up' ||
      (mode === 'ceiling' && !negative) ||
      (mode === 'floor' && negative) ||
      (mode === 'half-up' && twice >= divisor) ||
      (mode === 'half-down' && twice > divisor) ||
      (mode === 'half-even' && (twice > divisor || (twice === divisor && q % BigInt(2) === BigInt(1))));
    if (awayFromZero) q += BigInt(1);
  }
  return fromDec({ coef: negative ? -q : q, scale });
}

/** Exact decimal sum of a list, so `sum([0.1, 0.2])` is 0.3. */
export function sumOf(values: number[]): number | null {
  let total: number | null = 0;
  for (const v of values) {
    if (total === null) return null;
    total = add(total, v);
  }
  return total;
}
