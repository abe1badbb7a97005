import { ConfigError, loadConfig } from '@brobygger/config';
import { connectDatabase, migrateDatabase } from '@brobygger/database';

// `npm run migration:run`: applies pending migrations to DATABASE_URL (or the embedded database).
async function main() {
  const config = loadConfig();
  const database = await connectDatabase(config, () => undefined);
  try {
    const applied = await migrateDatabase(database.url);
    process.stdout.write(applied.length ? `applied: ${applied.join(', ')}\n` : 'no pending migrations\n');
  } finally {
    await database.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof ConfigError ? error.message : String(error)}\n`);
  process.exit(1);
});
