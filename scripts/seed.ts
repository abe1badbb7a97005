import { NestFactory } from '@nestjs/core';
import { ConfigError, loadConfig } from '@brobygger/config';
import { connectDatabase, migrateDatabase } from '@brobygger/database';
import { seedJobCentre } from './seed/job-centre';
import { SeedModule } from './seed/seed.module';

// `npm run seed`: fills DATABASE_URL (or the embedded database) with a demo job centre; repeatable.
async function main() {
  const config = loadConfig();
  const database = await connectDatabase(config, () => undefined);
  try {
    await migrateDatabase(database.url);
    const app = await NestFactory.createApplicationContext(SeedModule.forRoot(config, database.url), { logger: false });
    try {
      const summary = await seedJobCentre(app);
      process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
    } finally {
      await app.close();
    }
  } finally {
    await database.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof ConfigError ? error.message : String(error)}\n`);
  process.exit(1);
});
