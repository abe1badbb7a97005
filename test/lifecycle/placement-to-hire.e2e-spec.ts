import { MESSAGES } from '../../processes/names';
import { CaseViewService, today } from '@brobygger/domain';
import { waitFor } from '../support/engine-harness';
import { addAgreement, choice, seedCase } from './support/fixtures';
import { LifecycleUnderTest, startLifecycle } from './support/lifecycle-harness';
import { completePracticum } from './support/practicum';

jest.setTimeout(90_000);

let life: LifecycleUnderTest;
beforeAll(async () => {
  life = await startLifecycle();
});
afterAll(() => life.stop());

const stageOf = async (placementId: string) => (await life.http().get(`/api/cases/${placementId}`).expect(200)).body;

describe('one citizen from case creation to hire', () => {
  it('goes through matching, the agreement, mentor training, the practicum and the follow-up', async () => {
    const fixture = await seedCase(life.server, { agreement: false, mentorTrained: false });
    const opened = await life.http().post('/api/cases').send({ citizenId: fixture.citizenId }).expect(201);
    const placementId: string = opened.body.id;
    expect(opened.body.processInstanceKey).toMatch(/^\d+$/);

    // Matching: reverse-matching suggestions are the choice form's options.
    const choose = await life.task('Task_ChoosePlacement', placementId);
    expect(choose.candidateGroups).toEqual(['job-consultants']);
    expect(choose.dueAt).not.toBeNull();
    expect(choose.formKey).toBe('camunda-forms:bpmn:choose-placement');
    expect(choose.variables.companyOptions).toEqual(
      expect.arrayContaining([expect.objectContaining({ value: fixture.companyId })]),
    );
    await life.complete(choose, choice(fixture));

    // No agreement yet: after 14 days the company consultant is reminded.
    await waitFor('awaiting the agreement', async () => (await stageOf(placementId)).stage === 'AWAITING_AGREEMENT');
    life.advanceDays(14.1);
    const chase = await life.task('Task_ChaseAgreement', placementId);
    expect(chase.candidateGroups).toEqual(['company-consultants']);
    await life.complete(chase, { chaseResult: 'SIGNING_SOON' });

    // The agreement is signed: the message is correlated by the placement id.
    await addAgreement(life.server, fixture.companyId);
    await life.engine.zbc.publishMessage({
      name: MESSAGES.agreementSigned,
      correlationKey: placementId,
      variables: {},
      timeToLive: 60_000,
    });

    // The mentor is untrained: the mentor-training process is called.
    const training = await life.task('Task_RecordTraining', placementId);
    await life.complete(training, { trainingCompleted: true, trainingDate: today(), courseName: 'Mentorkursus' });

    await waitFor('the practicum', async () => (await stageOf(placementId)).stage === 'IN_PRACTICUM');
    await completePracticum(life, placementId);

    const followUp = await life.task('Task_FollowUp', placementId);
    await life.complete(followUp, { followUpResult: 'Good practicum; the company wants to hire', nextStep: 'HIRE' });
    const hire = await life.task('Task_RecordHire', placementId);
    await life.complete(hire, { outcomeKind: 'HIRED_ORDINARY', outcomeHours: 30, atHostCompany: true });

    await waitFor('the case closed', async () => (await stageOf(placementId)).stage === 'CLOSED');
    const view = (await life.server.get(CaseViewService, { strict: false }).view(placementId)) as unknown as Record<
      string,
      unknown
    >;
    expect(JSON.stringify(view)).toContain('HIRED_ORDINARY');
    await waitFor('the process ended', async () => {
      const rows = await life.engine.query<{ state: string }>(
        `SELECT state FROM engine.process_instance WHERE key = $1`,
        [opened.body.processInstanceKey],
      );
      return rows[0]?.state === 'COMPLETED';
    });
    expect(await life.openTasks(placementId)).toEqual([]);
  });
});
