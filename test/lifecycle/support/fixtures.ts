import type { INestApplication } from '@nestjs/common';
import { AgreementService, CitizenService, CompanyService, MentorService, today } from '@brobygger/domain';

let counter = 0;

/** A CVR number with a valid check digit, different on each call. */
function cvr(): string {
  for (;;) {
    const first7 = String(2000000 + Math.floor(Math.random() * 7000000) + counter++);
    const sum = [...first7].reduce((t, d, i) => t + Number(d) * [2, 7, 6, 5, 4, 3, 2][i], 0);
    const check = (11 - (sum % 11)) % 11;
    if (check !== 10) return first7 + check;
  }
}

export const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** A citizen on kontanthjælp (target group 3: practicums up to 13 weeks) and a company with a mentor. */
export async function seedCase(server: INestApplication, options: { agreement: boolean; mentorTrained: boolean }) {
  const get = <T>(type: new (...args: never[]) => T) => server.get(type, { strict: false });
  const citizen = await get(CitizenService).create({
    cpr: `0101${80 + (counter % 19)}-${String(1000 + counter++).slice(-4)}`,
    firstName: 'Test',
    lastName: 'Borger',
    postcode: '8000',
    municipality: 'Aarhus',
    competences: ['lager'],
    jobGoal: 'lagerarbejde',
    targetGroup: { groupCode: 3, validFrom: '2025-01-01' },
  });
  const company = await get(CompanyService).create({
    cvr: cvr(),
    name: `Lager ${counter} ApS`,
    industry: 'lager og logistik',
    sector: 'PRIVATE',
    postcode: '8000',
    municipality: 'Aarhus',
    ordinaryFte: 50,
  });
  const mentor = await get(MentorService).create({ companyId: company.id, name: 'Mentor Hansen' });
  if (options.mentorTrained) {
    await get(MentorService).enroll(mentor.id, 'Mentor course', addDays(today(), -30));
    await get(MentorService).completeTraining(mentor.id, addDays(today(), -1));
  }
  const agreementId = options.agreement ? await addAgreement(server, company.id) : null;
  return { citizenId: citizen.id, companyId: company.id, mentorId: mentor.id, agreementId };
}

export async function addAgreement(server: INestApplication, companyId: string): Promise<string> {
  const agreements = server.get(AgreementService, { strict: false });
  const agreement = await agreements.create({
    companyId,
    collaborationModel: 1,
    status: 'ACTIVE',
    validFrom: '2025-01-01',
  });
  await agreements.addSeat(agreement.id, { function: 'Lagermedarbejder', weeklyHours: 30 });
  return agreement.id;
}

/** What the choice form is filled with: a practicum from today for 20 days. */
export function choice(fixture: { companyId: string; mentorId: string }) {
  return {
    companyId: fixture.companyId,
    mentorId: fixture.mentorId,
    purpose: 'TRAIN_SKILLS',
    plannedStart: today(),
    plannedEnd: addDays(today(), 20),
    weeklyHours: 20,
  };
}
