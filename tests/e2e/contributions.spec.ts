import { expect, test } from "./support/fixtures";
import { accounts } from "./support/accounts";
import { expectNoAccessibilityViolations } from "./support/axe";
import { firstProgrammePath } from "./support/pages";
import { signIn, uniqueAddress } from "./support/sign-in";

/**
 * Public proposals and corrections: a proposal typed with the keyboard reaches a curator in
 * /admin/contributions, who accepts it as a draft; the same form without JavaScript; « Signaler une erreur »
 * from a programme page. The per-address limit counts by address: each test sends from its own fake one.
 */

test.describe.configure({ mode: "serial" });
test.slow();

const unique = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

test("a proposal typed with the keyboard reaches a curator, who accepts it as a draft", async ({ page }) => {
  await page.setExtraHTTPHeaders({ "x-forwarded-for": uniqueAddress() });
  const title = `Appel à projets Numérique pour tous ${unique()}`;
  await page.goto("/proposer");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Proposer un financement");
  await expectNoAccessibilityViolations(page);

  await page.getByLabel("Nom de l'appel ou du dispositif").focus();
  await page.keyboard.type(title);
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Financeur", { exact: false }).first()).toBeFocused();
  await page.keyboard.type("Fondation de l'essai clavier");
  await page.getByLabel("Lien vers la page officielle").fill("https://www.exemple.org/appel-numerique-pour-tous");
  await page.getByLabel("Date de clôture").fill("2027-05-31");
  await page.getByRole("checkbox", { name: "Association" }).focus();
  await page.keyboard.press("Space");
  await page.getByLabel("Territoire concerné").fill("Toute la France");
  await page.getByLabel("Description").fill("Un appel pour financer des ateliers numériques dans les associations de quartier.");
  await page.getByLabel("Votre nom").fill("Jeanne Essai");
  await page.getByLabel("Votre adresse e-mail").fill("jeanne.essai@exemple.test");
  await page.getByRole("checkbox", { name: /J'accepte que l'équipe/ }).focus();
  await page.keyboard.press("Space");
  // The honeypot is out of the tab order: from the consent, Tab goes to the button.
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Envoyer la proposition" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: /Merci ! Votre proposition sera relue par l'équipe/ })).toBeVisible();
  await expectNoAccessibilityViolations(page);

  await signIn(page, accounts.curator, "/admin/contributions");
  await page.getByRole("link", { name: title }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(page.getByRole("link", { name: "jeanne.essai@exemple.test" })).toBeVisible();
  await expectNoAccessibilityViolations(page);
  const accept = page.getByRole("region", { name: "Accepter" });
  await accept.getByLabel("Financeur principal").selectOption({ index: 1 });
  await accept.getByRole("checkbox", { name: "Appel à projets" }).check();
  await expect(accept.getByRole("checkbox", { name: "Couverture nationale" })).toBeChecked(); // « Toute la France »
  await accept.getByRole("button", { name: "Accepter et créer un brouillon" }).click();
  // The page now shows the decision, with the way to the draft.
  const decision = page.getByRole("region", { name: "Décision" });
  await expect(decision).toContainText(`Acceptée le`);
  await expect(decision).toContainText(`par ${accounts.curator.name}`);
  await decision.getByRole("link", { name: /Compléter le brouillon/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(page.getByText("Brouillon").first()).toBeVisible();
});

test("a rejection needs a reason, told in the error summary", async ({ page }) => {
  await page.setExtraHTTPHeaders({ "x-forwarded-for": uniqueAddress() });
  const title = `Proposition à refuser ${unique()}`;
  await page.goto("/proposer");
  await page.getByLabel("Nom de l'appel ou du dispositif").fill(title);
  await page.getByLabel("Financeur", { exact: false }).first().fill("Une fondation");
  await page.getByLabel("Lien vers la page officielle").fill("https://www.exemple.org/a-refuser");
  await page.getByRole("checkbox", { name: "Commune", exact: true }).check();
  await page.getByLabel("Description").fill("Un dispositif qui ne concerne pas l'inclusion numérique du tout.");
  await page.getByLabel("Votre adresse e-mail").fill("refus@exemple.test");
  await page.getByRole("checkbox", { name: /J'accepte que l'équipe/ }).check();
  await page.getByRole("button", { name: "Envoyer la proposition" }).click();
  await expect(page.getByRole("heading", { name: /Merci !/ })).toBeVisible();

  await signIn(page, accounts.curator, "/admin/contributions");
  await page.getByRole("link", { name: title }).click();
  const reject = page.getByRole("region", { name: "Refuser" });
  await reject.getByRole("button", { name: "Refuser" }).click();
  const summary = page.getByRole("region", { name: "Le formulaire contient une erreur" });
  await expect(summary).toBeFocused();
  await expect(summary).toContainText("Motif du refus : ce champ est obligatoire.");
  await reject.getByLabel("Motif du refus").fill("Hors du champ de l'annuaire : pas d'inclusion numérique.");
  await reject.getByRole("button", { name: "Refuser" }).click();
  await expect(page.getByRole("region", { name: "Décision" })).toContainText("Motif : Hors du champ de l'annuaire");
  await page.goto("/admin/contributions?status=rejected");
  await expect(page.getByRole("link", { name: title })).toBeVisible();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the proposal form shows its errors in French with a summary, keeps what was typed, then sends", async ({ page }) => {
    await page.setExtraHTTPHeaders({ "x-forwarded-for": uniqueAddress() });
    await page.goto("/proposer");
    await page.getByLabel("Nom de l'appel ou du dispositif").fill("Fonds sans JavaScript");
    await page.getByRole("button", { name: "Envoyer la proposition" }).click();
    const summary = page.locator("section[aria-labelledby='resume-erreurs-titre']");
    await expect(summary).toContainText("Lien vers la page officielle : adresse web invalide");
    await expect(summary).toContainText("Votre adresse e-mail : ce champ est obligatoire.");
    await expect(page.getByLabel("Nom de l'appel ou du dispositif")).toHaveValue("Fonds sans JavaScript");
    await page.getByLabel("Financeur", { exact: false }).first().fill("Région de test");
    await page.getByLabel("Lien vers la page officielle").fill("https://www.exemple.org/sans-js");
    await page.getByRole("checkbox", { name: "Tiers-lieu" }).check();
    await page.getByLabel("Description").fill("Un fonds pour équiper les tiers-lieux en matériel informatique.");
    await page.getByLabel("Votre adresse e-mail").fill("sans.js@exemple.test");
    await page.getByRole("checkbox", { name: /J'accepte que l'équipe/ }).check();
    await page.getByRole("button", { name: "Envoyer la proposition" }).click();
    await expect(page.getByRole("heading", { name: /Merci ! Votre proposition sera relue/ })).toBeVisible();
  });
});

test("« Signaler une erreur » from a programme page sends a correction", async ({ page }) => {
  await page.setExtraHTTPHeaders({ "x-forwarded-for": uniqueAddress() });
  const path = await firstProgrammePath(page);
  await page.goto(path);
  const programmeTitle = (await page.getByRole("heading", { level: 1 }).textContent())!.trim();
  await page.getByRole("link", { name: /Signaler une erreur/ }).click();
  await expect(page).toHaveURL(new RegExp(`${path}/signaler$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Signaler une erreur");
  await expectNoAccessibilityViolations(page);
  await page.getByRole("radio", { name: "Les dates (ouverture, clôture)" }).check();
  await page.getByLabel("La bonne information").fill(`La clôture est repoussée au 30 juin ${unique()}.`);
  await page.getByLabel("Source").fill("https://www.exemple.org/calendrier");
  await page.getByLabel("Votre adresse e-mail").fill("signalement@exemple.test");
  await page.getByRole("checkbox", { name: /J'accepte que l'équipe/ }).check();
  await page.getByRole("button", { name: "Envoyer le signalement" }).click();
  await expect(page.getByRole("heading", { name: /Merci ! Votre signalement sera relu/ })).toBeVisible();
  await expect(page.getByRole("link", { name: `Retour à « ${programmeTitle} »` })).toBeVisible();
  // The e-mail is never public: not on the programme's page, nor in its API answer.
  await page.goto(path);
  expect(await page.content()).not.toContain("signalement@exemple.test");
  const api = await page.request.get(`/api/v1/programmes/${path.split("/").pop()}`);
  expect(api.status()).toBe(200);
  expect(await api.text()).not.toContain("signalement@exemple.test");

  await signIn(page, accounts.curator, "/admin/contributions");
  await page.goto("/admin/contributions?kind=correction");
  await page.getByRole("link", { name: programmeTitle }).first().click();
  await expect(page.getByRole("heading", { name: "Sur la fiche aujourd'hui" })).toBeVisible();
  await expect(page.getByText("signalement@exemple.test")).toBeVisible();
  await expectNoAccessibilityViolations(page);
});
