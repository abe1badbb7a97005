import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Company } from '../company/company.entity';
import { Worksite } from '../company/worksite.entity';
import { Placement } from '../placement/placement.entity';
import { checkRatio, RatioParams, supportedFte } from '../rules/ratio';
import { RuleService } from '../rules/rule.service';
import { today } from '../shared/dates';
import { Conflict, NoVacantSeat, NotFound, RatioRuleBreached } from '../shared/domain-error';
import { inTransaction } from '../shared/transaction';
import { Agreement } from './agreement.entity';
import { Seat } from './seat.entity';

const round = (x: number) => Math.round(x * 100) / 100;

/**
 * Taking and giving back seats. Every method is one transaction and safe to repeat with the same
 * placement id: a placement holds at most one seat (unique index), and a repeat finds it.
 */
@Injectable()
export class SeatService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly rules: RuleService,
  ) {}

  /**
   * Reserves `seatId`, or the longest-vacant seat at the case's matched company, for the placement.
   * Throws NoVacantSeat, or RatioRuleBreached when RK-1 would be exceeded on the production unit.
   */
  reserve(placementId: string, seatId?: string, manager?: EntityManager): Promise<Seat> {
    return inTransaction(this.dataSource, manager, async (em) => {
      const placement = await em.findOne(Placement, {
        where: { id: placementId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!placement) throw new NotFound('Case', placementId);
      const held = await em.findOneBy(Seat, { placementId });
      if (held) {
        if (!seatId || seatId === held.id) return held;
        throw new Conflict('SeatAlreadyHeld', `Case ${placementId} already holds seat ${held.id}; release it first`);
      }
      const seat = seatId ? await this.lockSeat(em, seatId) : await this.lockLongestVacant(em, placement);
      const agreement = await em.findOneByOrFail(Agreement, { id: seat.agreementId });
      if (seat.state !== 'AVAILABLE' || agreement.status !== 'ACTIVE') {
        throw new NoVacantSeat(`Seat ${seat.id} is not vacant (seat ${seat.state}, agreement ${agreement.status})`);
      }
      const ruleVersion = await this.assertRatio(em, agreement, seat, placement.startDate ?? today());
      seat.state = 'RESERVED';
      seat.placementId = placementId;
      seat.vacantSince = null;
      await em.save(seat);
      placement.seatId = seat.id;
      placement.companyId = agreement.companyId;
      placement.ruleVersions = { ...placement.ruleVersions, 'RK-1': ruleVersion };
      await em.save(placement);
      return seat;
    });
  }

  /** Gives the placement's seat back; model 3 seats are retired since that model does not refill. */
  release(placementId: string, manager?: EntityManager): Promise<Seat | null> {
    return inTransaction(this.dataSource, manager, async (em) => {
      const seat = await em.findOne(Seat, { where: { placementId }, lock: { mode: 'pessimistic_write' } });
      if (!seat) return null;
      const agreement = await em.findOneByOrFail(Agreement, { id: seat.agreementId });
      const refill = agreement.collaborationModel !== 3;
      seat.state = refill ? 'AVAILABLE' : 'RETIRED';
      seat.vacantSince = refill ? today() : null;
      seat.placementId = null;
      return em.save(seat);
    });
  }

  /** RESERVED → OCCUPIED when the practicum starts (called inside PlacementService.startPracticum). */
  async occupy(em: EntityManager, placementId: string): Promise<Seat> {
    const seat = await em.findOne(Seat, { where: { placementId }, lock: { mode: 'pessimistic_write' } });
    if (!seat) throw new NoVacantSeat(`Case ${placementId} holds no seat; reserve one before the practicum starts`);
    if (seat.state !== 'OCCUPIED') {
      seat.state = 'OCCUPIED';
      await em.save(seat);
    }
    return seat;
  }

  private async lockSeat(em: EntityManager, seatId: string): Promise<Seat> {
    const seat = await em.findOne(Seat, { where: { id: seatId }, lock: { mode: 'pessimistic_write' } });
    if (!seat) throw new NotFound('Seat', seatId);
    return seat;
  }

  private async lockLongestVacant(em: EntityManager, placement: Placement): Promise<Seat> {
    if (!placement.companyId) {
      throw new NoVacantSeat(`Case ${placement.id} has no matched company yet; name a seat to reserve`);
    }
    const seat = await em
      .createQueryBuilder(Seat, 's')
      .innerJoin(Agreement, 'a', 'a.id = s.agreement_id')
      .where('a.company_id = :companyId', { companyId: placement.companyId })
      .andWhere("a.status = 'ACTIVE'")
      .andWhere("s.state = 'AVAILABLE'")
      .orderBy('s.vacant_since', 'ASC', 'NULLS LAST')
      .addOrderBy('s.id', 'ASC')
      .setLock('pessimistic_write', undefined, ['s'])
      .setOnLocked('skip_locked')
      .getOne();
    if (!seat) throw new NoVacantSeat(`The matched company has no vacant seat under an active agreement`);
    return seat;
  }

  /**
   * RK-1 on the agreement's production unit (its worksite, else the company). Locking the company
   * row serialises reservations on one company, so two at once cannot both pass the check.
   */
  private async assertRatio(em: EntityManager, agreement: Agreement, seat: Seat, on: string): Promise<number> {
    const { rule, params } = await this.rules.params<RatioParams>('RK-1', on, em);
    const company = await em.findOne(Company, {
      where: { id: agreement.companyId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!company) throw new NotFound('Company', agreement.companyId);
    const worksite = agreement.worksiteId ? await em.findOneByOrFail(Worksite, { id: agreement.worksiteId }) : null;
    const unit = worksite ?? company;
    const [{ hours }] = await em.query<{ hours: string }[]>(
      `SELECT coalesce(sum(s.weekly_hours), 0) AS hours
         FROM casework.seat s JOIN casework.agreement a ON a.id = s.agreement_id
        WHERE s.state IN ('RESERVED', 'OCCUPIED') AND a.company_id = $1 AND a.worksite_id IS NOT DISTINCT FROM $2`,
      [company.id, worksite?.id ?? null],
    );
    const before = unit.otherSupportedFte + supportedFte(Number(hours), params);
    const adding = supportedFte(seat.weeklyHours, params);
    const check = checkRatio(unit.ordinaryFte, before, adding, params);
    if (!check.allowed) {
      const where = worksite ? `worksite ${worksite.name} (P-number ${worksite.pNumber})` : company.name;
      throw new RatioRuleBreached(
        rule.ruleId,
        rule.citation,
        `${where} has ${unit.ordinaryFte} ordinary FTE and may have at most ${check.maxSupported} supported FTE; ` +
          `${round(before)} already supported, this seat (${seat.weeklyHours} h/week) would make ${round(check.supportedAfter)}`,
      );
    }
    return rule.version;
  }
}
