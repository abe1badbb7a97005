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

/**
 * Runs a command as one transaction: the body opens (locks) the instances it needs through the
 * unit of work and queues their steps; the runner settles them, writes, commits, and then wakes
 * whoever waits. Row locks serialise commands on one instance while others run in parallel.
 * Retried from scratch when keys run out or PostgreSQL reports a deadlock.
 */
export class InstanceRunner {
  private inFlight = 0;

  constructor(
    private readonly pool: Pool,
    private readonly keys: KeyGenerator,
    private readonly definitions: DefinitionStore,
    private readonly clock: Clock,
    private readonly afterCommit: AfterCommit,
    private readonly followUps: () => FollowUpHandler,
    private readonly maxInFlight = 2_000,
  ) {}

  /**
   * Back-pressure, as a Zeebe broker applies it: beyond `maxInFlight` commands waiting for a
   * database connection, new ones are refused with RESOURCE_EXHAUSTED (clients retry them later)
   * rather than queued without bound until every caller times out.
   */
  async run<T>(body: (unit: UnitOfWork) => Promise<T>): Promise<T> {
    if (this.inFlight >= this.maxInFlight) {
      throw new EngineError(
        'RESOURCE_EXHAUSTED',
        `The engine is busy: ${this.inFlight} commands are waiting to be processed; retry later`,
      );
    }
    this.inFlight += 1;
    try {
      return await this.runAttempts(body);
    } finally {
      this.inFlight -= 1;
    }
  }

  private async runAttempts<T>(body: (unit: UnitOfWork) => Promise<T>): Promise<T> {
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
