/**
 * A failure the process models: thrown by a handler, it becomes `job.error(code, message)` and is
 * caught by an error boundary event. Anything else thrown is technical and is retried.
 */
export class BusinessError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'BusinessError';
  }
}
