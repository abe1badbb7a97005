import { Inject, Injectable } from '@nestjs/common';
import type { ZBClient } from 'zeebe-node';
import { PlacementService } from '@brobygger/domain';
import { PROCESS_IDS } from '../../../../processes/names';
import { ZEEBE } from '../zeebe/zeebe.module';
import type { OpenCaseDto } from './open-case.dto';

/** Opens a case and starts the placement lifecycle for it (CreateProcessInstance). */
@Injectable()
export class CaseProcessService {
  constructor(
    private readonly placements: PlacementService,
    @Inject(ZEEBE) private readonly zbc: ZBClient,
  ) {}

  async open(input: OpenCaseDto): Promise<{ id: string; processInstanceKey: string }> {
    const id = await this.placements.create(
      { citizenId: input.citizenId, caseworker: input.caseworker ?? null, purpose: input.purpose ?? null },
      input.id,
    );
    // A retried request finds the process it started the first time.
    const existing = (await this.placements.get(id)).processInstanceKey;
    if (existing) return { id, processInstanceKey: existing };
    const started = await this.zbc.createProcessInstance({
      bpmnProcessId: PROCESS_IDS.placementLifecycle,
      variables: { placementId: id },
    });
    await this.placements.attachProcessInstance(id, started.processInstanceKey);
    return { id, processInstanceKey: started.processInstanceKey };
  }
}
