import { NestFactory } from '@nestjs/core';
import { loadConfig } from '@brobygger/config';
import { migrateDatabase } from '@brobygger/database';
import { DataSource } from 'typeorm';
import { listSeededCases, seedJobCentre } from '../../scripts/seed/job-centre';
import { SeedModule } from '../../scripts/seed/seed.module';
import { createTestDatabase, TestDatabase } from '../support/test-database';

describe('npm run seed', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
    await migrateDatabase(db.url);
  });
  afterAll(() => db?.drop());

  it('builds a job centre with every stage, and a second run adds nothing', async () => {
    const app = await NestFactory.createApplicationContext(
      SeedModule.forRoot(loadConfig({ LOG_LEVEL: 'silent' }), db.url),
      {
        logger: false,
      },
    );
    try {
      const first = await seedJobCentre(app);
      expect(first.totals).toMatchObject({ company: 30, agreement: 30, mentor: 60, citizen: 120, placement: 120 });
      expect(first.casesCreated).toBe(120);
      const second = await seedJobCentre(app);
      expect(second.casesCreated).toBe(0);
      expect(second.totals).toEqual(first.totals);

      const ds = app.get(DataSource);
      const stages = await ds.query<{ stage: string; n: number }[]>(
        'SELECT stage, count(*)::int AS n FROM casework.placement GROUP BY stage ORDER BY stage',
      );
      expect(stages).toHaveLength(8);
      expect(stages.every((s) => s.n === 15)).toBe(true);
      const models = await ds.query('SELECT DISTINCT collaboration_model AS m FROM casework.agreement ORDER BY 1');
      expect(models.map((r: { m: number }) => r.m)).toEqual([1, 2, 3, 4]);
      const training = await ds.query('SELECT DISTINCT training_state AS s FROM casework.mentor ORDER BY 1');
      expect(training.map((r: { s: string }) => r.s)).toEqual(['ENROLLED', 'NOT_TRAINED', 'REFRESHER_DUE', 'TRAINED']);
      const [{ stuck }] = await ds.query(
        `SELECT count(*)::int AS stuck FROM casework.placement
          WHERE stage = 'AWAITING_AGREEMENT' AND stage_changed_at < now() - interval '14 days'`,
      );
      expect(stuck).toBeGreaterThan(0);
      const [{ overdue }] = await ds.query(
        `SELECT count(*)::int AS overdue FROM casework.placement
          WHERE stage = 'IN_PRACTICUM' AND last_progress_review_on + progress_review_interval_days < current_date`,
      );
      expect(overdue).toBeGreaterThan(0);
      expect(await listSeededCases(ds)).toHaveLength(120);
    } finally {
      await app.close();
    }
  }, 120_000);
});
