import { MESSAGES } from '../../processes/names';
import { waitFor } from '../support/engine-harness';
import { choice, seedCase } from './support/fixtures';
import { LifecycleUnderTest, startLifecycle } from './support/lifecycle-harness';
import { completePracticum } from './support/practicum';

jest.setTimeout(90_000);

let life: LifecycleUnderTest;
beforeAll(async () => {
  life = await startLifecycle();
});
afterAll(() => life.stop());

const caseOf = async (id: string) => (await life.http().get(`/api/cases/${id}`).expect(200)).body;

describe('a citizen who drops out is reassigned to a second placement', () => {
  it('ends the first case as REASSIGNED and carries the second to a hire', async () => {
    const first = await seedCase(life.server, { agreement: true, mentorTrained: true });
    const second = await seedCase(life.server, { agreement: true, mentorTrained: true });
    const opened = await life.http().post('/api/cases').send({ citizenId: first.citizenId }).expect(201);
    const firstId: string = opened.body.id;

    await life.complete(await life.task('Task_ChoosePlacement', firstId), choice(first));
    await waitFor('the first practicum', async () => (await caseOf(firstId)).stage === 'IN_PRACTICUM');

    // The citizen drops out: the practicum is interrupted and goes to the follow-up.
    await life.engine.zbc.publishMessage({
      name: MESSAGES.citizenDroppedOut,
      correlationKey: firstId,
      variables: { droppedOut: true },
      timeToLive: 0,
    });
    const followUp = await life.task('Task_FollowUp', firstId);
    await life.complete(followUp, { followUpResult: 'Stopped after a week; try another trade', nextStep: 'REASSIGN' });

    // A new case for the same citizen, driven by the same process instance.
    const choose = await waitFor('the second case', async () =>
      (await life.openTasks()).find(
        (t) => t.processInstanceKey === opened.body.processInstanceKey && t.name === 'Task_ChoosePlacement',
      ),
    );
    const secondId = choose.placementId!;
    expect(secondId).not.toBe(firstId);
    expect((await caseOf(secondId)).citizenId ?? (await caseOf(secondId)).citizen?.id).toBe(first.citizenId);
    expect((await caseOf(firstId)).stage).toBe('CLOSED');
    expect(JSON.stringify(await caseOf(firstId))).toContain('REASSIGNED');

    await life.complete(choose, choice(second));
    await waitFor('the second practicum', async () => (await caseOf(secondId)).stage === 'IN_PRACTICUM');
    await completePracticum(life, secondId);
    await life.complete(await life.task('Task_FollowUp', secondId), { followUpResult: 'Works well', nextStep: 'HIRE' });
    await life.complete(await life.task('Task_RecordHire', secondId), {
      outcomeKind: 'HIRED_FLEX_JOB',
      outcomeHours: 15,
      atHostCompany: true,
    });
    await waitFor('the second case closed', async () => (await caseOf(secondId)).stage === 'CLOSED');
  });
});
