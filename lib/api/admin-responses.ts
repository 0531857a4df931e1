import "server-only";
import type { z } from "zod";
import { DomainError, isDomainError } from "../errors";
import { SLUG_PATTERN } from "../validation/admin-fields";
import { parseQuery, statusOf } from "./responses";

/**
 * The answers of /api/v1/admin: JSON, never cached (`no-store`), no CORS header at all (only this
 * site's pages and tools that hold a token may call it), failures as
 *   { "error": { "code", "message", "fields": { "<path>": "<message>" }, "currentVersion"?, "current"? } }
 * with the status of lib/api/responses.ts statusOf (400, 401, 403, 404, 409, 429); anything
 * unexpected is a 500 that says nothing of the internals (the log has them).
 */

const HEADERS = {
  "Cache-Control": "no-store",
  // The answer depends on who asks.
  Vary: "Authorization, Cookie",
};

/** The largest JSON body accepted (a programme with its lists is a few kilobytes). */
export const MAX_BODY_BYTES = 1_000_000;

export function adminJson(body: unknown, init: { status?: number; headers?: Record<string, string> } = {}): Response {
  return Response.json(body, { status: init.status ?? 200, headers: { ...HEADERS, ...init.headers } });
}

export function adminError(error: DomainError): Response {
  const fields = error.details?.fields ?? (error.parameter ? { [error.parameter]: error.message } : {});
  const body: Record<string, unknown> = { code: error.code, message: error.message, fields };
  if (error.code === "conflict") {
    body.currentVersion = error.details?.currentVersion ?? null;
    body.current = error.details?.current ?? null;
  }
  return adminJson({ error: body }, { status: statusOf(error.code) });
}

/** Runs a handler: a DomainError becomes its 4xx, anything else a logged, generic 500. */
export async function handleAdminApi(name: string, handler: () => Promise<Response>): Promise<Response> {
  try {
    return await handler();
  } catch (error) {
    if (isDomainError(error)) return adminError(error);
    console.error(`[api admin] ${name} :`, error);
    return adminJson(
      { error: { code: "internal_error", message: "Une erreur inattendue est survenue ; réessayez plus tard.", fields: {} } },
      { status: 500 },
    );
  }
}

const bad = (message: string) => new DomainError("validation_failed", message, "_", { fields: { _: message } });

/**
 * The request's JSON body: `Content-Type: application/json` required (a cross-site form cannot send
 * it without a CORS preflight, which this API never grants), at most MAX_BODY_BYTES, valid JSON.
 */
export async function readJsonBody(request: Request): Promise<unknown> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/([\w.+-]*\+)?json\s*(;|$)/i.test(type)) {
    throw bad("Le corps de la requête doit être du JSON (en-tête Content-Type: application/json).");
  }
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_BODY_BYTES) throw bad("Le corps de la requête est trop volumineux (1 Mo au plus).");
  const text = await request.text();
  if (text.length > MAX_BODY_BYTES) throw bad("Le corps de la requête est trop volumineux (1 Mo au plus).");
  if (text.trim() === "") throw bad("Le corps de la requête est vide : un objet JSON est attendu.");
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw bad("Le corps de la requête n'est pas du JSON valide.");
  }
}

/** The [slug] of the URL; anything that cannot be a slug is simply not found. */
export async function slugParam(params: Promise<{ slug: string }>, what: string): Promise<string> {
  const { slug } = await params;
  if (typeof slug !== "string" || slug.length > 200 || !SLUG_PATTERN.test(slug)) throw new DomainError("not_found", `${what} introuvable.`);
  return slug;
}

/** The query string read with a list schema (unknown parameter or bad value: 400 naming it). */
export function adminQuery<S extends z.ZodObject>(request: Request, schema: S): z.output<S> {
  return parseQuery(new URL(request.url).searchParams, schema);
}
