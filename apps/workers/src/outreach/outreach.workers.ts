import { Injectable } from '@nestjs/common';
import {
  AgreementService,
  CollaborationModel,
  DomainError,
  OutreachOutcomeKind,
  OutreachService,
  OutreachType,
  stableId,
  today,
} from '@brobygger/domain';
import { JobWorker } from '../framework/job-worker.decorator';
import type { ActivatedJob } from '../framework/job-runner';

const isNotFound = (error: unknown) => error instanceof DomainError && error.kind === 'not-found';

/** Company outreach. Record ids derive from the task instance, so a re-delivered job finds its record. */
@Injectable()
export class OutreachWorkers {
  constructor(
    private readonly outreach: OutreachService,
    private readonly agreements: AgreementService,
  ) {}

  @JobWorker({
    type: 'outreach.record-activity',
    description: 'Records a visit, call or meeting with a company and what came of it',
    inputs: {
      companyId: { type: 'string', required: true },
      activityType: { type: 'string', required: true },
      outreachOutcome: { type: 'string', required: true },
      outcomeCount: { type: 'number', required: true },
    },
    outputs: { outreachActivityId: { type: 'string' } },
  })
  async record(v: Record<string, unknown>, job: ActivatedJob) {
    const id = stableId('outreach', job.elementInstanceKey);
    const companyId = String(v.companyId);
    const existing = (await this.outreach.list(companyId)).find((a) => a.id === id);
    if (!existing) {
      await this.outreach.record(
        companyId,
        {
          type: v.activityType as OutreachType,
          occurredOn: today(),
          consultant: 'process:company-outreach',
          outcomes: [{ kind: v.outreachOutcome as OutreachOutcomeKind, count: Number(v.outcomeCount) }],
        },
        id,
      );
    }
    return { outreachActivityId: id };
  }

  @JobWorker({
    type: 'agreement.register',
    description: 'Registers the negotiated agreement (ACTIVE) with its seats',
    inputs: {
      companyId: { type: 'string', required: true },
      collaborationModel: { type: 'string', required: true, description: '"1" to "4"' },
      seats: { type: 'number', required: true },
      validFrom: { type: 'date', required: true },
      validTo: { type: 'date' },
    },
    outputs: { agreementId: { type: 'string' } },
  })
  async register(v: Record<string, unknown>, job: ActivatedJob) {
    const agreementId = stableId('agreement', job.elementInstanceKey);
    const found = await this.agreements
      .get(agreementId)
      .catch((e: unknown) => (isNotFound(e) ? null : Promise.reject(e)));
    if (!found) {
      await this.agreements.create(
        {
          companyId: String(v.companyId),
          collaborationModel: Number(v.collaborationModel) as CollaborationModel,
          status: 'ACTIVE',
          validFrom: String(v.validFrom),
          validTo: typeof v.validTo === 'string' ? v.validTo : null,
        },
        agreementId,
      );
    }
    // Seats get ids by position, so a repeat adds only the seats a failed attempt did not.
    const have = new Set((await this.agreements.seatsOf(agreementId)).map((s) => s.id));
    for (let i = 0; i < Number(v.seats); i++) {
      const seatId = stableId(agreementId, 'seat', String(i));
      if (!have.has(seatId))
        await this.agreements.addSeat(agreementId, { function: 'Practicum', weeklyHours: 37 }, seatId);
    }
    return { agreementId };
  }
}
