/** Zeebe's incident error types that this engine raises. */
export type ErrorType =
  | 'JOB_NO_RETRIES'
  | 'EXTRACT_VALUE_ERROR'
  | 'CONDITION_ERROR'
  | 'IO_MAPPING_ERROR'
  | 'UNHANDLED_ERROR_EVENT'
  | 'CALLED_ELEMENT_ERROR'
  | 'UNKNOWN';

/** A failure returned as a value by a behaviour; the lifecycle turns it into an incident. */
export interface Failure {
  errorType: ErrorType;
  message: string;
}

export function failure(errorType: ErrorType, message: string): Failure {
  return { errorType, message };
}
