import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { DomainError } from '../shared/domain-error';
import { IsoDate, today } from '../shared/dates';
import { Rule } from './rule.entity';

/** The version of each rule in force on a date; guards read rules only through here. */
@Injectable()
export class RuleService {
  constructor(@InjectRepository(Rule) private readonly rules: Repository<Rule>) {}

  list(): Promise<Rule[]> {
    return this.rules.find({ order: { ruleId: 'ASC', version: 'ASC' } });
  }

  versions(ruleId: string): Promise<Rule[]> {
    return this.rules.find({ where: { ruleId }, order: { version: 'ASC' } });
  }

  async inForce(ruleId: string, on: IsoDate = today(), manager?: EntityManager): Promise<Rule> {
    const repo = manager ? manager.getRepository(Rule) : this.rules;
    const rule = await repo
      .createQueryBuilder('r')
      .where('r.rule_id = :ruleId', { ruleId })
      .andWhere('r.effective_from <= :on', { on })
      .andWhere('(r.effective_to IS NULL OR r.effective_to > :on)', { on })
      .orderBy('r.version', 'DESC')
      .getOne();
    if (!rule) {
      throw new DomainError(
        'RuleNotInForce',
        'unprocessable',
        `Rule ${ruleId} has no version in force on ${on}`,
        ruleId,
      );
    }
    return rule;
  }

  async params<T>(ruleId: string, on?: IsoDate, manager?: EntityManager): Promise<{ rule: Rule; params: T }> {
    const rule = await this.inForce(ruleId, on, manager);
    return { rule, params: rule.params as T };
  }
}
