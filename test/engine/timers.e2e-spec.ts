import { definitions, flow, serviceTask } from '../support/bpmn';
import { EngineUnderTest, startEngineUnderTest, waitFor } from '../support/engine-harness';
import { activate, activateNow } from '../support/jobs';

jest.setTimeout(30_000);

const HOUR = 3_600_000;
const timer = (kind: 'timeDuration' | 'timeDate' | 'timeCycle', value: string) =>
  `<bpmn:timerEventDefinition><bpmn:${kind}>${value}</bpmn:${kind}></bpmn:timerEventDefinition>`;

describe('timers, driven by the engine clock', () => {
  let engine: EngineUnderTest;
  beforeAll(async () => (engine = await startEngineUnderTest()));
  afterAll(() => engine.stop());

  const deploy = (id: string, body: string[]) =>
    engine.zbc.deployResource({ process: Buffer.from(definitions(id, body.join('\n'))), name: `${id}.bpmn` });
  const stateOf = (key: string) => engine.instanceState(key);
  const timersOf = async (key: string) =>
    engine.query<{ target_element_id: string; repetitions: number }>(
      'SELECT target_element_id, repetitions FROM engine.timer WHERE process_instance_key = $1',
      [key],
    );

  it('an intermediate timer (FEEL duration) waits until the clock passes it, then fires once', async () => {
    await deploy('followUp', [
      '<bpmn:startEvent id="start" />',
      `<bpmn:intermediateCatchEvent id="wait">${timer('timeDuration', '= duration("PT" + string(hours) + "H")')}</bpmn:intermediateCatchEvent>`,
      serviceTask('call', 'follow-up-call'),
      flow('f1', 'start', 'wait'),
      flow('f2', 'wait', 'call'),
    ]);
    const created = await engine.zbc.createProcessInstance({ bpmnProcessId: 'followUp', variables: { hours: 2 } });
    expect(await activateNow(engine.zbc, 'follow-up-call')).toEqual([]);
    await waitFor('the timer', async () => (await timersOf(created.processInstanceKey)).length === 1);
    engine.clock.advance(HOUR);
    expect(await activateNow(engine.zbc, 'follow-up-call')).toEqual([]);
    engine.clock.advance(HOUR + 1_000);
    const [job] = await activate(engine.zbc, 'follow-up-call');
    expect(job.processInstanceKey).toBe(created.processInstanceKey);
    expect(await timersOf(created.processInstanceKey)).toEqual([]);
  });

  it('an interrupting timer boundary event cancels the task and takes its own path', async () => {
    await deploy('deadline', [
      '<bpmn:startEvent id="start" />',
      serviceTask('sign', 'deadline-sign'),
      `<bpmn:boundaryEvent id="late" attachedToRef="sign">${timer('timeDuration', 'P14D')}</bpmn:boundaryEvent>`,
      serviceTask('remind', 'deadline-remind'),
      '<bpmn:endEvent id="end" />',
      flow('f1', 'start', 'sign'),
      flow('f2', 'sign', 'end'),
      flow('f3', 'late', 'remind'),
    ]);
    const created = await engine.zbc.createProcessInstance({ bpmnProcessId: 'deadline', variables: {} });
    await activate(engine.zbc, 'deadline-sign', 1, { timeout: 60 * 24 * HOUR });
    engine.clock.advance(15 * 24 * HOUR);
    const [remind] = await activate(engine.zbc, 'deadline-remind');
    expect(remind.processInstanceKey).toBe(created.processInstanceKey);
    const signJobs = await engine.query('SELECT key FROM engine.job WHERE process_instance_key = $1 AND type = $2', [
      created.processInstanceKey,
      'deadline-sign',
    ]);
    expect(signJobs).toEqual([]);
  });

  it('a non-interrupting cycle boundary repeats while the task goes on, as many times as it says', async () => {
    await deploy('reviews', [
      '<bpmn:startEvent id="start" />',
      serviceTask('practicum', 'reviews-practicum'),
      `<bpmn:boundaryEvent id="review" cancelActivity="false" attachedToRef="practicum">${timer('timeCycle', 'R2/P7D')}</bpmn:boundaryEvent>`,
      serviceTask('progress', 'reviews-progress'),
      '<bpmn:endEvent id="end" />',
      flow('f1', 'start', 'practicum'),
      flow('f2', 'practicum', 'end'),
      flow('f3', 'review', 'progress'),
    ]);
    const created = await engine.zbc.createProcessInstance({ bpmnProcessId: 'reviews', variables: {} });
    const [practicum] = await activate(engine.zbc, 'reviews-practicum', 1, { timeout: 60 * 24 * HOUR });
    for (let week = 1; week <= 3; week++) {
      engine.clock.advance(7 * 24 * HOUR + 1_000);
      await new Promise((r) => setTimeout(r, 300));
    }
    const reviews = await activate(engine.zbc, 'reviews-progress', 2);
    expect(reviews).toHaveLength(2);
    expect(await activateNow(engine.zbc, 'reviews-progress')).toEqual([]);
    expect(await timersOf(created.processInstanceKey)).toEqual([]);
    await engine.zbc.completeJob({ jobKey: practicum.key, variables: {} });
    for (const review of reviews) await engine.zbc.completeJob({ jobKey: review.key, variables: {} });
    await waitFor('completion', async () => (await stateOf(created.processInstanceKey)) === 'COMPLETED');
  });

  it('a timer start event with a date in the past starts one instance, and only one', async () => {
    await deploy('scheduled', [
      `<bpmn:startEvent id="at">${timer('timeDate', '2020-01-01T08:00:00Z')}</bpmn:startEvent>`,
      serviceTask('work', 'scheduled-work'),
      flow('f1', 'at', 'work'),
    ]);
    // A long job timeout: moving the clock must not hand the job out again.
    const [job] = await activate(engine.zbc, 'scheduled-work', 1, { timeout: 24 * HOUR });
    expect(job.variables).toEqual({});
    engine.clock.advance(HOUR);
    await new Promise((r) => setTimeout(r, 300));
    expect(await activateNow(engine.zbc, 'scheduled-work')).toEqual([]);
  });
});
