import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { SeatService } from '../agreement/seat.service';
import { Citizen } from '../citizen/citizen.entity';
import { Company } from '../company/company.entity';
import { Mentor } from '../mentor/mentor.entity';
import { MentorService } from '../mentor/mentor.service';
import { RuleService } from '../rules/rule.service';
import { newId } from '../shared/columns';
import { today } from '../shared/dates';
import { Conflict, DomainError, NotFound, PracticumRuleBreached } from '../shared/domain-error';
import { inTransaction } from '../shared/transaction';
import { FollowUp, FollowUpKind } from './follow-up.entity';
import { Outcome, OutcomeKind, OUTCOMES_NEEDING_REASON } from './outcome.entity';
import { Placement, PlacementStage, PracticumPurpose } from './placement.entity';
import { PracticumPeriod, PracticumRules } from './practicum-rules';
import { ProgressEntry } from './progress-entry.entity';
import { ProgressReview } from './progress-review.entity';
import { SubGoal } from './sub-goal.entity';
import { Goal } from './goal.entity';

export interface PlacementInput {
  citizenId: string;
  caseworker?: string | null;
  purpose?: PracticumPurpose | null;
  /** Defaults to PR-INT-1's defaultDays. */
  progressReviewIntervalDays?: number;
  stage?: PlacementStage;
}

export interface ProgressReviewInput {
  reviewedOn?: string;
  recordedBy: string;
  summary?: string | null;
  entries?: { subGoalId: string; assessment: number; note?: string | null }[];
}

export interface FollowUpInput {
  kind: FollowUpKind;
  dueOn?: string | null;
  doneOn?: string | null;
  result?: string | null;
  recordedBy?: string | null;
}

export interface OutcomeInput {
  kind: OutcomeKind;
  reason?: string | null;
  weeklyHours?: number | null;
  atHostCompany?: boolean | null;
  recordedOn?: string;
  recordedBy: string;
}

interface IntervalParams {
  defaultDays: number;
  minDays: number;
  maxDays: number;
}

/**
 * The case. Methods the workers call (stage, startPracticum, recordProgressReview, recordFollowUp,
 * recordOutcome) are each one transaction that locks the placement row, and repeating one with
 * the same arguments leaves the case as the first call did.
 */
@Injectable()
export class PlacementService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly rules: RuleService,
    private readonly seats: SeatService,
    private readonly mentors: MentorService,
    private readonly practicumRules: PracticumRules,
  ) {}

  /** Opens a case; returns its id. Given an id that exists for the same citizen, returns it unchanged. */
  async create(input: PlacementInput, id: string = newId()): Promise<string> {
    return this.dataSource.transaction(async (em) => {
      const existing = await em.findOneBy(Placement, { id });
      if (existing) {
        if (existing.citizenId !== input.citizenId)
          throw new Conflict('CaseExists', `Case ${id} belongs to another citizen`);
        return id;
      }
      if (!(await em.existsBy(Citizen, { id: input.citizenId }))) throw new NotFound('Citizen', input.citizenId);
      const interval = await this.rules.params<IntervalParams>('PR-INT-1', today(), em);
      const days = input.progressReviewIntervalDays ?? interval.params.defaultDays;
      this.assertInterval(days, interval.params, interval.rule.citation);
      await em.insert(Placement, {
        id,
        citizenId: input.citizenId,
        stage: input.stage ?? 'REFERRED',
        stageChangedAt: new Date(),
        caseworker: input.caseworker ?? null,
        purpose: input.purpose ?? null,
        progressReviewIntervalDays: days,
        ruleVersions: { 'PR-INT-1': interval.rule.version },
      });
      return id;
    });
  }

  async get(id: string, manager?: EntityManager): Promise<Placement> {
    const placement = await (manager ?? this.dataSource.manager).findOneBy(Placement, { id });
    if (!placement) throw new NotFound('Case', id);
    return placement;
  }

  list(filter: { stage?: PlacementStage; citizenId?: string; limit?: number; offset?: number }) {
    const { limit = 50, offset = 0, ...where } = filter;
    return this.dataSource.manager.findAndCount(Placement, {
      where,
      order: { stageChangedAt: 'ASC' },
      take: limit,
      skip: offset,
    });
  }

  /** Moves the case to a stage; the same stage again changes nothing (not even stageChangedAt). */
  stage(placementId: string, stage: PlacementStage, manager?: EntityManager): Promise<Placement> {
    return this.locked(placementId, manager, async (em, placement) => {
      if (placement.stage === stage) return placement;
      placement.stage = stage;
      placement.stageChangedAt = new Date();
      return em.save(placement);
    });
  }

  /** Remembers the BPMN process instance that drives the case (set once). */
  attachProcessInstance(placementId: string, processInstanceKey: string): Promise<Placement> {
    return this.locked(placementId, undefined, async (em, placement) => {
      if (placement.processInstanceKey === processInstanceKey) return placement;
      if (placement.processInstanceKey) {
        throw new Conflict('ProcessAttached', `Case ${placementId} is already driven by another process instance`);
      }
      placement.processInstanceKey = processInstanceKey;
      return em.save(placement);
    });
  }

  /**
   * Gives a case that has no process instance one: `start` runs (and starts the instance) while the
   * case row is locked, and its key is stored in the same transaction. The lock is taken with SKIP
   * LOCKED, so of two callers adopting one case at once only one starts an instance. Returns null
   * (and does not call `start`) when the case is missing, locked by another caller, already driven
   * by an instance, or no longer at `expectedStage`.
   */
  adoptProcessInstance(
    placementId: string,
    expectedStage: PlacementStage,
    start: (placement: Placement) => Promise<string>,
  ): Promise<string | null> {
    return this.dataSource.transaction(async (em) => {
      const placement = await em.findOne(Placement, {
        where: { id: placementId },
        lock: { mode: 'pessimistic_write', onLocked: 'skip_locked' },
      });
      if (!placement || placement.processInstanceKey || placement.stage !== expectedStage) return null;
      const processInstanceKey = await start(placement);
      await em.update(Placement, { id: placementId }, { processInstanceKey });
      return processInstanceKey;
    });
  }

  /** Matches the case with a company, and optionally its mentor and a seat (reserved at once). */
  async match(placementId: string, match: { companyId: string; mentorId?: string | null; seatId?: string | null }) {
    return this.dataSource.transaction(async (em) => {
      const placement = await this.lockPlacement(em, placementId);
      if (!(await em.existsBy(Company, { id: match.companyId }))) throw new NotFound('Company', match.companyId);
      if (match.mentorId) {
        const mentor = await em.findOneBy(Mentor, { id: match.mentorId });
        if (!mentor) throw new NotFound('Mentor', match.mentorId);
        if (mentor.companyId !== match.companyId) {
          throw new Conflict('MentorElsewhere', `Mentor ${mentor.name} works for another company`);
        }
      }
      if (placement.startedOn && match.companyId !== placement.companyId) {
        throw new Conflict(
          'PracticumStarted',
          'The practicum has started; record an outcome and open a new case instead',
        );
      }
      placement.companyId = match.companyId;
      if (match.mentorId !== undefined) placement.mentorId = match.mentorId;
      await em.save(placement);
      if (match.seatId) await this.seats.reserve(placementId, match.seatId, em);
      return this.get(placementId, em);
    });
  }

  /** Plans the practicum period; refused with the rule's id when it breaks VP-DUR/VP-EXT/VP-HRS. */
  setPracticumPeriod(placementId: string, period: PracticumPeriod & { purpose?: PracticumPurpose }) {
    return this.locked(placementId, undefined, async (em, placement) => {
      if (placement.startedOn) throw new Conflict('PracticumStarted', 'The practicum has started; its period is fixed');
      const { ruleVersions } = await this.practicumRules.check(placement.citizenId, period, em);
      Object.assign(placement, {
        weeklyHours: period.weeklyHours,
        startDate: period.startDate,
        plannedEndDate: period.plannedEndDate,
        extensionReason: period.extensionReason ?? null,
        purpose: period.purpose ?? placement.purpose,
        ruleVersions: { ...placement.ruleVersions, ...ruleVersions },
      });
      return em.save(placement);
    });
  }

  setProgressReviewInterval(placementId: string, days: number): Promise<Placement> {
    return this.locked(placementId, undefined, async (em, placement) => {
      const { rule, params } = await this.rules.params<IntervalParams>('PR-INT-1', today(), em);
      this.assertInterval(days, params, rule.citation);
      placement.progressReviewIntervalDays = days;
      return em.save(placement);
    });
  }

  /**
   * Starts the practicum: a planned period within the rules, a trained mentor (MEN-TRAIN-1), and the
   * reserved seat becomes OCCUPIED. Already started: returns the case unchanged.
   */
  startPracticum(placementId: string, manager?: EntityManager): Promise<Placement> {
    return this.locked(placementId, manager, async (em, placement) => {
      if (placement.startedOn) return placement;
      if (!placement.startDate || !placement.plannedEndDate || !placement.weeklyHours) {
        throw new DomainError(
          'PracticumNotPlanned',
          'unprocessable',
          `Case ${placementId} has no practicum period yet`,
        );
      }
      if (!placement.mentorId) {
        const rule = await this.rules.inForce('MEN-TRAIN-1', placement.startDate, em);
        throw new PracticumRuleBreached(
          rule.ruleId,
          rule.citation,
          'the case has no mentor; a trained mentor is required',
        );
      }
      await this.mentors.assertTrained(placement.mentorId, placement.startDate, em);
      const { targetGroup, ruleVersions } = await this.practicumRules.check(
        placement.citizenId,
        {
          weeklyHours: placement.weeklyHours,
          startDate: placement.startDate,
          plannedEndDate: placement.plannedEndDate,
          extensionReason: placement.extensionReason,
        },
        em,
      );
      await this.seats.occupy(em, placementId);
      const training = await this.rules.inForce('MEN-TRAIN-1', placement.startDate, em);
      placement.startedOn = placement.startDate;
      placement.targetGroup = targetGroup;
      placement.ruleVersions = { ...placement.ruleVersions, ...ruleVersions, [training.ruleId]: training.version };
      if (placement.stage !== 'IN_PRACTICUM') {
        placement.stage = 'IN_PRACTICUM';
        placement.stageChangedAt = new Date();
      }
      return em.save(placement);
    });
  }

  /** One review per case and day: a repeat for the same day returns the first and adds nothing. */
  recordProgressReview(placementId: string, input: ProgressReviewInput, manager?: EntityManager) {
    return this.locked(placementId, manager, async (em, placement) => {
      const reviewedOn = input.reviewedOn ?? today();
      const existing = await em.findOneBy(ProgressReview, { placementId, reviewedOn });
      if (existing) return existing;
      const review = await em.save(
        em.create(ProgressReview, {
          id: newId(),
          placementId,
          reviewedOn,
          recordedBy: input.recordedBy,
          summary: input.summary ?? null,
        }),
      );
      for (const entry of input.entries ?? []) {
        await this.assertSubGoalOf(em, placementId, entry.subGoalId);
        await em.insert(ProgressEntry, {
          id: newId(),
          subGoalId: entry.subGoalId,
          progressReviewId: review.id,
          recordedOn: reviewedOn,
          assessment: entry.assessment,
          note: entry.note ?? null,
          recordedBy: input.recordedBy,
        });
      }
      if (!placement.lastProgressReviewOn || placement.lastProgressReviewOn < reviewedOn) {
        placement.lastProgressReviewOn = reviewedOn;
        await em.save(placement);
      }
      return review;
    });
  }

  /** Plans or records a follow-up; one per kind and case, so a repeat updates instead of adding. */
  recordFollowUp(placementId: string, input: FollowUpInput, manager?: EntityManager): Promise<FollowUp> {
    return this.locked(placementId, manager, async (em) => {
      const existing = await em.findOneBy(FollowUp, { placementId, kind: input.kind });
      const followUp =
        existing ?? em.create(FollowUp, { id: newId(), placementId, kind: input.kind, dueOn: null, doneOn: null });
      if (input.dueOn !== undefined) followUp.dueOn = input.dueOn;
      if (input.doneOn !== undefined) followUp.doneOn = input.doneOn;
      if (input.result !== undefined) followUp.result = input.result;
      if (input.recordedBy !== undefined) followUp.recordedBy = input.recordedBy;
      followUp.result ??= null;
      followUp.recordedBy ??= null;
      return em.save(followUp);
    });
  }

  /** Records how the case ended. The same outcome again is a no-op; a different one is a conflict. */
  recordOutcome(placementId: string, input: OutcomeInput, manager?: EntityManager): Promise<Outcome> {
    return this.locked(placementId, manager, async (em, placement) => {
      const existing = await em.findOneBy(Outcome, { placementId });
      if (existing) {
        if (existing.kind === input.kind) return existing;
        throw new Conflict('OutcomeRecorded', `Case ${placementId} already ended as ${existing.kind}`);
      }
      if (OUTCOMES_NEEDING_REASON.includes(input.kind) && !input.reason?.trim()) {
        throw new DomainError('ReasonRequired', 'unprocessable', `An outcome of ${input.kind} needs a reason`);
      }
      const recordedOn = input.recordedOn ?? today();
      const outcome = await em.save(
        em.create(Outcome, {
          id: newId(),
          placementId,
          kind: input.kind,
          reason: input.reason ?? null,
          weeklyHours: input.weeklyHours ?? null,
          atHostCompany: input.atHostCompany ?? null,
          recordedOn,
          recordedBy: input.recordedBy,
        }),
      );
      if (placement.startedOn && !placement.endedOn) {
        placement.endedOn = recordedOn;
        await em.save(placement);
      }
      return outcome;
    });
  }

  private assertInterval(days: number, params: IntervalParams, citation: string) {
    if (!Number.isInteger(days) || days < params.minDays || days > params.maxDays) {
      throw new PracticumRuleBreached(
        'PR-INT-1',
        citation,
        `the progress review interval must be between ${params.minDays} and ${params.maxDays} days; requested ${days}`,
      );
    }
  }

  private async assertSubGoalOf(em: EntityManager, placementId: string, subGoalId: string) {
    const found = await em
      .createQueryBuilder(SubGoal, 's')
      .innerJoin(Goal, 'g', 'g.id = s.goal_id')
      .where('s.id = :subGoalId AND g.placement_id = :placementId', { subGoalId, placementId })
      .getExists();
    if (!found) throw new NotFound('Sub-goal of this case', subGoalId);
  }

  private lockPlacement(em: EntityManager, id: string): Promise<Placement> {
    return em
      .findOne(Placement, { where: { id }, lock: { mode: 'pessimistic_write' } })
      .then((placement) => placement ?? Promise.reject(new NotFound('Case', id)));
  }

  private locked<T>(
    id: string,
    manager: EntityManager | undefined,
    work: (em: EntityManager, p: Placement) => Promise<T>,
  ) {
    return inTransaction(this.dataSource, manager, async (em) => work(em, await this.lockPlacement(em, id)));
  }
}
