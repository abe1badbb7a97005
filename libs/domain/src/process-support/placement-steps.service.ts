import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Agreement } from '../agreement/agreement.entity';
import { SeatService } from '../agreement/seat.service';
import { MatchingService } from '../matching/matching.service';
import { MentorService } from '../mentor/mentor.service';
import { Placement, PracticumPurpose } from '../placement/placement.entity';
import { PlacementService } from '../placement/placement.service';
import { ProgressReview } from '../placement/progress-review.entity';
import { OutcomeKind } from '../placement/outcome.entity';
import { DomainError } from '../shared/domain-error';
import { stableId } from './stable-id';

export interface PlacementChoice {
  companyId: string;
  mentorId: string;
  purpose: PracticumPurpose;
  plannedStart: string;
  plannedEnd: string;
  weeklyHours: number;
}

/** Who the domain records as the author of what a process step writes. */
const PROCESS = 'process:placement-lifecycle';

/**
 * The steps of the placement lifecycle as the workers need them, composed from the domain
 * services. Each is safe to repeat: a job delivered twice leaves the case as the first did.
 */
@Injectable()
export class PlacementStepsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly placements: PlacementService,
    private readonly seats: SeatService,
    private readonly mentors: MentorService,
    private readonly matching: MatchingService,
  ) {}

  /** Reverse matching for the citizen of the case, as options for the choice form. */
  async suggest(placementId: string): Promise<{ label: string; value: string }[]> {
    const placement = await this.placements.stage(placementId, 'MATCHING');
    return this.companyOptions(placement.citizenId);
  }

  /** Reverse matching for a citizen as form-js select options (reads only). */
  async companyOptions(citizenId: string): Promise<{ label: string; value: string }[]> {
    const matches = await this.matching.suggest(citizenId);
    return matches.map((m) => ({
      label: `${m.companyName}${m.seatFunction ? ` — ${m.seatFunction}` : ''} (score ${Math.round(m.score)})`,
      value: m.companyId,
    }));
  }

  /**
   * Records the caseworker's choice. `match` and `setPracticumPeriod` each run in their own
   * transaction (they take no manager); both set values, so a retry converges on the same case.
   */
  async recordChoice(placementId: string, choice: PlacementChoice) {
    await this.placements.match(placementId, { companyId: choice.companyId, mentorId: choice.mentorId });
    await this.placements.setPracticumPeriod(placementId, {
      startDate: choice.plannedStart,
      plannedEndDate: choice.plannedEnd,
      weeklyHours: choice.weeklyHours,
      purpose: choice.purpose,
    });
    const agreementId = await this.activeAgreementId(choice.companyId);
    const mentorTrained = await this.isMentorTrained(choice.mentorId, choice.plannedStart);
    await this.placements.stage(
      placementId,
      !agreementId ? 'AWAITING_AGREEMENT' : mentorTrained ? 'READY_TO_START' : 'MENTOR_TRAINING',
    );
    return { agreementId, mentorTrained };
  }

  /** The company's active agreement (the newest), or null: what the lifecycle's agreementId holds. */
  async activeAgreementId(companyId: string | null): Promise<string | null> {
    if (!companyId) return null;
    const agreement = await this.dataSource.getRepository(Agreement).findOne({
      where: { companyId, status: 'ACTIVE' },
      order: { validFrom: 'DESC' },
    });
    return agreement?.id ?? null;
  }

  /** Whether the mentor has completed the course by `on` (MEN-TRAIN-1); no mentor: false. */
  async isMentorTrained(mentorId: string | null, on: string): Promise<boolean> {
    if (!mentorId) return false;
    return this.mentors.assertTrained(mentorId, on).then(
      () => true,
      (error: unknown) =>
        error instanceof DomainError && error.code === 'MentorNotTrained' ? false : Promise.reject(error),
    );
  }

  /**
   * Reserves a seat and starts the practicum in one transaction: when the mentor turns out not
   * to be trained, the reservation is rolled back with it.
   */
  async startPracticum(placementId: string): Promise<Placement> {
    return this.dataSource.transaction(async (em) => {
      await this.seats.reserve(placementId, undefined, em);
      return this.placements.startPracticum(placementId, em);
    });
  }

  async recordProgressReview(
    placementId: string,
    review: {
      reviewedOn: string;
      progressScore: number;
      attendancePercent: number;
      subGoalState: string;
      note?: string;
    },
  ): Promise<number> {
    await this.placements.recordProgressReview(placementId, {
      reviewedOn: review.reviewedOn,
      recordedBy: PROCESS,
      summary:
        `Progress ${review.progressScore}/5, attendance ${review.attendancePercent}%, sub-goal ${review.subGoalState}` +
        (review.note ? `. ${review.note}` : ''),
    });
    return this.dataSource.getRepository(ProgressReview).countBy({ placementId });
  }

  async recordFollowUp(placementId: string, result: string, droppedOut: boolean, on: string): Promise<void> {
    await this.dataSource.transaction(async (em) => {
      await this.placements.recordFollowUp(
        placementId,
        { kind: 'END', doneOn: on, result: droppedOut ? `Dropped out. ${result}` : result, recordedBy: PROCESS },
        em,
      );
      await this.placements.stage(placementId, 'FOLLOW_UP', em);
    });
  }

  /** The case ends: its outcome, the seat back to the agreement, the case closed. */
  async close(
    placementId: string,
    outcome: { kind: OutcomeKind; reason?: string; weeklyHours?: number; atHostCompany?: boolean },
  ) {
    await this.dataSource.transaction(async (em) => {
      await this.placements.recordOutcome(placementId, { ...outcome, recordedBy: PROCESS }, em);
      await this.seats.release(placementId, em);
      await this.placements.stage(placementId, 'CLOSED', em);
    });
  }

  /**
   * Reassignment: this case ends as REASSIGNED and a new case for the same citizen continues the
   * process. The new id derives from the old one, so a repeat finds the case it made.
   */
  async reassign(placementId: string): Promise<string> {
    const current = await this.placements.get(placementId);
    await this.close(placementId, { kind: 'REASSIGNED', reason: 'Reassigned after the follow-up' });
    const next = await this.placements.create(
      { citizenId: current.citizenId, caseworker: current.caseworker, stage: 'MATCHING' },
      stableId(placementId, 'reassigned'),
    );
    if (current.processInstanceKey) await this.placements.attachProcessInstance(next, current.processInstanceKey);
    return next;
  }

  async enrollMentor(mentorId: string, placementId: string | undefined, on: string): Promise<void> {
    if (placementId) await this.placements.stage(placementId, 'MENTOR_TRAINING');
    try {
      await this.mentors.enroll(mentorId, 'Mentor course', on);
    } catch (error) {
      // Trained meanwhile (or by an earlier delivery of this job): nothing left to enrol.
      if (!(error instanceof DomainError && error.code === 'MentorAlreadyTrained')) throw error;
    }
  }

  async completeMentorTraining(mentorId: string, on: string): Promise<void> {
    await this.mentors.completeTraining(mentorId, on);
  }
}
