/**
 * What went wrong in domain terms. The HTTP layer maps `kind` to a status (404, 409, 422); the
 * message is written for a caseworker and never carries a CPR number.
 */
export type DomainErrorKind = 'not-found' | 'conflict' | 'unprocessable';

export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly kind: DomainErrorKind,
    message: string,
    /** The rule (casework.rule.rule_id) a breach refers to. */
    readonly ruleId?: string,
  ) {
    super(message);
    this.name = code;
  }
}

export class NotFound extends DomainError {
  constructor(what: string, id: string) {
    super('NotFound', 'not-found', `${what} ${id} does not exist`);
  }
}

export class Conflict extends DomainError {
  constructor(code: string, message: string) {
    super(code, 'conflict', message);
  }
}

/** A rule in casework.rule refused the change. Message form: "Rule ID (source): what; found". */
export class RuleBreach extends DomainError {
  constructor(code: string, kind: DomainErrorKind, ruleId: string, source: string, detail: string) {
    super(code, kind, `Rule ${ruleId} (${source}): ${detail}`, ruleId);
  }
}

export class NoVacantSeat extends DomainError {
  constructor(detail: string) {
    super('NoVacantSeat', 'conflict', detail);
  }
}

export class RatioRuleBreached extends RuleBreach {
  constructor(ruleId: string, source: string, detail: string) {
    super('RatioRuleBreached', 'conflict', ruleId, source, detail);
  }
}

export class MentorNotTrained extends RuleBreach {
  constructor(ruleId: string, source: string, detail: string) {
    super('MentorNotTrained', 'conflict', ruleId, source, detail);
  }
}

export class PracticumRuleBreached extends RuleBreach {
  constructor(ruleId: string, source: string, detail: string) {
    super('PracticumRuleBreached', 'unprocessable', ruleId, source, detail);
  }
}
