import { Injectable } from '@nestjs/common';
import { PlacementStepsService, today } from '@brobygger/domain';
import { JobWorker } from '../framework/job-worker.decorator';

@Injectable()
export class MentorWorkers {
  constructor(private readonly steps: PlacementStepsService) {}

  @JobWorker({
    type: 'mentor.enroll',
    description: 'Enrols the mentor on a course (a mentor already enrolled or trained is left as is)',
    inputs: { mentorId: { type: 'string', required: true }, placementId: { type: 'string' } },
    outputs: {},
  })
  async enroll(v: Record<string, unknown>) {
    const placementId = typeof v.placementId === 'string' ? v.placementId : undefined;
    await this.steps.enrollMentor(String(v.mentorId), placementId, today());
  }

  @JobWorker({
    type: 'mentor.complete-training',
    description: 'Marks the mentor trained (already trained: no change)',
    inputs: { mentorId: { type: 'string', required: true }, trainingDate: { type: 'date', required: true } },
    outputs: {},
  })
  async complete(v: Record<string, unknown>) {
    // A course date in the future is not a completion; today is the latest it can be.
    const date = String(v.trainingDate);
    await this.steps.completeMentorTraining(String(v.mentorId), date > today() ? today() : date);
  }
}
