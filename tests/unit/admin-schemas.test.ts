import { describe, expect, it } from "vitest";
import { fieldErrors, slugify } from "../../lib/validation/admin-fields";
import { funderInputSchema, funderPatchSchema } from "../../lib/validation/admin-funder";
import { funderListSchema, parseListParams, programmeListSchema } from "../../lib/validation/admin-list";
import { programmeInputSchema, programmePatchSchema, programmeStatusSchema } from "../../lib/validation/admin-programme";

const minimal = {
  title: "Appel à projets",
  summary: "Un résumé du programme.",
  description: "Une description du programme.",
  funder: "anct",
  aidKinds: ["subvention"],
  isNational: true,
};
const errorsOf = (result: { success: boolean; error?: unknown }) =>
  result.success ? {} : fieldErrors(result.error as Parameters<typeof fieldErrors>[0]);

describe("programmeInputSchema", () => {
  it("fills every optional field with its empty value", () => {
    const parsed = programmeInputSchema.parse(minimal);
    expect(parsed).toMatchObject({ coFunders: [], territories: [], rounds: [], sources: [], amountMax: null, currency: "EUR", isClosed: false });
    expect(parsed.slug).toBeUndefined();
  });

  it("says which field is missing, in French", () => {
    expect(errorsOf(programmeInputSchema.safeParse({}))).toMatchObject({
      title: "Titre : ce champ est obligatoire.",
      funder: "Financeur principal : ce champ est obligatoire.",
      aidKinds: "Nature de l'aide : ce champ est obligatoire.",
    });
  });

  it("trims texts and turns blank optional texts, links and days into null", () => {
    const parsed = programmeInputSchema.parse({ ...minimal, title: "  Titre  ", contact: "   ", applicationUrl: " ", opensAt: "" });
    expect(parsed).toMatchObject({ title: "Titre", contact: null, applicationUrl: null, opensAt: null });
  });

  it("accepts only http(s) links", () => {
    for (const url of ["javascript:alert(1)", "ftp://example.org/x", "data:text/html,x", "//example.org", "http://"]) {
      expect(errorsOf(programmeInputSchema.safeParse({ ...minimal, applicationUrl: url })).applicationUrl, url).toMatch(/http:\/\/ ou https:\/\//);
    }
    // A fully qualified name (final dot) is a real address: the seed cites one.
    expect(programmeInputSchema.safeParse({ ...minimal, applicationUrl: "http://www.senat.fr./rap/a.html" }).success).toBe(true);
    expect(programmeInputSchema.parse({ ...minimal, applicationUrl: "https://example.org/candidater?x=1" }).applicationUrl).toBe(
      "https://example.org/candidater?x=1",
    );
  });

  it("checks the rules across fields, on the field the message belongs to", () => {
    const errors = errorsOf(
      programmeInputSchema.safeParse({
        ...minimal,
        isNational: false,
        amountMin: 10, amountMax: 5,
        opensAt: "2026-05-02", closesAt: "2026-05-01",
        rounds: [{ label: "V1", opensAt: "2026-02-01", closesAt: "2026-01-01" }],
        coFunders: ["anct"],
        sources: [{ url: "https://a.fr/x" }, { url: "https://a.fr/x" }],
      }),
    );
    expect(Object.keys(errors).sort()).toEqual(["amountMax", "closesAt", "coFunders", "rounds.0.closesAt", "sources.1.url", "territories"]);
  });

  it("refuses a national programme with territories", () => {
    expect(errorsOf(programmeInputSchema.safeParse({ ...minimal, territories: ["commune:29019"] })).territories).toMatch(/national/);
  });

  it("refuses impossible days, amounts and rates", () => {
    const errors = errorsOf(
      programmeInputSchema.safeParse({ ...minimal, opensAt: "2026-02-30", amountTotal: -1, fundingRateMax: 0, amountMin: "12", currency: "eur" }),
    );
    expect(Object.keys(errors).sort()).toEqual(["amountMin", "amountTotal", "currency", "fundingRateMax", "opensAt"]);
  });

  it("rejects unknown keys and unknown codes by name", () => {
    expect(errorsOf(programmeInputSchema.safeParse({ ...minimal, statut: "x", beneficiaries: ["martiens"] }))).toEqual({
      statut: "Champ inconnu : « statut ».",
      "beneficiaries.0": "Bénéficiaires : valeur inconnue « martiens ».",
    });
  });

  it("drops duplicates from code lists", () => {
    expect(programmeInputSchema.parse({ ...minimal, aidKinds: ["pret", "pret", "subvention"] }).aidKinds).toEqual(["pret", "subvention"]);
  });
});

describe("programmePatchSchema", () => {
  it("keeps only the fields sent (no defaults) and requires the version", () => {
    expect(programmePatchSchema.parse({ version: 3, title: "Nouveau" })).toEqual({ version: 3, title: "Nouveau" });
    expect(errorsOf(programmePatchSchema.safeParse({ title: "Nouveau" })).version).toMatch(/obligatoire/);
    expect(errorsOf(programmePatchSchema.safeParse({ version: 1, nope: true })).nope).toBe("Champ inconnu : « nope ».");
  });
});

describe("programmeStatusSchema", () => {
  it("takes a status, an optional version and note", () => {
    expect(programmeStatusSchema.parse({ to: "published", version: 2, note: " ok " })).toEqual({ to: "published", version: 2, note: "ok" });
    expect(errorsOf(programmeStatusSchema.safeParse({ to: "online" })).to).toMatch(/draft, in_review, published ou archived/);
  });
});

describe("funder schemas", () => {
  it("parses a minimal funder and checks its codes and links", () => {
    expect(funderInputSchema.parse({ name: "Fondation X", type: "fondation-privee", territory: "" })).toMatchObject({ territory: null, website: null });
    expect(Object.keys(errorsOf(funderInputSchema.safeParse({ name: "F", type: "mecene", website: "javascript:x", territory: "bretagne" }))).sort()).toEqual([
      "name", "territory", "type", "website",
    ]);
    expect(funderPatchSchema.parse({ version: 1, acronym: "" })).toEqual({ version: 1, acronym: null });
  });
});

describe("slugify", () => {
  it("writes a URL identifier from a French title", () => {
    expect(slugify("Appel à projets « Numérique inclusif » 2026 !")).toBe("appel-a-projets-numerique-inclusif-2026");
    expect(slugify("Œuvre d'État")).toBe("oeuvre-d-etat");
    expect(slugify("!!!")).toBe("");
  });
});

describe("list filters", () => {
  it("reads repeatable parameters, defaults and bounds", () => {
    expect(programmeListSchema.parse({ status: "draft", funderType: ["etat", "anct"], page: "3", sort: "closing" })).toMatchObject({
      status: ["draft"], funderType: ["etat", "anct"], page: 3, perPage: 25, sort: "closing",
    });
    expect(programmeListSchema.safeParse({ perPage: "500" }).success).toBe(false);
    expect(funderListSchema.parse({})).toMatchObject({ sort: "name", page: 1, status: [], type: [] });
  });

  it("drops an invalid parameter of a page's URL instead of failing", () => {
    expect(parseListParams(programmeListSchema, { status: "nope", q: "brest", page: "-1" })).toMatchObject({ q: "brest", status: [], page: 1 });
  });
});
