import { inclusiveDays, IsoDate } from '../shared/dates';

export interface DurationRule {
  ruleId: string;
  citation: string;
  maxWeeks: number;
  targetGroups: number[];
}

export interface ExtensionRule {
  ruleId: string;
  citation: string;
  extendedMaxWeeks: number;
  targetGroups: number[];
}

export type DurationVerdict =
  { ok: true; ruleId: string; weeks: number } | { ok: false; ruleId: string; message: string; citation: string };

function weeksText(days: number): string {
  const weeks = days / 7;
  return Number.isInteger(weeks) ? `${weeks} weeks` : `${weeks.toFixed(1)} weeks (${days} days)`;
}

/**
 * Whether a practicum from `start` to `plannedEnd` (both days included) fits the maximum length for
 * the target group (VP-DUR-1/3), or the 26 weeks of VP-EXT-1 when a concrete assessment is given.
 */
export function checkDuration(
  targetGroup: number,
  start: IsoDate,
  plannedEnd: IsoDate,
  extensionReason: string | null,
  durations: DurationRule[],
  extension: ExtensionRule,
): DurationVerdict {
  const days = inclusiveDays(start, plannedEnd);
  const rule = durations.find((r) => r.targetGroups.includes(targetGroup));
  if (!rule) {
    const ids = durations.map((r) => r.ruleId).join('/');
    return {
      ok: false,
      ruleId: ids,
      citation: 'LAB §61',
      message: `no maximum practicum length is in force for target group ${targetGroup}`,
    };
  }
  if (days <= rule.maxWeeks * 7) return { ok: true, ruleId: rule.ruleId, weeks: days / 7 };
  const extendable = extension.targetGroups.includes(targetGroup);
  if (extendable && extensionReason && days <= extension.extendedMaxWeeks * 7) {
    return { ok: true, ruleId: extension.ruleId, weeks: days / 7 };
  }
  if (extendable && extensionReason) {
    return {
      ok: false,
      ruleId: extension.ruleId,
      citation: extension.citation,
      message:
        `after a concrete assessment a practicum may be planned for at most ${extension.extendedMaxWeeks} weeks; ` +
        `requested ${weeksText(days)} (further extensions are decided later, 13 weeks at a time)`,
    };
  }
  const hint = extendable ? ` (up to ${extension.extendedMaxWeeks} weeks with an extension reason, VP-EXT-1)` : '';
  return {
    ok: false,
    ruleId: rule.ruleId,
    citation: rule.citation,
    message:
      `a practicum for target group ${targetGroup} may last at most ${rule.maxWeeks} weeks${hint}; ` +
      `requested ${weeksText(days)}`,
  };
}
