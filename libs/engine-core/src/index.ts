export * from './api';
export { Engine, type EngineOptions } from './engine';
