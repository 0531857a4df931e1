/** Why a link failed, in French, for the workspace and the CLI (never an English stack trace). */

export function httpStatusMessage(status: number): string {
  switch (status) {
    case 400:
      return "requête refusée par le serveur (400)";
    case 401:
      return "authentification demandée (401)";
    case 403:
      return "accès refusé (403)";
    case 404:
      return "page introuvable (404)";
    case 410:
      return "page supprimée (410)";
    case 429:
      return "trop de requêtes : le serveur limite les visites (429)";
    case 500:
      return "erreur du serveur (500)";
    case 502:
    case 503:
    case 504:
      return `serveur indisponible (${status})`;
    default:
      return status >= 500 ? `erreur du serveur (${status})` : `réponse en erreur (${status})`;
  }
}

const TLS_CODES = /^(CERT_|ERR_TLS_|UNABLE_TO_|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|ERR_SSL_)/;

/** The error code of a failed fetch (undici puts it in `cause`, sometimes one level deeper). */
export function networkErrorCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string") return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

export const isTimeout = (error: unknown): boolean =>
  (error as { name?: string } | null)?.name === "TimeoutError" || networkErrorCode(error) === "UND_ERR_HEADERS_TIMEOUT";

export const isDnsFailure = (code: string | undefined): boolean => code === "ENOTFOUND" || code === "EAI_AGAIN" || code === "EAI_NONAME";

export function networkErrorMessage(error: unknown, timeoutMs: number): string {
  if (isTimeout(error)) return `délai dépassé après ${formatSeconds(timeoutMs)}`;
  const code = networkErrorCode(error);
  if (isDnsFailure(code)) return "nom de domaine introuvable";
  if (code === "ECONNREFUSED") return "connexion refusée par le serveur";
  if (code === "ECONNRESET" || code === "UND_ERR_SOCKET" || code === "EPIPE") return "connexion interrompue par le serveur";
  if (code === "ETIMEDOUT" || code === "UND_ERR_CONNECT_TIMEOUT") return "délai de connexion dépassé";
  if (code === "EHOSTUNREACH" || code === "ENETUNREACH") return "serveur injoignable (réseau)";
  if (code && TLS_CODES.test(code)) return `certificat ou connexion sécurisée invalide (${code})`;
  return code ? `erreur réseau (${code})` : "erreur réseau";
}

const formatSeconds = (ms: number) =>
  ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toLocaleString("fr-FR", { maximumFractionDigits: 1 })} s`;
