/**
 * Pure timer arithmetic for BPMN timer events (timeDuration, timeDate,
 * timeCycle) with Zeebe's semantics. No I/O and no engine state: the engine
 * stores the TimerSchedule and calls nextDueAt after each firing.
 */
export type { TimerDefinition, TimerInterval, TimerResult, TimerSchedule } from './types';
export { scheduleTimer, nextDueAt, checkStaticTimer } from './schedule';
export { parseIsoDuration, addDuration } from './duration';
export type { IsoDuration } from './duration';
export { parseIsoDateTime } from './date-time';
export { parseCron, nextCronFire } from './cron';
export type { CronSchedule } from './cron';
