export * from './embedded-postgres';
export * from './database-url';
export * from './data-source-options';
export * from './migrate';
export * from './database.module';
