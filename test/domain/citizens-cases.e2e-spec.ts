import { PlacementService } from '@brobygger/domain';
import { citizen, companyWithSeats, DomainApi, nextCpr, startDomainApi } from './domain-api';

describe('citizens, cases, goals and rules over HTTP', () => {
  let api: DomainApi;
  let placements: PlacementService;
  beforeAll(async () => {
    api = await startDomainApi();
    placements = api.app.get(PlacementService);
  });
  afterAll(() => api?.close());

  it('stores the CPR encrypted, answers it masked and finds the citizen by it', async () => {
    const cpr = nextCpr();
    const created = await citizen(api, 3, { cpr });
    expect(created.cprMasked).toBe(`${cpr.slice(0, 6)}-****`);
    const digits = cpr.replace('-', '');
    expect(JSON.stringify(created)).not.toContain(digits.slice(6));
    const got = (await api.http().get(`/api/citizens/${created.id}`).expect(200)).body;
    expect(got).toMatchObject({ cprMasked: `${cpr.slice(0, 6)}-****`, targetGroups: [{ groupCode: 3 }] });
    expect(got.cprCiphertext).toBeUndefined();
    const found = (await api.http().post('/api/citizens/lookup').send({ cpr: digits }).expect(200)).body;
    expect(found.id).toBe(created.id);
    const dup = await api
      .http()
      .post('/api/citizens')
      .send({ cpr, firstName: 'A', lastName: 'B', postcode: '8000', municipality: 'Aarhus' })
      .expect(409);
    expect(JSON.stringify(dup.body)).not.toContain(digits.slice(6));
  });

  it('refuses a bad CPR with 400 without echoing it', async () => {
    const res = await api
      .http()
      .post('/api/citizens')
      .send({ cpr: '310290-4711', firstName: 'A', lastName: 'B', postcode: '8000', municipality: 'Aarhus' })
      .expect(400);
    expect(res.body.errors).toEqual({ cpr: ['cpr must be a CPR number DDMMYY-SSSS with a real date'] });
    expect(JSON.stringify(res.body)).not.toContain('310290');
    expect(JSON.stringify(res.body)).not.toContain('4711');
  });

  it('keeps the CPR out of the stored row', async () => {
    const cpr = nextCpr();
    const created = await citizen(api, 3, { cpr });
    const { Client } = await import('pg');
    const client = new Client({ connectionString: api.db.url });
    await client.connect();
    const { rows } = await client.query('SELECT * FROM casework.citizen WHERE id = $1', [created.id]);
    await client.end();
    expect(JSON.stringify(rows[0])).not.toContain(cpr.replace('-', ''));
    expect(rows[0].cpr_lookup).toHaveLength(32);
  });

  it('shows a whole case with goals, sub-goals, progress, follow-ups and outcome', async () => {
    const { company, seats, mentor } = await companyWithSeats(api);
    const person = await citizen(api, 3);
    const id = await placements.create({ citizenId: person.id, caseworker: 'sagsbehandler.anna' });
    await api
      .http()
      .put(`/api/cases/${id}/match`)
      .send({ companyId: company.id, mentorId: mentor.id, seatId: seats[0].id })
      .expect(200);
    await api
      .http()
      .put(`/api/cases/${id}/practicum-period`)
      .send({ weeklyHours: 20, startDate: '2026-03-02', plannedEndDate: '2026-05-31' })
      .expect(200);
    await placements.startPracticum(id);
    const goal = (
      await api.http().post(`/api/cases/${id}/goals`).send({ title: 'Ordinære timer på lageret' }).expect(201)
    ).body;
    const sub = (
      await api
        .http()
        .post(`/api/cases/${id}/goals/${goal.id}/sub-goals`)
        .send({ title: 'Møder stabilt', dueOn: '2026-04-01' })
        .expect(201)
    ).body;
    await api.http().patch(`/api/cases/${id}/sub-goals/${sub.id}`).send({ state: 'IN_PROGRESS' }).expect(200);
    await api
      .http()
      .post(`/api/cases/${id}/sub-goals/${sub.id}/progress-entries`)
      .send({ recordedOn: '2026-03-16', assessment: 3, note: 'God start', recordedBy: 'mentor' })
      .expect(201);
    const badEntry = await api
      .http()
      .post(`/api/cases/${id}/sub-goals/${sub.id}/progress-entries`)
      .send({ assessment: 6, recordedBy: '' })
      .expect(400);
    expect(Object.keys(badEntry.body.errors).sort()).toEqual(['assessment', 'recordedBy']);
    await api
      .http()
      .post(`/api/cases/${id}/follow-ups`)
      .send({ kind: 'START', dueOn: '2026-03-09', doneOn: '2026-03-09', result: 'OK' })
      .expect(201);
    await api.http().put(`/api/cases/${id}/outcome`).send({ kind: 'ENDED_WITHOUT_HIRE', recordedBy: 'x' }).expect(422);
    await api
      .http()
      .put(`/api/cases/${id}/outcome`)
      .send({
        kind: 'HIRED_ORDINARY',
        weeklyHours: 15,
        atHostCompany: true,
        recordedOn: '2026-06-01',
        recordedBy: 'sagsbehandler.anna',
      })
      .expect(200);

    const view = (await api.http().get(`/api/cases/${id}`).expect(200)).body;
    expect(view).toMatchObject({
      stage: 'IN_PRACTICUM',
      citizen: { id: person.id, cprMasked: person.cprMasked },
      company: { id: company.id },
      seat: { id: seats[0].id, state: 'OCCUPIED' },
      mentor: { id: mentor.id, trainingState: 'TRAINED' },
      practicum: {
        weeklyHours: 20,
        startDate: '2026-03-02',
        plannedWeeks: 13,
        startedOn: '2026-03-02',
        endedOn: '2026-06-01',
        targetGroup: 3,
      },
      progressReview: { intervalDays: 14, lastReviewedOn: '2026-03-16' },
      followUps: [{ kind: 'START', doneOn: '2026-03-09' }],
      outcome: { kind: 'HIRED_ORDINARY', atHostCompany: true },
    });
    expect(view.goals[0].subGoals[0]).toMatchObject({ state: 'IN_PROGRESS', progressEntries: [{ assessment: 3 }] });
    expect(view.ruleVersions).toMatchObject({ 'RK-1': 1, 'VP-DUR-3': 1, 'MEN-TRAIN-1': 1 });
  });

  it('refuses too long a practicum with 422 naming the rule', async () => {
    const person = await citizen(api, 3);
    const id = await placements.create({ citizenId: person.id });
    const res = await api
      .http()
      .put(`/api/cases/${id}/practicum-period`)
      .send({ weeklyHours: 20, startDate: '2026-03-02', plannedEndDate: '2026-07-19' })
      .expect(422);
    expect(res.body).toMatchObject({ statusCode: 422, error: 'PracticumRuleBreached', ruleId: 'VP-DUR-3' });
    expect(res.body.message).toBe(
      'Rule VP-DUR-3 (LAB §61 stk. 1 nr. 2): a practicum for target group 3 may last at most 13 weeks (up to 26 weeks with an extension reason, VP-EXT-1); requested 20 weeks',
    );
    await api
      .http()
      .put(`/api/cases/${id}/practicum-period`)
      .send({
        weeklyHours: 20,
        startDate: '2026-03-02',
        plannedEndDate: '2026-07-19',
        extensionReason: 'Konkret vurdering: behov for længere afklaring',
      })
      .expect(200);
    const short = await citizen(api, 1);
    const other = await placements.create({ citizenId: short.id });
    const four = await api
      .http()
      .put(`/api/cases/${other}/practicum-period`)
      .send({ weeklyHours: 37, startDate: '2026-03-02', plannedEndDate: '2026-04-05' })
      .expect(422);
    expect(four.body.ruleId).toBe('VP-DUR-1');
    const hours = await api
      .http()
      .put(`/api/cases/${other}/practicum-period`)
      .send({ weeklyHours: 40, startDate: '2026-03-02', plannedEndDate: '2026-03-20' })
      .expect(422);
    expect(hours.body.ruleId).toBe('VP-HRS');
  });

  it('refuses to start a practicum with an untrained mentor (MEN-TRAIN-1)', async () => {
    const { company, seats, mentor } = await companyWithSeats(api, { trainedMentor: false });
    const person = await citizen(api, 3);
    const id = await placements.create({ citizenId: person.id });
    await api
      .http()
      .put(`/api/cases/${id}/match`)
      .send({ companyId: company.id, mentorId: mentor.id, seatId: seats[0].id })
      .expect(200);
    await api
      .http()
      .put(`/api/cases/${id}/practicum-period`)
      .send({ weeklyHours: 20, startDate: '2026-03-02', plannedEndDate: '2026-03-29' })
      .expect(200);
    await expect(placements.startPracticum(id)).rejects.toMatchObject({
      code: 'MentorNotTrained',
      ruleId: 'MEN-TRAIN-1',
      kind: 'conflict',
    });
    const view = (await api.http().get(`/api/cases/${id}`).expect(200)).body;
    expect(view.practicum.startedOn).toBeNull();
    expect(view.seat.state).toBe('RESERVED');
  });

  it('refuses a seat beyond the ratio rule with 409 naming RK-1', async () => {
    // 7 ordinary FTE allow 1 supported FTE: one 30-hour seat fits, a second does not.
    const { company, seats, mentor } = await companyWithSeats(api, { ordinaryFte: 7, seatHours: [30, 30] });
    const first = await placements.create({ citizenId: (await citizen(api)).id });
    const second = await placements.create({ citizenId: (await citizen(api)).id });
    await api
      .http()
      .put(`/api/cases/${first}/match`)
      .send({ companyId: company.id, mentorId: mentor.id, seatId: seats[0].id })
      .expect(200);
    const res = await api
      .http()
      .put(`/api/cases/${second}/match`)
      .send({ companyId: company.id, seatId: seats[1].id })
      .expect(409);
    expect(res.body).toMatchObject({ error: 'RatioRuleBreached', ruleId: 'RK-1' });
    expect(res.body.message).toMatch(/^Rule RK-1 \(BEK 2636\/2021 §65 stk\. 1\): .* may have at most 1 supported FTE/);
    const seat = (await api.http().get(`/api/agreements/${seats[1].agreementId}/seats`).expect(200)).body[1];
    expect(seat.state).toBe('AVAILABLE');
  });

  it('ranks matches for a citizen with an explanation per factor', async () => {
    await companyWithSeats(api, { industry: 'Lager og logistik' });
    const person = await citizen(api, 3);
    const matches = (await api.http().get(`/api/citizens/${person.id}/matches?limit=3`).expect(200)).body;
    expect(matches.length).toBeGreaterThan(0);
    const [best] = matches;
    expect(best.score).toBe(best.factors.reduce((sum: number, f: { points: number }) => sum + f.points, 0));
    expect(best.factors.map((f: { factor: string }) => f.factor)).toEqual([
      'competences',
      'wishes',
      'distance',
      'freeSeats',
      'mentors',
    ]);
    for (const factor of best.factors) expect(factor.explanation).toMatch(/\.$/);
    expect(best.factors[0].explanation).toContain('varemodtagelse');
  });

  it('lists the rules with values, dates and sources', async () => {
    const rules = (await api.as('process-owner').get('/api/rules').expect(200)).body;
    const rk1 = rules.find((r: { ruleId: string }) => r.ruleId === 'RK-1');
    expect(rk1).toMatchObject({
      version: 1,
      effectiveFrom: '2020-01-01',
      effectiveTo: null,
      params: { perOrdinaryUpToThreshold: 5 },
    });
    expect(rk1.source).toContain('§65');
    await api.as('process-owner').get('/api/rules/NOPE').expect(404);
    await api.http().get('/api/rules').expect(403); // a caseworker
    await api.anonymous().get('/api/rules').expect(401);
  });
});
