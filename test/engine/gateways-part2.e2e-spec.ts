import { definitions, flow, serviceTask, withRootElements } from '../support/bpmn';
import { EngineUnderTest, startEngineUnderTest, waitFor } from '../support/engine-harness';
import { activate, activateNow } from '../support/jobs';

jest.setTimeout(30_000);

describe('inclusive gateways and escalations', () => {
  let engine: EngineUnderTest;
  beforeAll(async () => (engine = await startEngineUnderTest()));
  afterAll(() => engine.stop());

  const deploy = (id: string, body: string[], root: string[] = []) =>
    engine.zbc.deployResource({
      process: Buffer.from(withRootElements(definitions(id, body.join('\n')), root)),
      name: `${id}.bpmn`,
    });
  const stateOf = (key: string) => engine.instanceState(key);
  const activeIncidents = (key: string) =>
    engine.query<{ key: string; error_type: string; error_message: string; element_id: string }>(
      `SELECT key, error_type, error_message, element_id FROM engine.incident WHERE process_instance_key = $1 AND state = 'ACTIVE'`,
      [key],
    );
  const timesActivated = async (key: string, elementId: string) =>
    Number(
      (
        await engine.query<{ n: string }>(
          `SELECT count(*) AS n FROM engine.record WHERE process_instance_key = $1 AND element_id = $2 AND intent = 'ELEMENT_ACTIVATED'`,
          [key, elementId],
        )
      )[0].n,
    );
  const complete = (jobKey: string, variables: Record<string, unknown> = {}) =>
    engine.zbc.completeJob({ jobKey, variables });
  const completed = (key: string) => waitFor('completion', async () => (await stateOf(key)) === 'COMPLETED');

  describe('inclusive gateway', () => {
    /** start → fork (a / b / c by condition, default d) → tasks → join → after → end */
    beforeAll(() =>
      deploy('lunch', [
        '<bpmn:startEvent id="start" />',
        '<bpmn:inclusiveGateway id="fork" default="toSoup" />',
        serviceTask('pasta', 'lunch-pasta'),
        serviceTask('steak', 'lunch-steak'),
        serviceTask('salad', 'lunch-salad'),
        serviceTask('soup', 'lunch-soup'),
        '<bpmn:inclusiveGateway id="join" />',
        serviceTask('after', 'lunch-after'),
        '<bpmn:endEvent id="end" />',
        flow('f0', 'start', 'fork'),
        flow('toPasta', 'fork', 'pasta', '= list contains(courses, "pasta")'),
        flow('toSteak', 'fork', 'steak', '= list contains(courses, "steak")'),
        flow('toSalad', 'fork', 'salad', '= list contains(courses, "salad")'),
        flow('toSoup', 'fork', 'soup'),
        flow('p', 'pasta', 'join'),
        flow('s', 'steak', 'join'),
        flow('l', 'salad', 'join'),
        flow('o', 'soup', 'join'),
        flow('f9', 'join', 'after'),
        flow('f10', 'after', 'end'),
      ]),
    );

    it('forks onto every flow whose condition holds and joins once both branches have arrived', async () => {
      const created = await engine.zbc.createProcessInstance({
        bpmnProcessId: 'lunch',
        variables: { courses: ['pasta', 'salad'] },
      });
      const [pasta] = await activate(engine.zbc, 'lunch-pasta');
      const [salad] = await activate(engine.zbc, 'lunch-salad');
      expect([pasta.processInstanceKey, salad.processInstanceKey]).toEqual([
        created.processInstanceKey,
        created.processInstanceKey,
      ]);
      expect(await activateNow(engine.zbc, 'lunch-steak')).toEqual([]);
      expect(await activateNow(engine.zbc, 'lunch-soup')).toEqual([]);

      await complete(salad.key, { saladDone: true });
      expect(await activateNow(engine.zbc, 'lunch-after')).toEqual([]);
      const parked = await engine.query<{ joins: Record<string, Record<string, number>> }>(
        `SELECT document->'joins' AS joins FROM engine.process_instance WHERE key = $1`,
        [created.processInstanceKey],
      );
      expect(Object.values(parked[0].joins)).toEqual([{ l: 1 }]);

      await complete(pasta.key, { pastaDone: true });
      const [after] = await activate(engine.zbc, 'lunch-after');
      expect(after.variables).toMatchObject({ saladDone: true, pastaDone: true });
      await complete(after.key);
      await completed(created.processInstanceKey);
      expect(await timesActivated(created.processInstanceKey, 'join')).toBe(1);
    });

    it('passes the join after the only branch taken', async () => {
      const created = await engine.zbc.createProcessInstance({
        bpmnProcessId: 'lunch',
        variables: { courses: ['steak'] },
      });
      const [steak] = await activate(engine.zbc, 'lunch-steak');
      expect(steak.processInstanceKey).toBe(created.processInstanceKey);
      await complete(steak.key);
      const [after] = await activate(engine.zbc, 'lunch-after');
      expect(after.processInstanceKey).toBe(created.processInstanceKey);
      await complete(after.key);
      await completed(created.processInstanceKey);
      expect(await timesActivated(created.processInstanceKey, 'join')).toBe(1);
    });

    it('takes the default flow only when no condition holds', async () => {
      const created = await engine.zbc.createProcessInstance({
        bpmnProcessId: 'lunch',
        variables: { courses: [] },
      });
      const [soup] = await activate(engine.zbc, 'lunch-soup');
      expect(soup.processInstanceKey).toBe(created.processInstanceKey);
      for (const type of ['lunch-pasta', 'lunch-steak', 'lunch-salad']) {
        expect(await activateNow(engine.zbc, type)).toEqual([]);
      }
      await complete(soup.key);
      const [after] = await activate(engine.zbc, 'lunch-after');
      await complete(after.key);
      await completed(created.processInstanceKey);
    });

    it('raises an incident naming the gateway when no condition holds and there is no default, and goes on once resolved', async () => {
      await deploy('strictLunch', [
        '<bpmn:startEvent id="start" />',
        '<bpmn:inclusiveGateway id="choose" />',
        serviceTask('pasta', 'strict-pasta'),
        serviceTask('salad', 'strict-salad'),
        flow('f0', 'start', 'choose'),
        flow('toPasta', 'choose', 'pasta', '= pasta'),
        flow('toSalad', 'choose', 'salad', '= salad'),
      ]);
      const created = await engine.zbc.createProcessInstance({
        bpmnProcessId: 'strictLunch',
        variables: { pasta: false, salad: false },
      });
      const [incident] = await waitFor('incident', async () => {
        const found = await activeIncidents(created.processInstanceKey);
        return found.length > 0 && found;
      });
      expect(incident).toMatchObject({ error_type: 'CONDITION_ERROR', element_id: 'choose' });
      expect(incident.error_message).toContain("'choose'");
      await engine.zbc.setVariables({
        elementInstanceKey: created.processInstanceKey,
        variables: { pasta: true, salad: true },
        local: false,
      });
      await engine.zbc.resolveIncident({ incidentKey: incident.key });
      const [pasta] = await activate(engine.zbc, 'strict-pasta');
      const [salad] = await activate(engine.zbc, 'strict-salad');
      expect([pasta.processInstanceKey, salad.processInstanceKey]).toEqual([
        created.processInstanceKey,
        created.processInstanceKey,
      ]);
    });

    it('an incident for a condition that fails to evaluate names the gateway and the flow', async () => {
      const created = await engine.zbc.createProcessInstance({
        bpmnProcessId: 'strictLunch',
        variables: { pasta: 'yes', salad: false },
      });
      const [incident] = await waitFor('incident', async () => {
        const found = await activeIncidents(created.processInstanceKey);
        return found.length > 0 && found;
      });
      expect(incident).toMatchObject({ error_type: 'CONDITION_ERROR', element_id: 'choose' });
    });

    it('a join reached by one path waits while another branch still has an active task, through other gateways', async () => {
      // fork (parallel) → straight to join, and → review → exclusive gateway → join or → end.
      await deploy('reviewFlow', [
        '<bpmn:startEvent id="start" />',
        '<bpmn:parallelGateway id="fork" />',
        serviceTask('review', 'review-task'),
        '<bpmn:exclusiveGateway id="needed" default="toSkip" />',
        '<bpmn:endEvent id="skip" />',
        '<bpmn:inclusiveGateway id="join" />',
        serviceTask('after', 'review-after'),
        '<bpmn:endEvent id="end" />',
        flow('f0', 'start', 'fork'),
        flow('direct', 'fork', 'join'),
        flow('f1', 'fork', 'review'),
        flow('f2', 'review', 'needed'),
        flow('toJoin', 'needed', 'join', '= followUp = true'),
        flow('toSkip', 'needed', 'skip'),
        flow('f3', 'join', 'after'),
        flow('f4', 'after', 'end'),
      ]);

      // The review's path reaches the join: it fires once, with both tokens.
      const both = await engine.zbc.createProcessInstance({ bpmnProcessId: 'reviewFlow', variables: {} });
      const [review] = await activate(engine.zbc, 'review-task');
      expect(await activateNow(engine.zbc, 'review-after')).toEqual([]);
      expect(await timesActivated(both.processInstanceKey, 'join')).toBe(0);
      await complete(review.key, { followUp: true });
      const [after] = await activate(engine.zbc, 'review-after');
      expect(after.processInstanceKey).toBe(both.processInstanceKey);
      await complete(after.key);
      await completed(both.processInstanceKey);
      expect(await timesActivated(both.processInstanceKey, 'join')).toBe(1);

      // The review's path ends at an end event instead: then nothing else can reach the join.
      const one = await engine.zbc.createProcessInstance({ bpmnProcessId: 'reviewFlow', variables: {} });
      const [review2] = await activate(engine.zbc, 'review-task');
      expect(await activateNow(engine.zbc, 'review-after')).toEqual([]);
      await complete(review2.key, { followUp: false });
      const [after2] = await activate(engine.zbc, 'review-after');
      expect(after2.processInstanceKey).toBe(one.processInstanceKey);
      await complete(after2.key);
      await completed(one.processInstanceKey);
      expect(await timesActivated(one.processInstanceKey, 'join')).toBe(1);
    });

    it('an empty branch straight from the fork to the join still waits for the other branch', async () => {
      await deploy('optional', [
        '<bpmn:startEvent id="start" />',
        '<bpmn:inclusiveGateway id="fork" />',
        serviceTask('extra', 'optional-extra'),
        '<bpmn:inclusiveGateway id="join" />',
        serviceTask('after', 'optional-after'),
        flow('f0', 'start', 'fork'),
        flow('skip', 'fork', 'join', '= true'),
        flow('toExtra', 'fork', 'extra', '= wantExtra'),
        flow('f1', 'extra', 'join'),
        flow('f2', 'join', 'after'),
      ]);
      const created = await engine.zbc.createProcessInstance({
        bpmnProcessId: 'optional',
        variables: { wantExtra: true },
      });
      const [extra] = await activate(engine.zbc, 'optional-extra');
      expect(await activateNow(engine.zbc, 'optional-after')).toEqual([]);
      await complete(extra.key);
      const [after] = await activate(engine.zbc, 'optional-after');
      expect(after.processInstanceKey).toBe(created.processInstanceKey);
      await complete(after.key);
      await completed(created.processInstanceKey);
      expect(await timesActivated(created.processInstanceKey, 'join')).toBe(1);
    });

    it('a join waits for tokens parked at another join upstream, inside a sub-process scope', async () => {
      await deploy('nested', [
        '<bpmn:startEvent id="start" />',
        `<bpmn:subProcess id="sub">
           <bpmn:startEvent id="subStart" />
           <bpmn:parallelGateway id="fork" />
           ${serviceTask('a', 'nested-a')}
           ${serviceTask('b', 'nested-b')}
           <bpmn:parallelGateway id="both" />
           <bpmn:inclusiveGateway id="join" />
           ${serviceTask('inner', 'nested-inner')}
           ${flow('s0', 'subStart', 'fork')}
           ${flow('s1', 'fork', 'a')}
           ${flow('s2', 'fork', 'b')}
           ${flow('s3', 'fork', 'join')}
           ${flow('s4', 'a', 'both')}
           ${flow('s5', 'b', 'both')}
           ${flow('s6', 'both', 'join')}
           ${flow('s7', 'join', 'inner')}
         </bpmn:subProcess>`,
        '<bpmn:endEvent id="end" />',
        flow('f0', 'start', 'sub'),
        flow('f1', 'sub', 'end'),
      ]);
      const created = await engine.zbc.createProcessInstance({ bpmnProcessId: 'nested', variables: {} });
      const [a] = await activate(engine.zbc, 'nested-a');
      const [b] = await activate(engine.zbc, 'nested-b');
      await complete(a.key);
      // a's token waits at the parallel join 'both', from which the inclusive join is reachable.
      expect(await activateNow(engine.zbc, 'nested-inner')).toEqual([]);
      await complete(b.key);
      const [inner] = await activate(engine.zbc, 'nested-inner');
      await complete(inner.key);
      await completed(created.processInstanceKey);
      expect(await timesActivated(created.processInstanceKey, 'join')).toBe(1);
    });
  });

  describe('escalation events', () => {
    const escalation = (id: string, code: string) => `<bpmn:escalation id="${id}" escalationCode="${code}" />`;
    const throwing = (tag: string, id: string, ref?: string) =>
      `<bpmn:${tag} id="${id}"><bpmn:escalationEventDefinition${ref ? ` escalationRef="${ref}"` : ''} /></bpmn:${tag}>`;

    it('a non-interrupting boundary event catches an intermediate escalation: both paths go on', async () => {
      await deploy(
        'notify',
        [
          '<bpmn:startEvent id="start" />',
          `<bpmn:subProcess id="case">
             <bpmn:startEvent id="cStart" />
             ${throwing('intermediateThrowEvent', 'raise', 'Late')}
             ${serviceTask('work', 'notify-work')}
             <bpmn:endEvent id="cEnd" />
             ${flow('c1', 'cStart', 'raise')}
             ${flow('c2', 'raise', 'work')}
             ${flow('c3', 'work', 'cEnd')}
           </bpmn:subProcess>`,
          `<bpmn:boundaryEvent id="onLate" attachedToRef="case" cancelActivity="false"><bpmn:escalationEventDefinition escalationRef="Late" /></bpmn:boundaryEvent>`,
          serviceTask('inform', 'notify-inform'),
          '<bpmn:endEvent id="end" />',
          '<bpmn:endEvent id="informed" />',
          flow('f0', 'start', 'case'),
          flow('f1', 'case', 'end'),
          flow('f2', 'onLate', 'inform'),
          flow('f3', 'inform', 'informed'),
        ],
        [escalation('Late', 'LATE')],
      );
      const created = await engine.zbc.createProcessInstance({ bpmnProcessId: 'notify', variables: {} });
      const [inform] = await activate(engine.zbc, 'notify-inform');
      const [work] = await activate(engine.zbc, 'notify-work');
      expect([inform.processInstanceKey, work.processInstanceKey]).toEqual([
        created.processInstanceKey,
        created.processInstanceKey,
      ]);
      await complete(inform.key);
      await complete(work.key);
      await completed(created.processInstanceKey);
      expect(await activeIncidents(created.processInstanceKey)).toEqual([]);
    });

    it('an interrupting boundary event with the code wins over a catch-all and ends the sub-process', async () => {
      await deploy(
        'stop',
        [
          '<bpmn:startEvent id="start" />',
          `<bpmn:subProcess id="case">
             <bpmn:startEvent id="cStart" />
             <bpmn:parallelGateway id="fork" />
             ${serviceTask('slow', 'stop-slow')}
             ${throwing('endEvent', 'giveUp', 'Late')}
             ${flow('c1', 'cStart', 'fork')}
             ${flow('c2', 'fork', 'slow')}
             ${flow('c3', 'fork', 'giveUp')}
           </bpmn:subProcess>`,
          `<bpmn:boundaryEvent id="anyEscalation" attachedToRef="case"><bpmn:escalationEventDefinition /></bpmn:boundaryEvent>`,
          `<bpmn:boundaryEvent id="onLate" attachedToRef="case"><bpmn:escalationEventDefinition escalationRef="Late" /></bpmn:boundaryEvent>`,
          serviceTask('handle', 'stop-handle'),
          serviceTask('other', 'stop-other'),
          '<bpmn:endEvent id="end" />',
          flow('f0', 'start', 'case'),
          flow('f1', 'case', 'end'),
          flow('f2', 'onLate', 'handle'),
          flow('f3', 'anyEscalation', 'other'),
        ],
        [escalation('Late', 'LATE')],
      );
      const created = await engine.zbc.createProcessInstance({ bpmnProcessId: 'stop', variables: {} });
      const [handle] = await activate(engine.zbc, 'stop-handle');
      expect(handle.processInstanceKey).toBe(created.processInstanceKey);
      expect(await activateNow(engine.zbc, 'stop-other')).toEqual([]);
      const slowJobs = await engine.query(
        `SELECT key FROM engine.job WHERE process_instance_key = $1 AND type = 'stop-slow'`,
        [created.processInstanceKey],
      );
      expect(slowJobs).toEqual([]);
      await complete(handle.key);
      await completed(created.processInstanceKey);
      expect(await timesActivated(created.processInstanceKey, 'end')).toBe(0);
    });

    it('an uncaught escalation is no incident: the throw event completes and the path goes on', async () => {
      await deploy(
        'unheard',
        [
          '<bpmn:startEvent id="start" />',
          throwing('intermediateThrowEvent', 'raise', 'Late'),
          serviceTask('next', 'unheard-next'),
          throwing('endEvent', 'end', 'Late'),
          flow('f0', 'start', 'raise'),
          flow('f1', 'raise', 'next'),
          flow('f2', 'next', 'end'),
        ],
        [escalation('Late', 'LATE')],
      );
      const created = await engine.zbc.createProcessInstance({ bpmnProcessId: 'unheard', variables: {} });
      const [next] = await activate(engine.zbc, 'unheard-next');
      expect(next.processInstanceKey).toBe(created.processInstanceKey);
      await complete(next.key);
      await completed(created.processInstanceKey);
      expect(await activeIncidents(created.processInstanceKey)).toEqual([]);
    });

    it('escalation event sub-processes: a non-interrupting catch-all runs beside, an interrupting one takes over', async () => {
      await deploy(
        'watch',
        [
          '<bpmn:startEvent id="start" />',
          throwing('intermediateThrowEvent', 'note', 'Note'),
          serviceTask('work', 'watch-work'),
          throwing('endEvent', 'abort', 'Abort'),
          flow('f0', 'start', 'note'),
          flow('f1', 'note', 'work'),
          flow('f2', 'work', 'abort'),
          `<bpmn:subProcess id="onAny" triggeredByEvent="true">
             <bpmn:startEvent id="anyStart" isInterrupting="false"><bpmn:escalationEventDefinition /></bpmn:startEvent>
             ${serviceTask('log', 'watch-log')}
             ${flow('e1', 'anyStart', 'log')}
           </bpmn:subProcess>`,
          `<bpmn:subProcess id="onAbort" triggeredByEvent="true">
             <bpmn:startEvent id="abortStart"><bpmn:escalationEventDefinition escalationRef="Abort" /></bpmn:startEvent>
             ${serviceTask('cleanup', 'watch-cleanup')}
             ${flow('e2', 'abortStart', 'cleanup')}
           </bpmn:subProcess>`,
        ],
        [escalation('Note', 'NOTE'), escalation('Abort', 'ABORT')],
      );
      const created = await engine.zbc.createProcessInstance({ bpmnProcessId: 'watch', variables: {} });
      const [log] = await activate(engine.zbc, 'watch-log');
      const [work] = await activate(engine.zbc, 'watch-work');
      expect([log.processInstanceKey, work.processInstanceKey]).toEqual([
        created.processInstanceKey,
        created.processInstanceKey,
      ]);
      await complete(work.key);
      const [cleanup] = await activate(engine.zbc, 'watch-cleanup');
      expect(cleanup.processInstanceKey).toBe(created.processInstanceKey);
      // The interrupting event sub-process ended the other one (its job is gone).
      expect(await engine.query('SELECT 1 FROM engine.job WHERE key = $1', [log.key])).toEqual([]);
      await complete(cleanup.key);
      await completed(created.processInstanceKey);
    });

    it('an escalation from a called process is caught at the call activity', async () => {
      await deploy(
        'escChild',
        [
          '<bpmn:startEvent id="start" />',
          throwing('intermediateThrowEvent', 'raise', 'Late'),
          serviceTask('childWork', 'esc-child-work'),
          flow('f0', 'start', 'raise'),
          flow('f1', 'raise', 'childWork'),
        ],
        [escalation('Late', 'LATE')],
      );
      await deploy(
        'escParent',
        [
          '<bpmn:startEvent id="start" />',
          `<bpmn:callActivity id="call"><bpmn:extensionElements><zeebe:calledElement processId="escChild" /></bpmn:extensionElements></bpmn:callActivity>`,
          `<bpmn:boundaryEvent id="onLate" attachedToRef="call"><bpmn:escalationEventDefinition escalationRef="Late" /></bpmn:boundaryEvent>`,
          serviceTask('late', 'esc-parent-late'),
          '<bpmn:endEvent id="end" />',
          flow('f0', 'start', 'call'),
          flow('f1', 'call', 'end'),
          flow('f2', 'onLate', 'late'),
        ],
        [escalation('Late', 'LATE')],
      );
      const created = await engine.zbc.createProcessInstance({ bpmnProcessId: 'escParent', variables: {} });
      const [late] = await activate(engine.zbc, 'esc-parent-late');
      expect(late.processInstanceKey).toBe(created.processInstanceKey);
      // The interrupting catch terminated the call activity, and the child with it.
      expect(await activateNow(engine.zbc, 'esc-child-work')).toEqual([]);
      await complete(late.key);
      await completed(created.processInstanceKey);
      expect(await activeIncidents(created.processInstanceKey)).toEqual([]);
    });
  });
});
