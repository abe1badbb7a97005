import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { seedCases } from './seed-cases';
import { seedCompanies } from './seed-companies';

export { listSeededCases } from './seed-cases';

export interface SeedSummary {
  companies: number;
  casesCreated: number;
  totals: Record<string, number>;
}

/**
 * A realistic job centre: 8 clusters, 30 companies with agreements of all four models, mentors in
 * every training state, 120 citizens with a case in every stage. Every row has a key-derived id and
 * is created only when missing, so a second run adds nothing.
 */
export async function seedJobCentre(app: INestApplicationContext): Promise<SeedSummary> {
  const companies = await seedCompanies(app);
  const casesCreated = await seedCases(app, companies);
  const ds = app.get(DataSource);
  const totals: Record<string, number> = {};
  for (const table of ['company', 'agreement', 'seat', 'mentor', 'citizen', 'placement', 'progress_entry', 'outcome']) {
    const [{ n }] = await ds.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM casework.${table}`);
    totals[table] = n;
  }
  return { companies: companies.length, casesCreated, totals };
}
