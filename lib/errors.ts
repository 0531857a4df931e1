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
  // Curation (the workspace and /api/v1/admin):
  "unauthenticated", // 401: nobody signed in, or a token that is unknown, revoked or expired
  "forbidden", // 403: signed in, but this role may not
  "validation_failed", // 400: a form or JSON body that fails its zod schema or a database constraint (see `fields`)
  "conflict", // 409: saved over a newer version (see `current`)
  "invalid_transition", // 409: a workflow step that does not exist from this status
  "rate_limited", // 429: too many attempts
] as const;

export type DomainErrorCode = (typeof DOMAIN_ERROR_CODES)[number];

export class DomainError extends Error {
  override name = "DomainError";

  constructor(
    readonly code: DomainErrorCode,
    message: string,
    /** The input the error is about (an API parameter name), when there is one. */
    readonly parameter?: string,
    /** Details for programs: `fields` (path → French message) for validation_failed, `current` for conflict. */
    readonly details?: { fields?: Record<string, string>; current?: unknown; currentVersion?: number },
  ) {
    super(message);
  }
}

export const isDomainError = (error: unknown): error is DomainError => error instanceof DomainError;
