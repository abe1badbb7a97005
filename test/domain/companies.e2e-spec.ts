import { DomainApi, companyBody, startDomainApi } from './domain-api';

describe('companies, outreach, agreements, seats and mentors over HTTP', () => {
  let api: DomainApi;
  beforeAll(async () => {
    api = await startDomainApi();
  });
  afterAll(() => api?.close());

  it('creates, reads, searches, changes and deletes a company', async () => {
    const created = (
      await api
        .http()
        .post('/api/companies')
        .send(
          companyBody({
            name: 'Kattegat Logistik ApS',
            municipality: 'Randers',
            industry: 'Lager og logistik',
            industryCode: '52.10',
          }),
        )
        .expect(201)
    ).body;
    expect(created).toMatchObject({ name: 'Kattegat Logistik ApS', status: 'ACTIVE', ordinaryFte: 30 });
    await api.http().get(`/api/companies/${created.id}`).expect(200);
    for (const query of [
      'name=kattegat',
      `cvr=${created.cvr}`,
      'industry=logistik',
      'industry=52',
      'municipality=randers',
    ]) {
      const found = (await api.http().get(`/api/companies?${query}`).expect(200)).body;
      expect(found.items.map((c: { id: string }) => c.id)).toContain(created.id);
    }
    const changed = (await api.http().patch(`/api/companies/${created.id}`).send({ ordinaryFte: 42.5 }).expect(200))
      .body;
    expect(changed.ordinaryFte).toBe(42.5);
    await api.http().delete(`/api/companies/${created.id}`).expect(204);
    await api.http().get(`/api/companies/${created.id}`).expect(404);
  });

  it('refuses a duplicate CVR with 409', async () => {
    const body = companyBody();
    await api.http().post('/api/companies').send(body).expect(201);
    const res = await api.http().post('/api/companies').send(body).expect(409);
    expect(res.body.error).toBe('CompanyExists');
  });

  it('answers 400 with a message per field for bad input', async () => {
    const res = await api
      .http()
      .post('/api/companies')
      .send({ cvr: '12345678', name: '', sector: 'CHARITY', postcode: '80', municipality: 'Aarhus', ordinaryFte: -1 })
      .expect(400);
    expect(res.body.statusCode).toBe(400);
    expect(Object.keys(res.body.errors).sort()).toEqual([
      'cvr',
      'industry',
      'name',
      'ordinaryFte',
      'postcode',
      'sector',
    ]);
    expect(res.body.errors.cvr).toEqual(['cvr must be 8 digits that pass the CVR modulus-11 check']);
    expect(res.body.message).toEqual(expect.arrayContaining(res.body.errors.cvr));
  });

  it('records outreach activities per company', async () => {
    const company = (await api.http().post('/api/companies').send(companyBody()).expect(201)).body;
    await api
      .http()
      .post(`/api/companies/${company.id}/outreach-activities`)
      .send({
        type: 'VISIT',
        occurredOn: '2026-02-10',
        consultant: 'Karin Vestergaard',
        outcomes: [{ kind: 'PRACTICUM_AGREEMENT', count: 2 }],
      })
      .expect(201);
    const list = (await api.http().get(`/api/companies/${company.id}/outreach-activities`).expect(200)).body;
    expect(list).toHaveLength(1);
    expect(list[0].outcomes).toEqual([{ kind: 'PRACTICUM_AGREEMENT', count: 2 }]);
    const bad = await api
      .http()
      .post(`/api/companies/${company.id}/outreach-activities`)
      .send({ type: 'PIGEON', occurredOn: '2026-02-30', consultant: 'x' })
      .expect(400);
    expect(Object.keys(bad.body.errors).sort()).toEqual(['occurredOn', 'type']);
  });

  it('makes agreements of all four models with seats listed by vacantSince', async () => {
    const company = (await api.http().post('/api/companies').send(companyBody()).expect(201)).body;
    for (const model of [1, 2, 3, 4]) {
      const agreement = (
        await api
          .http()
          .post('/api/agreements')
          .send({ companyId: company.id, collaborationModel: model, status: 'ACTIVE', validFrom: '2026-01-01' })
          .expect(201)
      ).body;
      await api
        .http()
        .post(`/api/agreements/${agreement.id}/seats`)
        .send({ function: 'Butiksmedhjælper', weeklyHours: 20, vacantSince: `2026-0${model}-01` })
        .expect(201);
    }
    const seats = (await api.http().get(`/api/seats?state=AVAILABLE&companyId=${company.id}`).expect(200)).body;
    expect(seats.map((s: { vacantSince: string }) => s.vacantSince)).toEqual([
      '2026-01-01',
      '2026-02-01',
      '2026-03-01',
      '2026-04-01',
    ]);
    expect(seats.map((s: { collaborationModel: number }) => s.collaborationModel)).toEqual([1, 2, 3, 4]);
    await api
      .http()
      .post('/api/agreements')
      .send({ companyId: company.id, collaborationModel: 5, validFrom: '2026-01-01' })
      .expect(400);
  });

  it('takes a mentor through training with a course history', async () => {
    const company = (await api.http().post('/api/companies').send(companyBody()).expect(201)).body;
    const mentor = (
      await api.http().post('/api/mentors').send({ companyId: company.id, name: 'Henrik Dahl' }).expect(201)
    ).body;
    expect(mentor.trainingState).toBe('NOT_TRAINED');
    await api.http().post(`/api/mentors/${mentor.id}/training-completion`).send({}).expect(409);
    let state = (
      await api
        .http()
        .post(`/api/mentors/${mentor.id}/enrollment`)
        .send({ courseName: 'Mentorkursus', enrolledOn: '2026-01-05' })
        .expect(200)
    ).body;
    expect(state.trainingState).toBe('ENROLLED');
    state = (
      await api
        .http()
        .post(`/api/mentors/${mentor.id}/training-completion`)
        .send({ completedOn: '2026-01-20' })
        .expect(200)
    ).body;
    expect(state.trainingState).toBe('TRAINED');
    state = (await api.http().post(`/api/mentors/${mentor.id}/refresher-due`).expect(200)).body;
    expect(state.trainingState).toBe('REFRESHER_DUE');
    await api
      .http()
      .post(`/api/mentors/${mentor.id}/enrollment`)
      .send({ courseName: 'Genopfriskning', enrolledOn: '2027-01-05' })
      .expect(200);
    const courses = (await api.http().get(`/api/mentors/${mentor.id}/courses`).expect(200)).body;
    expect(courses.map((c: { kind: string; completedOn: string | null }) => [c.kind, c.completedOn])).toEqual([
      ['BASIC', '2026-01-20'],
      ['REFRESHER', null],
    ]);
  });

  it('documents every domain route in OpenAPI', async () => {
    const doc = (await api.anonymous().get('/api/docs-json').expect(200)).body;
    for (const path of [
      '/api/companies',
      '/api/companies/{id}',
      '/api/companies/{id}/outreach-activities',
      '/api/agreements',
      '/api/agreements/{id}/seats',
      '/api/seats',
      '/api/mentors/{id}/enrollment',
      '/api/citizens',
      '/api/citizens/{id}/matches',
      '/api/cases/{id}',
      '/api/cases/{id}/practicum-period',
      '/api/cases/{caseId}/goals',
      '/api/cases/{caseId}/sub-goals/{subGoalId}/progress-entries',
      '/api/cases/{id}/outcome',
      '/api/rules',
    ]) {
      expect(doc.paths[path]).toBeDefined();
    }
    expect(doc.components.schemas.CreateCompanyDto.properties.cvr).toBeDefined();
  });
});
