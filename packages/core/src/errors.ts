/** The one error type of the domain. The API maps each code to one HTTP status (apps/api/src/errors.ts). */
export type DomainErrorCode =
  'VALIDATION' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT' | 'GONE' | 'PRECONDITION_FAILED' | 'TOO_MANY_REQUESTS';

export type ErrorDetail = { path?: string; line?: number; column?: string; message: string };

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly details?: ErrorDetail[]
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const notFound = (what: string) => new DomainError('NOT_FOUND', `${what} not found`);
export const forbidden = (message = 'You may not do this') => new DomainError('FORBIDDEN', message);
export const invalid = (message: string, details?: ErrorDetail[]) => new DomainError('VALIDATION', message, details);
export const conflict = (message: string) => new DomainError('CONFLICT', message);
/** Something that existed and is no more to be had: a survey link already answered or expired. */
export const gone = (message: string) => new DomainError('GONE', message);
