import { nextDueAt } from '../timers';
import type { TimerInterval } from '../processing/effects';
import { triggerEvent } from '../processing/event-trigger';
import type { InstanceRunner } from '../processing/instance-runner';
import type { UnitOfWork } from '../processing/unit-of-work';

export interface DueTimer {
  key: string;
  process_instance_key: string | null;
  owner_key: string | null;
  process_definition_key: string;
  target_element_id: string;
  due_at: Date;
  repetitions: number;
  interval: TimerInterval | null;
}

/**
 * Fires one due timer in its own transaction. The timer row is locked inside the transaction and
 * deleted (or moved to its next due time) by the same commit that acts on it, so a timer fires
 * once even when several engine processes see it due at the same moment.
 */
export async function fireTimer(runner: InstanceRunner, timer: DueTimer): Promise<void> {
  await runner.run(async (unit) => {
    if (timer.owner_key) await fireInstanceTimer(unit, timer);
    else await fireStartTimer(unit, timer);
  });
}

/** The next firing of a repeating timer, or undefined after its last one. */
function reschedule(timer: DueTimer): { dueAt: number; repetitions: number } | undefined {
  if (timer.repetitions === 1 || !timer.interval) return undefined;
  const dueAt = nextDueAt({ interval: timer.interval }, timer.due_at.getTime());
  if (dueAt === undefined) return undefined;
  return { dueAt, repetitions: timer.repetitions < 0 ? -1 : timer.repetitions - 1 };
}

async function lockTimer(unit: UnitOfWork, key: string, skipLocked: boolean): Promise<boolean> {
  const { rowCount } = await unit.client.query(
    `SELECT 1 FROM engine.timer WHERE key = $1 FOR UPDATE${skipLocked ? ' SKIP LOCKED' : ''}`,
    [key],
  );
  return (rowCount ?? 0) > 0;
}

async function fireInstanceTimer(unit: UnitOfWork, timer: DueTimer): Promise<void> {
  // Instance row first, then the timer row: the lock order of every command.
  const scope = await unit.tryOpen(timer.process_instance_key!);
  if (!scope) {
    await unit.client.query('DELETE FROM engine.timer WHERE key = $1', [timer.key]);
    return;
  }
  if (!(await lockTimer(unit, timer.key, false))) return; // fired by another engine meanwhile
  const { context, lifecycle } = scope;
  const fired = triggerEvent(lifecycle, timer.owner_key!, timer.target_element_id, {});
  const target = context.element(timer.target_element_id);
  const keepsWaiting =
    fired && target?.interrupting === false && context.state.element(timer.owner_key!)?.state === 'ACTIVATED';
  const next = keepsWaiting ? reschedule(timer) : undefined;
  context.effects.timerChanges.push(next ? { key: timer.key, ...next } : { key: timer.key, delete: true });
}

async function fireStartTimer(unit: UnitOfWork, timer: DueTimer): Promise<void> {
  if (!(await lockTimer(unit, timer.key, true))) return;
  const definition = await unit.requireDefinition(timer.process_definition_key);
  const scope = unit.create(definition);
  unit.startInstance(scope, {}, [], { startEventId: timer.target_element_id, variables: {} });
  const next = reschedule(timer);
  if (next) {
    await unit.client.query(
      'UPDATE engine.timer SET due_at = to_timestamp($2 / 1000.0), repetitions = $3 WHERE key = $1',
      [timer.key, next.dueAt, next.repetitions],
    );
  } else {
    await unit.client.query('DELETE FROM engine.timer WHERE key = $1', [timer.key]);
  }
}
