import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sequence } from '../support/bpmn';
import { EngineUnderTest, startEngineUnderTest, waitFor } from '../support/engine-harness';
import { zbctl, zbctlJson, zbctlOk } from './zbctl';

jest.setTimeout(60_000);

/** What zbctl prints for an activated job (protojson of gateway_protocol.ActivatedJob). */
interface ZbctlJob {
  key: string;
  type: string;
  processInstanceKey: string;
  bpmnProcessId: string;
  elementId: string;
  retries: number;
  worker: string;
  variables: string;
}

/**
 * The `zbctl` CLI (the Go client, shipped as a binary inside the `zbctl` npm package) against the
 * embedded engine's gateway: every command a process owner or operator would type.
 */
describe('zbctl (Go client) against the embedded gateway', () => {
  let engine: EngineUnderTest;
  let dir: string;
  let bpmnFile: string;
  const processId = 'zbctl_order';
  const first = 'zbctl-first';
  const second = 'zbctl-second';

  beforeAll(async () => {
    engine = await startEngineUnderTest();
    dir = await mkdtemp(join(tmpdir(), 'brobygger-zbctl-'));
    bpmnFile = join(dir, `${processId}.bpmn`);
    await writeFile(bpmnFile, sequence(processId, first, second));
  });
  afterAll(async () => {
    await engine?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const port = () => engine.port;
  const instanceState = async (key: string) =>
    (await engine.query<{ state: string }>('SELECT state FROM engine.process_instance WHERE key = $1', [key]))[0]
      ?.state;
  /** Activates jobs of a type with zbctl until `count` arrived (zbctl's request timeout is short). */
  const activateWithZbctl = async (type: string, count = 1): Promise<ZbctlJob[]> => {
    const jobs: ZbctlJob[] = [];
    await waitFor(`${count} job(s) of type ${type}`, async () => {
      const { jobs: batch = [] } = await zbctlJson<{ jobs?: ZbctlJob[] }>(port(), [
        'activate',
        'jobs',
        type,
        '--maxJobsToActivate',
        String(count - jobs.length),
        '--timeout',
        '1m',
        '--requestTimeout',
        '2s',
        '--worker',
        'zbctl-test',
      ]);
      jobs.push(...batch);
      return jobs.length >= count;
    });
    return jobs;
  };

  it('status prints the topology: one broker, one healthy leader partition', async () => {
    const { stdout } = await zbctlOk(port(), ['status']);
    expect(stdout).toMatch(/Cluster size: 1/);
    expect(stdout).toMatch(/Partitions count: 1/);
    expect(stdout).toMatch(/Replication factor: 1/);
    expect(stdout).toMatch(/Gateway version: \S+/);
    expect(stdout).toMatch(new RegExp(`Broker 0 - [^\\s]+:${engine.port}`));
    expect(stdout).toMatch(/Partition 1 : Leader, Healthy/);
  });

  it('deploy <file> (the older DeployProcess call) deploys the BPMN and prints the process', async () => {
    const deployment = await zbctlJson(port(), ['deploy', bpmnFile]);
    expect(deployment.key).toMatch(/^\d+$/);
    expect(deployment.processes).toHaveLength(1);
    // zbctl names the resource after the path it was given.
    expect(deployment.processes[0]).toMatchObject({ bpmnProcessId: processId, version: 1, resourceName: bpmnFile });
    expect(deployment.processes[0].processDefinitionKey).toMatch(/^\d+$/);
    const rows = await engine.query<{ version: number }>(
      'SELECT version FROM engine.process_definition WHERE bpmn_process_id = $1',
      [processId],
    );
    expect(rows).toEqual([{ version: 1 }]);
  });

  it('deploy resource <file> (DeployResource) versions a changed resource and keeps an identical one', async () => {
    const id = 'zbctl_versions';
    const file = join(dir, `${id}.bpmn`);
    const deployResource = async () => {
      const deployment = await zbctlJson(port(), ['deploy', 'resource', file]);
      expect(deployment.key).toMatch(/^\d+$/);
      expect(deployment.deployments).toHaveLength(1);
      return deployment.deployments[0].process as { bpmnProcessId: string; version: number; resourceName: string };
    };
    await writeFile(file, sequence(id, 'zbctl-v1'));
    expect(await deployResource()).toMatchObject({ bpmnProcessId: id, version: 1, resourceName: file });
    expect(await deployResource()).toMatchObject({ bpmnProcessId: id, version: 1 });
    await writeFile(file, sequence(id, 'zbctl-v2'));
    expect(await deployResource()).toMatchObject({ bpmnProcessId: id, version: 2 });
  });

  it('create instance --variables, activate jobs and complete job --variables run an instance to its end', async () => {
    const created = await zbctlJson(port(), [
      'create',
      'instance',
      processId,
      '--variables',
      JSON.stringify({ citizen: 'A', weeks: 12 }),
    ]);
    expect(created).toMatchObject({ bpmnProcessId: processId, version: 1 });
    expect(created.processInstanceKey).toMatch(/^\d+$/);
    expect(await instanceState(created.processInstanceKey)).toBe('ACTIVE');

    const [job] = await activateWithZbctl(first);
    expect(job).toMatchObject({
      type: first,
      processInstanceKey: created.processInstanceKey,
      bpmnProcessId: processId,
      elementId: 'task1',
      retries: 3,
      worker: 'zbctl-test',
    });
    expect(JSON.parse(job.variables)).toEqual({ citizen: 'A', weeks: 12 });

    const completed = await zbctlOk(port(), [
      'complete',
      'job',
      job.key,
      '--variables',
      JSON.stringify({ approved: true }),
    ]);
    expect(completed.stdout).toContain(job.key);

    const [next] = await activateWithZbctl(second);
    expect(next.processInstanceKey).toBe(created.processInstanceKey);
    expect(JSON.parse(next.variables)).toEqual({ citizen: 'A', weeks: 12, approved: true });
    await zbctlOk(port(), ['complete', 'job', next.key]);
    await waitFor('completion', async () => (await instanceState(created.processInstanceKey)) === 'COMPLETED');
  });

  it('publish message prints the message key, and a duplicate messageId fails with ALREADY_EXISTS', async () => {
    const args = ['publish', 'message', 'documents-received', '--correlationKey', 'case-17', '--ttl', '1m'];
    const published = await zbctlJson(port(), [
      ...args,
      '--messageId',
      'msg-1',
      '--variables',
      JSON.stringify({ pages: 3 }),
    ]);
    expect(published.key).toMatch(/^\d+$/);
    const [stored] = await engine.query<{
      name: string;
      correlation_key: string;
      message_id: string;
      variables: unknown;
    }>('SELECT name, correlation_key, message_id, variables FROM engine.message WHERE key = $1', [published.key]);
    expect(stored).toEqual({
      name: 'documents-received',
      correlation_key: 'case-17',
      message_id: 'msg-1',
      variables: { pages: 3 },
    });

    const duplicate = await zbctl(port(), [...args, '--messageId', 'msg-1']);
    expect(duplicate.code).not.toBe(0);
    expect(duplicate.stdout + duplicate.stderr).toMatch(/AlreadyExists/);

    // Another messageId is another message.
    const other = await zbctlJson(port(), [...args, '--messageId', 'msg-2']);
    expect(other.key).not.toBe(published.key);
  });

  it('cancel instance terminates a running instance and its jobs', async () => {
    const created = await zbctlJson(port(), ['create', 'instance', processId]);
    await waitFor('the first job', async () => {
      const jobs = await engine.query('SELECT key FROM engine.job WHERE process_instance_key = $1', [
        created.processInstanceKey,
      ]);
      return jobs.length === 1;
    });
    const { stdout } = await zbctlOk(port(), ['cancel', 'instance', created.processInstanceKey]);
    expect(stdout).toContain(created.processInstanceKey);
    expect(await instanceState(created.processInstanceKey)).toBe('TERMINATED');
    expect(
      await engine.query('SELECT key FROM engine.job WHERE process_instance_key = $1', [created.processInstanceKey]),
    ).toEqual([]);

    const again = await zbctl(port(), ['cancel', 'instance', created.processInstanceKey]);
    expect(again.code).not.toBe(0);
    expect(again.stdout + again.stderr).toMatch(/NotFound/);
  });

  it('create instance --withResult waits for the end and prints the final variables', async () => {
    const withResult = zbctlJson(port(), [
      'create',
      'instance',
      processId,
      '--withResult',
      '--requestTimeout',
      '30s',
      '--variables',
      JSON.stringify({ citizen: 'B' }),
    ]);
    const [job] = await activateWithZbctl(first);
    await zbctlOk(port(), ['complete', 'job', job.key, '--variables', JSON.stringify({ mentor: 'M' })]);
    const [next] = await activateWithZbctl(second);
    await zbctlOk(port(), ['complete', 'job', next.key, '--variables', JSON.stringify({ hired: true })]);

    const result = await withResult;
    expect(result).toMatchObject({ bpmnProcessId: processId, version: 1, processInstanceKey: job.processInstanceKey });
    expect(JSON.parse(result.variables)).toEqual({ citizen: 'B', mentor: 'M', hired: true });
    expect(await instanceState(job.processInstanceKey)).toBe('COMPLETED');
  });
});
