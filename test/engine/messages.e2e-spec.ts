import { definitions, flow, serviceTask, withRootElements } from '../support/bpmn';
import { EngineUnderTest, GRPC, grpcError, startEngineUnderTest, waitFor } from '../support/engine-harness';
import { activate, activateNow } from '../support/jobs';

jest.setTimeout(30_000);

const message = (id: string, name: string, key = '= placementId') =>
  `<bpmn:message id="${id}" name="${name}"><bpmn:extensionElements><zeebe:subscription correlationKey="${key}" /></bpmn:extensionElements></bpmn:message>`;

/** Messages live beside the process in the definitions, so these tests write their own XML. */
function withMessages(processId: string, messages: string[], body: string[]): string {
  return withRootElements(definitions(processId, body.join('\n')), messages);
}

describe('messages, signals and the event-based gateway', () => {
  let engine: EngineUnderTest;
  beforeAll(async () => (engine = await startEngineUnderTest()));
  afterAll(() => engine.stop());

  const deployXml = (id: string, xml: string) => engine.deployXml(id, xml);
  const stateOf = (key: string) => engine.instanceState(key);
  const publish = (
    name: string,
    correlationKey: string,
    variables: Record<string, never> | object = {},
    ttl = 0,
    messageId?: string,
  ) =>
    engine.zbc.publishMessage({
      name,
      correlationKey,
      variables: variables as Record<string, never>,
      timeToLive: ttl,
      messageId,
    });

  beforeAll(async () => {
    await deployXml(
      'agreement',
      withMessages(
        'agreement',
        [message('signed', 'agreement-signed')],
        [
          '<bpmn:startEvent id="start" />',
          '<bpmn:intermediateCatchEvent id="awaitSignature"><bpmn:messageEventDefinition messageRef="signed" /></bpmn:intermediateCatchEvent>',
          serviceTask('next', 'agreement-next'),
          flow('f1', 'start', 'awaitSignature'),
          flow('f2', 'awaitSignature', 'next'),
        ],
      ),
    );
  });

  it('correlates a published message by name and correlation key, with its variables', async () => {
    const a = await engine.zbc.createProcessInstance({ bpmnProcessId: 'agreement', variables: { placementId: 'p-1' } });
    const b = await engine.zbc.createProcessInstance({ bpmnProcessId: 'agreement', variables: { placementId: 'p-2' } });
    await waitFor(
      'subscriptions',
      async () =>
        (await engine.query('SELECT 1 FROM engine.message_subscription WHERE owner_key IS NOT NULL')).length >= 2,
    );
    await publish('agreement-signed', 'p-2', { signedBy: 'Lego A/S' });
    const [job] = await activate(engine.zbc, 'agreement-next');
    expect(job.processInstanceKey).toBe(b.processInstanceKey);
    expect(job.variables).toMatchObject({ signedBy: 'Lego A/S' });
    expect(await activateNow(engine.zbc, 'agreement-next')).toEqual([]);
    await publish('agreement-signed', 'p-1');
    const [other] = await activate(engine.zbc, 'agreement-next');
    expect(other.processInstanceKey).toBe(a.processInstanceKey);
  });

  it('buffers a message with a time to live for a subscription opened later, and correlates it once only', async () => {
    await publish('agreement-signed', 'p-3', { early: true }, 60_000);
    const first = await engine.zbc.createProcessInstance({
      bpmnProcessId: 'agreement',
      variables: { placementId: 'p-3' },
    });
    const [job] = await activate(engine.zbc, 'agreement-next');
    expect(job).toMatchObject({ processInstanceKey: first.processInstanceKey, variables: { early: true } });
    // Zeebe correlates a message at most once per process: a second instance keeps waiting.
    const second = await engine.zbc.createProcessInstance({
      bpmnProcessId: 'agreement',
      variables: { placementId: 'p-3' },
    });
    await new Promise((r) => setTimeout(r, 200));
    expect(await stateOf(second.processInstanceKey)).toBe('ACTIVE');
    expect(await activateNow(engine.zbc, 'agreement-next')).toEqual([]);
  });

  it('drops a buffered message when its time to live is over', async () => {
    await publish('agreement-signed', 'p-4', {}, 5_000);
    engine.clock.advance(10_000);
    await waitFor(
      'expiry',
      async () => (await engine.query(`SELECT 1 FROM engine.message WHERE correlation_key = 'p-4'`)).length === 0,
    );
    await engine.zbc.createProcessInstance({ bpmnProcessId: 'agreement', variables: { placementId: 'p-4' } });
    await new Promise((r) => setTimeout(r, 200));
    expect(await activateNow(engine.zbc, 'agreement-next')).toEqual([]);
  });

  it('refuses a second message with the same id while the first is buffered', async () => {
    await publish('agreement-signed', 'p-5', {}, 60_000, 'msg-1');
    const error = await grpcError(publish('agreement-signed', 'p-5', {}, 60_000, 'msg-1'));
    expect(error.code).toBe(GRPC.ALREADY_EXISTS);
  });

  it('a message start event starts one instance per correlation key while that instance is active', async () => {
    await deployXml(
      'dropout',
      withMessages(
        'dropout',
        ['<bpmn:message id="left" name="citizen-left" />'],
        [
          '<bpmn:startEvent id="start"><bpmn:messageEventDefinition messageRef="left" /></bpmn:startEvent>',
          serviceTask('handle', 'dropout-handle'),
          flow('f1', 'start', 'handle'),
        ],
      ),
    );
    await publish('citizen-left', 'c-1', { reason: 'moved' });
    await publish('citizen-left', 'c-1', { reason: 'again' });
    const [job] = await activate(engine.zbc, 'dropout-handle');
    expect(job.variables).toEqual({ reason: 'moved' });
    expect(await activateNow(engine.zbc, 'dropout-handle')).toEqual([]);
    await publish('citizen-left', 'c-2', { reason: 'hired elsewhere' });
    const [second] = await activate(engine.zbc, 'dropout-handle');
    expect(second.variables).toEqual({ reason: 'hired elsewhere' });
  });

  it('a receive task and an interrupting message boundary event', async () => {
    await deployXml(
      'mentorCourse',
      withMessages(
        'mentorCourse',
        [message('done', 'course-done', '= mentorId'), message('quit', 'mentor-quit', '= mentorId')],
        [
          '<bpmn:startEvent id="start" />',
          '<bpmn:receiveTask id="course" messageRef="done" />',
          '<bpmn:boundaryEvent id="quits" attachedToRef="course"><bpmn:messageEventDefinition messageRef="quit" /></bpmn:boundaryEvent>',
          serviceTask('trained', 'course-trained'),
          serviceTask('replace', 'course-replace'),
          flow('f1', 'start', 'course'),
          flow('f2', 'course', 'trained'),
          flow('f3', 'quits', 'replace'),
        ],
      ),
    );
    const a = await engine.zbc.createProcessInstance({ bpmnProcessId: 'mentorCourse', variables: { mentorId: 'm-1' } });
    const b = await engine.zbc.createProcessInstance({ bpmnProcessId: 'mentorCourse', variables: { mentorId: 'm-2' } });
    await waitFor(
      'subscriptions',
      async () =>
        (await engine.query(`SELECT 1 FROM engine.message_subscription WHERE correlation_key IN ('m-1','m-2')`))
          .length === 4,
    );
    await publish('course-done', 'm-1');
    await publish('mentor-quit', 'm-2');
    const [trained] = await activate(engine.zbc, 'course-trained');
    const [replace] = await activate(engine.zbc, 'course-replace');
    expect(trained.processInstanceKey).toBe(a.processInstanceKey);
    expect(replace.processInstanceKey).toBe(b.processInstanceKey);
    const left = await engine.query(
      `SELECT 1 FROM engine.message_subscription WHERE process_instance_key = ANY($1::bigint[])`,
      [[a.processInstanceKey, b.processInstanceKey]],
    );
    expect(left).toEqual([]);
  });

  it('an event-based gateway takes the path of the first event: a message before the deadline', async () => {
    await deployXml(
      'answer',
      withMessages(
        'answer',
        [message('reply', 'company-replied', '= companyId')],
        [
          '<bpmn:startEvent id="start" />',
          '<bpmn:eventBasedGateway id="which" />',
          '<bpmn:intermediateCatchEvent id="replied"><bpmn:messageEventDefinition messageRef="reply" /></bpmn:intermediateCatchEvent>',
          '<bpmn:intermediateCatchEvent id="silence"><bpmn:timerEventDefinition><bpmn:timeDuration>P7D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>',
          serviceTask('meet', 'answer-meet'),
          serviceTask('call', 'answer-call'),
          flow('f1', 'start', 'which'),
          flow('f2', 'which', 'replied'),
          flow('f3', 'which', 'silence'),
          flow('f4', 'replied', 'meet'),
          flow('f5', 'silence', 'call'),
        ],
      ),
    );
    const replied = await engine.zbc.createProcessInstance({
      bpmnProcessId: 'answer',
      variables: { companyId: 'cvr-1' },
    });
    const silent = await engine.zbc.createProcessInstance({
      bpmnProcessId: 'answer',
      variables: { companyId: 'cvr-2' },
    });
    await waitFor(
      'subscriptions',
      async () =>
        (await engine.query(`SELECT 1 FROM engine.message_subscription WHERE correlation_key IN ('cvr-1','cvr-2')`))
          .length === 2,
    );
    await publish('company-replied', 'cvr-1', { interested: true });
    const [meet] = await activate(engine.zbc, 'answer-meet');
    expect(meet).toMatchObject({ processInstanceKey: replied.processInstanceKey, variables: { interested: true } });
    expect(
      await engine.query('SELECT 1 FROM engine.timer WHERE process_instance_key = $1', [replied.processInstanceKey]),
    ).toEqual([]);
    engine.clock.advance(8 * 24 * 3_600_000);
    const [call] = await activate(engine.zbc, 'answer-call', 1, { timeout: 30 * 24 * 3_600_000 });
    expect(call.processInstanceKey).toBe(silent.processInstanceKey);
    expect(
      await engine.query('SELECT 1 FROM engine.message_subscription WHERE process_instance_key = $1', [
        silent.processInstanceKey,
      ]),
    ).toEqual([]);
  });

  it('BroadcastSignal triggers catch events and signal start events alike', async () => {
    await deployXml(
      'lockdown',
      definitions(
        'lockdown',
        [
          '<bpmn:startEvent id="start" />',
          '<bpmn:intermediateCatchEvent id="wait"><bpmn:signalEventDefinition signalRef="sig" /></bpmn:intermediateCatchEvent>',
          serviceTask('resume', 'lockdown-resume'),
          flow('f1', 'start', 'wait'),
          flow('f2', 'wait', 'resume'),
        ].join('\n'),
      ).replace('</bpmn:process>', '</bpmn:process>\n<bpmn:signal id="sig" name="office-closed" />'),
    );
    await deployXml(
      'closing',
      definitions(
        'closing',
        [
          '<bpmn:startEvent id="start"><bpmn:signalEventDefinition signalRef="sig" /></bpmn:startEvent>',
          serviceTask('notify', 'closing-notify'),
          flow('f1', 'start', 'notify'),
        ].join('\n'),
      ).replace('</bpmn:process>', '</bpmn:process>\n<bpmn:signal id="sig" name="office-closed" />'),
    );
    const waiting = await engine.zbc.createProcessInstance({ bpmnProcessId: 'lockdown', variables: {} });
    await waitFor(
      'subscription',
      async () =>
        (await engine.query(`SELECT 1 FROM engine.signal_subscription WHERE owner_key IS NOT NULL`)).length === 1,
    );
    await engine.zbc.broadcastSignal({ signalName: 'office-closed', variables: { since: 'monday' } });
    const [resume] = await activate(engine.zbc, 'lockdown-resume');
    expect(resume).toMatchObject({ processInstanceKey: waiting.processInstanceKey, variables: { since: 'monday' } });
    const [notify] = await activate(engine.zbc, 'closing-notify');
    expect(notify.variables).toEqual({ since: 'monday' });
  });
});
