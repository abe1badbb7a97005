export * from './api';
export { Engine, type EngineOptions } from './engine';
export { ControlledClock, systemClock, type Clock } from './clock';
