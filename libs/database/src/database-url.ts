import type { AppConfig } from '@brobygger/config';
import { startEmbeddedPostgres } from './embedded-postgres';

export interface DatabaseConnection {
  url: string;
  embedded: boolean;
  /** Stops the embedded cluster; a no-op for an external server. */
  stop(): Promise<void>;
}

/** DATABASE_URL when set; otherwise the embedded PostgreSQL of the development default. */
export async function connectDatabase(config: AppConfig, log: (message: string) => void): Promise<DatabaseConnection> {
  if (config.databaseUrl) {
    return { url: config.databaseUrl, embedded: false, stop: async () => undefined };
  }
  const handle = await startEmbeddedPostgres({
    dataDir: config.embeddedPostgres.dataDir,
    port: config.embeddedPostgres.port,
    log,
  });
  return { url: handle.url, embedded: true, stop: handle.stop };
}
