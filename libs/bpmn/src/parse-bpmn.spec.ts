import { processXml } from './test-support';
import { parseBpmn, type ExecutableProcess } from './index';

const ROOT = `
  <bpmn:message id="Msg_docs" name="documents-received">
    <bpmn:extensionElements><zeebe:subscription correlationKey="=caseId" /></bpmn:extensionElements>
  </bpmn:message>`;

const REALISTIC = processXml(
  `
  <bpmn:extensionElements><zeebe:versionTag value="v7" /></bpmn:extensionElements>
  <bpmn:laneSet id="lanes"><bpmn:lane id="lane1" name="Caseworker"><bpmn:flowNodeRef>start</bpmn:flowNodeRef></bpmn:lane></bpmn:laneSet>
  <bpmn:startEvent id="start" name="Application received" />
  <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="fetchCitizen" />
  <bpmn:serviceTask id="fetchCitizen" name="Fetch citizen">
    <bpmn:extensionElements>
      <zeebe:taskDefinition type="cpr-lookup" retries="5" />
      <zeebe:ioMapping>
        <zeebe:input source="=applicant.cpr" target="cpr" />
        <zeebe:input source="static text" target="note" />
        <zeebe:output source="=result.address" target="citizen.address" />
      </zeebe:ioMapping>
      <zeebe:taskHeaders><zeebe:header key="system" value="CPR" /></zeebe:taskHeaders>
      <zeebe:properties><zeebe:property name="sla" value="P1D" /></zeebe:properties>
      <zeebe:executionListeners><zeebe:executionListener eventType="start" type="audit" /></zeebe:executionListeners>
    </bpmn:extensionElements>
  </bpmn:serviceTask>
  <bpmn:boundaryEvent id="timeout" attachedToRef="fetchCitizen" cancelActivity="false">
    <bpmn:timerEventDefinition><bpmn:timeDuration>PT15M</bpmn:timeDuration></bpmn:timerEventDefinition>
  </bpmn:boundaryEvent>
  <bpmn:sequenceFlow id="fTimeout" sourceRef="timeout" targetRef="endTimeout" />
  <bpmn:endEvent id="endTimeout" />
  <bpmn:sequenceFlow id="f2" sourceRef="fetchCitizen" targetRef="decide" />
  <bpmn:exclusiveGateway id="decide" name="Eligible?" default="fDefault" />
  <bpmn:sequenceFlow id="fYes" sourceRef="decide" targetRef="split">
    <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">=age &gt;= 18</bpmn:conditionExpression>
  </bpmn:sequenceFlow>
  <bpmn:sequenceFlow id="fDefault" sourceRef="decide" targetRef="reject" />
  <bpmn:endEvent id="reject" />
  <bpmn:parallelGateway id="split" />
  <bpmn:sequenceFlow id="fA" sourceRef="split" targetRef="review" />
  <bpmn:sequenceFlow id="fB" sourceRef="split" targetRef="waitDocs" />
  <bpmn:userTask id="review" name="Review application">
    <bpmn:extensionElements>
      <zeebe:userTask />
      <zeebe:assignmentDefinition assignee="=caseworker" candidateGroups="jobcenter,admins" />
      <zeebe:formDefinition formId="review-form" />
      <zeebe:taskSchedule dueDate="=now() + duration(&quot;P3D&quot;)" />
      <zeebe:priorityDefinition priority="60" />
    </bpmn:extensionElements>
    <bpmn:multiInstanceLoopCharacteristics isSequential="true">
      <bpmn:extensionElements>
        <zeebe:loopCharacteristics inputCollection="=reviewers" inputElement="reviewer" outputCollection="results" outputElement="=verdict" />
      </bpmn:extensionElements>
      <bpmn:completionCondition xsi:type="bpmn:tFormalExpression" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">=count(results) &gt;= 2</bpmn:completionCondition>
    </bpmn:multiInstanceLoopCharacteristics>
  </bpmn:userTask>
  <bpmn:intermediateCatchEvent id="waitDocs">
    <bpmn:messageEventDefinition messageRef="Msg_docs" />
  </bpmn:intermediateCatchEvent>
  <bpmn:sequenceFlow id="fA2" sourceRef="review" targetRef="join" />
  <bpmn:sequenceFlow id="fB2" sourceRef="waitDocs" targetRef="join" />
  <bpmn:parallelGateway id="join" />
  <bpmn:sequenceFlow id="f3" sourceRef="join" targetRef="sub" />
  <bpmn:subProcess id="sub" name="Notify">
    <bpmn:extensionElements><zeebe:ioMapping><zeebe:input source="=citizen" target="recipient" /></zeebe:ioMapping></bpmn:extensionElements>
    <bpmn:startEvent id="subStart" />
    <bpmn:sequenceFlow id="s1" sourceRef="subStart" targetRef="sendLetter" />
    <bpmn:sendTask id="sendLetter"><bpmn:extensionElements><zeebe:taskDefinition type="=&quot;e-boks-&quot; + channel" /></bpmn:extensionElements></bpmn:sendTask>
    <bpmn:sequenceFlow id="s2" sourceRef="sendLetter" targetRef="subEnd" />
    <bpmn:endEvent id="subEnd" />
  </bpmn:subProcess>
  <bpmn:sequenceFlow id="f4" sourceRef="sub" targetRef="callArchive" />
  <bpmn:callActivity id="callArchive">
    <bpmn:extensionElements><zeebe:calledElement processId="archive" propagateAllChildVariables="false" /></bpmn:extensionElements>
  </bpmn:callActivity>
  <bpmn:sequenceFlow id="f5" sourceRef="callArchive" targetRef="end" />
  <bpmn:endEvent id="end" />
  <bpmn:textAnnotation id="note1"><bpmn:text>Ignored</bpmn:text></bpmn:textAnnotation>
  <bpmn:association id="assoc1" sourceRef="review" targetRef="note1" />
  <bpmn:dataObjectReference id="dataRef" dataObjectRef="data1" />
  <bpmn:dataObject id="data1" />`,
  ROOT,
  'jobcenter-application',
);

async function parseOk(xml: string): Promise<ExecutableProcess> {
  const outcome = await parseBpmn(xml, 'realistic.bpmn');
  if (!outcome.ok) throw new Error(`expected ok, got:\n${outcome.problems.map((p) => p.message).join('\n')}`);
  expect(outcome.processes).toHaveLength(1);
  return outcome.processes[0];
}

describe('parseBpmn on a realistic process', () => {
  let p: ExecutableProcess;
  beforeAll(async () => {
    p = await parseOk(REALISTIC);
  });

  it('reads the process header and start events', () => {
    expect(p.bpmnProcessId).toBe('jobcenter-application');
    expect(p.isExecutable).toBe(true);
    expect(p.versionTag).toBe('v7');
    expect(p.noneStartEventId).toBe('start');
    expect(p.startEventIds).toEqual(['start']);
    expect(p.eventSubProcessIds).toEqual([]);
    expect(p.resourceName).toBe('realistic.bpmn');
  });

  it('ignores lanes, annotations, associations and data objects', () => {
    for (const id of ['lane1', 'note1', 'assoc1', 'dataRef', 'data1']) expect(p.elements[id]).toBeUndefined();
    expect(p.flows.assoc1).toBeUndefined();
  });

  it('reads a service task with task definition, io mappings, headers, properties and listeners', () => {
    const t = p.elements.fetchCitizen;
    expect(t.kind).toBe('serviceTask');
    expect(t.taskDefinition).toEqual({ type: 'cpr-lookup', retries: '5' });
    expect(t.inputs).toEqual([
      { source: '=applicant.cpr', target: 'cpr' },
      { source: 'static text', target: 'note' },
    ]);
    expect(t.outputs).toEqual([{ source: '=result.address', target: 'citizen.address' }]);
    expect(t.taskHeaders).toEqual({ system: 'CPR' });
    expect(t.properties).toEqual({ sla: 'P1D' });
    expect(t.executionListeners).toEqual([{ eventType: 'start', type: 'audit', retries: '3' }]);
    expect(t.incoming).toEqual(['f1']);
    expect(t.outgoing).toEqual(['f2']);
    expect(t.boundaryEventIds).toEqual(['timeout']);
  });

  it('reads the non-interrupting boundary timer', () => {
    const b = p.elements.timeout;
    expect(b.kind).toBe('boundaryEvent');
    expect(b.attachedToId).toBe('fetchCitizen');
    expect(b.interrupting).toBe(false);
    expect(b.eventDefinition).toEqual({
      type: 'timer',
      timeDuration: 'PT15M',
      timeDate: undefined,
      timeCycle: undefined,
    });
    expect(b.outgoing).toEqual(['fTimeout']);
  });

  it('reads the exclusive gateway with a condition and a default flow', () => {
    expect(p.elements.decide.defaultFlowId).toBe('fDefault');
    expect(p.elements.decide.outgoing).toEqual(['fYes', 'fDefault']);
    expect(p.flows.fYes).toEqual({
      id: 'fYes',
      name: undefined,
      sourceId: 'decide',
      targetId: 'split',
      condition: 'age >= 18',
      parentId: undefined,
    });
    expect(p.flows.fDefault.condition).toBeUndefined();
  });

  it('reads the parallel gateways', () => {
    expect(p.elements.split.kind).toBe('parallelGateway');
    expect(p.elements.split.outgoing).toEqual(['fA', 'fB']);
    expect(p.elements.join.incoming).toEqual(['fA2', 'fB2']);
  });

  it('reads the camunda user task with assignment, form, schedule, priority and multi-instance', () => {
    const u = p.elements.review;
    expect(u.kind).toBe('userTask');
    expect(u.userTask).toMatchObject({
      isCamundaUserTask: true,
      assignee: '=caseworker',
      candidateGroups: 'jobcenter,admins',
      formId: 'review-form',
      dueDate: '=now() + duration("P3D")',
      priority: '60',
    });
    expect(u.multiInstance).toEqual({
      isSequential: true,
      inputCollection: '=reviewers',
      inputElement: 'reviewer',
      outputCollection: 'results',
      outputElement: '=verdict',
      completionCondition: '=count(results) >= 2',
    });
  });

  it('reads the message catch event with its correlation key', () => {
    expect(p.elements.waitDocs.eventDefinition).toEqual({
      type: 'message',
      messageName: 'documents-received',
      correlationKey: '=caseId',
      messageId: 'Msg_docs',
    });
  });

  it('reads the subprocess and its nested elements', () => {
    const sub = p.elements.sub;
    expect(sub.kind).toBe('subProcess');
    expect(sub.childElementIds).toEqual(['subStart', 'sendLetter', 'subEnd']);
    expect(sub.startEventIds).toEqual(['subStart']);
    expect(sub.inputs).toEqual([{ source: '=citizen', target: 'recipient' }]);
    expect(p.elements.sendLetter.parentId).toBe('sub');
    expect(p.elements.sendLetter.taskDefinition).toEqual({ type: '="e-boks-" + channel', retries: '3' });
    expect(p.flows.s1.parentId).toBe('sub');
    expect(p.startEventIds).not.toContain('subStart');
    expect(p.childElementIds).toContain('sub');
    expect(p.childElementIds).not.toContain('sendLetter');
  });

  it('reads the call activity with Zeebe defaults', () => {
    expect(p.elements.callArchive.calledElement).toMatchObject({
      processId: 'archive',
      propagateAllChildVariables: false,
      propagateAllParentVariables: true,
    });
  });

  it('returns deeply frozen data', () => {
    expect(Object.isFrozen(p)).toBe(true);
    expect(Object.isFrozen(p.elements.fetchCitizen.inputs[0])).toBe(true);
    expect(() => (p.elements.fetchCitizen.outgoing as string[]).push('x')).toThrow();
  });
});

describe('parseBpmn with event subprocesses and other start events', () => {
  it('lists message/timer start events and event subprocesses', async () => {
    const p = await parseOk(
      processXml(
        `
  <bpmn:startEvent id="none" />
  <bpmn:startEvent id="msgStart"><bpmn:messageEventDefinition messageRef="M1" /></bpmn:startEvent>
  <bpmn:startEvent id="timerStart"><bpmn:timerEventDefinition><bpmn:timeCycle>R/PT1H</bpmn:timeCycle></bpmn:timerEventDefinition></bpmn:startEvent>
  <bpmn:sequenceFlow id="a" sourceRef="none" targetRef="end" />
  <bpmn:sequenceFlow id="b" sourceRef="msgStart" targetRef="end" />
  <bpmn:sequenceFlow id="c" sourceRef="timerStart" targetRef="end" />
  <bpmn:endEvent id="end" />
  <bpmn:subProcess id="onError" triggeredByEvent="true">
    <bpmn:startEvent id="errStart"><bpmn:errorEventDefinition /></bpmn:startEvent>
    <bpmn:sequenceFlow id="d" sourceRef="errStart" targetRef="errEnd" />
    <bpmn:endEvent id="errEnd"><bpmn:terminateEventDefinition /></bpmn:endEvent>
  </bpmn:subProcess>`,
        '<bpmn:message id="M1" name="apply" />',
      ),
    );
    expect(p.startEventIds).toEqual(['none', 'msgStart', 'timerStart']);
    expect(p.noneStartEventId).toBe('none');
    expect(p.eventSubProcessIds).toEqual(['onError']);
    expect(p.elements.onError.kind).toBe('eventSubProcess');
    expect(p.elements.errStart.interrupting).toBe(true);
    expect(p.elements.errStart.eventDefinition).toEqual({
      type: 'error',
      errorCode: undefined,
      errorCodeVariable: undefined,
      errorMessageVariable: undefined,
    });
    expect(p.elements.errEnd.eventDefinition).toEqual({ type: 'terminate' });
    expect(p.elements.msgStart.eventDefinition).toMatchObject({
      type: 'message',
      messageName: 'apply',
      correlationKey: undefined,
    });
  });
});
