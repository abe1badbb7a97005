export { parseBpmn } from './parse-bpmn';
export type {
  DeploymentProblem,
  ParseOutcome,
  ExecutableProcess,
  SequenceFlow,
  ElementKind,
  EventDefinition,
  IoMapping,
  ExecutableElement,
  ExecutionListener,
  UserTaskSpec,
  MultiInstanceSpec,
} from './model';
