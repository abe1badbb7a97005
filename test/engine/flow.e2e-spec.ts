import { definitions, flow, serviceTask } from '../support/bpmn';
import { EngineUnderTest, startEngineUnderTest, waitFor } from '../support/engine-harness';
import { activate, activateNow } from '../support/jobs';

jest.setTimeout(30_000);

describe('gateways, variables and scopes', () => {
  let engine: EngineUnderTest;
  beforeAll(async () => (engine = await startEngineUnderTest()));
  afterAll(() => engine.stop());

  const deploy = (id: string, body: string[]) =>
    engine.zbc.deployResource({ process: Buffer.from(definitions(id, body.join('\n'))), name: `${id}.bpmn` });
  const stateOf = (key: string) => engine.instanceState(key);
  const rootVariables = async (key: string) =>
    (
      await engine.query<{ variables: Record<string, unknown> }>(
        `SELECT document->'variables'->key::text AS variables FROM engine.process_instance WHERE key = $1`,
        [key],
      )
    )[0].variables;
  const activeIncident = async (key: string) =>
    (
      await engine.query<{ key: string; error_type: string; error_message: string; element_id: string }>(
        `SELECT key, error_type, error_message, element_id FROM engine.incident WHERE process_instance_key = $1 AND state = 'ACTIVE'`,
        [key],
      )
    )[0];

  describe('exclusive gateway', () => {
    beforeAll(() =>
      deploy('route', [
        '<bpmn:startEvent id="start" />',
        '<bpmn:exclusiveGateway id="which" default="toOther" />',
        serviceTask('ordinary', 'route-ordinary'),
        serviceTask('flex', 'route-flex'),
        serviceTask('other', 'route-other'),
        flow('f0', 'start', 'which'),
        flow('toOrdinary', 'which', 'ordinary', '= hoursPerWeek &gt;= 37'),
        flow('toFlex', 'which', 'flex', '= hoursPerWeek &gt;= 3 and hoursPerWeek &lt; 37'),
        flow('toOther', 'which', 'other'),
      ]),
    );

    it.each([
      [40, 'route-ordinary'],
      [10, 'route-flex'],
      [1, 'route-other'],
    ])('takes the first flow whose condition holds, else the default (hours %p → %p)', async (hours, type) => {
      const created = await engine.zbc.createProcessInstance({
        bpmnProcessId: 'route',
        variables: { hoursPerWeek: hours },
      });
      const [job] = await activate(engine.zbc, type);
      expect(job.processInstanceKey).toBe(created.processInstanceKey);
      await engine.zbc.completeJob({ jobKey: job.key, variables: {} });
      await waitFor('completion', async () => (await stateOf(created.processInstanceKey)) === 'COMPLETED');
    });

    it('raises an incident when no condition holds and there is no default, and goes on once resolved', async () => {
      await deploy('strict', [
        '<bpmn:startEvent id="start" />',
        '<bpmn:exclusiveGateway id="gate" />',
        serviceTask('yes', 'strict-yes'),
        '<bpmn:endEvent id="no" />',
        flow('f0', 'start', 'gate'),
        flow('toYes', 'gate', 'yes', '= approved = true'),
        flow('toNo', 'gate', 'no', '= approved = false'),
      ]);
      const created = await engine.zbc.createProcessInstance({
        bpmnProcessId: 'strict',
        variables: { approved: 'maybe' },
      });
      const incident = await waitFor('incident', () => activeIncident(created.processInstanceKey));
      expect(incident).toMatchObject({ error_type: 'CONDITION_ERROR', element_id: 'gate' });
      expect(incident.error_message).toContain("'gate'");
      await engine.zbc.setVariables({
        elementInstanceKey: created.processInstanceKey,
        variables: { approved: true },
        local: false,
      });
      await engine.zbc.resolveIncident({ incidentKey: incident.key });
      const [job] = await activate(engine.zbc, 'strict-yes');
      expect(job.processInstanceKey).toBe(created.processInstanceKey);
    });
  });

  describe('parallel gateway', () => {
    it('forks onto every outgoing flow and joins when every branch has arrived', async () => {
      await deploy('parallel', [
        '<bpmn:startEvent id="start" />',
        '<bpmn:parallelGateway id="fork" />',
        serviceTask('mentor', 'par-mentor'),
        serviceTask('seat', 'par-seat'),
        '<bpmn:parallelGateway id="join" />',
        serviceTask('after', 'par-after'),
        '<bpmn:endEvent id="end" />',
        flow('f0', 'start', 'fork'),
        flow('f1', 'fork', 'mentor'),
        flow('f2', 'fork', 'seat'),
        flow('f3', 'mentor', 'join'),
        flow('f4', 'seat', 'join'),
        flow('f5', 'join', 'after'),
        flow('f6', 'after', 'end'),
      ]);
      const created = await engine.zbc.createProcessInstance({ bpmnProcessId: 'parallel', variables: {} });
      const [mentor] = await activate(engine.zbc, 'par-mentor');
      const [seat] = await activate(engine.zbc, 'par-seat');
      await engine.zbc.completeJob({ jobKey: mentor.key, variables: { mentorReady: true } });
      expect(await activateNow(engine.zbc, 'par-after')).toEqual([]);
      await engine.zbc.completeJob({ jobKey: seat.key, variables: { seatReserved: true } });
      const [after] = await activate(engine.zbc, 'par-after');
      expect(after.variables).toEqual({ mentorReady: true, seatReserved: true });
      await engine.zbc.completeJob({ jobKey: after.key, variables: {} });
      await waitFor('completion', async () => (await stateOf(created.processInstanceKey)) === 'COMPLETED');
      const joins = await engine.query<{ n: string }>(
        `SELECT count(*) AS n FROM engine.record WHERE process_instance_key = $1 AND element_id = 'join' AND intent = 'ELEMENT_ACTIVATED'`,
        [created.processInstanceKey],
      );
      expect(joins[0].n).toBe('1');
    });
  });

  describe('input and output mappings', () => {
    beforeAll(() =>
      deploy('mapped', [
        '<bpmn:startEvent id="start" />',
        serviceTask(
          'task',
          'mapped-task',
          `<zeebe:ioMapping>
             <zeebe:input source="= citizen.name" target="name" />
             <zeebe:input source="= hours * 2" target="request.doubleHours" />
             <zeebe:output source="= result.score" target="assessment.score" />
             <zeebe:output source="= name + &quot; assessed&quot;" target="summary" />
           </zeebe:ioMapping>
           <zeebe:taskHeaders><zeebe:header key="template" value="assessment" /></zeebe:taskHeaders>`,
        ),
        serviceTask('next', 'mapped-next'),
        '<bpmn:endEvent id="end" />',
        flow('f1', 'start', 'task'),
        flow('f2', 'task', 'next'),
        flow('f3', 'next', 'end'),
      ]),
    );

    it('gives the job its input variables and headers, and lets only the outputs out', async () => {
      const created = await engine.zbc.createProcessInstance({
        bpmnProcessId: 'mapped',
        variables: { citizen: { name: 'Ada' }, hours: 15, assessment: { by: 'caseworker' } },
      });
      const [job] = await activate(engine.zbc, 'mapped-task');
      expect(job.variables).toMatchObject({ name: 'Ada', request: { doubleHours: 30 }, hours: 15 });
      expect(job.customHeaders).toEqual({ template: 'assessment' });
      await engine.zbc.completeJob({ jobKey: job.key, variables: { result: { score: 4 }, scratch: 'x' } });
      const [next] = await activate(engine.zbc, 'mapped-next');
      expect(next.variables).toEqual({
        citizen: { name: 'Ada' },
        hours: 15,
        assessment: { by: 'caseworker', score: 4 },
        summary: 'Ada assessed',
      });
      await engine.zbc.completeJob({ jobKey: next.key, variables: {} });
      await waitFor('completion', async () => (await stateOf(created.processInstanceKey)) === 'COMPLETED');
    });

    it('makes a failing mapping an incident naming the element, resolved after the variable is set', async () => {
      await deploy('guarded', [
        '<bpmn:startEvent id="start" />',
        serviceTask(
          'guard',
          'guarded-task',
          '<zeebe:ioMapping><zeebe:input source="= assert(placementId, placementId != null)" target="id" /></zeebe:ioMapping>',
        ),
        '<bpmn:endEvent id="end" />',
        flow('f1', 'start', 'guard'),
        flow('f2', 'guard', 'end'),
      ]);
      const created = await engine.zbc.createProcessInstance({ bpmnProcessId: 'guarded', variables: {} });
      const incident = await waitFor('incident', () => activeIncident(created.processInstanceKey));
      expect(incident).toMatchObject({ error_type: 'IO_MAPPING_ERROR', element_id: 'guard' });
      expect(incident.error_message).toContain("'guard'");
      expect(await activateNow(engine.zbc, 'guarded-task')).toEqual([]);
      await engine.zbc.setVariables({
        elementInstanceKey: created.processInstanceKey,
        variables: { placementId: 7 },
        local: false,
      });
      await engine.zbc.resolveIncident({ incidentKey: incident.key });
      const [job] = await activate(engine.zbc, 'guarded-task');
      expect(job.variables).toMatchObject({ id: 7 });
    });
  });

  describe('variable scopes', () => {
    it('SetVariables local stays on the element; propagated updates the nearest scope that has it', async () => {
      await deploy('scopes', [
        '<bpmn:startEvent id="start" />',
        serviceTask(
          'work',
          'scope-work',
          '<zeebe:ioMapping><zeebe:input source="= 1" target="local" /></zeebe:ioMapping>',
        ),
        '<bpmn:endEvent id="end" />',
        flow('f1', 'start', 'work'),
        flow('f2', 'work', 'end'),
      ]);
      const created = await engine.zbc.createProcessInstance({ bpmnProcessId: 'scopes', variables: { shared: 'a' } });
      const [job] = await activate(engine.zbc, 'scope-work');
      await engine.zbc.setVariables({
        elementInstanceKey: job.elementInstanceKey,
        variables: { onlyHere: 1 },
        local: true,
      });
      await engine.zbc.setVariables({
        elementInstanceKey: job.elementInstanceKey,
        variables: { local: 2, shared: 'b', brandNew: true },
        local: false,
      });
      expect(await rootVariables(created.processInstanceKey)).toEqual({ shared: 'b', brandNew: true });
      await engine.zbc.completeJob({ jobKey: job.key, variables: { local: 3 } });
      await waitFor('completion', async () => (await stateOf(created.processInstanceKey)) === 'COMPLETED');
      // `local` and `onlyHere` lived on the task's scope and ended with it.
      expect(await rootVariables(created.processInstanceKey)).toEqual({ shared: 'b', brandNew: true });
    });
  });

  describe('other elements', () => {
    it('a terminate end event ends the instance and withdraws the other branch’s job', async () => {
      await deploy('terminate', [
        '<bpmn:startEvent id="start" />',
        '<bpmn:parallelGateway id="fork" />',
        serviceTask('slow', 'term-slow'),
        serviceTask('fast', 'term-fast'),
        '<bpmn:endEvent id="stop"><bpmn:terminateEventDefinition /></bpmn:endEvent>',
        '<bpmn:endEvent id="end" />',
        flow('f0', 'start', 'fork'),
        flow('f1', 'fork', 'slow'),
        flow('f2', 'fork', 'fast'),
        flow('f3', 'fast', 'stop'),
        flow('f4', 'slow', 'end'),
      ]);
      const created = await engine.zbc.createProcessInstance({ bpmnProcessId: 'terminate', variables: {} });
      const [fast] = await activate(engine.zbc, 'term-fast');
      await engine.zbc.completeJob({ jobKey: fast.key, variables: {} });
      await waitFor('completion', async () => (await stateOf(created.processInstanceKey)) === 'COMPLETED');
      expect(await activateNow(engine.zbc, 'term-slow')).toEqual([]);
    });

    it('a user task becomes a job with Zeebe’s assignment and form headers', async () => {
      await deploy('usertask', [
        '<bpmn:startEvent id="start" />',
        `<bpmn:userTask id="review"><bpmn:extensionElements>
           <zeebe:assignmentDefinition assignee="= caseworker" candidateGroups="jobcentre-north, mentors" />
           <zeebe:formDefinition formKey="camunda-forms:bpmn:reviewForm" />
         </bpmn:extensionElements></bpmn:userTask>`,
        '<bpmn:endEvent id="end" />',
        flow('f1', 'start', 'review'),
        flow('f2', 'review', 'end'),
      ]);
      await engine.zbc.createProcessInstance({ bpmnProcessId: 'usertask', variables: { caseworker: 'kim' } });
      const [job] = await activate(engine.zbc, 'io.camunda.zeebe:userTask');
      expect(job.customHeaders).toMatchObject({
        'io.camunda.zeebe:assignee': 'kim',
        'io.camunda.zeebe:candidateGroups': '["jobcentre-north","mentors"]',
        'io.camunda.zeebe:formKey': 'camunda-forms:bpmn:reviewForm',
      });
      await engine.zbc.completeJob({ jobKey: job.key, variables: { approved: true } });
    });

    it('a FEEL script task computes its result without a worker', async () => {
      await deploy('script', [
        '<bpmn:startEvent id="start" />',
        `<bpmn:scriptTask id="sum"><bpmn:extensionElements>
           <zeebe:script expression="= sum(hours)" resultVariable="totalHours" />
         </bpmn:extensionElements></bpmn:scriptTask>`,
        '<bpmn:endEvent id="end" />',
        flow('f1', 'start', 'sum'),
        flow('f2', 'sum', 'end'),
      ]);
      const result = await engine.zbc.createProcessInstanceWithResult({
        bpmnProcessId: 'script',
        variables: { hours: [7.5, 7.5, 0.1, 0.2] },
      });
      expect(result.variables.totalHours).toBe(15.3);
    });

    it('records every transition in order in the history', async () => {
      await deploy('history', [
        '<bpmn:startEvent id="start" />',
        serviceTask('only', 'hist-only'),
        '<bpmn:endEvent id="end" />',
        flow('f1', 'start', 'only'),
        flow('f2', 'only', 'end'),
      ]);
      const created = await engine.zbc.createProcessInstance({ bpmnProcessId: 'history', variables: {} });
      const [job] = await activate(engine.zbc, 'hist-only');
      await engine.zbc.completeJob({ jobKey: job.key, variables: {} });
      await waitFor('completion', async () => (await stateOf(created.processInstanceKey)) === 'COMPLETED');
      const records = await engine.query<{ value_type: string; intent: string; element_id: string | null }>(
        `SELECT value_type, intent, element_id FROM engine.record WHERE process_instance_key = $1 ORDER BY position`,
        [created.processInstanceKey],
      );
      expect(records.map((r) => `${r.value_type}:${r.intent}:${r.element_id ?? ''}`)).toEqual([
        'PROCESS_INSTANCE_CREATION:CREATED:',
        'PROCESS_INSTANCE:ELEMENT_ACTIVATING:history',
        'PROCESS_INSTANCE:ELEMENT_ACTIVATED:history',
        'PROCESS_INSTANCE:ELEMENT_ACTIVATING:start',
        'PROCESS_INSTANCE:ELEMENT_ACTIVATED:start',
        'PROCESS_INSTANCE:ELEMENT_COMPLETING:start',
        'PROCESS_INSTANCE:ELEMENT_COMPLETED:start',
        'PROCESS_INSTANCE:SEQUENCE_FLOW_TAKEN:f1',
        'PROCESS_INSTANCE:ELEMENT_ACTIVATING:only',
        'PROCESS_INSTANCE:ELEMENT_ACTIVATED:only',
        'JOB:CREATED:only',
        'JOB:ACTIVATED:only',
        'JOB:COMPLETED:only',
        'PROCESS_INSTANCE:ELEMENT_COMPLETING:only',
        'PROCESS_INSTANCE:ELEMENT_COMPLETED:only',
        'PROCESS_INSTANCE:SEQUENCE_FLOW_TAKEN:f2',
        'PROCESS_INSTANCE:ELEMENT_ACTIVATING:end',
        'PROCESS_INSTANCE:ELEMENT_ACTIVATED:end',
        'PROCESS_INSTANCE:ELEMENT_COMPLETING:end',
        'PROCESS_INSTANCE:ELEMENT_COMPLETED:end',
        'PROCESS_INSTANCE:ELEMENT_COMPLETING:history',
        'PROCESS_INSTANCE:ELEMENT_COMPLETED:history',
      ]);
    });
  });
});
