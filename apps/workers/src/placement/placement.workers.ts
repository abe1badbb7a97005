import { Injectable } from '@nestjs/common';
import { OutcomeKind, PlacementStepsService, PracticumPurpose, today } from '@brobygger/domain';
import { JobWorker } from '../framework/job-worker.decorator';

const id = { type: 'string', required: true } as const;

/** The lifecycle's bookkeeping steps; each is repeatable (see PlacementStepsService). */
@Injectable()
export class PlacementWorkers {
  constructor(private readonly steps: PlacementStepsService) {}

  @JobWorker({
    type: 'placement.record-choice',
    description: 'Matches the case with the chosen company and mentor and plans the practicum period',
    inputs: {
      placementId: id,
      companyId: id,
      mentorId: id,
      purpose: { type: 'string', required: true },
      plannedStart: { type: 'date', required: true },
      plannedEnd: { type: 'date', required: true },
      weeklyHours: { type: 'number', required: true },
    },
    outputs: {
      agreementId: { type: 'string', description: 'the active agreement with the company, or null' },
      mentorTrained: { type: 'boolean' },
    },
  })
  recordChoice(v: Record<string, unknown>) {
    return this.steps.recordChoice(String(v.placementId), {
      companyId: String(v.companyId),
      mentorId: String(v.mentorId),
      purpose: v.purpose as PracticumPurpose,
      plannedStart: String(v.plannedStart),
      plannedEnd: String(v.plannedEnd),
      weeklyHours: Number(v.weeklyHours),
    });
  }

  @JobWorker({
    type: 'placement.record-progress-review',
    description: 'Saves a progress review (one per case and review date)',
    inputs: {
      placementId: id,
      reviewedOn: { type: 'date', required: true },
      progressScore: { type: 'number', required: true },
      attendancePercent: { type: 'number', required: true },
      subGoalState: { type: 'string', required: true },
      progressNote: { type: 'string' },
    },
    outputs: { progressReviewCount: { type: 'number' } },
  })
  async recordProgressReview(v: Record<string, unknown>) {
    const progressReviewCount = await this.steps.recordProgressReview(String(v.placementId), {
      reviewedOn: String(v.reviewedOn),
      progressScore: Number(v.progressScore),
      attendancePercent: Number(v.attendancePercent),
      subGoalState: String(v.subGoalState),
      note: typeof v.progressNote === 'string' ? v.progressNote : undefined,
    });
    return { progressReviewCount };
  }

  @JobWorker({
    type: 'placement.record-follow-up',
    description: 'Records the end-of-practicum follow-up (stage FOLLOW_UP)',
    inputs: {
      placementId: id,
      followUpResult: { type: 'string', required: true },
      nextStep: { type: 'string', required: true, description: 'HIRE or REASSIGN' },
      droppedOut: { type: 'boolean' },
    },
    outputs: {},
  })
  async recordFollowUp(v: Record<string, unknown>) {
    await this.steps.recordFollowUp(String(v.placementId), String(v.followUpResult), v.droppedOut === true, today());
  }

  @JobWorker({
    type: 'placement.record-outcome',
    description: 'Records the hire, gives the seat back and closes the case (stage CLOSED)',
    inputs: {
      placementId: id,
      outcomeKind: { type: 'string', required: true },
      outcomeHours: { type: 'number' },
      atHostCompany: { type: 'boolean' },
    },
    outputs: {},
  })
  async recordOutcome(v: Record<string, unknown>) {
    await this.steps.close(String(v.placementId), {
      kind: v.outcomeKind as OutcomeKind,
      weeklyHours: typeof v.outcomeHours === 'number' ? v.outcomeHours : undefined,
      atHostCompany: v.atHostCompany === true,
    });
  }

  @JobWorker({
    type: 'placement.reassign',
    description: 'Closes the case as REASSIGNED and opens a new case for the same citizen',
    inputs: { placementId: id },
    outputs: { newPlacementId: { type: 'string', description: 'mapped onto placementId by the process' } },
  })
  async reassign(v: Record<string, unknown>) {
    return { newPlacementId: await this.steps.reassign(String(v.placementId)) };
  }
}
