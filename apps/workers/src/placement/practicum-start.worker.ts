import { Injectable } from '@nestjs/common';
import { DomainError, PlacementStepsService } from '@brobygger/domain';
import { ERROR_CODES } from '../../../../processes/names';
import { BusinessError } from '../framework/business-error';
import { JobWorker } from '../framework/job-worker.decorator';

/** Domain refusals the lifecycle models as BPMN errors, by the domain error's code. */
const MODELLED: Record<string, string> = {
  NoVacantSeat: ERROR_CODES.noVacantSeat,
  // RK-1 leaves no seat the company may fill: for the process that is no vacant seat.
  RatioRuleBreached: ERROR_CODES.noVacantSeat,
  MentorNotTrained: ERROR_CODES.mentorNotTrained,
};

/** The end-date timer's moment: in the afternoon of the planned last day, Danish time. */
export function practicumEndsAt(plannedEndDate: string): string {
  return `${plannedEndDate}T16:00:00[Europe/Copenhagen]`;
}

@Injectable()
export class PracticumStartWorker {
  constructor(private readonly steps: PlacementStepsService) {}

  @JobWorker({
    type: 'placement.start-practicum',
    description: 'Reserves a seat and starts the practicum in one transaction (stage IN_PRACTICUM)',
    inputs: { placementId: { type: 'string', required: true } },
    outputs: {
      practicumEndsAt: { type: 'date-time', description: 'planned end, for the end-date timer' },
      seatId: { type: 'string' },
      progressReviewIntervalDays: { type: 'number', description: 'cycle of the progress reviews' },
    },
    errors: {
      [ERROR_CODES.noVacantSeat]: 'no seat is vacant at the company, or the ratio rule (RK-1) allows none',
      [ERROR_CODES.mentorNotTrained]: 'the mentor has not completed the mentor course (MEN-TRAIN-1)',
    },
  })
  async start({ placementId }: Record<string, unknown>) {
    try {
      // startPracticum returns the started case unchanged when repeated.
      const placement = await this.steps.startPracticum(String(placementId));
      return {
        practicumEndsAt: practicumEndsAt(String(placement.plannedEndDate)),
        seatId: placement.seatId,
        progressReviewIntervalDays: placement.progressReviewIntervalDays,
      };
    } catch (error) {
      const code = error instanceof DomainError ? MODELLED[error.code] : undefined;
      if (code) throw new BusinessError(code, (error as Error).message);
      throw error;
    }
  }
}
