import { Inject, Injectable } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import type { JSONDoc, ZBClient } from 'zeebe-node';
import { NotFound, Placement, PlacementService, PlacementStage, PlacementStepsService, today } from '@brobygger/domain';
import { PROCESS_IDS } from '../../../../processes/names';
import { ZEEBE_CLIENT } from '../framework/zeebe-client.provider';
import { practicumEndsAt } from '../placement/practicum-start.worker';

/**
 * Where an adopted case's `placement-lifecycle` instance starts (a CreateProcessInstance start
 * instruction), by the case's stage. Only process-level elements: a stage whose element lies in a
 * sub-process starts at the enclosing sub-process. `null`: the none start event, as POST /api/cases.
 * CLOSED cases are not adopted. docs/processes.md shows the same table.
 */
export const ADOPTION_START_ELEMENT: Record<Exclude<PlacementStage, 'CLOSED'>, string | null> = {
  REFERRED: null,
  MATCHING: 'Task_ChoosePlacement',
  AWAITING_AGREEMENT: 'Task_WaitAgreement',
  MENTOR_TRAINING: 'CallActivity_TrainMentor',
  READY_TO_START: 'Task_StartPracticum',
  IN_PRACTICUM: 'SubProcess_Practicum',
  FOLLOW_UP: 'Task_FollowUp',
};

export interface AdoptionPlan {
  elementId: string | null;
  variables: Record<string, unknown>;
}

export interface AdoptionSummary {
  /** placementId → process instance key, for the cases this call adopted. */
  adopted: Record<string, string>;
  /** Cases left as they were: closed, already driven by an instance, or adopted by another process. */
  skipped: number;
  /** Cases whose adoption failed (logged); a later start tries them again. */
  failed: string[];
}

/**
 * Gives existing cases that no process drives (the seed's demo cases) a `placement-lifecycle`
 * instance, through the Zeebe protocol only: CreateProcessInstance with the variables the process
 * would hold at that point and a start instruction for the case's stage. Each case is adopted under
 * its row lock (PlacementService.adoptProcessInstance), so a repeat or a second process starting at
 * the same time adopts nothing twice.
 */
@Injectable()
export class CaseAdoptionService {
  constructor(
    @Inject(ZEEBE_CLIENT) private readonly zbc: ZBClient,
    private readonly placements: PlacementService,
    private readonly steps: PlacementStepsService,
    private readonly logger: PinoLogger,
  ) {
    logger.setContext('CaseAdoption');
  }

  async adopt(placementIds: string[]): Promise<AdoptionSummary> {
    const summary: AdoptionSummary = { adopted: {}, skipped: 0, failed: [] };
    for (const placementId of placementIds) {
      try {
        const key = await this.adoptOne(placementId);
        if (key) summary.adopted[placementId] = key;
        else summary.skipped += 1;
      } catch (error) {
        summary.failed.push(placementId);
        // Ids and the error only: the variables may name people's companies and mentors.
        this.logger.warn({ placementId, err: error }, 'could not adopt the case');
      }
    }
    return summary;
  }

  /** Starts an instance for one case; null when it needs none (or another process adopted it). */
  async adoptOne(placementId: string): Promise<string | null> {
    const placement = await this.placements.get(placementId).catch((error: unknown) => {
      if (error instanceof NotFound) return null;
      throw error;
    });
    if (!placement || placement.processInstanceKey || placement.stage === 'CLOSED') return null;
    // Read before the row lock: the plan's domain reads run on other connections.
    const plan = await this.plan(placement);
    return this.placements.adoptProcessInstance(placementId, placement.stage, async () => {
      const created = await this.zbc.createProcessInstance({
        bpmnProcessId: PROCESS_IDS.placementLifecycle,
        variables: plan.variables as JSONDoc,
        ...(plan.elementId ? { startInstructions: [{ elementId: plan.elementId }] } : {}),
      });
      return created.processInstanceKey;
    });
  }

  /** The start element and the variables the lifecycle expects there, from the case's data. */
  async plan(placement: Placement): Promise<AdoptionPlan> {
    const stage = placement.stage as Exclude<PlacementStage, 'CLOSED'>;
    if (!(stage in ADOPTION_START_ELEMENT)) throw new Error(`a case at stage ${placement.stage} is not adopted`);
    const elementId = ADOPTION_START_ELEMENT[stage];
    const variables: Record<string, unknown> = { placementId: placement.id };
    if (stage === 'REFERRED') return { elementId, variables };
    if (stage === 'MATCHING') {
      // What Suggest companies would have written: the choice form's options.
      const companyOptions = await this.steps.companyOptions(placement.citizenId);
      return { elementId, variables: { ...variables, companyOptions, suggestionCount: companyOptions.length } };
    }
    // What Record the chosen company leaves behind (the choice itself lives in the domain).
    Object.assign(variables, {
      companyId: placement.companyId,
      mentorId: placement.mentorId,
      agreementId: await this.steps.activeAgreementId(placement.companyId),
      mentorTrained:
        stage === 'MENTOR_TRAINING'
          ? false
          : await this.steps.isMentorTrained(placement.mentorId, placement.startDate ?? today()),
    });
    if (stage === 'IN_PRACTICUM' || stage === 'FOLLOW_UP') {
      // What Start the practicum leaves behind.
      Object.assign(variables, {
        seatId: placement.seatId,
        progressReviewIntervalDays: placement.progressReviewIntervalDays,
        ...(placement.plannedEndDate ? { practicumEndsAt: practicumEndsAt(placement.plannedEndDate) } : {}),
      });
    }
    return { elementId, variables };
  }
}
