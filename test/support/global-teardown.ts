export default async function globalTeardown(): Promise<void> {
  const pid = Number(process.env.TEST_EMBEDDED_PG_PID);
  if (!pid) return;
  process.kill(pid, 'SIGTERM');
  for (let i = 0; i < 100; i++) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}
