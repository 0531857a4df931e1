import { createRemoteJWKSet, jwtVerify } from "jose";
import type { OAuthConfig } from "next-auth/providers/oauth";

/**
 * ProConnect (the State's OpenID Connect sign-in for public servants), enabled when PROCONNECT_ISSUER,
 * PROCONNECT_CLIENT_ID and PROCONNECT_CLIENT_SECRET are set: discovery, PKCE, state and nonce, scope
 * `openid email given_name usual_name siret`; the userinfo answer is a signed JWT (application/jwt) whose
 * signature is verified against the issuer's keys (JWKS) before anything in it is used.
 */
export interface ProConnectProfile {
  sub: string;
  email: string;
  given_name?: string;
  usual_name?: string;
  siret?: string;
}

export interface ProConnectSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
}

export function proConnectSettings(env: Record<string, string | undefined> = process.env): ProConnectSettings | null {
  const issuer = env.PROCONNECT_ISSUER?.trim().replace(/\/+$/, "");
  const clientId = env.PROCONNECT_CLIENT_ID?.trim();
  const clientSecret = env.PROCONNECT_CLIENT_SECRET?.trim();
  return issuer && clientId && clientSecret ? { issuer, clientId, clientSecret } : null;
}

export const isProConnectEnabled = (): boolean => proConnectSettings() !== null;

export const PROCONNECT_SCOPE = "openid email given_name usual_name siret";

const jwksByUri = new Map<string, ReturnType<typeof createRemoteJWKSet>>();

/** Verifies a userinfo JWT against the issuer's JWKS (issuer and audience checked too). */
export async function verifyUserinfoJwt(
  jwt: string,
  { jwksUri, issuer, clientId }: { jwksUri: string; issuer: string; clientId: string },
): Promise<ProConnectProfile> {
  let jwks = jwksByUri.get(jwksUri);
  if (!jwks) {
    jwks = createRemoteJWKSet(new URL(jwksUri));
    jwksByUri.set(jwksUri, jwks);
  }
  const { payload } = await jwtVerify(jwt, jwks, { issuer, audience: clientId });
  if (typeof payload.sub !== "string" || !payload.sub) throw new Error("userinfo sans sub");
  if (typeof payload.email !== "string" || !payload.email) throw new Error("userinfo sans e-mail");
  return payload as unknown as ProConnectProfile;
}

export function proConnectProvider(settings: ProConnectSettings): OAuthConfig<ProConnectProfile> {
  return {
    id: "proconnect",
    name: "ProConnect",
    type: "oauth",
    wellKnown: `${settings.issuer}/.well-known/openid-configuration`,
    clientId: settings.clientId,
    clientSecret: settings.clientSecret,
    authorization: { params: { scope: PROCONNECT_SCOPE } },
    checks: ["pkce", "state", "nonce"],
    idToken: true,
    client: {
      token_endpoint_auth_method: "client_secret_post",
      id_token_signed_response_alg: "RS256",
      userinfo_signed_response_alg: "RS256",
    },
    userinfo: {
      async request({ tokens, client }) {
        const { userinfo_endpoint: endpoint, jwks_uri: jwksUri, issuer } = client.issuer.metadata;
        if (!endpoint || !jwksUri || !tokens.access_token) throw new Error("ProConnect : userinfo indisponible");
        const response = await fetch(endpoint, { headers: { Authorization: `Bearer ${tokens.access_token}` } });
        const type = response.headers.get("content-type") ?? "";
        if (!response.ok || !type.startsWith("application/jwt")) {
          throw new Error(`ProConnect : userinfo inattendu (${response.status}, ${type || "sans type"})`);
        }
        const profile = await verifyUserinfoJwt((await response.text()).trim(), {
          jwksUri,
          issuer,
          clientId: settings.clientId,
        });
        const idSub = (tokens as unknown as { claims(): { sub?: string } }).claims().sub;
        if (profile.sub !== idSub) throw new Error("ProConnect : le sub de userinfo diffère de celui de l'id_token");
        return profile as unknown as Record<string, unknown>;
      },
    },
    profile(profile) {
      const name = [profile.given_name, profile.usual_name].filter(Boolean).join(" ") || profile.email;
      return { id: profile.sub, email: profile.email.trim().toLowerCase(), name };
    },
  };
}

let discovery: { key: string; value: Promise<Record<string, unknown>> } | undefined;

/** The issuer's discovery document (cached per process), for end_session_endpoint. */
export async function proConnectDiscovery(settings: ProConnectSettings): Promise<Record<string, unknown>> {
  if (discovery?.key !== settings.issuer) {
    const value = fetch(`${settings.issuer}/.well-known/openid-configuration`).then(async (r) => {
      if (!r.ok) throw new Error(`ProConnect : découverte impossible (${r.status})`);
      return (await r.json()) as Record<string, unknown>;
    });
    value.catch(() => (discovery = undefined));
    discovery = { key: settings.issuer, value };
  }
  return discovery.value;
}
