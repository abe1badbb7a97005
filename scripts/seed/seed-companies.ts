import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  Agreement,
  AgreementService,
  CollaborationModel,
  Company,
  CompanyService,
  cvrCheckDigit,
  Mentor,
  MentorService,
  OutreachActivity,
  OutreachService,
  addDays,
  today,
} from '@brobygger/domain';
import { CLUSTERS, CONSULTANTS, INDUSTRIES, PLACES } from './data';
import { generator, seedId } from './random';

export interface SeededCompany {
  id: string;
  industry: string;
  model: CollaborationModel;
  agreementActive: boolean;
  mentorIds: string[];
}

/** A valid CVR number from an index: seven digits counted from a base, the eighth by modulus 11. */
export function seedCvr(index: number): string {
  for (let base = 3_100_000 + index * 7919; ; base += 1) {
    const check = cvrCheckDigit(String(base));
    if (check !== undefined) return `${base}${check}`;
  }
}

const MENTOR_NAMES = ['Bente Kjær', 'Henrik Dahl', 'Tina Bech', 'Morten Krogh', 'Lene Vinther', 'Brian Holt'];

/** 30 companies in 8 clusters, each with an agreement (models 1–4 in turn), seats, mentors and outreach. */
export async function seedCompanies(app: INestApplicationContext): Promise<SeededCompany[]> {
  const ds = app.get(DataSource);
  const companies = app.get(CompanyService);
  const agreements = app.get(AgreementService);
  const mentors = app.get(MentorService);
  const outreach = app.get(OutreachService);
  const rnd = generator(5);
  const names = INDUSTRIES.flatMap((industry) => industry.names.map((name) => ({ name, industry })));
  const seeded: SeededCompany[] = [];

  for (let i = 0; i < 30; i++) {
    const { name, industry } = names[i % names.length];
    const place = PLACES[i % PLACES.length];
    const companyId = seedId(`company/${i}`);
    const model = ((i % 4) + 1) as CollaborationModel;
    // Every seventh agreement is still being negotiated: cases wait for it.
    const agreementActive = i % 7 !== 3;
    if (!(await ds.manager.existsBy(Company, { id: companyId }))) {
      await companies.create(
        {
          cvr: seedCvr(i),
          name,
          industryCode: industry.code,
          industry: industry.industry,
          sector: industry.sector,
          address: `${rnd.pick(['Industrivej', 'Hovedgaden', 'Søndergade', 'Havnevej'])} ${rnd.int(1, 120)}`,
          postcode: place.postcode,
          municipality: place.municipality,
          cluster: CLUSTERS[i % CLUSTERS.length],
          ordinaryFte: rnd.int(20, 160),
          contactConsultant: CONSULTANTS[i % CONSULTANTS.length],
        },
        companyId,
      );
    }
    const mentorIds = await seedMentors(ds, mentors, companyId, i);
    const agreementId = seedId(`agreement/${i}`);
    if (!(await ds.manager.existsBy(Agreement, { id: agreementId }))) {
      await agreements.create(
        {
          companyId,
          collaborationModel: model,
          status: agreementActive ? 'ACTIVE' : 'NEGOTIATING',
          validFrom: addDays(today(), -rnd.int(60, 400)),
          mentorPayment: rnd.pick(['NONE', 'BUYOUT_HOURS', 'EXTERNAL'] as const),
          coordinatingMentorId: model === 4 ? mentorIds[0] : null,
          contactConsultant: CONSULTANTS[i % CONSULTANTS.length],
        },
        agreementId,
      );
      // Model 1: fixed seats; 2: possible seats; 3: one seat for one citizen; 4: a cluster's seats.
      const seatCount = { 1: 3, 2: 2, 3: 1, 4: 2 }[model];
      for (let s = 0; s < seatCount; s++) {
        const seat = industry.seats[s % industry.seats.length];
        await agreements.addSeat(
          agreementId,
          { ...seat, weeklyHours: rnd.pick([15, 20, 25, 30]), vacantSince: addDays(today(), -rnd.int(0, 90)) },
          seedId(`seat/${i}/${s}`),
        );
      }
    }
    await seedOutreach(ds, outreach, companyId, i);
    seeded.push({ id: companyId, industry: industry.industry, model, agreementActive, mentorIds });
  }
  return seeded;
}

/** Two mentors each: the first trained (some due a refresher), the second in every training state in turn. */
async function seedMentors(ds: DataSource, mentors: MentorService, companyId: string, i: number): Promise<string[]> {
  const ids = [seedId(`mentor/${i}/0`), seedId(`mentor/${i}/1`)];
  const targets = [
    i % 5 === 0 ? 'REFRESHER_DUE' : 'TRAINED',
    ['NOT_TRAINED', 'ENROLLED', 'TRAINED', 'REFRESHER_DUE'][i % 4],
  ];
  for (const [m, id] of ids.entries()) {
    if (await ds.manager.existsBy(Mentor, { id })) continue;
    await mentors.create({ companyId, name: MENTOR_NAMES[(i + m * 3) % MENTOR_NAMES.length], kind: 'EMPLOYEE' }, id);
    const target = targets[m];
    if (target === 'NOT_TRAINED') continue;
    await mentors.enroll(id, 'Virksomhedsmentoruddannelse', addDays(today(), -200));
    if (target === 'ENROLLED') continue;
    await mentors.completeTraining(id, addDays(today(), -180));
    if (target === 'REFRESHER_DUE') await mentors.markRefresherDue(id);
  }
  return ids;
}

async function seedOutreach(ds: DataSource, outreach: OutreachService, companyId: string, i: number) {
  for (let k = 0; k < 2 + (i % 2); k++) {
    const id = seedId(`outreach/${i}/${k}`);
    if (await ds.manager.existsBy(OutreachActivity, { id })) continue;
    await outreach.record(
      companyId,
      {
        type: (['VISIT', 'CALL', 'MEETING'] as const)[k % 3],
        occurredOn: addDays(today(), -30 * (k + 1) - i),
        consultant: CONSULTANTS[(i + k) % CONSULTANTS.length],
        campaign: k === 0 ? 'Virksomhedskampagne 2026' : null,
        outcomes: k === 0 ? [{ kind: 'PRACTICUM_AGREEMENT', count: 1 }] : [{ kind: 'JOB_ORDER', count: (i % 3) + 1 }],
      },
      id,
    );
  }
}
