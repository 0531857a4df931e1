import type { z } from "zod";
import { DomainError, type DomainErrorCode } from "../errors";
import { searchParamsToObject } from "../validation/programme-search";

/**
 * The public API's answers: JSON, open to every origin (open data), cached a minute when they
 * succeed. Failures are `{ error: { code, message, parameter } }`, in French; a domain error is a
 * 4xx, anything unexpected a 500 that says nothing of the internals (the log has them).
 */

const CORS = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Methods": "GET, OPTIONS",
  "Access-Control-Allow-Headers": "Content-Type",
};

const STATUS: Record<DomainErrorCode, number> = {
  unknown_parameter: 400,
  invalid_parameter: 400,
  unknown_territory: 400,
  not_found: 404,
  unauthenticated: 401,
  forbidden: 403,
  validation_failed: 400,
  conflict: 409,
  invalid_transition: 409,
  rate_limited: 429,
};

/** The HTTP status of a domain error (for routes that build their own answers, e.g. /api/v1/admin). */
export const statusOf = (code: DomainErrorCode): number => STATUS[code];

export function jsonOk(body: unknown): Response {
  return Response.json(body, { headers: { ...CORS, "Cache-Control": "public, max-age=60" } });
}

/** The same, for a body already serialised. */
export function jsonOkText(body: string): Response {
  return new Response(body, { headers: { ...CORS, "Content-Type": "application/json", "Cache-Control": "public, max-age=60" } });
}

export function jsonError(status: number, code: string, message: string, parameter: string | null = null): Response {
  return Response.json({ error: { code, message, parameter } }, { status, headers: { ...CORS, "Cache-Control": "no-store" } });
}

/** The answer to a CORS preflight. */
export const preflight = () => new Response(null, { status: 204, headers: { ...CORS, "Access-Control-Max-Age": "86400" } });

/** Runs a handler; a DomainError becomes its 4xx, any other error a generic 500. */
export async function handleApi(name: string, handler: () => Promise<Response>): Promise<Response> {
  try {
    return await handler();
  } catch (error) {
    if (error instanceof DomainError) return jsonError(STATUS[error.code], error.code, error.message, error.parameter ?? null);
    console.error(`[api] ${name} :`, error);
    return jsonError(500, "internal_error", "Une erreur inattendue est survenue ; réessayez plus tard.");
  }
}

const shown = (name: string) => (name.length > 40 ? `${name.slice(0, 40)}…` : name);

/**
 * Reads a query string with a zod object schema: an unknown parameter or an invalid value is a
 * DomainError naming the parameter (its message is the schema's French message).
 */
export function parseQuery<S extends z.ZodObject>(params: URLSearchParams, schema: S): z.output<S> {
  const names = Object.keys(schema.shape);
  for (const key of params.keys()) {
    if (!names.includes(key)) {
      throw new DomainError(
        "unknown_parameter",
        `Paramètre inconnu : « ${shown(key)} ». Paramètres acceptés : ${names.join(", ")}.`,
        shown(key),
      );
    }
  }
  const parsed = schema.safeParse(searchParamsToObject(params));
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const parameter = String(issue?.path[0] ?? "");
  throw new DomainError("invalid_parameter", issue?.message ?? `Paramètre « ${parameter} » invalide.`, parameter);
}
