import { randomUUID } from 'node:crypto';
import { Client, type Pool } from 'pg';
import type { Logger } from 'pino';

const JOBS_CHANNEL = 'engine_jobs';
const INSTANCES_CHANNEL = 'engine_instances';

type Listener = () => void;

/**
 * Wakes whoever waits for jobs of a type or for an instance to end: listeners in this process at
 * once, other engine processes on the same database through LISTEN/NOTIFY. Notifications are
 * gathered for a moment and sent in one statement, outside the commands' transactions, so that
 * NOTIFY's commit-time lock never lengthens a command.
 */
export class Notifications {
  readonly nodeId = randomUUID().slice(0, 8);
  private readonly jobListeners = new Map<string, Set<Listener>>();
  private readonly instanceListeners = new Map<string, Set<Listener>>();
  private pendingJobTypes = new Set<string>();
  private pendingInstances = new Set<string>();
  private flushScheduled = false;
  private listener?: Client;
  private stopped = false;

  constructor(
    private readonly pool: Pool,
    private readonly databaseUrl: string,
    private readonly logger: Logger,
  ) {}

  async start(): Promise<void> {
    await this.connectListener();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.listener?.end().catch(() => undefined);
  }

  onJobs(type: string, listener: Listener): () => void {
    return subscribe(this.jobListeners, type, listener);
  }

  onInstanceEnded(processInstanceKey: string, listener: Listener): () => void {
    return subscribe(this.instanceListeners, processInstanceKey, listener);
  }

  jobsAvailable(types: Iterable<string>): void {
    for (const type of types) {
      emit(this.jobListeners, type);
      this.pendingJobTypes.add(type);
    }
    this.scheduleFlush();
  }

  instanceEnded(processInstanceKey: string): void {
    emit(this.instanceListeners, processInstanceKey);
    this.pendingInstances.add(processInstanceKey);
    this.scheduleFlush();
  }

  private scheduleFlush(): void {
    if (this.flushScheduled || this.stopped) return;
    this.flushScheduled = true;
    setTimeout(() => void this.flush(), 2);
  }

  private async flush(): Promise<void> {
    this.flushScheduled = false;
    const jobs = [...this.pendingJobTypes].map((type) => `${this.nodeId}|${type}`);
    const instances = [...this.pendingInstances].map((key) => `${this.nodeId}|${key}`);
    this.pendingJobTypes = new Set();
    this.pendingInstances = new Set();
    if (jobs.length === 0 && instances.length === 0) return;
    try {
      await this.pool.query(
        `SELECT pg_notify($1, payload) FROM unnest($2::text[]) AS payload
         UNION ALL SELECT pg_notify($3, payload) FROM unnest($4::text[]) AS payload`,
        [JOBS_CHANNEL, jobs, INSTANCES_CHANNEL, instances],
      );
    } catch (error) {
      // Losing a wake-up only delays a waiting poll until its own timeout; never fail a command for it.
      if (!this.stopped) this.logger.warn({ err: error }, 'could not notify other engine processes');
    }
  }

  private async connectListener(): Promise<void> {
    const client = new Client({ connectionString: this.databaseUrl, application_name: 'brobygger-engine-listen' });
    client.on('notification', (message) => {
      const [node, subject] = splitOnce(message.payload ?? '');
      if (node === this.nodeId || subject === undefined) return;
      if (message.channel === JOBS_CHANNEL) emit(this.jobListeners, subject);
      if (message.channel === INSTANCES_CHANNEL) emit(this.instanceListeners, subject);
    });
    client.on('error', (error) => {
      if (this.stopped) return;
      this.logger.warn({ err: error }, 'engine notification connection lost; reconnecting');
      setTimeout(() => void this.connectListener().catch(() => undefined), 1000);
    });
    await client.connect();
    await client.query(`LISTEN ${JOBS_CHANNEL}; LISTEN ${INSTANCES_CHANNEL}`);
    this.listener = client;
  }
}

function splitOnce(payload: string): [string, string | undefined] {
  const at = payload.indexOf('|');
  return at < 0 ? [payload, undefined] : [payload.slice(0, at), payload.slice(at + 1)];
}

function subscribe(map: Map<string, Set<Listener>>, subject: string, listener: Listener): () => void {
  let set = map.get(subject);
  if (!set) map.set(subject, (set = new Set()));
  set.add(listener);
  return () => {
    set!.delete(listener);
    if (set!.size === 0) map.delete(subject);
  };
}

function emit(map: Map<string, Set<Listener>>, subject: string): void {
  for (const listener of map.get(subject) ?? []) listener();
}
