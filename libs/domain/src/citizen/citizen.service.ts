import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull, LessThanOrEqual, MoreThan } from 'typeorm';
import { defined, newId } from '../shared/columns';
import { IsoDate, today } from '../shared/dates';
import { Conflict, DomainError, NotFound } from '../shared/domain-error';
import { Citizen } from './citizen.entity';
import { maskCpr, parseCpr } from './cpr';
import { CprCipher } from './cpr-cipher';
import { TargetGroupAssignment } from './target-group-assignment.entity';

export interface CitizenInput {
  cpr: string;
  firstName: string;
  lastName: string;
  postcode: string;
  municipality: string;
  competences?: string[];
  wishes?: string[];
  jobGoal?: string | null;
  targetGroup?: { groupCode: number; validFrom: IsoDate };
}

/** A citizen as the API shows it: the CPR number masked, never in full. */
export interface CitizenView extends Omit<Citizen, 'cprCiphertext' | 'cprLookup'> {
  cprMasked: string;
  targetGroups: TargetGroupAssignment[];
}

/** Target-group scheme of LAB 2019 (13 groups, LAB §6), in force from 1 January 2020. */
export const CURRENT_SCHEME = 'LAB2019';

@Injectable()
export class CitizenService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cipher: CprCipher,
  ) {}

  async create(input: CitizenInput, id: string = newId()): Promise<CitizenView> {
    const cpr = parseCpr(input.cpr);
    // The message names the field, never the value.
    if (!cpr)
      throw new DomainError('InvalidCpr', 'unprocessable', 'cpr must be a CPR number DDMMYY-SSSS with a real date');
    const lookup = this.cipher.lookupHash(cpr.digits);
    await this.dataSource.transaction(async (em) => {
      const existing = await em
        .createQueryBuilder(Citizen, 'c')
        .select('c.id')
        .where('c.cpr_lookup = :lookup', { lookup })
        .getOne();
      if (existing) {
        if (existing.id === id) return; // the same create repeated
        throw new Conflict('CitizenExists', `A citizen with this CPR number already exists (${existing.id})`);
      }
      const { cpr: _cpr, targetGroup, ...fields } = defined(input);
      await em.insert(Citizen, {
        competences: [],
        wishes: [],
        jobGoal: null,
        ...fields,
        id,
        cprCiphertext: this.cipher.encrypt(cpr.digits, id),
        cprLookup: lookup,
      });
      if (targetGroup) await this.assignIn(em, id, targetGroup.groupCode, targetGroup.validFrom);
    });
    return this.get(id);
  }

  async get(id: string): Promise<CitizenView> {
    const citizen = await this.dataSource
      .getRepository(Citizen)
      .createQueryBuilder('c')
      .addSelect('c.cprCiphertext')
      .where('c.id = :id', { id })
      .getOne();
    if (!citizen) throw new NotFound('Citizen', id);
    const { cprCiphertext, cprLookup: _lookup, ...rest } = citizen;
    return {
      ...rest,
      cprMasked: maskCpr(this.cipher.decrypt(cprCiphertext, id)),
      targetGroups: await this.targetGroups(id),
    };
  }

  /** Finds a citizen by CPR through the keyed hash; the number itself is never queried. */
  async findByCpr(input: string): Promise<CitizenView | null> {
    const cpr = parseCpr(input);
    if (!cpr) return null;
    const found = await this.dataSource
      .getRepository(Citizen)
      .createQueryBuilder('c')
      .select('c.id')
      .where('c.cpr_lookup = :lookup', { lookup: this.cipher.lookupHash(cpr.digits) })
      .getOne();
    return found ? this.get(found.id) : null;
  }

  targetGroups(citizenId: string): Promise<TargetGroupAssignment[]> {
    return this.dataSource
      .getRepository(TargetGroupAssignment)
      .find({ where: { citizenId }, order: { validFrom: 'ASC', createdAt: 'ASC' } });
  }

  /** A new target group from a date: the open assignment is closed the day before, never overwritten. */
  assignTargetGroup(citizenId: string, groupCode: number, validFrom: IsoDate = today()) {
    return this.dataSource.transaction(async (em) => {
      if (!(await em.existsBy(Citizen, { id: citizenId }))) throw new NotFound('Citizen', citizenId);
      return this.assignIn(em, citizenId, groupCode, validFrom);
    });
  }

  async targetGroupOn(citizenId: string, on: IsoDate, manager?: EntityManager): Promise<number | null> {
    const em = manager ?? this.dataSource.manager;
    const found = await em.findOne(TargetGroupAssignment, {
      where: [
        { citizenId, validFrom: LessThanOrEqual(on), validTo: IsNull() },
        { citizenId, validFrom: LessThanOrEqual(on), validTo: MoreThan(on) },
      ],
      order: { validFrom: 'DESC' },
    });
    return found?.groupCode ?? null;
  }

  private async assignIn(em: EntityManager, citizenId: string, groupCode: number, validFrom: IsoDate) {
    const open = await em.findOne(TargetGroupAssignment, {
      where: { citizenId, validTo: IsNull() },
      lock: { mode: 'pessimistic_write' },
    });
    if (open) {
      if (open.groupCode === groupCode) return open;
      if (open.validFrom >= validFrom) {
        throw new Conflict(
          'TargetGroupOverlap',
          `The current target group started ${open.validFrom}; pick a later date`,
        );
      }
      open.validTo = validFrom;
      await em.save(open);
    }
    return em.save(
      em.create(TargetGroupAssignment, {
        id: newId(),
        citizenId,
        groupCode,
        schemeVersion: CURRENT_SCHEME,
        validFrom,
        validTo: null,
      }),
    );
  }
}
