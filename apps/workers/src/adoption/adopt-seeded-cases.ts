import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { listSeededCases } from '../../../../scripts/seed/seed-cases';
import { AdoptionSummary, CaseAdoptionService } from './case-adoption.service';

/**
 * SEED_ADOPT_CASES: the open cases `npm run seed` made (known by their seed-derived ids) that no
 * process instance drives yet get one each. Other cases are never touched. A repeat adopts nothing.
 */
export async function adoptSeededCases(app: INestApplicationContext): Promise<AdoptionSummary> {
  const seeded = await listSeededCases(app.get(DataSource));
  const open = seeded.filter((c) => c.stage !== 'CLOSED').map((c) => c.placementId);
  return app.get(CaseAdoptionService).adopt(open);
}
