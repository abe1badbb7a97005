import { ArgumentsHost, Catch, ExceptionFilter, HttpStatus, Logger } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { DomainError, DomainErrorKind } from '@brobygger/domain';

/** The part of express's response we use (the types of express are not installed). */
interface JsonResponse {
  status(code: number): { json(body: unknown): void };
}

const STATUS: Record<DomainErrorKind, number> = {
  'not-found': HttpStatus.NOT_FOUND,
  conflict: HttpStatus.CONFLICT,
  unprocessable: HttpStatus.UNPROCESSABLE_ENTITY,
};

/**
 * Domain errors become 404/409/422 with the error code and, for a rule breach, the rule id. A
 * database constraint that slipped past the services becomes a 409 without the database's text,
 * which may quote the offending values.
 */
@Catch(DomainError, QueryFailedError)
export class DomainErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('DomainErrorFilter');

  catch(error: DomainError | QueryFailedError, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<JsonResponse>();
    if (error instanceof DomainError) {
      const statusCode = STATUS[error.kind];
      res.status(statusCode).json({
        statusCode,
        error: error.code,
        message: error.message,
        ...(error.ruleId ? { ruleId: error.ruleId } : {}),
      });
      return;
    }
    const code = (error.driverError as { code?: string } | undefined)?.code;
    if (code === '23505' || code === '23503' || code === '23514') {
      res.status(409).json({
        statusCode: 409,
        error: 'ConstraintViolated',
        message:
          code === '23505'
            ? 'This record already exists'
            : code === '23503'
              ? 'The record refers to, or is referred to by, another record'
              : 'The change breaks a consistency rule of the database',
      });
      return;
    }
    // The SQL text is logged, never the parameters, which may hold personal data.
    this.logger.error(`database error ${code ?? ''}: ${error.message} in ${error.query}`);
    res.status(500).json({ statusCode: 500, error: 'Internal Server Error', message: 'Internal server error' });
  }
}
