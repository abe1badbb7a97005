import type { Pool } from 'pg';
import { EngineError } from '../api';
import type { Clock } from '../clock';
import { KeyGenerator, KeysExhausted } from '../keys';
import type { DefinitionStore } from '../state/definition-store';
import type { Effects } from './effects';
import { RunawayInstanceError } from './lifecycle';
import type { InstanceInfo } from './processing-context';
import { DefinitionNotCached, FollowUpHandler, UnitOfWork } from './unit-of-work';

const RETRYABLE_SQLSTATES = new Set(['40001', '40P01']); // serialization failure, deadlock
const MAX_ATTEMPTS = 5;

export type AfterCommit = (effects: Effects, info: InstanceInfo, awaitsResult: boolean) => void;

type Body<T> = (unit: UnitOfWork) => Promise<T>;

/** What a command is about, known before it runs, so that a batch can lock ahead in one query. */
export interface CommandHint {
  jobKey?: string;
}

interface Pending {
  hint?: CommandHint;
  body: Body<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

export interface BatchingOptions {
  /** Batches run side by side; keep it below the pool size so that activation and sweeps get a connection. */
  lanes: number;
  /** At most this many commands share one transaction. */
  maxBatch: number;
}

/**
 * Runs commands in transactions: a body opens (locks) the instances it needs through the unit of
 * work and queues their steps; the runner settles them, writes, commits, and then wakes whoever
 * waits. Row locks serialise commands on one instance while others run in parallel.
 *
 * Group commit: commands that arrive while every lane is busy are run together, in arrival order,
 * in one transaction with one commit (a later command sees the earlier ones' changes to a shared
 * instance). Each stays atomic on its own: a rejection (EngineError) is decided before a command
 * changes anything, and is checked; any other failure rolls the batch back and runs its commands
 * one by one. A single command is retried from scratch when keys run out or PostgreSQL reports a
 * deadlock.
 */
export class InstanceRunner {
  private inFlight = 0;
  private readonly queue: Pending[] = [];
  private lanes = 0;

  constructor(
    private readonly pool: Pool,
    private readonly keys: KeyGenerator,
    private readonly definitions: DefinitionStore,
    private readonly clock: Clock,
    private readonly afterCommit: AfterCommit,
    private readonly followUps: () => FollowUpHandler,
    private readonly maxInFlight = 2_000,
    private readonly batching: BatchingOptions = { lanes: 8, maxBatch: 64 },
  ) {}

  /**
   * Back-pressure, as a Zeebe broker applies it: beyond `maxInFlight` commands waiting for a
   * database connection, new ones are refused with RESOURCE_EXHAUSTED (clients retry them later)
   * rather than queued without bound until every caller times out.
   */
  async run<T>(body: (unit: UnitOfWork) => Promise<T>, hint?: CommandHint): Promise<T> {
    if (this.inFlight >= this.maxInFlight) {
      throw new EngineError(
        'RESOURCE_EXHAUSTED',
        `The engine is busy: ${this.inFlight} commands are waiting to be processed; retry later`,
      );
    }
    this.inFlight += 1;
    try {
      return await new Promise<T>((resolve, reject) => {
        this.queue.push({ body, hint, resolve: (value) => resolve(value as T), reject });
        this.pump();
      });
    } finally {
      this.inFlight -= 1;
    }
  }

  private pump(): void {
    while (this.lanes < this.batching.lanes && this.queue.length > 0) {
      const batch = this.queue.splice(0, this.batching.maxBatch);
      this.lanes += 1;
      void this.runBatch(batch).finally(() => {
        this.lanes -= 1;
        this.pump();
      });
    }
  }

  private async runBatch(batch: Pending[]): Promise<void> {
    if (batch.length > 1) {
      let outcomes: Outcome[] | undefined;
      try {
        outcomes = await this.tryBatch(batch);
      } catch {
        // Something other than a clean rejection: each command on its own, as if never batched.
      }
      if (outcomes) {
        outcomes.forEach((outcome, i) =>
          outcome.ok ? batch[i].resolve(outcome.value) : batch[i].reject(outcome.error),
        );
        return;
      }
    }
    for (const command of batch) await this.runAttempts(command.body).then(command.resolve, command.reject);
  }

  private async tryBatch(batch: Pending[]): Promise<Outcome[]> {
    await this.keys.ensure(200 * batch.length);
    const client = await this.pool.connect();
    const unit = new UnitOfWork(client, this.keys, this.definitions, this.clock, this.followUps());
    const outcomes: Outcome[] = [];
    try {
      await client.query('BEGIN');
      const jobKeys = batch.flatMap((command) => (command.hint?.jobKey ? [command.hint.jobKey] : []));
      if (jobKeys.length > 0) await unit.prefetchByJobs(jobKeys);
      for (const command of batch) {
        const before = unit.changeCount();
        try {
          const value = await command.body(unit);
          await unit.settle();
          outcomes.push({ ok: true, value });
        } catch (error) {
          if (!(error instanceof EngineError) || unit.changeCount() !== before) throw error;
          outcomes.push({ ok: false, error });
        }
      }
      await unit.write();
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
    for (const outcome of unit.outcomes()) this.afterCommit(outcome.effects, outcome.info, outcome.awaitsResult);
    return outcomes;
  }

  private async runAttempts<T>(body: Body<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      await this.keys.ensure();
      const client = await this.pool.connect();
      const unit = new UnitOfWork(client, this.keys, this.definitions, this.clock, this.followUps());
      let result: T;
      let released = false;
      try {
        await client.query('BEGIN');
        result = await body(unit);
        await unit.settle();
        await unit.write();
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        // Parsing a definition takes a while: never while holding an instance's lock.
        if (error instanceof DefinitionNotCached && attempt < MAX_ATTEMPTS) {
          client.release();
          released = true;
          await this.definitions.byKey(error.definitionKey);
          continue;
        }
        const retryable =
          error instanceof KeysExhausted || RETRYABLE_SQLSTATES.has((error as { code?: string }).code ?? '');
        if (retryable && attempt < MAX_ATTEMPTS) continue;
        if (error instanceof RunawayInstanceError) throw new EngineError('FAILED_PRECONDITION', error.message);
        throw error;
      } finally {
        if (!released) client.release();
      }
      for (const outcome of unit.outcomes()) this.afterCommit(outcome.effects, outcome.info, outcome.awaitsResult);
      return result;
    }
  }
}
