import { AgreementService, today } from '@brobygger/domain';
import { waitFor } from '../support/engine-harness';
import { choice, seedCase } from './support/fixtures';
import { LifecycleUnderTest, startLifecycle } from './support/lifecycle-harness';

jest.setTimeout(90_000);

let life: LifecycleUnderTest;
beforeAll(async () => {
  life = await startLifecycle();
});
afterAll(() => life.stop());

const caseOf = async (id: string) => (await life.http().get(`/api/cases/${id}`).expect(200)).body;
const passed = (elementId: string, processInstanceKey: string) =>
  life.engine.query(
    `SELECT 1 FROM engine.record WHERE element_id = $1 AND process_instance_key = $2 AND intent = 'ELEMENT_COMPLETED'`,
    [elementId, processInstanceKey],
  );

describe('rule breaches are BPMN errors the lifecycle catches', () => {
  it('MENTOR_NOT_TRAINED: a mentor who did not complete the course is sent to training again', async () => {
    const fixture = await seedCase(life.server, { agreement: true, mentorTrained: false });
    const opened = await life.http().post('/api/cases').send({ citizenId: fixture.citizenId }).expect(201);
    const id: string = opened.body.id;
    await life.complete(await life.task('Task_ChoosePlacement', id), choice(fixture));

    // The course is not completed: the practicum cannot start (MEN-TRAIN-1) ...
    const firstCourse = await life.task('Task_RecordTraining', id);
    await life.complete(firstCourse, { trainingCompleted: false, trainingDate: today() });
    // ... so the error boundary leads back to the training.
    const secondCourse = await life.task('Task_RecordTraining', id);
    expect(secondCourse.id).not.toBe(firstCourse.id);
    expect(await passed('Boundary_MentorNotTrained', opened.body.processInstanceKey)).toHaveLength(1);
    expect((await caseOf(id)).stage).toBe('MENTOR_TRAINING');

    await life.complete(secondCourse, { trainingCompleted: true, trainingDate: today() });
    await waitFor('the practicum', async () => (await caseOf(id)).stage === 'IN_PRACTICUM');
  });

  it('NO_VACANT_SEAT: a company whose seats are taken sends the case back to matching', async () => {
    const fixture = await seedCase(life.server, { agreement: true, mentorTrained: true });
    const agreements = life.server.get(AgreementService, { strict: false });
    for (const seat of await agreements.seatsOf(fixture.agreementId!)) {
      await life.engine.query(`UPDATE casework.seat SET state = 'PAUSED' WHERE id = $1`, [seat.id]);
    }
    const opened = await life.http().post('/api/cases').send({ citizenId: fixture.citizenId }).expect(201);
    const id: string = opened.body.id;
    const firstChoice = await life.task('Task_ChoosePlacement', id);
    await life.complete(firstChoice, choice(fixture));

    const again = await waitFor('matching again', async () => {
      const task = (await life.openTasks(id)).find((t) => t.name === 'Task_ChoosePlacement');
      return task && task.id !== firstChoice.id ? task : undefined;
    });
    expect(again.variables.companyOptions).toBeDefined();
    expect(await passed('Boundary_NoVacantSeat', opened.body.processInstanceKey)).toHaveLength(1);
    expect((await caseOf(id)).stage).toBe('MATCHING');
  });
});
