import { DataSource } from 'typeorm';
import {
  FollowUp,
  MentorService,
  NoVacantSeat,
  Outcome,
  PlacementService,
  ProgressEntry,
  ProgressReview,
  Seat,
  SeatService,
} from '@brobygger/domain';
import { citizen, companyWithSeats, DomainApi, startDomainApi } from './domain-api';

/** The services the job workers call: a repeated call with the same placement id does no harm. */
describe('worker-facing domain services are idempotent', () => {
  let api: DomainApi;
  let seats: SeatService;
  let placements: PlacementService;
  let mentors: MentorService;
  let ds: DataSource;
  beforeAll(async () => {
    api = await startDomainApi();
    seats = api.app.get(SeatService);
    placements = api.app.get(PlacementService);
    mentors = api.app.get(MentorService);
    ds = api.app.get(DataSource);
  });
  afterAll(() => api?.close());

  async function matchedCase(opts: Parameters<typeof companyWithSeats>[1] = {}) {
    const fixture = await companyWithSeats(api, opts);
    const id = await placements.create({ citizenId: (await citizen(api, 3)).id });
    await placements.match(id, { companyId: fixture.company.id, mentorId: fixture.mentor.id });
    return { id, ...fixture };
  }

  it('reserve twice holds one seat; release twice frees it once', async () => {
    const {
      id,
      seats: [a, b],
    } = await matchedCase({ seatHours: [20, 20] });
    const first = await seats.reserve(id);
    const again = await seats.reserve(id);
    expect(again.id).toBe(first.id);
    expect([a.id, b.id]).toContain(first.id);
    expect(await ds.manager.countBy(Seat, { placementId: id })).toBe(1);
    const released = await seats.release(id);
    expect(released?.state).toBe('AVAILABLE');
    expect(released?.vacantSince).not.toBeNull();
    expect(await seats.release(id)).toBeNull();
  });

  it('throws NoVacantSeat when every seat is taken, and retires a model-3 seat on release', async () => {
    const { id, company, mentor } = await matchedCase({ model: 3 });
    await seats.reserve(id);
    const other = await placements.create({ citizenId: (await citizen(api, 3)).id });
    await placements.match(other, { companyId: company.id, mentorId: mentor.id });
    await expect(seats.reserve(other)).rejects.toBeInstanceOf(NoVacantSeat);
    expect((await seats.release(id))?.state).toBe('RETIRED');
  });

  it('two reservations at once on the last seat: one wins, one gets NoVacantSeat', async () => {
    const { id, company, mentor } = await matchedCase();
    const other = await placements.create({ citizenId: (await citizen(api, 3)).id });
    await placements.match(other, { companyId: company.id, mentorId: mentor.id });
    const results = await Promise.allSettled([seats.reserve(id), seats.reserve(other)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: expect.any(NoVacantSeat) });
  });

  it('enrol, complete and start again change nothing the second time', async () => {
    const { id, mentor } = await matchedCase({ trainedMentor: false });
    const course = await mentors.enroll(mentor.id, 'Mentorkursus', '2026-01-05');
    expect((await mentors.enroll(mentor.id, 'Mentorkursus', '2026-01-05')).id).toBe(course.id);
    await mentors.completeTraining(mentor.id, '2026-01-20');
    expect((await mentors.completeTraining(mentor.id, '2026-01-21')).trainingState).toBe('TRAINED');
    expect((await mentors.get(mentor.id)).courses).toHaveLength(1);
    await expect(mentors.assertTrained(mentor.id)).resolves.toMatchObject({ trainingState: 'TRAINED' });

    await seats.reserve(id);
    await placements.setPracticumPeriod(id, { weeklyHours: 20, startDate: '2026-03-02', plannedEndDate: '2026-05-31' });
    const started = await placements.startPracticum(id);
    const again = await placements.startPracticum(id);
    expect(again.updatedAt).toEqual(started.updatedAt);
    expect(again.stage).toBe('IN_PRACTICUM');
  });

  it('stage, progress review, follow-up and outcome repeated leave one record each', async () => {
    const { id } = await matchedCase();
    const s1 = await placements.stage(id, 'MATCHING');
    const s2 = await placements.stage(id, 'MATCHING');
    expect(s2.stageChangedAt).toEqual(s1.stageChangedAt);

    const review = { reviewedOn: '2026-03-16', recordedBy: 'worker', summary: 'Status' };
    const r1 = await placements.recordProgressReview(id, review);
    const r2 = await placements.recordProgressReview(id, review);
    expect(r2.id).toBe(r1.id);
    expect(await ds.manager.countBy(ProgressReview, { placementId: id })).toBe(1);
    expect(await ds.manager.countBy(ProgressEntry, { progressReviewId: r1.id })).toBe(0);

    await placements.recordFollowUp(id, { kind: 'MIDWAY', dueOn: '2026-04-15' });
    await placements.recordFollowUp(id, { kind: 'MIDWAY', doneOn: '2026-04-16', result: 'Godt' });
    await placements.recordFollowUp(id, { kind: 'MIDWAY', doneOn: '2026-04-16', result: 'Godt' });
    const followUps = await ds.manager.findBy(FollowUp, { placementId: id });
    expect(followUps).toHaveLength(1);
    expect(followUps[0]).toMatchObject({ dueOn: '2026-04-15', doneOn: '2026-04-16', result: 'Godt' });

    const outcome = { kind: 'REASSIGNED' as const, reason: 'Anden branche', recordedBy: 'worker' };
    const o1 = await placements.recordOutcome(id, outcome);
    expect((await placements.recordOutcome(id, outcome)).id).toBe(o1.id);
    await expect(placements.recordOutcome(id, { kind: 'HIRED_ORDINARY', recordedBy: 'worker' })).rejects.toMatchObject({
      code: 'OutcomeRecorded',
    });
    expect(await ds.manager.countBy(Outcome, { placementId: id })).toBe(1);
  });

  it('create with a chosen id returns the same case again', async () => {
    const person = await citizen(api, 3);
    const id = await placements.create({ citizenId: person.id });
    expect(await placements.create({ citizenId: person.id }, id)).toBe(id);
  });
});
