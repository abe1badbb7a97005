import type { ZBClient } from 'zeebe-node';

export interface TestJob {
  key: string;
  type: string;
  processInstanceKey: string;
  elementId: string;
  elementInstanceKey: string;
  retries: number;
  customHeaders: Record<string, string>;
  variables: Record<string, unknown>;
}

/** Activates jobs of a type through ActivateJobs (long polling), waiting until `count` arrived. */
export async function activate(
  zbc: ZBClient,
  type: string,
  count = 1,
  options: { timeout?: number; fetchVariable?: string[]; requestTimeout?: number } = {},
): Promise<TestJob[]> {
  const jobs: TestJob[] = [];
  const deadline = Date.now() + 10_000;
  while (jobs.length < count && Date.now() < deadline) {
    const batch = await zbc.activateJobs({
      type,
      worker: 'test-worker',
      maxJobsToActivate: count - jobs.length,
      timeout: options.timeout ?? 30_000,
      requestTimeout: options.requestTimeout ?? 2_000,
      fetchVariable: options.fetchVariable,
    } as Parameters<ZBClient['activateJobs']>[0]);
    jobs.push(...(batch as unknown as TestJob[]));
  }
  if (jobs.length < count) throw new Error(`expected ${count} job(s) of type ${type}, got ${jobs.length}`);
  return jobs;
}

/** Asks once, briefly, and returns whatever is activatable now. */
export async function activateNow(zbc: ZBClient, type: string, max = 10): Promise<TestJob[]> {
  return (await zbc.activateJobs({
    type,
    worker: 'test-worker',
    maxJobsToActivate: max,
    timeout: 30_000,
    requestTimeout: 300,
  } as Parameters<ZBClient['activateJobs']>[0])) as unknown as TestJob[];
}
