import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { defined, newId } from '../shared/columns';
import { CompanyService } from './company.service';
import { OutreachActivity, OutreachOutcome, OutreachType } from './outreach-activity.entity';

export interface OutreachInput {
  type: OutreachType;
  occurredOn: string;
  consultant: string;
  worksiteId?: string | null;
  campaign?: string | null;
  outcomes?: OutreachOutcome[];
  note?: string | null;
}

@Injectable()
export class OutreachService {
  constructor(
    @InjectRepository(OutreachActivity) private readonly activities: Repository<OutreachActivity>,
    private readonly companies: CompanyService,
  ) {}

  async record(companyId: string, input: OutreachInput, id: string = newId()): Promise<OutreachActivity> {
    await this.companies.get(companyId);
    return this.activities.save(
      this.activities.create({
        worksiteId: null,
        campaign: null,
        note: null,
        ...defined(input),
        outcomes: input.outcomes ?? [],
        id,
        companyId,
      }),
    );
  }

  async list(companyId: string): Promise<OutreachActivity[]> {
    await this.companies.get(companyId);
    return this.activities.find({ where: { companyId }, order: { occurredOn: 'DESC', createdAt: 'DESC' } });
  }
}
