import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Seat } from '../agreement/seat.entity';
import { CitizenService } from '../citizen/citizen.service';
import { Company } from '../company/company.entity';
import { Mentor } from '../mentor/mentor.entity';
import { addDays, inclusiveDays, today } from '../shared/dates';
import { FollowUp } from './follow-up.entity';
import { GoalService, GoalView } from './goal.service';
import { Outcome } from './outcome.entity';
import { PlacementService } from './placement.service';

/** Everything a caseworker sees on one case (GET /api/cases/:id). CPR only masked. */
export interface CaseView {
  id: string;
  stage: string;
  stageChangedAt: Date;
  caseworker: string | null;
  purpose: string | null;
  processInstanceKey: string | null;
  citizen: { id: string; firstName: string; lastName: string; cprMasked: string };
  company: { id: string; name: string; cvr: string; industry: string; municipality: string } | null;
  seat: { id: string; function: string; state: string; weeklyHours: number } | null;
  mentor: { id: string; name: string; trainingState: string } | null;
  practicum: {
    weeklyHours: number | null;
    startDate: string | null;
    plannedEndDate: string | null;
    plannedWeeks: number | null;
    extensionReason: string | null;
    startedOn: string | null;
    endedOn: string | null;
    targetGroup: number | null;
  };
  progressReview: { intervalDays: number; lastReviewedOn: string | null; dueOn: string | null; overdue: boolean };
  goals: GoalView[];
  followUps: FollowUp[];
  outcome: Outcome | null;
  ruleVersions: Record<string, number>;
}

@Injectable()
export class CaseViewService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly placements: PlacementService,
    private readonly citizens: CitizenService,
    private readonly goals: GoalService,
  ) {}

  async view(id: string): Promise<CaseView> {
    const p = await this.placements.get(id);
    const em = this.dataSource.manager;
    const [citizen, company, seat, mentor, goals, followUps, outcome] = await Promise.all([
      this.citizens.get(p.citizenId),
      p.companyId ? em.findOneBy(Company, { id: p.companyId }) : null,
      p.seatId ? em.findOneBy(Seat, { id: p.seatId }) : null,
      p.mentorId ? em.findOneBy(Mentor, { id: p.mentorId }) : null,
      this.goals.goalsOf(id),
      em.find(FollowUp, { where: { placementId: id }, order: { dueOn: 'ASC', createdAt: 'ASC' } }),
      em.findOneBy(Outcome, { placementId: id }),
    ]);
    // Reviews are due only while the practicum runs; the interval counts from the start or last review.
    const from = p.lastProgressReviewOn ?? p.startedOn;
    const running = p.startedOn !== null && p.endedOn === null;
    const dueOn = running && from ? addDays(from, p.progressReviewIntervalDays) : null;
    return {
      id: p.id,
      stage: p.stage,
      stageChangedAt: p.stageChangedAt,
      caseworker: p.caseworker,
      purpose: p.purpose,
      processInstanceKey: p.processInstanceKey,
      citizen: {
        id: citizen.id,
        firstName: citizen.firstName,
        lastName: citizen.lastName,
        cprMasked: citizen.cprMasked,
      },
      company: company && {
        id: company.id,
        name: company.name,
        cvr: company.cvr,
        industry: company.industry,
        municipality: company.municipality,
      },
      // The seat the case holds or held: a released seat may since be someone else's.
      seat: seat && { id: seat.id, function: seat.function, state: seat.state, weeklyHours: seat.weeklyHours },
      mentor: mentor && { id: mentor.id, name: mentor.name, trainingState: mentor.trainingState },
      practicum: {
        weeklyHours: p.weeklyHours,
        startDate: p.startDate,
        plannedEndDate: p.plannedEndDate,
        plannedWeeks:
          p.startDate && p.plannedEndDate
            ? Math.round((inclusiveDays(p.startDate, p.plannedEndDate) / 7) * 10) / 10
            : null,
        extensionReason: p.extensionReason,
        startedOn: p.startedOn,
        endedOn: p.endedOn,
        targetGroup: p.targetGroup,
      },
      progressReview: {
        intervalDays: p.progressReviewIntervalDays,
        lastReviewedOn: p.lastProgressReviewOn,
        dueOn,
        overdue: dueOn !== null && dueOn < today(),
      },
      goals,
      followUps,
      outcome,
      ruleVersions: p.ruleVersions,
    };
  }
}
