import "server-only";
import { createHmac } from "node:crypto";
import { getAuthSecret } from "../auth/secret";

/**
 * The keyed hash of a sender's address (HMAC-SHA256 with the server's secret, NEXTAUTH_SECRET): what the
 * public forms' per-address limit counts on (Contribution.senderHash). The address itself is never stored,
 * and without the secret the hash cannot be reversed by trying the 2³² IPv4 addresses.
 * The purpose prefix keeps this hash apart from any other use of the same secret.
 */
export function senderHash(address: string, secret: string = getAuthSecret()): string {
  return createHmac("sha256", secret).update(`contribution-sender:${address.trim().toLowerCase()}`).digest("hex");
}
