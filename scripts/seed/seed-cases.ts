import type { INestApplicationContext } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import {
  addDays,
  CitizenService,
  DomainError,
  GoalService,
  OutcomeKind,
  Placement,
  PLACEMENT_STAGES,
  PlacementService,
  PlacementStage,
  SeatService,
  today,
} from '@brobygger/domain';
import { CASEWORKERS, COMPETENCES, FIRST_NAMES, LAST_NAMES, PLACES, WISHES } from './data';
import { generator, seedId } from './random';
import { SeededCompany } from './seed-companies';

export const SEEDED_CASES = 120;
const THIRTEEN_WEEK_GROUPS = [3, 5, 6, 7, 9, 11];
const ANY_GROUP = [1, 2, 3, 4, 5, 6, 7, 9, 11];
const OUTCOMES: { kind: OutcomeKind; reason?: string }[] = [
  { kind: 'HIRED_ORDINARY' },
  { kind: 'HIRED_WAGE_SUBSIDY' },
  { kind: 'HIRED_FLEX_JOB' },
  { kind: 'REASSIGNED', reason: 'Afklaret til uddannelse; henvist til ny praktik i anden branche' },
  { kind: 'ENDED_WITHOUT_HIRE', reason: 'Helbredsmæssige årsager; forløbet stoppet efter aftale' },
];

interface Services {
  ds: DataSource;
  citizens: CitizenService;
  placements: PlacementService;
  seats: SeatService;
  goals: GoalService;
}

/** The ten-digit CPR of seeded citizen i: a real date in the 1900s (7th digit 0–3), unique serial. */
export function seedCpr(i: number): string {
  const rnd = generator(1000 + i);
  const dd = String(rnd.int(1, 28)).padStart(2, '0');
  const mm = String(rnd.int(1, 12)).padStart(2, '0');
  const yy = String(rnd.int(65, 99)).padStart(2, '0');
  return `${dd}${mm}${yy}-${i % 4}${String(i).padStart(3, '0')}`;
}

/** The cases the seed made, with their stage now: for starting a process instance per case. */
export async function listSeededCases(ds: DataSource): Promise<{ placementId: string; stage: PlacementStage }[]> {
  const ids = Array.from({ length: SEEDED_CASES }, (_, i) => seedId(`case/${i}`));
  const rows = await ds.manager.find(Placement, { where: { id: In(ids) }, select: { id: true, stage: true } });
  return rows.map((p) => ({ placementId: p.id, stage: p.stage }));
}

/**
 * 120 citizens with one case each, 15 in every stage. Some are stuck on purpose: waiting for an
 * agreement for 3–6 weeks, or in practicum with no progress review for longer than the interval.
 */
export async function seedCases(app: INestApplicationContext, companies: SeededCompany[]): Promise<number> {
  const s: Services = {
    ds: app.get(DataSource),
    citizens: app.get(CitizenService),
    placements: app.get(PlacementService),
    seats: app.get(SeatService),
    goals: app.get(GoalService),
  };
  let created = 0;
  for (let i = 0; i < SEEDED_CASES; i++) {
    const placementId = seedId(`case/${i}`);
    if (await s.ds.manager.existsBy(Placement, { id: placementId })) continue;
    await seedCase(s, companies, i, placementId);
    created += 1;
  }
  return created;
}

async function seedCase(s: Services, companies: SeededCompany[], i: number, placementId: string) {
  const rnd = generator(2000 + i);
  const stage = PLACEMENT_STAGES[i % PLACEMENT_STAGES.length];
  const started = ['IN_PRACTICUM', 'FOLLOW_UP', 'CLOSED'].includes(stage);
  const group = rnd.pick(started ? THIRTEEN_WEEK_GROUPS : ANY_GROUP);
  const citizenId = seedId(`citizen/${i}`);
  const place = rnd.pick(PLACES);
  await s.citizens.create(
    {
      cpr: seedCpr(i),
      firstName: rnd.pick(FIRST_NAMES),
      lastName: rnd.pick(LAST_NAMES),
      postcode: place.postcode,
      municipality: place.municipality,
      competences: rnd.some(COMPETENCES, rnd.int(1, 3)),
      wishes: rnd.some(WISHES, rnd.int(1, 2)),
      targetGroup: { groupCode: group, validFrom: addDays(today(), -365) },
    },
    citizenId,
  );
  await s.placements.create(
    { citizenId, caseworker: CASEWORKERS[i % CASEWORKERS.length], purpose: 'TRAIN_SKILLS' },
    placementId,
  );

  if (stage === 'AWAITING_AGREEMENT') {
    // As the process leaves it after the choice: company and mentor chosen, period planned (below).
    const waiting = companies.filter((c) => !c.agreementActive);
    const company = waiting[i % waiting.length];
    await s.placements.match(placementId, { companyId: company.id, mentorId: company.mentorIds[0] });
  }
  if (['MENTOR_TRAINING', 'READY_TO_START', ...(started ? [stage] : [])].includes(stage)) {
    const untrained = stage === 'MENTOR_TRAINING';
    await reserveSomewhere(s, companies, placementId, i, untrained);
  }
  // Every stage after the choice has a planned period, so that an adopted process can start it.
  if (['AWAITING_AGREEMENT', 'MENTOR_TRAINING', 'READY_TO_START'].includes(stage)) {
    const start = addDays(today(), rnd.int(7, 21));
    const weeks = group === 1 || group === 2 || group === 4 ? 4 : 13;
    await s.placements.setPracticumPeriod(placementId, {
      weeklyHours: rnd.pick([15, 20, 25]),
      startDate: start,
      plannedEndDate: addDays(start, weeks * 7 - 1),
    });
  }
  if (started) await runPracticum(s, placementId, stage, i);
  await s.placements.stage(placementId, stage);
  // Back-date the stage change: a case waiting for an agreement has waited 3–6 weeks (stuck).
  const daysInStage = stage === 'AWAITING_AGREEMENT' && i % 2 === 0 ? rnd.int(21, 42) : rnd.int(1, 10);
  await s.ds.query(`UPDATE casework.placement SET stage_changed_at = now() - make_interval(days => $2) WHERE id = $1`, [
    placementId,
    daysInStage,
  ]);
}

/** Matches the case with the first company (from a rotating start) that has a seat within RK-1. */
async function reserveSomewhere(
  s: Services,
  companies: SeededCompany[],
  placementId: string,
  i: number,
  untrainedMentor: boolean,
) {
  const active = companies.filter((c) => c.agreementActive);
  for (let k = 0; k < active.length; k++) {
    const company = active[(i + k) % active.length];
    // The second mentor runs through the training states; (index % 4) 0 and 1 are not yet trained.
    const companyIndex = companies.indexOf(company);
    if (untrainedMentor && companyIndex % 4 > 1) continue;
    const mentorId = untrainedMentor ? company.mentorIds[1] : company.mentorIds[0];
    await s.placements.match(placementId, { companyId: company.id, mentorId });
    try {
      await s.seats.reserve(placementId);
      return;
    } catch (error) {
      if (!(error instanceof DomainError)) throw error; // no seat or ratio rule: try the next company
    }
  }
  throw new Error(`seed: no company had a seat for case ${placementId}`);
}

async function runPracticum(s: Services, placementId: string, stage: PlacementStage, i: number) {
  const rnd = generator(3000 + i);
  const daysAgo = stage === 'IN_PRACTICUM' ? rnd.int(20, 80) : stage === 'FOLLOW_UP' ? 110 : 200;
  const start = addDays(today(), -daysAgo);
  const end = addDays(start, 13 * 7 - 1);
  await s.placements.setPracticumPeriod(placementId, {
    weeklyHours: rnd.pick([15, 20, 25, 30]),
    startDate: start,
    plannedEndDate: end,
  });
  await s.placements.startPracticum(placementId);
  const goal = await s.goals.addGoal(placementId, { title: 'Ordinære timer i virksomheden' }, seedId(`goal/${i}`));
  const subGoals = [
    await s.goals.addSubGoal(placementId, goal.id, { title: 'Møder stabilt til aftalt tid' }, seedId(`sub/${i}/0`)),
    await s.goals.addSubGoal(placementId, goal.id, { title: 'Løser opgaverne selvstændigt' }, seedId(`sub/${i}/1`)),
  ];
  // Stuck on purpose: every third running practicum has had no review since its first fortnight.
  const stuck = stage === 'IN_PRACTICUM' && i % 3 === 0;
  const lastReview = stuck ? addDays(start, 14) : [end, addDays(today(), -3)].sort()[0];
  for (let day = 14, k = 0; addDays(start, day) <= lastReview; day += 14, k++) {
    await s.placements.recordProgressReview(placementId, {
      reviewedOn: addDays(start, day),
      recordedBy: 'virksomhedskonsulent',
      summary: 'Opfølgning med borger og mentor',
      entries: subGoals.map((sg, n) => ({ subGoalId: sg.id, assessment: Math.min(5, 1 + k + n), note: null })),
    });
  }
  if (stage === 'IN_PRACTICUM') return;
  for (const [kind, day] of [
    ['START', 7],
    ['MIDWAY', 45],
    ['END', 91],
  ] as const) {
    await s.placements.recordFollowUp(placementId, {
      kind,
      dueOn: addDays(start, day),
      doneOn: addDays(start, day),
      result: 'Gennemført med borger, mentor og konsulent',
      recordedBy: 'virksomhedskonsulent',
    });
  }
  await s.seats.release(placementId);
  if (stage === 'CLOSED') {
    const outcome = OUTCOMES[i % OUTCOMES.length];
    await s.placements.recordOutcome(placementId, {
      ...outcome,
      atHostCompany: outcome.kind.startsWith('HIRED'),
      recordedOn: addDays(end, 10),
      recordedBy: 'sagsbehandler',
    });
  }
}
