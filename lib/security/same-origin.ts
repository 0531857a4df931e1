/**
 * CSRF check of the plain HTML forms that post to routes (sign-in, sign-out, import upload): true when the
 * request comes from a page of this site (Origin, else Referer, matches the host).
 */
export function isSameOrigin(req: Request): boolean {
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host");
  if (!host) return false;
  const source = req.headers.get("origin") ?? req.headers.get("referer");
  if (!source || source === "null") return false;
  try {
    return new URL(source).host === host;
  } catch {
    return false;
  }
}
