import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CitizenService } from '../citizen/citizen.service';
import { checkDuration, DurationRule, ExtensionRule } from '../rules/practicum-duration';
import { RuleService } from '../rules/rule.service';
import { PracticumRuleBreached } from '../shared/domain-error';
import { RuleVersions } from './placement.entity';

export interface PracticumPeriod {
  weeklyHours: number;
  startDate: string;
  plannedEndDate: string;
  extensionReason?: string | null;
}

/** VP-DUR-1/3, VP-EXT-1 and VP-HRS for one planned practicum, read as in force on its start date. */
@Injectable()
export class PracticumRules {
  constructor(
    private readonly rules: RuleService,
    private readonly citizens: CitizenService,
  ) {}

  /** Returns the target group and rule versions applied; throws PracticumRuleBreached. */
  async check(
    citizenId: string,
    period: PracticumPeriod,
    em?: EntityManager,
  ): Promise<{ targetGroup: number; ruleVersions: RuleVersions }> {
    const on = period.startDate;
    if (period.plannedEndDate < period.startDate) {
      throw new PracticumRuleBreached('VP-DUR', 'LAB §61', 'the planned end lies before the start');
    }
    const hours = await this.rules.params<{ maxWeeklyHours: number }>('VP-HRS', on, em);
    if (period.weeklyHours > hours.params.maxWeeklyHours) {
      throw new PracticumRuleBreached(
        hours.rule.ruleId,
        hours.rule.citation,
        `a practicum lies within normal working hours, at most ${hours.params.maxWeeklyHours} hours a week; ` +
          `requested ${period.weeklyHours}`,
      );
    }
    const targetGroup = await this.citizens.targetGroupOn(citizenId, on, em);
    if (targetGroup === null) {
      throw new PracticumRuleBreached('TG-1', 'LAB §6', `the citizen has no target group on ${on}; assign one first`);
    }
    const durations: DurationRule[] = [];
    const versions: RuleVersions = { [hours.rule.ruleId]: hours.rule.version };
    for (const id of ['VP-DUR-1', 'VP-DUR-3']) {
      const { rule, params } = await this.rules.params<Omit<DurationRule, 'ruleId' | 'citation'>>(id, on, em);
      durations.push({ ruleId: rule.ruleId, citation: rule.citation, ...params });
      versions[rule.ruleId] = rule.version;
    }
    const ext = await this.rules.params<Omit<ExtensionRule, 'ruleId' | 'citation'>>('VP-EXT-1', on, em);
    const extension: ExtensionRule = { ruleId: ext.rule.ruleId, citation: ext.rule.citation, ...ext.params };
    versions[ext.rule.ruleId] = ext.rule.version;
    const verdict = checkDuration(
      targetGroup,
      period.startDate,
      period.plannedEndDate,
      period.extensionReason ?? null,
      durations,
      extension,
    );
    if (!verdict.ok) throw new PracticumRuleBreached(verdict.ruleId, verdict.citation, verdict.message);
    return { targetGroup, ruleVersions: versions };
  }
}
