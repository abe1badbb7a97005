export * from './zeebe-client';
export * from './process-files';
export * from './deploy-processes';
export * from './form-schema';
export * from './form-catalog';
export * from './form-validation';
