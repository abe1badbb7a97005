import { BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';

/** field path → its messages, e.g. { "targetGroup.groupCode": ["groupCode must not be greater than 13"] }. */
export function fieldErrors(errors: ValidationError[], prefix = ''): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const error of errors) {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    if (error.constraints) result[path] = Object.values(error.constraints);
    Object.assign(result, fieldErrors(error.children ?? [], path));
  }
  return result;
}

/**
 * Every request body and query is validated against its DTO. A 400 lists a message per field:
 * { statusCode, error, message: [...], errors: { field: [messages] } }. Values are never copied
 * into the answer (`value: false`), so a rejected CPR number is not echoed.
 */
export function validationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => {
      const errorsByField = fieldErrors(errors);
      return new BadRequestException({
        statusCode: 400,
        error: 'Bad Request',
        message: Object.values(errorsByField).flat(),
        errors: errorsByField,
      });
    },
  });
}
