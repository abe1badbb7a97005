import { definitions, processXml } from './test-support';
import { parseBpmn, type DeploymentProblem } from './index';

async function problemsOf(xml: string): Promise<DeploymentProblem[]> {
  const outcome = await parseBpmn(xml, 'bad.bpmn');
  if (outcome.ok) throw new Error('expected the deployment to be refused');
  return outcome.problems;
}

/** Refused with a problem on `elementId` whose message names it and contains `reason`. */
async function expectRefused(xml: string, elementId: string | undefined, reason: RegExp | string): Promise<void> {
  const problems = await problemsOf(xml);
  const match = problems.find(
    (p) =>
      p.elementId === elementId && (typeof reason === 'string' ? p.message.includes(reason) : reason.test(p.message)),
  );
  if (!match)
    throw new Error(
      `no problem for ${elementId} matching ${String(reason)}; got:\n${problems.map((p) => p.message).join('\n')}`,
    );
  if (elementId) expect(match.message).toContain(`'${elementId}'`);
}

const START_END = `<bpmn:startEvent id="s" /><bpmn:sequenceFlow id="f0" sourceRef="s" targetRef="e" /><bpmn:endEvent id="e" />`;
const job = (type = 'work') =>
  `<bpmn:extensionElements><zeebe:taskDefinition type="${type}" /></bpmn:extensionElements>`;
const MSG_NO_KEY = `<bpmn:message id="M" name="ping" />`;
/** Puts `node` between a start and an end event. */
const around = (node: string, id: string, root = '') =>
  processXml(
    `<bpmn:startEvent id="s" /><bpmn:sequenceFlow id="in" sourceRef="s" targetRef="${id}" />${node}<bpmn:sequenceFlow id="out" sourceRef="${id}" targetRef="e" /><bpmn:endEvent id="e" />`,
    root,
  );

describe('documents that are not BPMN', () => {
  it('refuses malformed XML with the parser message and line', async () => {
    const problems = await problemsOf(
      '<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL">\n<bpmn:process id="p">\n</bpmn:definitions>',
    );
    expect(problems).toHaveLength(1);
    expect(problems[0].message).toMatch(/not a readable BPMN.*closing tag mismatch.*line 3/);
  });

  it('refuses an XML document that is not BPMN', async () => {
    const problems = await problemsOf('<html><body/></html>');
    expect(problems).toHaveLength(1);
    expect(problems[0].message).toContain('bad.bpmn');
  });

  it('refuses a file without executable process', async () => {
    const problems = await problemsOf(
      definitions('<bpmn:process id="p1" isExecutable="false"><bpmn:startEvent id="s" /></bpmn:process>'),
    );
    expect(problems[0].message).toMatch(/no executable process.*'p1'/);
  });
});

describe('start events', () => {
  it('refuses a process without start event', () =>
    expectRefused(processXml('<bpmn:endEvent id="e" />'), 'proc', 'must have at least one start event'));

  it('refuses several none start events at process level', async () => {
    const problems = await problemsOf(
      processXml(`${START_END}<bpmn:startEvent id="s2" /><bpmn:sequenceFlow id="f9" sourceRef="s2" targetRef="e" />`),
    );
    expect(problems.find((p) => p.elementId === 'proc')?.message).toMatch(/multiple none start events.*'s'.*'s2'/);
  });

  it('accepts a process with only a message start event, which needs no correlation key', async () => {
    const outcome = await parseBpmn(
      processXml(
        '<bpmn:startEvent id="s"><bpmn:messageEventDefinition messageRef="M" /></bpmn:startEvent><bpmn:sequenceFlow id="f" sourceRef="s" targetRef="e" /><bpmn:endEvent id="e" />',
        MSG_NO_KEY,
      ),
      'ok.bpmn',
    );
    expect(outcome.ok).toBe(true);
    if (outcome.ok) expect(outcome.processes[0].noneStartEventId).toBeUndefined();
  });

  it('refuses an embedded subprocess without a none start event', () =>
    expectRefused(
      around('<bpmn:subProcess id="sub"><bpmn:endEvent id="subEnd" /></bpmn:subProcess>', 'sub'),
      'sub',
      'exactly one start event',
    ));
});

describe('tasks', () => {
  it.each([
    ['serviceTask', '<bpmn:serviceTask id="t1" />'],
    ['sendTask', '<bpmn:sendTask id="t1" />'],
    ['scriptTask without zeebe:script', '<bpmn:scriptTask id="t1" />'],
    ['businessRuleTask without calledDecision', '<bpmn:businessRuleTask id="t1" />'],
    ['serviceTask with an empty type', `<bpmn:serviceTask id="t1">${job('')}</bpmn:serviceTask>`],
  ])('refuses a %s without job type', (_label, node) =>
    expectRefused(around(node, 't1'), 't1', "Element 't1': must have a zeebe:taskDefinition with a non-empty type"),
  );

  it('accepts a script task with zeebe:script and a business rule task with calledDecision', async () => {
    const outcome = await parseBpmn(
      processXml(`<bpmn:startEvent id="s" /><bpmn:sequenceFlow id="a" sourceRef="s" targetRef="st" />
        <bpmn:scriptTask id="st"><bpmn:extensionElements><zeebe:script expression="=1 + 1" resultVariable="two" /></bpmn:extensionElements></bpmn:scriptTask>
        <bpmn:sequenceFlow id="b" sourceRef="st" targetRef="br" />
        <bpmn:businessRuleTask id="br"><bpmn:extensionElements><zeebe:calledDecision decisionId="d" resultVariable="r" /></bpmn:extensionElements></bpmn:businessRuleTask>
        <bpmn:sequenceFlow id="c" sourceRef="br" targetRef="e" /><bpmn:endEvent id="e" />`),
      'ok.bpmn',
    );
    expect(outcome.ok).toBe(true);
    if (outcome.ok) {
      expect(outcome.processes[0].elements.st.script).toEqual({ expression: '=1 + 1', resultVariable: 'two' });
      expect(outcome.processes[0].elements.br.calledDecision).toMatchObject({ decisionId: 'd', resultVariable: 'r' });
    }
  });

  it('refuses a call activity without processId', () =>
    expectRefused(
      around('<bpmn:callActivity id="call" />', 'call'),
      'call',
      'zeebe:calledElement with a non-empty processId',
    ));

  it('refuses a multi-instance activity without inputCollection', () =>
    expectRefused(
      around(`<bpmn:serviceTask id="mi">${job()}<bpmn:multiInstanceLoopCharacteristics /></bpmn:serviceTask>`, 'mi'),
      'mi',
      'inputCollection',
    ));
});

describe('events', () => {
  it('refuses a message catch event without message', () =>
    expectRefused(
      around('<bpmn:intermediateCatchEvent id="c"><bpmn:messageEventDefinition /></bpmn:intermediateCatchEvent>', 'c'),
      'c',
      'must reference a message',
    ));

  it('refuses a message without name', () =>
    expectRefused(
      around(
        '<bpmn:intermediateCatchEvent id="c"><bpmn:messageEventDefinition messageRef="M" /></bpmn:intermediateCatchEvent>',
        'c',
        '<bpmn:message id="M" />',
      ),
      'c',
      'non-empty name',
    ));

  it('refuses a message catch event without correlation key', () =>
    expectRefused(
      around(
        '<bpmn:intermediateCatchEvent id="c"><bpmn:messageEventDefinition messageRef="M" /></bpmn:intermediateCatchEvent>',
        'c',
        MSG_NO_KEY,
      ),
      'c',
      'correlationKey',
    ));

  it('refuses a message boundary event without correlation key', () =>
    expectRefused(
      around(
        `<bpmn:serviceTask id="t">${job()}</bpmn:serviceTask><bpmn:boundaryEvent id="b" attachedToRef="t"><bpmn:messageEventDefinition messageRef="M" /></bpmn:boundaryEvent><bpmn:sequenceFlow id="bf" sourceRef="b" targetRef="e" />`,
        't',
        MSG_NO_KEY,
      ),
      'b',
      'correlationKey',
    ));

  it('refuses a static correlation key', () =>
    expectRefused(
      around(
        '<bpmn:intermediateCatchEvent id="c"><bpmn:messageEventDefinition messageRef="M" /></bpmn:intermediateCatchEvent>',
        'c',
        '<bpmn:message id="M" name="x"><bpmn:extensionElements><zeebe:subscription correlationKey="orderId" /></bpmn:extensionElements></bpmn:message>',
      ),
      'c',
      "found the static value 'orderId'",
    ));

  it('refuses a timer without duration, date or cycle', () =>
    expectRefused(
      around('<bpmn:intermediateCatchEvent id="c"><bpmn:timerEventDefinition /></bpmn:intermediateCatchEvent>', 'c'),
      'c',
      'exactly one of timeDuration, timeDate or timeCycle',
    ));

  it('refuses a timer with both duration and cycle', () =>
    expectRefused(
      around(
        '<bpmn:intermediateCatchEvent id="c"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration><bpmn:timeCycle>R/PT1H</bpmn:timeCycle></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>',
        'c',
      ),
      'c',
      'timeDuration and timeCycle',
    ));

  it('refuses an invalid static duration', () =>
    expectRefused(
      around(
        '<bpmn:intermediateCatchEvent id="c"><bpmn:timerEventDefinition><bpmn:timeDuration>one hour</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>',
        'c',
      ),
      'c',
      "invalid timer timeDuration 'one hour'",
    ));

  it('accepts an error boundary event without errorRef (catch-all)', async () => {
    const outcome = await parseBpmn(
      around(
        `<bpmn:serviceTask id="t">${job()}</bpmn:serviceTask><bpmn:boundaryEvent id="b" attachedToRef="t"><bpmn:errorEventDefinition /></bpmn:boundaryEvent><bpmn:sequenceFlow id="bf" sourceRef="b" targetRef="e" />`,
        't',
      ),
      'ok.bpmn',
    );
    expect(outcome.ok).toBe(true);
  });

  it('refuses a signal event without signal name', () =>
    expectRefused(
      around(
        '<bpmn:intermediateThrowEvent id="c"><bpmn:signalEventDefinition signalRef="S" /></bpmn:intermediateThrowEvent>',
        'c',
        '<bpmn:signal id="S" />',
      ),
      'c',
      'signal with a non-empty name',
    ));

  it('refuses an error end event without error code', () =>
    expectRefused(
      processXml(
        '<bpmn:startEvent id="s" /><bpmn:sequenceFlow id="f" sourceRef="s" targetRef="ee" /><bpmn:endEvent id="ee"><bpmn:errorEventDefinition /></bpmn:endEvent>',
      ),
      'ee',
      'errorCode',
    ));
});

describe('boundary events', () => {
  it('refuses a boundary event without outgoing flow', () =>
    expectRefused(
      around(
        `<bpmn:serviceTask id="t">${job()}</bpmn:serviceTask><bpmn:boundaryEvent id="b" attachedToRef="t"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1M</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>`,
        't',
      ),
      'b',
      'at least one outgoing sequence flow',
    ));

  it('refuses a boundary event attached to a gateway', () =>
    expectRefused(
      around(
        '<bpmn:exclusiveGateway id="g" /><bpmn:boundaryEvent id="b" attachedToRef="g"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1M</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent><bpmn:sequenceFlow id="bf" sourceRef="b" targetRef="e" />',
        'g',
      ),
      'b',
      'must be attached to an activity',
    ));

  it('refuses a boundary event without attachedToRef', () =>
    expectRefused(
      processXml(
        `${START_END}<bpmn:boundaryEvent id="b"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1M</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent><bpmn:sequenceFlow id="bf" sourceRef="b" targetRef="e" />`,
      ),
      'b',
      'attachedToRef is missing',
    ));
});

describe('gateways and sequence flows', () => {
  const xorWith = (flows: string, def = '') =>
    processXml(`<bpmn:startEvent id="s" /><bpmn:sequenceFlow id="in" sourceRef="s" targetRef="g" />
      <bpmn:exclusiveGateway id="g" ${def} />${flows}<bpmn:endEvent id="e1" /><bpmn:endEvent id="e2" />`);
  const cond = (expr: string) => `<bpmn:conditionExpression>${expr}</bpmn:conditionExpression>`;

  it('refuses an outgoing flow without condition that is not the default', () =>
    expectRefused(
      xorWith(
        `<bpmn:sequenceFlow id="a" sourceRef="g" targetRef="e1">${cond('=x')}</bpmn:sequenceFlow><bpmn:sequenceFlow id="b" sourceRef="g" targetRef="e2" />`,
      ),
      'b',
      "leaving the exclusiveGateway 'g' must have a condition or be its default flow",
    ));

  it('accepts a single unconditional outgoing flow', async () => {
    const outcome = await parseBpmn(
      xorWith(
        '<bpmn:sequenceFlow id="a" sourceRef="g" targetRef="e1" /><bpmn:sequenceFlow id="b" sourceRef="e2" targetRef="e1" />',
      ),
      'x.bpmn',
    );
    // e2 -> e1 is an end event with an outgoing flow: refused, but not for the gateway.
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.problems.map((p) => p.elementId)).not.toContain('a');
  });

  it('refuses a default flow that does not start at the gateway', () =>
    expectRefused(
      xorWith(
        `<bpmn:sequenceFlow id="a" sourceRef="g" targetRef="e1">${cond('=x')}</bpmn:sequenceFlow><bpmn:sequenceFlow id="b" sourceRef="s" targetRef="e2" />`,
        'default="b"',
      ),
      'g',
      "default flow 'b' must start at this element",
    ));

  it('refuses a condition with a FEEL syntax error', () =>
    expectRefused(
      xorWith(
        `<bpmn:sequenceFlow id="a" sourceRef="g" targetRef="e1">${cond('=x &gt;')}</bpmn:sequenceFlow><bpmn:sequenceFlow id="b" sourceRef="g" targetRef="e2" />`,
        'default="b"',
      ),
      'a',
      'invalid FEEL expression',
    ));

  it('refuses a condition on a flow leaving a parallel gateway', () =>
    expectRefused(
      around(
        `<bpmn:parallelGateway id="p" /><bpmn:sequenceFlow id="c" sourceRef="p" targetRef="e">${cond('=true')}</bpmn:sequenceFlow>`,
        'p',
      ),
      'c',
      "parallel gateway 'p' must not have a condition",
    ));

  it('refuses a sequence flow to an element that does not exist', () =>
    expectRefused(
      processXml(`${START_END}<bpmn:sequenceFlow id="dangling" sourceRef="s" targetRef="ghost" />`),
      'dangling',
      "'ghost'",
    ));

  it('refuses an event-based gateway leading to a task', () =>
    expectRefused(
      around(
        `<bpmn:eventBasedGateway id="eg" /><bpmn:sequenceFlow id="x1" sourceRef="eg" targetRef="t" /><bpmn:serviceTask id="t">${job()}</bpmn:serviceTask><bpmn:sequenceFlow id="x2" sourceRef="t" targetRef="e" />`,
        'eg',
      ),
      'eg',
      /at least two outgoing|only lead to message, timer or signal/,
    ));

  it('refuses an event-based gateway with one outgoing flow', () =>
    expectRefused(
      processXml(
        '<bpmn:startEvent id="s" /><bpmn:sequenceFlow id="x0" sourceRef="s" targetRef="eg" /><bpmn:eventBasedGateway id="eg" /><bpmn:sequenceFlow id="x1" sourceRef="eg" targetRef="c" /><bpmn:intermediateCatchEvent id="c"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1M</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent><bpmn:sequenceFlow id="x2" sourceRef="c" targetRef="e" /><bpmn:endEvent id="e" />',
      ),
      'eg',
      'at least two outgoing sequence flows',
    ));
});

describe('unsupported content', () => {
  it('refuses a complex gateway, naming its kind', () =>
    expectRefused(around('<bpmn:complexGateway id="cg" />', 'cg'), 'cg', "'complexGateway' are not supported"));

  it('refuses a transaction', () =>
    expectRefused(
      around('<bpmn:transaction id="tx"><bpmn:startEvent id="ts" /></bpmn:transaction>', 'tx'),
      'tx',
      "'transaction' are not supported",
    ));

  it('refuses an unknown zeebe extension element, naming the owner', () =>
    expectRefused(
      around(
        '<bpmn:serviceTask id="t"><bpmn:extensionElements><zeebe:taskDefinition type="a" /><zeebe:frobnicate level="9" /></bpmn:extensionElements></bpmn:serviceTask>',
        't',
      ),
      't',
      'unknown zeebe extension element <zeebe:frobnicate>',
    ));

  it('ignores extension elements of other vendors', async () => {
    const xml = around(
      '<bpmn:serviceTask id="t"><bpmn:extensionElements><zeebe:taskDefinition type="a" /><foo:bar xmlns:foo="urn:foo" /></bpmn:extensionElements></bpmn:serviceTask>',
      't',
    );
    expect((await parseBpmn(xml, 'ok.bpmn')).ok).toBe(true);
  });

  it('refuses duplicate ids', () =>
    expectRefused(processXml(`${START_END}<bpmn:task id="s" />`), 's', 'used by more than one element'));
});

describe('expressions', () => {
  it('refuses an input mapping with a FEEL syntax error', () =>
    expectRefused(
      around(
        '<bpmn:serviceTask id="t"><bpmn:extensionElements><zeebe:taskDefinition type="a" /><zeebe:ioMapping><zeebe:input source="=a +" target="b" /></zeebe:ioMapping></bpmn:extensionElements></bpmn:serviceTask>',
        't',
      ),
      't',
      "input mapping source for 'b': invalid FEEL expression",
    ));

  it('refuses a static output mapping source', () =>
    expectRefused(
      around(
        '<bpmn:serviceTask id="t"><bpmn:extensionElements><zeebe:taskDefinition type="a" /><zeebe:ioMapping><zeebe:output source="result" target="b" /></zeebe:ioMapping></bpmn:extensionElements></bpmn:serviceTask>',
        't',
      ),
      't',
      "found the static value 'result'",
    ));
});

it('reports every problem of a file with several problems', async () => {
  const problems = await problemsOf(
    processXml(
      `<bpmn:startEvent id="s" /><bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="svc" />
       <bpmn:serviceTask id="svc" /><bpmn:sequenceFlow id="f2" sourceRef="svc" targetRef="call" />
       <bpmn:callActivity id="call" /><bpmn:sequenceFlow id="f3" sourceRef="call" targetRef="wait" />
       <bpmn:intermediateCatchEvent id="wait"><bpmn:timerEventDefinition /></bpmn:intermediateCatchEvent>
       <bpmn:sequenceFlow id="f4" sourceRef="wait" targetRef="nowhere" />
       <bpmn:complexGateway id="cg" />`,
    ),
  );
  const ids = problems.map((p) => p.elementId);
  expect(ids).toEqual(expect.arrayContaining(['svc', 'call', 'wait', 'f4', 'cg']));
  for (const p of problems) if (p.elementId) expect(p.message).toContain(p.elementId);
});
