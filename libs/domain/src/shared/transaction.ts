import { DataSource, EntityManager } from 'typeorm';

/**
 * Runs `work` in the caller's transaction when one is given, else in a new one. Worker-facing
 * services take an optional manager so a worker can also compose them in one transaction.
 */
export function inTransaction<T>(
  dataSource: DataSource,
  manager: EntityManager | undefined,
  work: (manager: EntityManager) => Promise<T>,
): Promise<T> {
  return manager?.queryRunner?.isTransactionActive ? work(manager) : dataSource.transaction(work);
}
