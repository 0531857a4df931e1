import { expect, type Page } from "@playwright/test";
import type { E2eAccount } from "./accounts";

/**
 * Signs in through /connexion with the keyboard only (type, Tab, Enter), as a person would.
 * `path` is where to go first (a workspace page redirects to /connexion and back).
 */
export async function signIn(page: Page, account: Pick<E2eAccount, "email" | "password">, path = "/admin") {
  await page.goto(`/connexion?callbackUrl=${encodeURIComponent(path)}`);
  await page.getByLabel("Adresse e-mail").focus();
  await page.keyboard.type(account.email);
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Mot de passe")).toBeFocused();
  await page.keyboard.type(account.password);
  await page.keyboard.press("Enter");
  await page.waitForURL((url) => url.pathname === path);
}

/** A fake client address for requests that fail on purpose (the sign-in limit also counts per address). */
export const uniqueAddress = () =>
  `198.18.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
