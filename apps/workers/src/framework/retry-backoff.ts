/**
 * Back-off before a failed job is handed out again: 5 s, 20 s, 80 s, … up to 10 min, growing as
 * the retries run out, so a database restart is ridden out without hammering it.
 */
export function retryBackOffMs(retriesLeft: number, initialRetries = 3): number {
  const attempt = Math.max(0, initialRetries - retriesLeft);
  return Math.min(5_000 * 4 ** attempt, 600_000);
}
