import { definitions, flow, sequence, serviceTask, withRootElements } from '../support/bpmn';
import { EngineUnderTest, startEngineUnderTest, waitFor } from '../support/engine-harness';
import { activate, activateNow } from '../support/jobs';

jest.setTimeout(30_000);

const errorDef = (id: string, code: string) => `<bpmn:error id="${id}" errorCode="${code}" />`;

describe('sub-processes, event sub-processes, call activities and errors', () => {
  let engine: EngineUnderTest;
  beforeAll(async () => (engine = await startEngineUnderTest()));
  afterAll(() => engine.stop());

  const deployXml = (id: string, xml: string) => engine.deployXml(id, xml);
  const stateOf = (key: string) => engine.instanceState(key);
  const incidentsOf = (key: string) =>
    engine.query<{ key: string; error_type: string; error_message: string; element_id: string }>(
      `SELECT key, error_type, error_message, element_id FROM engine.incident WHERE process_instance_key = $1 AND state = 'ACTIVE'`,
      [key],
    );

  it('runs an embedded sub-process as a scope: local variables stay in, output mappings come out', async () => {
    await deployXml(
      'training',
      definitions(
        'training',
        [
          '<bpmn:startEvent id="start" />',
          `<bpmn:subProcess id="course">
           <bpmn:extensionElements><zeebe:ioMapping>
             <zeebe:input source="= 0" target="modulesDone" />
             <zeebe:output source="= modulesDone" target="courseModules" />
           </zeebe:ioMapping></bpmn:extensionElements>
           <bpmn:startEvent id="courseStart" />
           ${serviceTask('module', 'training-module')}
           <bpmn:endEvent id="courseEnd" />
           ${flow('c1', 'courseStart', 'module')}
           ${flow('c2', 'module', 'courseEnd')}
         </bpmn:subProcess>`,
          serviceTask('after', 'training-after'),
          flow('f1', 'start', 'course'),
          flow('f2', 'course', 'after'),
        ].join('\n'),
      ),
    );
    await engine.zbc.createProcessInstance({ bpmnProcessId: 'training', variables: { mentor: 'Ida' } });
    const [module] = await activate(engine.zbc, 'training-module');
    expect(module.variables).toEqual({ mentor: 'Ida', modulesDone: 0 });
    await engine.zbc.completeJob({ jobKey: module.key, variables: { modulesDone: 3 } });
    const [after] = await activate(engine.zbc, 'training-after');
    expect(after.variables).toEqual({ mentor: 'Ida', courseModules: 3 });
  });

  it('catches a job’s error on the sub-process boundary, by code, terminating the rest of the scope', async () => {
    await deployXml(
      'seat',
      withRootElements(
        definitions(
          'seat',
          [
            '<bpmn:startEvent id="start" />',
            `<bpmn:subProcess id="match">
             <bpmn:startEvent id="mStart" />
             <bpmn:parallelGateway id="fork" />
             ${serviceTask('reserve', 'seat-reserve')}
             ${serviceTask('mentor', 'seat-mentor')}
             ${flow('m1', 'mStart', 'fork')}
             ${flow('m2', 'fork', 'reserve')}
             ${flow('m3', 'fork', 'mentor')}
           </bpmn:subProcess>`,
            '<bpmn:boundaryEvent id="noSeat" attachedToRef="match"><bpmn:errorEventDefinition errorRef="NoSeat" /></bpmn:boundaryEvent>',
            '<bpmn:boundaryEvent id="anyError" attachedToRef="match"><bpmn:errorEventDefinition /></bpmn:boundaryEvent>',
            serviceTask('waitlist', 'seat-waitlist'),
            serviceTask('escalate', 'seat-escalate'),
            flow('f1', 'start', 'match'),
            flow('f2', 'noSeat', 'waitlist'),
            flow('f3', 'anyError', 'escalate'),
          ].join('\n'),
        ),
        [errorDef('NoSeat', 'NO_VACANT_SEAT')],
      ),
    );
    const created = await engine.zbc.createProcessInstance({ bpmnProcessId: 'seat', variables: {} });
    const [reserve] = await activate(engine.zbc, 'seat-reserve');
    const [mentor] = await activate(engine.zbc, 'seat-mentor');
    await engine.zbc.throwError({ jobKey: reserve.key, errorCode: 'NO_VACANT_SEAT', errorMessage: 'all taken' });
    const [waitlist] = await activate(engine.zbc, 'seat-waitlist');
    expect(waitlist.processInstanceKey).toBe(created.processInstanceKey);
    expect(await activateNow(engine.zbc, 'seat-escalate')).toEqual([]);
    // Both jobs are gone: the thrower's with its terminated task, the other with the scope.
    expect(
      await engine.query('SELECT 1 FROM engine.job WHERE key = ANY($1::bigint[])', [[mentor.key, reserve.key]]),
    ).toEqual([]);
    expect(await incidentsOf(created.processInstanceKey)).toEqual([]);
  });

  it('an error end event is caught by the process’s error event sub-process, which finishes the instance', async () => {
    await deployXml(
      'review',
      withRootElements(
        definitions(
          'review',
          [
            '<bpmn:startEvent id="start" />',
            '<bpmn:exclusiveGateway id="ok" default="toFine" />',
            '<bpmn:endEvent id="fail"><bpmn:errorEventDefinition errorRef="Unfit" /></bpmn:endEvent>',
            '<bpmn:endEvent id="fine" />',
            flow('f1', 'start', 'ok'),
            flow('toFail', 'ok', 'fail', '= fit = false'),
            flow('toFine', 'ok', 'fine'),
            `<bpmn:subProcess id="onUnfit" triggeredByEvent="true">
             <bpmn:startEvent id="unfitStart"><bpmn:errorEventDefinition errorRef="Unfit" /></bpmn:startEvent>
             ${serviceTask('reassign', 'review-reassign')}
             ${flow('e1', 'unfitStart', 'reassign')}
           </bpmn:subProcess>`,
          ].join('\n'),
        ),
        [errorDef('Unfit', 'UNFIT')],
      ),
    );
    const unfit = await engine.zbc.createProcessInstance({ bpmnProcessId: 'review', variables: { fit: false } });
    const [reassign] = await activate(engine.zbc, 'review-reassign');
    expect(reassign.processInstanceKey).toBe(unfit.processInstanceKey);
    await engine.zbc.completeJob({ jobKey: reassign.key, variables: {} });
    await waitFor('completion', async () => (await stateOf(unfit.processInstanceKey)) === 'COMPLETED');
  });

  it('a non-interrupting message event sub-process runs beside the main path; an interrupting timer one ends it', async () => {
    const xml = withRootElements(
      definitions(
        'practicum',
        [
          '<bpmn:startEvent id="start" />',
          serviceTask('work', 'practicum-work'),
          flow('f1', 'start', 'work'),
          `<bpmn:subProcess id="onNote" triggeredByEvent="true">
           <bpmn:startEvent id="noteStart" isInterrupting="false"><bpmn:messageEventDefinition messageRef="note" /></bpmn:startEvent>
           ${serviceTask('record', 'practicum-record')}
           ${flow('n1', 'noteStart', 'record')}
         </bpmn:subProcess>`,
          `<bpmn:subProcess id="onEnd" triggeredByEvent="true">
           <bpmn:startEvent id="endStart"><bpmn:timerEventDefinition><bpmn:timeDuration>P13W</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:startEvent>
           ${serviceTask('evaluate', 'practicum-evaluate')}
           ${flow('t1', 'endStart', 'evaluate')}
         </bpmn:subProcess>`,
        ].join('\n'),
      ),
      [
        '<bpmn:message id="note" name="progress-note"><bpmn:extensionElements><zeebe:subscription correlationKey="= caseId" /></bpmn:extensionElements></bpmn:message>',
      ],
    );
    await deployXml('practicum', xml);
    const created = await engine.zbc.createProcessInstance({
      bpmnProcessId: 'practicum',
      variables: { caseId: 'case-7' },
    });
    const [work] = await activate(engine.zbc, 'practicum-work', 1, { timeout: 365 * 24 * 3_600_000 });
    await waitFor(
      'subscription',
      async () =>
        (await engine.query(`SELECT 1 FROM engine.message_subscription WHERE correlation_key = 'case-7'`)).length === 1,
    );
    await engine.zbc.publishMessage({
      name: 'progress-note',
      correlationKey: 'case-7',
      variables: { note: 'good week' },
      timeToLive: 0,
    });
    const [record] = await activate(engine.zbc, 'practicum-record');
    expect(record.variables).toMatchObject({ note: 'good week' });
    // The non-interrupting one may fire again; the main path is untouched.
    expect(await engine.query('SELECT 1 FROM engine.job WHERE key = $1', [work.key])).toHaveLength(1);
    engine.clock.advance(14 * 7 * 24 * 3_600_000);
    const [evaluate] = await activate(engine.zbc, 'practicum-evaluate', 1, { timeout: 365 * 24 * 3_600_000 });
    expect(evaluate.processInstanceKey).toBe(created.processInstanceKey);
    expect(
      await engine.query('SELECT 1 FROM engine.job WHERE key = ANY($1::bigint[])', [[work.key, record.key]]),
    ).toEqual([]);
    await engine.zbc.completeJob({ jobKey: evaluate.key, variables: {} });
    await waitFor('completion', async () => (await stateOf(created.processInstanceKey)) === 'COMPLETED');
  });

  describe('call activities', () => {
    beforeAll(async () => {
      await deployXml('mentorTraining', sequence('mentorTraining', 'mt-course'));
      await deployXml(
        'placement',
        withRootElements(
          definitions(
            'placement',
            [
              '<bpmn:startEvent id="start" />',
              `<bpmn:callActivity id="train"><bpmn:extensionElements>
               <zeebe:calledElement processId="= trainingProcess" propagateAllChildVariables="true" />
             </bpmn:extensionElements></bpmn:callActivity>`,
              '<bpmn:boundaryEvent id="failed" attachedToRef="train"><bpmn:errorEventDefinition errorRef="Fail" /></bpmn:boundaryEvent>',
              serviceTask('start-practicum', 'placement-start'),
              serviceTask('other-mentor', 'placement-other-mentor'),
              flow('f1', 'start', 'train'),
              flow('f2', 'train', 'start-practicum'),
              flow('f3', 'failed', 'other-mentor'),
            ].join('\n'),
          ),
          [errorDef('Fail', 'COURSE_FAILED')],
        ),
      );
    });

    it('starts the called process with the caller’s variables and continues with the child’s', async () => {
      const parent = await engine.zbc.createProcessInstance({
        bpmnProcessId: 'placement',
        variables: { trainingProcess: 'mentorTraining', mentor: 'Ida' },
      });
      const [course] = await activate(engine.zbc, 'mt-course');
      expect(course.variables).toMatchObject({ mentor: 'Ida' });
      expect(course.processInstanceKey).not.toBe(parent.processInstanceKey);
      await engine.zbc.completeJob({ jobKey: course.key, variables: { certified: true } });
      const [next] = await activate(engine.zbc, 'placement-start');
      expect(next).toMatchObject({
        processInstanceKey: parent.processInstanceKey,
        variables: { certified: true, mentor: 'Ida' },
      });
      expect(await stateOf(course.processInstanceKey)).toBe('COMPLETED');
    });

    it('catches an error thrown inside the called process on the call activity in the parent', async () => {
      const parent = await engine.zbc.createProcessInstance({
        bpmnProcessId: 'placement',
        variables: { trainingProcess: 'mentorTraining' },
      });
      const [course] = await activate(engine.zbc, 'mt-course');
      await engine.zbc.throwError({ jobKey: course.key, errorCode: 'COURSE_FAILED', errorMessage: 'absent' });
      const [other] = await activate(engine.zbc, 'placement-other-mentor');
      expect(other.processInstanceKey).toBe(parent.processInstanceKey);
      expect(await stateOf(course.processInstanceKey)).toBe('TERMINATED');
    });

    it('cancelling the parent terminates the child, and the child alone cannot be cancelled', async () => {
      const parent = await engine.zbc.createProcessInstance({
        bpmnProcessId: 'placement',
        variables: { trainingProcess: 'mentorTraining' },
      });
      const [course] = await activate(engine.zbc, 'mt-course');
      await expect(engine.zbc.cancelProcessInstance(course.processInstanceKey)).rejects.toThrow(/parent/);
      await engine.zbc.cancelProcessInstance(parent.processInstanceKey);
      expect(await stateOf(course.processInstanceKey)).toBe('TERMINATED');
      expect(await engine.query('SELECT 1 FROM engine.job WHERE key = $1', [course.key])).toEqual([]);
    });

    it('a message boundary event interrupts the call activity and terminates the called instance', async () => {
      await deployXml(
        'cancellable',
        withRootElements(
          definitions(
            'cancellable',
            [
              '<bpmn:startEvent id="start" />',
              `<bpmn:callActivity id="train"><bpmn:extensionElements>
                 <zeebe:calledElement processId="mentorTraining" />
               </bpmn:extensionElements></bpmn:callActivity>`,
              '<bpmn:boundaryEvent id="left" attachedToRef="train"><bpmn:messageEventDefinition messageRef="mentorLeft" /></bpmn:boundaryEvent>',
              serviceTask('replan', 'cancellable-replan'),
              flow('f1', 'start', 'train'),
              flow('f2', 'left', 'replan'),
            ].join('\n'),
          ),
          [
            '<bpmn:message id="mentorLeft" name="mentor-left"><bpmn:extensionElements><zeebe:subscription correlationKey="= mentorId" /></bpmn:extensionElements></bpmn:message>',
          ],
        ),
      );
      const parent = await engine.zbc.createProcessInstance({
        bpmnProcessId: 'cancellable',
        variables: { mentorId: 'm-9' },
      });
      const [course] = await activate(engine.zbc, 'mt-course');
      await engine.zbc.publishMessage({
        name: 'mentor-left',
        correlationKey: 'm-9',
        variables: { reason: 'moved' },
        timeToLive: 0,
      });
      const [replan] = await activate(engine.zbc, 'cancellable-replan');
      expect(replan).toMatchObject({ processInstanceKey: parent.processInstanceKey, variables: { reason: 'moved' } });
      expect(await stateOf(course.processInstanceKey)).toBe('TERMINATED');
      expect(await engine.query('SELECT 1 FROM engine.job WHERE key = $1', [course.key])).toEqual([]);
    });

    it('raises an incident on the call activity when the called process does not exist', async () => {
      const parent = await engine.zbc.createProcessInstance({
        bpmnProcessId: 'placement',
        variables: { trainingProcess: 'noSuchTraining' },
      });
      const [incident] = await waitFor('incident', async () => {
        const found = await incidentsOf(parent.processInstanceKey);
        return found.length > 0 && found;
      });
      expect(incident).toMatchObject({ error_type: 'CALLED_ELEMENT_ERROR', element_id: 'train' });
      expect(incident.error_message).toContain("'noSuchTraining'");
      await engine.zbc.setVariables({
        elementInstanceKey: parent.processInstanceKey,
        variables: { trainingProcess: 'mentorTraining' },
        local: false,
      });
      await engine.zbc.resolveIncident({ incidentKey: incident.key });
      const [course] = await activate(engine.zbc, 'mt-course');
      expect(course.variables).toMatchObject({ trainingProcess: 'mentorTraining' });
    });
  });
});
