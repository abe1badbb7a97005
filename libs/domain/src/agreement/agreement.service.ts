import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { CompanyService } from '../company/company.service';
import { Worksite } from '../company/worksite.entity';
import { defined, newId } from '../shared/columns';
import { today } from '../shared/dates';
import { Conflict, NotFound } from '../shared/domain-error';
import { Agreement, AgreementStatus, CollaborationModel, MentorPayment } from './agreement.entity';
import { Seat, SeatState } from './seat.entity';

export interface AgreementInput {
  companyId: string;
  worksiteId?: string | null;
  collaborationModel: CollaborationModel;
  status?: AgreementStatus;
  validFrom: string;
  validTo?: string | null;
  mentorPayment?: MentorPayment;
  coordinatingMentorId?: string | null;
  contactConsultant?: string | null;
}

export interface SeatInput {
  function: string;
  tasks?: string[];
  weeklyHours: number;
  state?: Extract<SeatState, 'AVAILABLE' | 'PAUSED'>;
  /** Defaults to today for an AVAILABLE seat. */
  vacantSince?: string;
}

export interface SeatListing extends Seat {
  companyId: string;
  collaborationModel: CollaborationModel;
}

@Injectable()
export class AgreementService {
  constructor(
    @InjectRepository(Agreement) private readonly agreements: Repository<Agreement>,
    @InjectRepository(Seat) private readonly seats: Repository<Seat>,
    @InjectRepository(Worksite) private readonly worksites: Repository<Worksite>,
    private readonly companies: CompanyService,
  ) {}

  async create(input: AgreementInput, id: string = newId()): Promise<Agreement> {
    await this.companies.get(input.companyId);
    if (input.worksiteId && !(await this.worksites.existsBy({ id: input.worksiteId, companyId: input.companyId }))) {
      throw new NotFound('Worksite of this company', input.worksiteId);
    }
    if (input.coordinatingMentorId && input.collaborationModel !== 4) {
      throw new Conflict('NotACluster', 'Only a cluster agreement (model 4) has a coordinating mentor');
    }
    return this.agreements.save(
      this.agreements.create({
        worksiteId: null,
        status: 'DRAFT',
        validTo: null,
        mentorPayment: 'NONE',
        coordinatingMentorId: null,
        contactConsultant: null,
        ...defined(input),
        id,
      }),
    );
  }

  async get(id: string): Promise<Agreement> {
    const agreement = await this.agreements.findOneBy({ id });
    if (!agreement) throw new NotFound('Agreement', id);
    return agreement;
  }

  list(filter: { companyId?: string; status?: AgreementStatus }): Promise<Agreement[]> {
    return this.agreements.find({ where: defined(filter), order: { validFrom: 'DESC' } });
  }

  async setStatus(id: string, status: AgreementStatus): Promise<Agreement> {
    const agreement = await this.get(id);
    agreement.status = status;
    return this.agreements.save(agreement);
  }

  async addSeat(agreementId: string, input: SeatInput, id: string = newId()): Promise<Seat> {
    await this.get(agreementId);
    const state = input.state ?? 'AVAILABLE';
    return this.seats.save(
      this.seats.create({
        id,
        agreementId,
        function: input.function,
        tasks: input.tasks ?? [],
        weeklyHours: input.weeklyHours,
        state,
        vacantSince: state === 'AVAILABLE' ? (input.vacantSince ?? today()) : null,
        placementId: null,
      }),
    );
  }

  async seatsOf(agreementId: string): Promise<Seat[]> {
    await this.get(agreementId);
    return this.seats.find({ where: { agreementId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /** Seats across agreements, longest-vacant first: the "overview of free seats". */
  async listSeats(filter: { state?: SeatState; companyId?: string }): Promise<SeatListing[]> {
    const query = this.seats
      .createQueryBuilder('s')
      .innerJoin(Agreement, 'a', 'a.id = s.agreement_id')
      .addSelect(['a.company_id', 'a.collaboration_model'])
      .orderBy('s.vacant_since', 'ASC', 'NULLS LAST')
      .addOrderBy('s.id', 'ASC');
    if (filter.state) query.andWhere('s.state = :state', { state: filter.state });
    if (filter.companyId) query.andWhere('a.company_id = :companyId', { companyId: filter.companyId });
    const { entities, raw } = await query.getRawAndEntities<{ company_id: string; collaboration_model: number }>();
    return entities.map((seat, i) => ({
      ...seat,
      companyId: raw[i].company_id,
      collaborationModel: raw[i].collaboration_model as CollaborationModel,
    }));
  }
}
