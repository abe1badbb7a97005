import type { DataSourceOptions } from 'typeorm';
import { migrations } from '../../../migrations';

/**
 * The one place that says how Brobygger talks to PostgreSQL through TypeORM. `synchronize` stays
 * off: the schema changes only through the migrations in `migrations/`.
 */
export function dataSourceOptions(url: string, entities: DataSourceOptions['entities'] = []): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities,
    migrations,
    migrationsTableName: 'schema_migrations',
    synchronize: false,
    migrationsRun: false,
    logging: false,
    extra: { max: 10, application_name: 'brobygger' },
  };
}
