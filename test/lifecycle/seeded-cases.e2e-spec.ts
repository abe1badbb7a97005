import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import type { ZBClient } from 'zeebe-node';
import { Agreement, Mentor, PlacementService, PlacementStage, today } from '@brobygger/domain';
import { adoptSeededCases } from '../../apps/workers/src/adoption/adopt-seeded-cases';
import { CaseAdoptionService } from '../../apps/workers/src/adoption/case-adoption.service';
import { ZEEBE_CLIENT } from '../../apps/workers/src/framework/zeebe-client.provider';
import { WorkersModule } from '../../apps/workers/src/workers.module';
import { listSeededCases, seedJobCentre } from '../../scripts/seed/job-centre';
import { waitFor } from '../support/engine-harness';
import { addDays, seedCase } from './support/fixtures';
import { lifecycleConfig, LifecycleUnderTest, startLifecycle } from './support/lifecycle-harness';

jest.setTimeout(240_000);

let life: LifecycleUnderTest;
/** The seeded cases with the stage the seed gave them (before any process moved them). */
let seeded: { placementId: string; stage: PlacementStage }[];

beforeAll(async () => {
  // `npm run seed`, then a start with SEED_ADOPT_CASES: the workers adopt the seed's open cases.
  life = await startLifecycle({
    env: { SEED_ADOPT_CASES: 'true' },
    beforeWorkers: async (server) => {
      await seedJobCentre(server);
      seeded = await listSeededCases(server.get(DataSource, { strict: false }));
    },
  });
});
afterAll(() => life?.stop());

const open = () => seeded.filter((c) => c.stage !== 'CLOSED');
const inStage = (...stages: PlacementStage[]) => seeded.filter((c) => stages.includes(c.stage));
const caseJson = async (id: string) => (await life.http().get(`/api/cases/${id}`).expect(200)).body;

async function processKeys(): Promise<Record<string, string | null>> {
  const keys: Record<string, string | null> = {};
  for (const c of seeded) keys[c.placementId] = (await caseJson(c.placementId)).processInstanceKey;
  return keys;
}

async function lifecycleInstances(): Promise<number> {
  const [{ n }] = await life.engine.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM engine.process_instance WHERE bpmn_process_id = 'placement-lifecycle'`,
  );
  return n;
}

/** A workers context of its own (another process starting), without job workers. */
async function anotherWorkersProcess(): Promise<INestApplicationContext> {
  const config = lifecycleConfig(life.engine.port, { SEED_ADOPT_CASES: 'true' });
  return NestFactory.createApplicationContext(WorkersModule.forRoot(config, life.engine.db.url), { logger: false });
}

async function closeWorkersProcess(app: INestApplicationContext) {
  await app.get<ZBClient>(ZEEBE_CLIENT).close();
  await app.close();
}

describe('seeded cases come alive', () => {
  it('every open seeded case has a process instance, closed cases none', async () => {
    expect(seeded).toHaveLength(120);
    expect(inStage('CLOSED').length).toBeGreaterThan(0);
    const keys = await processKeys();
    for (const c of seeded) {
      if (c.stage === 'CLOSED') expect(keys[c.placementId]).toBeNull();
      else expect(keys[c.placementId]).toMatch(/^\d+$/);
    }
    const distinct = new Set(open().map((c) => keys[c.placementId]));
    expect(distinct.size).toBe(open().length);
    expect(await lifecycleInstances()).toBe(open().length);
  });

  it('the inbox has a choice task for every case in matching, and a follow-up task for every case in follow-up', async () => {
    for (const c of inStage('REFERRED', 'MATCHING')) {
      const task = await life.task('Task_ChoosePlacement', c.placementId);
      expect(task.candidateGroups).toEqual(['job-consultants']);
    }
    for (const c of inStage('FOLLOW_UP')) await life.task('Task_FollowUp', c.placementId);
    // A mentor in training has the course result to record; a case waiting for the agreement waits.
    for (const c of inStage('MENTOR_TRAINING')) await life.task('Task_RecordTraining', c.placementId);
    for (const c of inStage('AWAITING_AGREEMENT')) expect(await life.openTasks(c.placementId)).toEqual([]);
    // Ready to start: the process starts the practicum at once.
    for (const c of inStage('READY_TO_START')) {
      await waitFor(
        `case ${c.placementId} in practicum`,
        async () => (await caseJson(c.placementId)).stage === 'IN_PRACTICUM',
      );
    }
    const incidents = await life.engine.query(
      `SELECT element_id, error_message FROM engine.incident WHERE state = 'ACTIVE'`,
    );
    expect(incidents).toEqual([]);
  });

  it('adopting again changes nothing, also from two processes starting at once', async () => {
    const keys = await processKeys();
    const instances = await lifecycleInstances();
    const [a, b] = await Promise.all([anotherWorkersProcess(), anotherWorkersProcess()]);
    try {
      const [first, second] = await Promise.all([adoptSeededCases(a), adoptSeededCases(b)]);
      for (const summary of [first, second]) {
        expect(summary.adopted).toEqual({});
        expect(summary.failed).toEqual([]);
        expect(summary.skipped).toBe(open().length);
      }
      expect(await processKeys()).toEqual(keys);
      expect(await lifecycleInstances()).toBe(instances);

      // Cases no process drives yet, adopted by both at once: each gets exactly one instance.
      const placements = life.server.get(PlacementService, { strict: false });
      const ids: string[] = [];
      for (let i = 0; i < 6; i++) {
        const fixture = await seedCase(life.server, { agreement: true, mentorTrained: true });
        ids.push(await placements.create({ citizenId: fixture.citizenId }));
      }
      const [x, y] = await Promise.all([a.get(CaseAdoptionService).adopt(ids), b.get(CaseAdoptionService).adopt(ids)]);
      const adoptedBy = ids.map((id) => [x.adopted[id], y.adopted[id]].filter(Boolean));
      expect(adoptedBy.every((keysOfCase) => keysOfCase.length === 1)).toBe(true);
      expect(x.skipped + y.skipped).toBe(ids.length);
      expect(await lifecycleInstances()).toBe(instances + ids.length);
      for (const [i, id] of ids.entries()) expect((await caseJson(id)).processInstanceKey).toBe(adoptedBy[i][0]);
    } finally {
      await closeWorkersProcess(a);
      await closeWorkersProcess(b);
    }
  });

  it('a seeded case in matching moves on when its choice task is completed', async () => {
    const ds = life.server.get(DataSource, { strict: false });
    const matching = inStage('MATCHING');
    expect(matching.length).toBeGreaterThan(0);
    // A case whose suggestions include a company with an active agreement and a trained mentor.
    let picked: { placementId: string; companyId: string; mentorId: string } | undefined;
    for (const c of matching) {
      const task = await life.task('Task_ChoosePlacement', c.placementId);
      const options = (task.variables.companyOptions ?? []) as { value: string }[];
      for (const option of options) {
        const mentor = await ds.manager.findOneBy(Mentor, { companyId: option.value, trainingState: 'TRAINED' });
        const agreed = await ds.manager.existsBy(Agreement, { companyId: option.value, status: 'ACTIVE' });
        if (mentor && agreed) {
          picked = { placementId: c.placementId, companyId: option.value, mentorId: mentor.id };
          break;
        }
      }
      if (picked) break;
    }
    if (!picked)
      throw new Error('no seeded case in matching was offered a company with an agreement and a trained mentor');
    const task = await life.task('Task_ChoosePlacement', picked.placementId);
    await life.complete(task, {
      companyId: picked.companyId,
      mentorId: picked.mentorId,
      purpose: 'TRAIN_SKILLS',
      plannedStart: today(),
      plannedEnd: addDays(today(), 20),
      weeklyHours: 20,
    });
    expect((await life.http().get(`/api/tasks/${task.id}`).expect(200)).body.state).toBe('COMPLETED');
    const { placementId } = picked;
    const moved = await waitFor(
      'the case to leave matching',
      async () => {
        const stage = (await caseJson(placementId)).stage as PlacementStage;
        return stage !== 'MATCHING' && stage;
      },
      30_000,
    );
    // Agreement in place and mentor trained: the process reserves a seat and starts the practicum.
    expect(['IN_PRACTICUM', 'READY_TO_START']).toContain(moved);
    const view = await caseJson(placementId);
    expect(view.processInstanceKey).toBe(task.processInstanceKey);
  });
});
