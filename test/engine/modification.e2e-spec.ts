import { definitions, flow, serviceTask } from '../support/bpmn';
import { EngineUnderTest, GRPC, grpcError, startEngineUnderTest, waitFor } from '../support/engine-harness';
import { activate, activateNow } from '../support/jobs';
import { camundaSdkZeebeClient, closeSdkClient, sdkError, type ZeebeGrpcClient } from '../clients/camunda-sdk';

jest.setTimeout(60_000);

/**
 * ModifyProcessInstance (through zeebe-node), MigrateProcessInstance and DeleteResource (through
 * the @camunda8/sdk gRPC client, as zeebe-node 8.3 lacks them). The engine's tables are only read.
 */
describe('process instance modification, migration and resource deletion', () => {
  let engine: EngineUnderTest;
  let sdk: ZeebeGrpcClient;
  beforeAll(async () => {
    engine = await startEngineUnderTest();
    sdk = camundaSdkZeebeClient(engine.port);
  });
  afterAll(async () => {
    if (sdk) await closeSdkClient(sdk);
    await engine?.stop();
  });

  const deploy = async (id: string, body: string[], rootElements: string[] = []) => {
    const xml = definitions(id, body.join('\n')).replace(
      '</bpmn:process>',
      `</bpmn:process>\n${rootElements.join('\n')}`,
    );
    const result = await engine.zbc.deployResource({ process: Buffer.from(xml), name: `${id}.bpmn` });
    return result.deployments[0].process;
  };
  const stateOf = (key: string) => engine.instanceState(key);
  const elements = async (key: string) =>
    (
      await engine.query<{ key: string; element_id: string; process_definition_key: string }>(
        'SELECT key, element_id, process_definition_key FROM engine.element_instance WHERE process_instance_key = $1 ORDER BY key',
        [key],
      )
    ).map((e) => ({ ...e, key: String(e.key), process_definition_key: String(e.process_definition_key) }));
  const jobsOf = async (key: string) =>
    engine.query<{ key: string; type: string; element_id: string; process_definition_version: number }>(
      'SELECT key::text, type, element_id, process_definition_version FROM engine.job WHERE process_instance_key = $1 ORDER BY key',
      [key],
    );
  const snapshot = async (key: string) => ({
    row: (await engine.query('SELECT state, version, document FROM engine.process_instance WHERE key = $1', [key]))[0],
    elements: await elements(key),
    jobs: await jobsOf(key),
  });
  const noVariables: [] = [];

  describe('ModifyProcessInstance', () => {
    beforeAll(async () => {
      await deploy('move', [
        '<bpmn:startEvent id="start" />',
        serviceTask('A', 'move-a'),
        serviceTask('B', 'move-b'),
        serviceTask('C', 'move-c'),
        '<bpmn:endEvent id="end" />',
        '<bpmn:boundaryEvent id="late" attachedToRef="A"><bpmn:timerEventDefinition><bpmn:timeDuration>P1D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>',
        serviceTask('chase', 'move-chase'),
        flow('f1', 'start', 'A'),
        flow('f2', 'A', 'B'),
        flow('f3', 'B', 'C'),
        flow('f4', 'C', 'end'),
        flow('f5', 'late', 'chase'),
      ]);
      await deploy('nested', [
        '<bpmn:startEvent id="start" />',
        serviceTask('T', 'nested-t'),
        '<bpmn:subProcess id="sub">',
        '<bpmn:startEvent id="subStart" />',
        serviceTask('inner', 'nested-inner'),
        '<bpmn:endEvent id="subEnd" />',
        flow('s1', 'subStart', 'inner'),
        flow('s2', 'inner', 'subEnd'),
        '</bpmn:subProcess>',
        '<bpmn:endEvent id="end" />',
        flow('f1', 'start', 'T'),
        flow('f2', 'T', 'sub'),
        flow('f3', 'sub', 'end'),
      ]);
    });

    it('moves a stuck token: ends task A (its job is withdrawn) and starts task C', async () => {
      const created = await engine.zbc.createProcessInstance({ bpmnProcessId: 'move', variables: { caseId: 7 } });
      const pik = created.processInstanceKey;
      const [jobA] = await activate(engine.zbc, 'move-a');
      await engine.zbc.modifyProcessInstance({
        processInstanceKey: pik,
        activateInstructions: [{ elementId: 'C', ancestorElementInstanceKey: '-1', variableInstructions: noVariables }],
        terminateInstructions: [{ elementInstanceKey: jobA.elementInstanceKey }],
      });
      expect((await elements(pik)).map((e) => e.element_id)).toEqual(['move', 'C']);
      const jobs = await jobsOf(pik);
      expect(jobs.map((j) => j.type)).toEqual(['move-c']);
      // The boundary timer of A went with it.
      expect(await engine.query('SELECT key FROM engine.timer WHERE process_instance_key = $1', [pik])).toEqual([]);
      const completeA = await grpcError(engine.zbc.completeJob({ jobKey: jobA.key, variables: {} }));
      expect(completeA.code).toBe(GRPC.NOT_FOUND);
      const [jobC] = await activate(engine.zbc, 'move-c');
      expect(jobC.variables).toEqual({ caseId: 7 });
      await engine.zbc.completeJob({ jobKey: jobC.key, variables: {} });
      await waitFor('completion', async () => (await stateOf(pik)) === 'COMPLETED');
      const records = await engine.query<{ value_type: string; intent: string; element_id: string | null }>(
        `SELECT value_type, intent, element_id FROM engine.record WHERE process_instance_key = $1 ORDER BY position`,
        [pik],
      );
      const modified = records.findIndex((r) => r.value_type === 'PROCESS_INSTANCE_MODIFICATION');
      expect(records[modified].intent).toBe('MODIFIED');
      expect(records.slice(modified + 1).map((r) => `${r.intent} ${r.element_id ?? ''}`)).toEqual(
        expect.arrayContaining(['ELEMENT_ACTIVATED C', 'ELEMENT_TERMINATED A', 'CANCELED A']),
      );
    });

    it('activates an element inside a sub-process, creating the sub-process, with variables per scope', async () => {
      const created = await engine.zbc.createProcessInstance({ bpmnProcessId: 'nested', variables: {} });
      const pik = created.processInstanceKey;
      const [jobT] = await activate(engine.zbc, 'nested-t');
      await engine.zbc.modifyProcessInstance({
        processInstanceKey: pik,
        activateInstructions: [
          {
            elementId: 'inner',
            ancestorElementInstanceKey: '-1',
            variableInstructions: [
              { scopeId: 'sub', variables: { inSub: 1 } },
              { scopeId: '', variables: { global: 'yes' } },
              { scopeId: 'inner', variables: { own: true } },
            ],
          },
        ],
        terminateInstructions: [{ elementInstanceKey: jobT.elementInstanceKey }],
      });
      const active = await elements(pik);
      expect(active.map((e) => e.element_id)).toEqual(['nested', 'sub', 'inner']);
      const sub = active[1].key;
      const [inner] = await activate(engine.zbc, 'nested-inner');
      expect(inner.variables).toEqual({ inSub: 1, global: 'yes', own: true });
      const scopes = (
        await engine.query<{ document: { variables: Record<string, Record<string, unknown>> } }>(
          'SELECT document FROM engine.process_instance WHERE key = $1',
          [pik],
        )
      )[0].document.variables;
      expect(scopes[pik]).toEqual({ global: 'yes' });
      expect(scopes[sub]).toEqual({ inSub: 1 });
      // The sub-process was created without running its start event.
      const subStarts = await engine.query(
        `SELECT 1 FROM engine.record WHERE process_instance_key = $1 AND element_id = 'subStart'`,
        [pik],
      );
      expect(subStarts).toEqual([]);

      // A second token in the same sub-process instance, named as ancestor.
      await engine.zbc.modifyProcessInstance({
        processInstanceKey: pik,
        activateInstructions: [
          { elementId: 'inner', ancestorElementInstanceKey: sub, variableInstructions: noVariables },
        ],
      });
      const [second] = await activate(engine.zbc, 'nested-inner');
      expect(second.elementInstanceKey).not.toBe(inner.elementInstanceKey);
      expect((await elements(pik)).filter((e) => e.element_id === 'sub')).toHaveLength(1);

      await engine.zbc.completeJob({ jobKey: inner.key, variables: {} });
      await engine.zbc.completeJob({ jobKey: second.key, variables: {} });
      await waitFor('completion', async () => (await stateOf(pik)) === 'COMPLETED');
    });

    it('terminating the last element instance terminates its empty flow scopes and the process instance', async () => {
      const created = await engine.zbc.createProcessInstance({ bpmnProcessId: 'nested', variables: {} });
      const pik = created.processInstanceKey;
      const [jobT] = await activate(engine.zbc, 'nested-t');
      await engine.zbc.completeJob({ jobKey: jobT.key, variables: {} });
      const [inner] = await activate(engine.zbc, 'nested-inner');
      await engine.zbc.modifyProcessInstance({
        processInstanceKey: pik,
        terminateInstructions: [{ elementInstanceKey: inner.elementInstanceKey }],
      });
      expect(await stateOf(pik)).toBe('TERMINATED');
      expect(await elements(pik)).toEqual([]);
      expect(await jobsOf(pik)).toEqual([]);
      const terminated = await engine.query<{ element_id: string }>(
        `SELECT element_id FROM engine.record WHERE process_instance_key = $1 AND intent = 'ELEMENT_TERMINATED' ORDER BY position`,
        [pik],
      );
      expect(terminated.map((r) => r.element_id)).toEqual(['inner', 'sub', 'nested']);
    });

    it('refuses bad instructions with clear messages, and changes nothing', async () => {
      const created = await engine.zbc.createProcessInstance({ bpmnProcessId: 'move', variables: {} });
      const pik = created.processInstanceKey;
      const [jobA] = await activate(engine.zbc, 'move-a');
      const before = await snapshot(pik);
      const refuse = async (request: Parameters<typeof engine.zbc.modifyProcessInstance>[0]) => {
        const error = await grpcError(engine.zbc.modifyProcessInstance(request));
        expect(await snapshot(pik)).toEqual(before);
        return error;
      };
      const terminateA = [{ elementInstanceKey: jobA.elementInstanceKey }];

      const unknown = await refuse({
        processInstanceKey: pik,
        activateInstructions: [
          { elementId: 'nope', ancestorElementInstanceKey: '-1', variableInstructions: noVariables },
        ],
        terminateInstructions: terminateA,
      });
      expect(unknown.code).toBe(GRPC.INVALID_ARGUMENT);
      expect(unknown.message).toContain(
        "Expected to modify instance of process 'move' but it contains one or more activate instructions with an element that could not be found: 'nope'",
      );

      const missingInstance = await refuse({
        processInstanceKey: pik,
        activateInstructions: [{ elementId: 'C', ancestorElementInstanceKey: '-1', variableInstructions: noVariables }],
        terminateInstructions: [{ elementInstanceKey: '2251799813600000' }],
      });
      expect(missingInstance.code).toBe(GRPC.INVALID_ARGUMENT);
      expect(missingInstance.message).toContain(
        "terminate instructions with an element instance that could not be found: '2251799813600000'",
      );

      const notAncestor = await refuse({
        processInstanceKey: pik,
        activateInstructions: [
          { elementId: 'C', ancestorElementInstanceKey: jobA.elementInstanceKey, variableInstructions: noVariables },
        ],
        terminateInstructions: terminateA,
      });
      expect(notAncestor.code).toBe(GRPC.INVALID_ARGUMENT);
      expect(notAncestor.message).toContain(
        `an ancestor scope key that is not an ancestor of the element to activate: '${jobA.elementInstanceKey}'`,
      );

      const boundary = await refuse({
        processInstanceKey: pik,
        activateInstructions: [
          { elementId: 'late', ancestorElementInstanceKey: '-1', variableInstructions: noVariables },
        ],
      });
      expect(boundary.message).toContain("activate instructions for elements that are unsupported: 'late'");

      const foreignScope = await refuse({
        processInstanceKey: pik,
        activateInstructions: [
          { elementId: 'C', ancestorElementInstanceKey: '-1', variableInstructions: [{ scopeId: 'B', variables: {} }] },
        ],
      });
      expect(foreignScope.message).toContain("doesn't belong to the activating element's flow scope: 'B'");

      const noInstance = await grpcError(
        engine.zbc.modifyProcessInstance({ processInstanceKey: '2251799813600001', terminateInstructions: [] }),
      );
      expect(noInstance.code).toBe(GRPC.NOT_FOUND);

      // Still at A, and A can be completed as usual.
      await engine.zbc.completeJob({ jobKey: jobA.key, variables: {} });
      await activate(engine.zbc, 'move-b');
    });
  });

  describe('MigrateProcessInstance', () => {
    const v1 = ['<bpmn:startEvent id="start" />', serviceTask('A', 'mig-a'), '<bpmn:endEvent id="end" />'];
    let v1Key = '';
    let v2Key = '';
    beforeAll(async () => {
      v1Key = (await deploy('mig', [...v1, flow('f1', 'start', 'A'), flow('f2', 'A', 'end')])).processDefinitionKey;
    });

    const migrate = (processInstanceKey: string, targetProcessDefinitionKey: string, mapping: [string, string][]) =>
      sdk.migrateProcessInstance({
        processInstanceKey,
        migrationPlan: {
          targetProcessDefinitionKey,
          mappingInstructions: mapping.map(([sourceElementId, targetElementId]) => ({
            sourceElementId,
            targetElementId,
          })),
        },
      });

    it('moves an instance waiting at a task to version 2; the activated job completes there and it follows v2', async () => {
      const created = await engine.zbc.createProcessInstance({ bpmnProcessId: 'mig', variables: { n: 1 } });
      const pik = created.processInstanceKey;
      const [job] = await activate(engine.zbc, 'mig-a');
      const v2 = await deploy('mig', [
        '<bpmn:startEvent id="start" />',
        serviceTask('A2', 'mig-a'),
        serviceTask('review', 'mig-review'),
        '<bpmn:endEvent id="end" />',
        flow('f1', 'start', 'A2'),
        flow('f2', 'A2', 'review'),
        flow('f3', 'review', 'end'),
      ]);
      v2Key = v2.processDefinitionKey;
      expect(v2.version).toBe(2);

      await migrate(pik, v2Key, [['A', 'A2']]);

      const row = (
        await engine.query<{ version: number; process_definition_key: string }>(
          'SELECT version, process_definition_key::text FROM engine.process_instance WHERE key = $1',
          [pik],
        )
      )[0];
      expect(row).toEqual({ version: 2, process_definition_key: v2Key });
      expect((await elements(pik)).map((e) => [e.element_id, e.process_definition_key])).toEqual([
        ['mig', v2Key],
        ['A2', v2Key],
      ]);
      // The job keeps its key, type and worker; it now names the target element and version.
      expect(await jobsOf(pik)).toEqual([
        { key: job.key, type: 'mig-a', element_id: 'A2', process_definition_version: 2 },
      ]);

      await engine.zbc.completeJob({ jobKey: job.key, variables: {} });
      const [review] = await activate(engine.zbc, 'mig-review');
      expect(review.processInstanceKey).toBe(pik);
      await engine.zbc.completeJob({ jobKey: review.key, variables: {} });
      await waitFor('completion', async () => (await stateOf(pik)) === 'COMPLETED');
      const migrated = await engine.query(
        `SELECT 1 FROM engine.record WHERE process_instance_key = $1 AND value_type = 'PROCESS_INSTANCE_MIGRATION' AND intent = 'MIGRATED'`,
        [pik],
      );
      expect(migrated).toHaveLength(1);
    });

    it('refuses a migration with a reason per element, and changes nothing', async () => {
      const created = await engine.zbc.createProcessInstance({ bpmnProcessId: 'mig', version: 1, variables: {} });
      expect(created.processDefinitionKey).toBe(v1Key);
      const pik = created.processInstanceKey;
      await waitFor('job', async () => (await jobsOf(pik)).length === 1);
      const before = await snapshot(pik);

      const unmapped = await sdkError(migrate(pik, v2Key, []));
      expect(unmapped.code).toBe(GRPC.FAILED_PRECONDITION);
      expect(unmapped.message).toContain(
        "no mapping instruction defined for active element with id 'A'. Elements cannot be migrated without a mapping",
      );

      const otherType = await sdkError(migrate(pik, v2Key, [['A', 'end']]));
      expect(otherType.code).toBe(GRPC.FAILED_PRECONDITION);
      expect(otherType.message).toContain(
        "active element with id 'A' and type 'serviceTask' is mapped to an element with id 'end' and different type 'endEvent'",
      );

      const missing = await sdkError(migrate(pik, v2Key, [['A', 'nowhere']]));
      expect(missing.code).toBe(GRPC.INVALID_ARGUMENT);
      expect(missing.message).toContain("non-existing target element id 'nowhere'");

      const noTarget = await sdkError(migrate(pik, '2251799813600002', [['A', 'A2']]));
      expect(noTarget.code).toBe(GRPC.NOT_FOUND);

      expect(await snapshot(pik)).toEqual(before);
      await engine.zbc.cancelProcessInstance(pik);
    });
  });

  describe('DeleteResource', () => {
    const body = (task: string) => [
      '<bpmn:startEvent id="start" />',
      '<bpmn:startEvent id="byMessage"><bpmn:messageEventDefinition messageRef="msg" /></bpmn:startEvent>',
      serviceTask(task, 'del-task'),
      flow('f1', 'start', task),
      flow('f2', 'byMessage', task),
    ];
    const message = ['<bpmn:message id="msg" name="del-start" />'];
    const startSubscriptions = (definitionKey: string) =>
      engine.query(
        'SELECT key FROM engine.message_subscription WHERE owner_key IS NULL AND process_definition_key = $1',
        [definitionKey],
      );

    it('is refused while instances of the version run, accepted after; the previous version is the latest again', async () => {
      const first = await deploy('del', body('one'), message);
      const second = await deploy('del', body('two'), message);
      expect(second.version).toBe(2);
      expect(await startSubscriptions(first.processDefinitionKey)).toHaveLength(0);
      const created = await engine.zbc.createProcessInstance({ bpmnProcessId: 'del', variables: {} });
      expect(created.processDefinitionKey).toBe(second.processDefinitionKey);

      const refused = await sdkError(sdk.deleteResource({ resourceKey: second.processDefinitionKey }));
      expect(refused.code).toBe(GRPC.FAILED_PRECONDITION);
      expect(refused.message).toContain('running process instance');
      expect(
        await engine.query('SELECT key FROM engine.process_definition WHERE key = $1', [second.processDefinitionKey]),
      ).toHaveLength(1);

      await engine.zbc.cancelProcessInstance(created.processInstanceKey);
      await sdk.deleteResource({ resourceKey: second.processDefinitionKey });

      expect(
        await engine.query('SELECT key FROM engine.process_definition WHERE key = $1', [second.processDefinitionKey]),
      ).toEqual([]);
      expect(await startSubscriptions(second.processDefinitionKey)).toEqual([]);
      expect(await startSubscriptions(first.processDefinitionKey)).toHaveLength(1);
      const latest = await engine.zbc.createProcessInstance({ bpmnProcessId: 'del', variables: {} });
      expect(latest.version).toBe(1);
      const gone = await grpcError(
        engine.zbc.createProcessInstance({ bpmnProcessId: 'del', version: 2, variables: {} }),
      );
      expect(gone.code).toBe(GRPC.NOT_FOUND);
      const deleted = await engine.query<{ intent: string }>(
        `SELECT intent FROM engine.record WHERE value_type = 'PROCESS' AND key = $1 ORDER BY position`,
        [second.processDefinitionKey],
      );
      expect(deleted.map((r) => r.intent)).toEqual(['CREATED', 'DELETED']);

      // A version number is never handed out again.
      const third = await deploy('del', body('three'), message);
      expect(third.version).toBe(3);

      const unknown = await sdkError(sdk.deleteResource({ resourceKey: second.processDefinitionKey }));
      expect(unknown.code).toBe(GRPC.NOT_FOUND);
      await engine.zbc.cancelProcessInstance(latest.processInstanceKey);
      expect(await activateNow(engine.zbc, 'nothing-here')).toEqual([]);
    });
  });
});
