import { Injectable } from '@nestjs/common';
import { PlacementStepsService } from '@brobygger/domain';
import { JobWorker } from '../framework/job-worker.decorator';

@Injectable()
export class MatchingWorkers {
  constructor(private readonly steps: PlacementStepsService) {}

  @JobWorker({
    type: 'matching.suggest',
    description: 'Reverse matching: ranks companies for the citizen of the case (stage MATCHING)',
    inputs: { placementId: { type: 'string', required: true } },
    outputs: {
      companyOptions: { type: 'list', description: 'form-js select options: { label, value = companyId }' },
      suggestionCount: { type: 'number' },
    },
  })
  async suggest({ placementId }: Record<string, unknown>) {
    // Reading and staging only: a repeat ranks again and sets the same stage.
    const companyOptions = await this.steps.suggest(String(placementId));
    return { companyOptions, suggestionCount: companyOptions.length };
  }
}
