/** RK-1 parameters as stored in casework.rule (BEK 2636/2021 §65 stk. 1). */
export interface RatioParams {
  perOrdinaryUpToThreshold: number;
  threshold: number;
  perOrdinaryBeyond: number;
  minimum: number;
  fullTimeWeeklyHours: number;
}

/**
 * Maximum supported FTE on a production unit: 1 per `perOrdinaryUpToThreshold` ordinary FTE up to
 * `threshold`, plus 1 per `perOrdinaryBeyond` above it, never below `minimum`. Rounds down: a
 * started group of 5 gives no extra person. "Beyond" is read as the FTE above the threshold
 * (glossary §3.2 worked example: 7 → 1, 50 → 10, 120 → 17).
 */
export function maxSupportedFte(ordinaryFte: number, p: RatioParams): number {
  const within = Math.min(ordinaryFte, p.threshold);
  const beyond = Math.max(0, ordinaryFte - p.threshold);
  // Rounding guards against 49.999… from FTE averages stored with two decimals.
  const floor = (x: number) => Math.floor(Math.round(x * 1e6) / 1e6);
  return Math.max(p.minimum, floor(within / p.perOrdinaryUpToThreshold) + floor(beyond / p.perOrdinaryBeyond));
}

/** A supported person counts as FTE by weekly hours (RK-2): 37 hours is 1. */
export function supportedFte(weeklyHours: number, p: RatioParams): number {
  return weeklyHours / p.fullTimeWeeklyHours;
}

export interface RatioCheck {
  maxSupported: number;
  supportedBefore: number;
  supportedAfter: number;
  allowed: boolean;
}

export function checkRatio(ordinaryFte: number, supportedBefore: number, adding: number, p: RatioParams): RatioCheck {
  const maxSupported = maxSupportedFte(ordinaryFte, p);
  const supportedAfter = supportedBefore + adding;
  return { maxSupported, supportedBefore, supportedAfter, allowed: supportedAfter <= maxSupported + 1e-9 };
}
