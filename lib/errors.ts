/**
 * An expected failure of the domain (a territory that does not exist, a parameter the API does not
 * know…): a stable code for programs, a French sentence for people. Pages show the message; the API
 * answers it with a 4xx (lib/api/responses.ts). Anything else is a bug: logged, never shown.
 */

export const DOMAIN_ERROR_CODES = [
  "unknown_parameter",
  "invalid_parameter",
  "unknown_territory",
  "not_found",
] as const;

export type DomainErrorCode = (typeof DOMAIN_ERROR_CODES)[number];

export class DomainError extends Error {
  override name = "DomainError";

  constructor(
    readonly code: DomainErrorCode,
    message: string,
    /** The input the error is about (an API parameter name), when there is one. */
    readonly parameter?: string,
  ) {
    super(message);
  }
}

export const isDomainError = (error: unknown): error is DomainError => error instanceof DomainError;
