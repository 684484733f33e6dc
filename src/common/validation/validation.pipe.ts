import { ValidationPipe } from '@nestjs/common';
import { DomainError } from '../errors/domain-error.js';
import { toFieldErrors } from './validation-messages.js';

/** The one global pipe: unknown fields are refused, input is transformed to DTO instances. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => DomainError.validation(toFieldErrors(errors)),
  });
}
