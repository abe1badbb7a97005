import { definitions, flow, serviceTask, withRootElements } from '../support/bpmn';
import { EngineUnderTest, GRPC, grpcError, startEngineUnderTest, waitFor } from '../support/engine-harness';
import { activate, activateNow, type TestJob } from '../support/jobs';

jest.setTimeout(30_000);

const HOUR = 3_600_000;

interface Loop {
  collection: string;
  sequential?: boolean;
  inputElement?: string;
  outputCollection?: string;
  outputElement?: string;
  completionCondition?: string;
}

/** Camunda Modeler's multi-instance marker with its zeebe:loopCharacteristics. */
function loop(spec: Loop): string {
  const attributes = [
    `inputCollection="${spec.collection}"`,
    spec.inputElement && `inputElement="${spec.inputElement}"`,
    spec.outputCollection && `outputCollection="${spec.outputCollection}"`,
    spec.outputElement && `outputElement="${spec.outputElement}"`,
  ].filter(Boolean);
  const condition = spec.completionCondition
    ? `<bpmn:completionCondition xsi:type="bpmn:tFormalExpression" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">${spec.completionCondition}</bpmn:completionCondition>`
    : '';
  return `<bpmn:multiInstanceLoopCharacteristics${spec.sequential ? ' isSequential="true"' : ''}>
      <bpmn:extensionElements><zeebe:loopCharacteristics ${attributes.join(' ')} /></bpmn:extensionElements>
      ${condition}
    </bpmn:multiInstanceLoopCharacteristics>`;
}

function multiInstanceTask(id: string, type: string, spec: Loop): string {
  return `<bpmn:serviceTask id="${id}">
    <bpmn:extensionElements><zeebe:taskDefinition type="${type}" /></bpmn:extensionElements>
    ${loop(spec)}
  </bpmn:serviceTask>`;
}

const byLoopCounter = (jobs: TestJob[]) =>
  [...jobs].sort((a, b) => (a.variables.loopCounter as number) - (b.variables.loopCounter as number));

describe('multi-instance activities', () => {
  let engine: EngineUnderTest;
  beforeAll(async () => (engine = await startEngineUnderTest()));
  afterAll(() => engine.stop());

  const deploy = (id: string, body: string[], root: string[] = []) =>
    engine.zbc.deployResource({
      process: Buffer.from(withRootElements(definitions(id, body.join('\n')), root)),
      name: `${id}.bpmn`,
    });
  const stateOf = (key: string) => engine.instanceState(key);
  const rootVariables = async (key: string) =>
    (
      await engine.query<{ variables: Record<string, unknown> }>(
        `SELECT document->'variables'->key::text AS variables FROM engine.process_instance WHERE key = $1`,
        [key],
      )
    )[0].variables;
  const jobsOf = (key: string, type: string) =>
    engine.query<{ key: string }>('SELECT key FROM engine.job WHERE process_instance_key = $1 AND type = $2', [
      key,
      type,
    ]);
  const recordsOf = (key: string, elementId: string) =>
    engine.query<{ intent: string; element_type: string; flow_scope_key: string | null; key: string }>(
      `SELECT intent, element_type, flow_scope_key::text, key::text FROM engine.record
        WHERE process_instance_key = $1 AND element_id = $2 AND value_type = 'PROCESS_INSTANCE' ORDER BY position`,
      [key, elementId],
    );
  const activeIncident = async (key: string) =>
    (
      await engine.query<{ key: string; error_type: string; error_message: string; element_id: string }>(
        `SELECT key::text, error_type, error_message, element_id FROM engine.incident
          WHERE process_instance_key = $1 AND state = 'ACTIVE'`,
        [key],
      )
    )[0];
  const settle = () => new Promise((r) => setTimeout(r, 300));

  it('parallel: one job per item at once, each with its loopCounter and item; the output collection keeps the order', async () => {
    await deploy('miParallel', [
      '<bpmn:startEvent id="start" />',
      multiInstanceTask('check', 'mi-par-check', {
        collection: '=applicants',
        inputElement: 'applicant',
        outputCollection: 'verdicts',
        outputElement: '=verdict',
      }),
      serviceTask('after', 'mi-par-after'),
      flow('f1', 'start', 'check'),
      flow('f2', 'check', 'after'),
    ]);
    const created = await engine.zbc.createProcessInstance({
      bpmnProcessId: 'miParallel',
      variables: { applicants: ['Ada', 'Bo', 'Cy'] },
    });
    const jobs = byLoopCounter(await activate(engine.zbc, 'mi-par-check', 3));
    expect(jobs.map((j) => [j.variables.loopCounter, j.variables.applicant])).toEqual([
      [1, 'Ada'],
      [2, 'Bo'],
      [3, 'Cy'],
    ]);
    expect(jobs[0].variables.verdicts).toEqual([null, null, null]);
    expect(new Set(jobs.map((j) => j.elementInstanceKey)).size).toBe(3);

    // Completed in reverse order: each verdict still lands at its item's position.
    for (const job of [...jobs].reverse()) {
      await engine.zbc.completeJob({
        jobKey: job.key,
        variables: { verdict: `ok:${String(job.variables.applicant)}` },
      });
      if (job !== jobs[0]) expect(await activateNow(engine.zbc, 'mi-par-after')).toEqual([]);
    }
    const [after] = await activate(engine.zbc, 'mi-par-after');
    expect(after.variables.verdicts).toEqual(['ok:Ada', 'ok:Bo', 'ok:Cy']);
    expect(after.variables).not.toHaveProperty('loopCounter');
    expect(after.variables).not.toHaveProperty('applicant');
    await engine.zbc.completeJob({ jobKey: after.key, variables: {} });
    await waitFor('completion', async () => (await stateOf(created.processInstanceKey)) === 'COMPLETED');
    expect((await rootVariables(created.processInstanceKey)).verdicts).toEqual(['ok:Ada', 'ok:Bo', 'ok:Cy']);

    // One body in the process scope, three inner instances inside the body; the flow is taken once.
    const records = await recordsOf(created.processInstanceKey, 'check');
    const body = records.find((r) => r.element_type === 'multiInstanceBody' && r.intent === 'ELEMENT_ACTIVATING')!;
    expect(body.flow_scope_key).toBe(created.processInstanceKey);
    const inner = records.filter((r) => r.element_type === 'serviceTask' && r.intent === 'ELEMENT_COMPLETED');
    expect(inner).toHaveLength(3);
    expect(inner.every((r) => r.flow_scope_key === body.key)).toBe(true);
    const taken = await engine.query(
      `SELECT 1 FROM engine.record WHERE process_instance_key = $1 AND element_id = 'f2' AND intent = 'SEQUENCE_FLOW_TAKEN'`,
      [created.processInstanceKey],
    );
    expect(taken).toHaveLength(1);
  });

  it('sequential: the next item’s job exists only once the previous one completed', async () => {
    await deploy('miSequential', [
      '<bpmn:startEvent id="start" />',
      multiInstanceTask('call', 'mi-seq-call', {
        collection: '=employers',
        sequential: true,
        inputElement: 'employer',
        outputCollection: 'answers',
        outputElement: '=employer + &quot;:&quot; + string(loopCounter)',
      }),
      serviceTask('after', 'mi-seq-after'),
      flow('f1', 'start', 'call'),
      flow('f2', 'call', 'after'),
    ]);
    await engine.zbc.createProcessInstance({
      bpmnProcessId: 'miSequential',
      variables: { employers: ['Lego', 'Vestas', 'Arla'] },
    });
    const seen: unknown[][] = [];
    for (let i = 0; i < 3; i++) {
      const [job] = await activate(engine.zbc, 'mi-seq-call');
      seen.push([job.variables.loopCounter, job.variables.employer]);
      expect(await activateNow(engine.zbc, 'mi-seq-call')).toEqual([]);
      await engine.zbc.completeJob({ jobKey: job.key, variables: {} });
    }
    expect(seen).toEqual([
      [1, 'Lego'],
      [2, 'Vestas'],
      [3, 'Arla'],
    ]);
    const [after] = await activate(engine.zbc, 'mi-seq-after');
    expect(after.variables.answers).toEqual(['Lego:1', 'Vestas:2', 'Arla:3']);
  });

  it('an empty collection completes the activity at once, with an empty output collection', async () => {
    await deploy('miEmpty', [
      '<bpmn:startEvent id="start" />',
      multiInstanceTask('notify', 'mi-empty-notify', {
        collection: '=recipients',
        inputElement: 'recipient',
        outputCollection: 'sent',
        outputElement: '=true',
      }),
      serviceTask('after', 'mi-empty-after'),
      flow('f1', 'start', 'notify'),
      flow('f2', 'notify', 'after'),
    ]);
    const created = await engine.zbc.createProcessInstance({ bpmnProcessId: 'miEmpty', variables: { recipients: [] } });
    const [after] = await activate(engine.zbc, 'mi-empty-after');
    expect(after.processInstanceKey).toBe(created.processInstanceKey);
    expect(after.variables.sent).toEqual([]);
    expect(await activateNow(engine.zbc, 'mi-empty-notify')).toEqual([]);
  });

  it('a completion condition that holds terminates the remaining inner instances and withdraws their jobs', async () => {
    await deploy('miQuorum', [
      '<bpmn:startEvent id="start" />',
      multiInstanceTask('vote', 'mi-quorum-vote', {
        collection: '=members',
        inputElement: 'member',
        outputCollection: 'votes',
        outputElement: '=vote',
        completionCondition:
          '=numberOfCompletedInstances &gt;= 2 and numberOfActiveInstances = numberOfInstances - 2 and numberOfTerminatedInstances = 0',
      }),
      serviceTask('after', 'mi-quorum-after'),
      flow('f1', 'start', 'vote'),
      flow('f2', 'vote', 'after'),
    ]);
    const created = await engine.zbc.createProcessInstance({
      bpmnProcessId: 'miQuorum',
      variables: { members: ['a', 'b', 'c', 'd'] },
    });
    const jobs = byLoopCounter(await activate(engine.zbc, 'mi-quorum-vote', 4));
    await engine.zbc.completeJob({ jobKey: jobs[3].key, variables: { vote: 'yes' } });
    expect(await activateNow(engine.zbc, 'mi-quorum-after')).toEqual([]);
    await engine.zbc.completeJob({ jobKey: jobs[1].key, variables: { vote: 'no' } });
    const [after] = await activate(engine.zbc, 'mi-quorum-after');
    expect(after.variables.votes).toEqual([null, 'no', null, 'yes']);
    expect(await jobsOf(created.processInstanceKey, 'mi-quorum-vote')).toEqual([]);
    const late = await grpcError(engine.zbc.completeJob({ jobKey: jobs[0].key, variables: { vote: 'late' } }));
    expect(late.code).toBe(GRPC.NOT_FOUND);
    const records = await recordsOf(created.processInstanceKey, 'vote');
    expect(records.filter((r) => r.element_type === 'serviceTask' && r.intent === 'ELEMENT_TERMINATED')).toHaveLength(
      2,
    );
    expect(records.filter((r) => r.element_type === 'multiInstanceBody').map((r) => r.intent)).toEqual([
      'ELEMENT_ACTIVATING',
      'ELEMENT_ACTIVATED',
      'ELEMENT_COMPLETING',
      'ELEMENT_COMPLETED',
    ]);
  });

  it('runs an embedded sub-process once per item, each inner instance a scope of its own', async () => {
    await deploy('miSub', [
      '<bpmn:startEvent id="start" />',
      `<bpmn:subProcess id="course">
         <bpmn:extensionElements><zeebe:ioMapping>
           <zeebe:input source="= participant.name" target="name" />
           <zeebe:output source="= name" target="lastName" />
         </zeebe:ioMapping></bpmn:extensionElements>
         ${loop({ collection: '=participants', inputElement: 'participant', outputCollection: 'grades', outputElement: '=name + &quot; graded&quot;' })}
         <bpmn:startEvent id="courseStart" />
         ${serviceTask('attend', 'mi-sub-attend')}
         ${serviceTask('grade', 'mi-sub-grade')}
         <bpmn:endEvent id="courseEnd" />
         ${flow('c1', 'courseStart', 'attend')}
         ${flow('c2', 'attend', 'grade')}
         ${flow('c3', 'grade', 'courseEnd')}
       </bpmn:subProcess>`,
      serviceTask('after', 'mi-sub-after'),
      flow('f1', 'start', 'course'),
      flow('f2', 'course', 'after'),
    ]);
    const created = await engine.zbc.createProcessInstance({
      bpmnProcessId: 'miSub',
      variables: { participants: [{ name: 'Ida' }, { name: 'Jens' }] },
    });
    const attend = byLoopCounter(await activate(engine.zbc, 'mi-sub-attend', 2));
    expect(attend.map((j) => [j.variables.loopCounter, j.variables.name])).toEqual([
      [1, 'Ida'],
      [2, 'Jens'],
    ]);
    for (const job of attend) await engine.zbc.completeJob({ jobKey: job.key, variables: {} });
    const grade = byLoopCounter(await activate(engine.zbc, 'mi-sub-grade', 2));
    expect(grade.map((j) => j.variables.loopCounter)).toEqual([1, 2]);
    for (const job of grade) await engine.zbc.completeJob({ jobKey: job.key, variables: {} });
    const [after] = await activate(engine.zbc, 'mi-sub-after');
    expect(after.processInstanceKey).toBe(created.processInstanceKey);
    // The sub-process's output mapping ran per inner instance (the last one wrote last); its locals stayed in.
    expect(after.variables).toMatchObject({ grades: ['Ida graded', 'Jens graded'], lastName: 'Jens' });
    expect(after.variables).not.toHaveProperty('name');
    expect(after.variables).not.toHaveProperty('participant');
  });

  it('collects sub-process results through the output element evaluated in each inner instance', async () => {
    await deploy('miSubOut', [
      '<bpmn:startEvent id="start" />',
      `<bpmn:subProcess id="assess">
         <bpmn:extensionElements><zeebe:ioMapping>
           <zeebe:input source="= null" target="score" />
         </zeebe:ioMapping></bpmn:extensionElements>
         ${loop({ collection: '=cases', inputElement: 'case', outputCollection: 'scores', outputElement: '=score' })}
         <bpmn:startEvent id="aStart" />
         ${serviceTask('score', 'mi-subout-score')}
         <bpmn:endEvent id="aEnd" />
         ${flow('a1', 'aStart', 'score')}
         ${flow('a2', 'score', 'aEnd')}
       </bpmn:subProcess>`,
      serviceTask('after', 'mi-subout-after'),
      flow('f1', 'start', 'assess'),
      flow('f2', 'assess', 'after'),
    ]);
    await engine.zbc.createProcessInstance({ bpmnProcessId: 'miSubOut', variables: { cases: [10, 20, 30] } });
    const jobs = await activate(engine.zbc, 'mi-subout-score', 3);
    // `score` is local to each inner sub-process (its input mapping), so the job's result lands there.
    for (const job of jobs) {
      await engine.zbc.completeJob({ jobKey: job.key, variables: { score: (job.variables.case as number) / 10 } });
    }
    const [after] = await activate(engine.zbc, 'mi-subout-after');
    expect(after.variables.scores).toEqual([1, 2, 3]);
    expect(after.variables).not.toHaveProperty('score');
  });

  it('a multi-instance call activity starts one child instance per item, each seeing its item', async () => {
    await deploy('miChild', [
      '<bpmn:startEvent id="start" />',
      serviceTask('assess', 'mi-child-assess'),
      '<bpmn:endEvent id="end" />',
      flow('c1', 'start', 'assess'),
      flow('c2', 'assess', 'end'),
    ]);
    await deploy('miCaller', [
      '<bpmn:startEvent id="start" />',
      `<bpmn:callActivity id="callAssess">
         <bpmn:extensionElements><zeebe:calledElement processId="miChild" /></bpmn:extensionElements>
         ${loop({ collection: '=cases', inputElement: 'case', outputCollection: 'outcomes', outputElement: '=outcome' })}
       </bpmn:callActivity>`,
      serviceTask('after', 'mi-caller-after'),
      flow('f1', 'start', 'callAssess'),
      flow('f2', 'callAssess', 'after'),
    ]);
    const created = await engine.zbc.createProcessInstance({
      bpmnProcessId: 'miCaller',
      variables: { cases: ['c1', 'c2'] },
    });
    const jobs = byLoopCounter(await activate(engine.zbc, 'mi-child-assess', 2));
    expect(jobs.map((j) => [j.variables.loopCounter, j.variables.case])).toEqual([
      [1, 'c1'],
      [2, 'c2'],
    ]);
    expect(new Set(jobs.map((j) => j.processInstanceKey)).size).toBe(2);
    expect(jobs.every((j) => j.processInstanceKey !== created.processInstanceKey)).toBe(true);
    for (const job of jobs) {
      await engine.zbc.completeJob({ jobKey: job.key, variables: { outcome: `done:${String(job.variables.case)}` } });
    }
    const [after] = await activate(engine.zbc, 'mi-caller-after');
    expect(after.processInstanceKey).toBe(created.processInstanceKey);
    expect(after.variables.outcomes).toEqual(['done:c1', 'done:c2']);
  });

  it('an input collection that is not a list is an incident naming the element, resolved once it is one', async () => {
    await deploy('miNotList', [
      '<bpmn:startEvent id="start" />',
      multiInstanceTask('review', 'mi-notlist-review', { collection: '=documents', inputElement: 'document' }),
      flow('f1', 'start', 'review'),
    ]);
    const created = await engine.zbc.createProcessInstance({
      bpmnProcessId: 'miNotList',
      variables: { documents: 'contract.pdf' },
    });
    const incident = await waitFor('incident', () => activeIncident(created.processInstanceKey));
    expect(incident).toMatchObject({ error_type: 'EXTRACT_VALUE_ERROR', element_id: 'review' });
    expect(incident.error_message).toContain("'review'");
    expect(incident.error_message).toContain('ARRAY');
    expect(await activateNow(engine.zbc, 'mi-notlist-review')).toEqual([]);

    await engine.zbc.setVariables({
      elementInstanceKey: created.processInstanceKey,
      variables: { documents: ['contract.pdf', 'payslip.pdf'] },
      local: false,
    });
    await engine.zbc.resolveIncident({ incidentKey: incident.key });
    const jobs = byLoopCounter(await activate(engine.zbc, 'mi-notlist-review', 2));
    expect(jobs.map((j) => j.variables.document)).toEqual(['contract.pdf', 'payslip.pdf']);
    for (const job of jobs) await engine.zbc.completeJob({ jobKey: job.key, variables: {} });
    await waitFor('completion', async () => (await stateOf(created.processInstanceKey)) === 'COMPLETED');
  });

  it('an error thrown by one inner job is caught by the error boundary event on the activity', async () => {
    await deploy(
      'miError',
      [
        '<bpmn:startEvent id="start" />',
        multiInstanceTask('verify', 'mi-error-verify', { collection: '=documents', inputElement: 'document' }),
        '<bpmn:boundaryEvent id="invalid" attachedToRef="verify"><bpmn:errorEventDefinition errorRef="Invalid" /></bpmn:boundaryEvent>',
        serviceTask('ok', 'mi-error-ok'),
        serviceTask('reject', 'mi-error-reject'),
        flow('f1', 'start', 'verify'),
        flow('f2', 'verify', 'ok'),
        flow('f3', 'invalid', 'reject'),
      ],
      ['<bpmn:error id="Invalid" errorCode="INVALID_DOCUMENT" />'],
    );
    const created = await engine.zbc.createProcessInstance({
      bpmnProcessId: 'miError',
      variables: { documents: ['a', 'b', 'c'] },
    });
    const jobs = byLoopCounter(await activate(engine.zbc, 'mi-error-verify', 3));
    await engine.zbc.completeJob({ jobKey: jobs[0].key, variables: {} });
    await engine.zbc.throwError({ jobKey: jobs[1].key, errorCode: 'INVALID_DOCUMENT', errorMessage: 'unreadable' });
    const [reject] = await activate(engine.zbc, 'mi-error-reject');
    expect(reject.processInstanceKey).toBe(created.processInstanceKey);
    // The other inner instance's job is withdrawn; no instance of the activity is left (body nor inner).
    expect(await engine.query('SELECT 1 FROM engine.job WHERE key = $1', [jobs[2].key])).toEqual([]);
    expect(
      await engine.query('SELECT 1 FROM engine.element_instance WHERE process_instance_key = $1 AND element_id = $2', [
        created.processInstanceKey,
        'verify',
      ]),
    ).toEqual([]);
    expect(await activeIncident(created.processInstanceKey)).toBeUndefined();
    expect(await activateNow(engine.zbc, 'mi-error-ok')).toEqual([]);
    const body = await recordsOf(created.processInstanceKey, 'verify');
    expect(body.filter((r) => r.element_type === 'multiInstanceBody').map((r) => r.intent)).toEqual([
      'ELEMENT_ACTIVATING',
      'ELEMENT_ACTIVATED',
      'ELEMENT_TERMINATING',
      'ELEMENT_TERMINATED',
    ]);
    await engine.zbc.completeJob({ jobKey: reject.key, variables: {} });
    await waitFor('completion', async () => (await stateOf(created.processInstanceKey)) === 'COMPLETED');
  });

  it('a non-interrupting timer on a multi-instance sub-process runs its path while the inner instances go on', async () => {
    await deploy('miTimer', [
      '<bpmn:startEvent id="start" />',
      `<bpmn:subProcess id="placement">
         ${loop({ collection: '=citizens', inputElement: 'citizen' })}
         <bpmn:startEvent id="pStart" />
         ${serviceTask('work', 'mi-timer-work')}
         <bpmn:endEvent id="pEnd" />
         ${flow('p1', 'pStart', 'work')}
         ${flow('p2', 'work', 'pEnd')}
       </bpmn:subProcess>`,
      `<bpmn:boundaryEvent id="weekly" cancelActivity="false" attachedToRef="placement">
         <bpmn:timerEventDefinition><bpmn:timeDuration>PT24H</bpmn:timeDuration></bpmn:timerEventDefinition>
       </bpmn:boundaryEvent>`,
      serviceTask('remind', 'mi-timer-remind'),
      serviceTask('after', 'mi-timer-after'),
      flow('f1', 'start', 'placement'),
      flow('f2', 'placement', 'after'),
      flow('f3', 'weekly', 'remind'),
    ]);
    const created = await engine.zbc.createProcessInstance({
      bpmnProcessId: 'miTimer',
      variables: { citizens: ['x', 'y'] },
    });
    const work = await activate(engine.zbc, 'mi-timer-work', 2, { timeout: 10 * 24 * HOUR });
    // One timer, owned by the body (not one per inner instance).
    const timers = await engine.query<{ owner_key: string }>(
      'SELECT owner_key::text FROM engine.timer WHERE process_instance_key = $1',
      [created.processInstanceKey],
    );
    expect(timers).toHaveLength(1);
    const body = (await recordsOf(created.processInstanceKey, 'placement')).find(
      (r) => r.element_type === 'multiInstanceBody',
    )!;
    expect(timers[0].owner_key).toBe(body.key);

    engine.clock.advance(25 * HOUR);
    const [remind] = await activate(engine.zbc, 'mi-timer-remind');
    expect(remind.processInstanceKey).toBe(created.processInstanceKey);
    expect(await jobsOf(created.processInstanceKey, 'mi-timer-work')).toHaveLength(2);
    await engine.zbc.completeJob({ jobKey: remind.key, variables: {} });
    await settle();
    expect(await stateOf(created.processInstanceKey)).toBe('ACTIVE');

    for (const job of work) await engine.zbc.completeJob({ jobKey: job.key, variables: {} });
    const [after] = await activate(engine.zbc, 'mi-timer-after');
    expect(after.processInstanceKey).toBe(created.processInstanceKey);
    await engine.zbc.completeJob({ jobKey: after.key, variables: {} });
    await waitFor('completion', async () => (await stateOf(created.processInstanceKey)) === 'COMPLETED');
  });

  it('cancelling the instance terminates the body’s inner instances first and withdraws their jobs', async () => {
    await deploy('miCancel', [
      '<bpmn:startEvent id="start" />',
      multiInstanceTask('task', 'mi-cancel-task', { collection: '=[1, 2]' }),
      flow('f1', 'start', 'task'),
    ]);
    const created = await engine.zbc.createProcessInstance({ bpmnProcessId: 'miCancel', variables: {} });
    await activate(engine.zbc, 'mi-cancel-task', 2);
    await engine.zbc.cancelProcessInstance(created.processInstanceKey);
    await waitFor('termination', async () => (await stateOf(created.processInstanceKey)) === 'TERMINATED');
    expect(await jobsOf(created.processInstanceKey, 'mi-cancel-task')).toEqual([]);
    const terminated = (await recordsOf(created.processInstanceKey, 'task'))
      .filter((r) => r.intent === 'ELEMENT_TERMINATED')
      .map((r) => r.element_type);
    expect(terminated).toEqual(['serviceTask', 'serviceTask', 'multiInstanceBody']);
  });
});
