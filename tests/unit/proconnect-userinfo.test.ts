import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { exportJWK, generateKeyPair, SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { proConnectSettings, verifyUserinfoJwt } from "../../lib/auth/proconnect";

/** ProConnect's userinfo is a JWT: it is trusted only when signed by a key of the issuer's JWKS. */
let server: Server;
let jwksUri: string;
let issuerKey: CryptoKey;
let otherKey: CryptoKey;
const issuer = "https://proconnect.example";
const clientId = "client-annuaire";

beforeAll(async () => {
  const pair = await generateKeyPair("RS256", { extractable: true });
  issuerKey = pair.privateKey;
  otherKey = (await generateKeyPair("RS256")).privateKey;
  const jwk = { ...(await exportJWK(pair.publicKey)), kid: "k1", alg: "RS256", use: "sig" };
  server = createServer((_req, res) => {
    res.setHeader("content-type", "application/json");
    res.end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  jwksUri = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks`;
});
afterAll(() => new Promise<void>((resolve) => server?.close(() => resolve())));

const sign = (key: CryptoKey, claims: Record<string, unknown>, { aud = clientId, iss = issuer } = {}) =>
  new SignJWT(claims).setProtectedHeader({ alg: "RS256", kid: "k1" }).setIssuer(iss).setAudience(aud).setIssuedAt().setExpirationTime("5m").sign(key);

const claims = { sub: "abc", email: "agent@exemple.gouv.fr", given_name: "Agathe", usual_name: "Agent", siret: "13002603200016" };

describe("ProConnect userinfo", () => {
  it("is accepted when signed by the issuer's key, for this client", async () => {
    const profile = await verifyUserinfoJwt(await sign(issuerKey, claims), { jwksUri, issuer, clientId });
    expect(profile).toMatchObject(claims);
  });

  it("is refused when signed by another key, for another client, from another issuer, or without e-mail", async () => {
    await expect(verifyUserinfoJwt(await sign(otherKey, claims), { jwksUri, issuer, clientId })).rejects.toThrow();
    await expect(verifyUserinfoJwt(await sign(issuerKey, claims, { aud: "autre-client" }), { jwksUri, issuer, clientId })).rejects.toThrow();
    await expect(verifyUserinfoJwt(await sign(issuerKey, claims, { iss: "https://faux.example" }), { jwksUri, issuer, clientId })).rejects.toThrow();
    await expect(verifyUserinfoJwt(await sign(issuerKey, { sub: "abc" }), { jwksUri, issuer, clientId })).rejects.toThrow(/e-mail/);
    const [header, payload] = (await sign(issuerKey, claims)).split(".");
    await expect(verifyUserinfoJwt(`${header}.${payload}.`, { jwksUri, issuer, clientId })).rejects.toThrow();
  });

  it("is enabled only when the three variables are set", () => {
    expect(proConnectSettings({ PROCONNECT_ISSUER: "https://x/", PROCONNECT_CLIENT_ID: "a" })).toBeNull();
    expect(proConnectSettings({ PROCONNECT_ISSUER: "https://x/api/v2/", PROCONNECT_CLIENT_ID: "a", PROCONNECT_CLIENT_SECRET: "b" })).toEqual({
      issuer: "https://x/api/v2",
      clientId: "a",
      clientSecret: "b",
    });
  });
});
