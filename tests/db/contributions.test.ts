import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "../../lib/auth/policy";
import { getContribution, listContributions } from "../../lib/data/admin/contributions";
import { acceptCorrection, acceptProposal, rejectContribution } from "../../lib/data/admin/contributions-decide";
import { createFunder } from "../../lib/data/admin/funder-write";
import { createProgramme, transitionProgramme, updateProgramme } from "../../lib/data/admin/programme-write";
import { submitContribution } from "../../lib/data/contributions";
import type { Database } from "../../lib/db/connect";
import { senderHash } from "../../lib/security/sender-hash";
import { curationFixtures, rejection } from "./support/curation";
import { openTestDatabase } from "./support/test-database";

/**
 * Public proposals and corrections, and the curators' decisions on them (lib/data/contributions.ts,
 * lib/data/admin/contributions*.ts): the per-address limit counted in the database, acceptance creating a draft
 * credited to the proposer, rejection with a reason, no double decision, no e-mail in public answers.
 */

process.env.NEXTAUTH_SECRET ??= "contributions-secret-de-test-0123456789abcdef";
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined, unstable_cache: <T>(fn: T) => fn }));

let db: Database;
const fx = curationFixtures(() => db.prisma);
let curator: Actor;
let contributor: Actor;
let funder: string;
let programmeSlug: string;
let addressCounter = 0;
/** A fresh sender address per test (the limit counts per address). */
const newAddress = () => `198.51.100.${++addressCounter}-${process.pid}-${Date.now()}`;

const EMAIL = "jeanne.proposante@exemple.test";
const proposal = (overrides: Record<string, unknown> = {}) => ({
  title: "Appel à projets « Numérique solidaire » 2027",
  funderName: "Fondation des tests",
  applicationUrl: "https://www.exemple.org/appel-numerique-solidaire",
  opensAt: "2027-01-15",
  closesAt: "2027-03-31",
  beneficiaries: ["association", "tiers-lieu"],
  financed: ["postes-mediateurs"],
  territory: "Bretagne",
  description: "Un appel pour financer des postes de médiateurs numériques dans les associations bretonnes.",
  proposerName: "Jeanne Proposante",
  proposerOrganisation: "Association Les Tests",
  proposerEmail: EMAIL,
  consent: "on",
  ...overrides,
});
const correction = (overrides: Record<string, unknown> = {}) => ({
  topic: "dates",
  correction: "La clôture a été repoussée au 30 juin 2027, d'après la page du financeur.",
  sourceUrl: "https://www.exemple.org/report",
  proposerName: "",
  proposerOrganisation: "Centre social des Tests",
  proposerEmail: "CORRECTEUR@Exemple.test",
  consent: "on",
  ...overrides,
});
const contributionIds: string[] = [];
const submit = async (s: Parameters<typeof submitContribution>[0]) => {
  const r = await submitContribution(s);
  contributionIds.push(r.id);
  return r;
};

beforeAll(async () => {
  db = await openTestDatabase();
  [curator, contributor] = await Promise.all([fx.actor("curator", "Claire Curatrice"), fx.actor("contributor")]);
  funder = (await createFunder(curator, { ...fx.funderInput({ name: "Fondation des contributions" }), status: "published" })).slug;
  programmeSlug = (await createProgramme(curator, { ...fx.programmeInput(funder), status: "published", applicationUrl: "https://www.exemple.org/ancien-lien" })).slug;
});
afterAll(async () => {
  await db?.prisma.contribution.deleteMany({
    where: { OR: [{ id: { in: contributionIds } }, { proposerEmail: { in: [EMAIL, "correcteur@exemple.test"] } }] },
  });
  await fx.cleanUp();
  await db?.close();
});

describe("a public proposal", () => {
  it("is stored pending, with the validated fields, the e-mail in lower case and the keyed hash of the address (not the address)", async () => {
    const address = newAddress();
    const { id } = await submit({ kind: "proposal", input: proposal({ proposerEmail: "Jeanne.Proposante@Exemple.TEST" }), address });
    const row = await db.prisma.contribution.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({
      kind: "proposal", status: "pending", programmeId: null, proposerEmail: EMAIL, proposerName: "Jeanne Proposante",
      proposerOrganisation: "Association Les Tests", message: proposal().description,
    });
    expect(row.payload).toEqual({
      title: proposal().title, funderName: "Fondation des tests", applicationUrl: proposal().applicationUrl, opensAt: "2027-01-15",
      closesAt: "2027-03-31", beneficiaries: ["association", "tiers-lieu"], financed: ["postes-mediateurs"], territory: "Bretagne",
    });
    expect(row.senderHash).toBe(senderHash(address));
    expect(row.senderHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(address);
  });

  it("is refused with French messages per field, and nothing is stored", async () => {
    const before = await db.prisma.contribution.count();
    const error = await rejection(
      submitContribution({
        kind: "proposal",
        input: proposal({ title: "", applicationUrl: "pas une adresse", beneficiaries: [], proposerEmail: "jeanne@", consent: "", closesAt: "2027-01-01" }),
        address: newAddress(),
      }),
    );
    expect(error.code).toBe("validation_failed");
    expect(error.details?.fields).toMatchObject({
      title: expect.stringMatching(/^Nom de l'appel ou du dispositif : /),
      applicationUrl: expect.stringMatching(/adresse web invalide/),
      beneficiaries: expect.stringMatching(/au moins une catégorie/),
      proposerEmail: expect.stringMatching(/adresse invalide/),
      consent: expect.stringMatching(/cochez la case/),
      closesAt: expect.stringMatching(/suivre la date d'ouverture/),
    });
    expect(await db.prisma.contribution.count()).toBe(before);
  });
});

describe("the per-address limit, counted in the database", () => {
  it("accepts 5 sends an hour from one address, refuses the 6th (rate_limited, nothing stored), and another address still passes", async () => {
    const address = newAddress();
    for (let i = 0; i < 5; i++) await submit({ kind: "proposal", input: proposal({ title: `Proposition ${i + 1} du même envoyeur` }), address });
    const before = await db.prisma.contribution.count();
    const error = await rejection(submitContribution({ kind: "proposal", input: proposal(), address }));
    expect(error.code).toBe("rate_limited");
    expect(error.message).toMatch(/réessayez dans une heure.*Rien n'a été enregistré/);
    // Refused even when the form is invalid: the limit is checked first.
    expect((await rejection(submitContribution({ kind: "proposal", input: {}, address }))).code).toBe("rate_limited");
    expect(await db.prisma.contribution.count()).toBe(before);
    await submit({ kind: "proposal", input: proposal(), address: newAddress() });
  });

  it("counts what earlier requests stored: 20 a day, older rows of the day included", async () => {
    const address = newAddress();
    const hash = senderHash(address);
    // 19 sends between 2 and 20 hours ago, written as earlier requests would have.
    const old = Array.from({ length: 19 }, (_, i) => ({
      kind: "proposal" as const, payload: { title: `Ancienne ${i}` }, proposerEmail: EMAIL, senderHash: hash,
      createdAt: new Date(Date.now() - (2 + i) * 60 * 60 * 1000),
    }));
    await db.prisma.contribution.createMany({ data: old });
    await submit({ kind: "proposal", input: proposal(), address }); // the 20th of the day, the 1st of the hour
    const error = await rejection(submitContribution({ kind: "proposal", input: proposal(), address }));
    expect(error.code).toBe("rate_limited");
    expect(error.message).toMatch(/réessayez demain/);
    // A day later, the window slid past.
    await db.prisma.contribution.updateMany({ where: { senderHash: hash }, data: { createdAt: new Date(Date.now() - 25 * 60 * 60 * 1000) } });
    await submit({ kind: "proposal", input: proposal(), address });
  });

  it("lets only 5 of 8 simultaneous sends from one address through", async () => {
    const address = newAddress();
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, (_, i) => submitContribution({ kind: "proposal", input: proposal({ title: `Envoi simultané ${i}` }), address })),
    );
    for (const r of results) if (r.status === "fulfilled") contributionIds.push(r.value.id);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(5);
    expect(results.filter((r) => r.status === "rejected").map((r) => (r as PromiseRejectedResult).reason.code)).toEqual(Array(3).fill("rate_limited"));
    expect(await db.prisma.contribution.count({ where: { senderHash: senderHash(address) } })).toBe(5);
  });
});

describe("accepting a proposal", () => {
  it("creates a DRAFT programme with the proposal's fields, credited to the proposer (never their e-mail), and links it", async () => {
    const { id } = await submit({ kind: "proposal", input: proposal(), address: newAddress() });
    const { programmeSlug: slug } = await acceptProposal(curator, {
      contributionId: id, funder, aidKinds: ["appel-a-projets"], isNational: false, territories: ["region:53"],
      summary: "Des postes de médiateurs numériques pour les associations bretonnes.", note: null,
    });
    fx.track("programme", slug);
    const programme = await db.prisma.programme.findUniqueOrThrow({
      where: { slug }, include: { coverage: true, sources: true, funder: { select: { slug: true } } },
    });
    expect(programme).toMatchObject({
      status: "draft", title: proposal().title, description: proposal().description, applicationUrl: proposal().applicationUrl,
      coverageNote: "Bretagne", createdById: curator.id, beneficiaries: ["association", "tiers_lieu"], financed: ["postes_mediateurs"],
      aidKinds: ["appel_a_projets"], isNational: false,
    });
    expect(programme.funder.slug).toBe(funder);
    expect(programme.coverage.map((c) => c.territoryId)).toEqual(["region:53"]);
    expect(programme.sources.map((s) => s.url)).toEqual([proposal().applicationUrl]);
    const revisions = await db.prisma.revision.findMany({ where: { entityType: "programme", entityId: programme.id }, orderBy: { createdAt: "asc" } });
    expect(revisions.map((r) => r.action)).toEqual(["create", "contribution"]);
    expect(revisions[1]!.note).toBe("Proposé par Jeanne Proposante (Association Les Tests) via le formulaire public.");
    expect(revisions[1]!.authorId).toBe(curator.id);
    expect(JSON.stringify(revisions)).not.toContain(EMAIL);
    const contribution = await db.prisma.contribution.findUniqueOrThrow({ where: { id } });
    expect(contribution).toMatchObject({ status: "accepted", programmeId: programme.id, reviewedById: curator.id });
    expect(contribution.reviewedAt).toBeInstanceOf(Date);
  });

  it("credits the organisation alone, or « Anonyme », and adds the curator's note", async () => {
    const { id } = await submit({ kind: "proposal", input: proposal({ proposerName: "", proposerOrganisation: "" }), address: newAddress() });
    const { programmeSlug: slug, revisionId } = await acceptProposal(curator, {
      contributionId: id, funder, aidKinds: ["subvention"], isNational: true, territories: [], summary: "Un résumé de plus de dix caractères.",
      note: "Vérifié sur le site du financeur.",
    });
    fx.track("programme", slug);
    const revision = await db.prisma.revision.findUniqueOrThrow({ where: { id: revisionId } });
    expect(revision.note).toBe("Proposé par Anonyme via le formulaire public. Note : Vérifié sur le site du financeur.");
  });

  it("refuses a second decision (accept or reject) once it is decided, and creates one draft only when two curators accept at once", async () => {
    const { id } = await submit({ kind: "proposal", input: proposal({ title: "Proposition acceptée deux fois" }), address: newAddress() });
    const input = { contributionId: id, funder, aidKinds: ["subvention"], isNational: true, territories: [], summary: "Un résumé suffisant ici.", note: null };
    const [a, b] = await Promise.allSettled([acceptProposal(curator, input), acceptProposal(curator, input)]);
    const won = [a, b].filter((r) => r.status === "fulfilled");
    expect(won).toHaveLength(1);
    fx.track("programme", (won[0] as PromiseFulfilledResult<{ programmeSlug: string }>).value.programmeSlug);
    expect(([a, b].find((r) => r.status === "rejected") as PromiseRejectedResult).reason.code).toBe("conflict");
    expect(await db.prisma.programme.count({ where: { title: "Proposition acceptée deux fois" } })).toBe(1);
    const again = await rejection(rejectContribution(curator, { contributionId: id, decisionNote: "Trop tard pour refuser." }));
    expect(again.code).toBe("conflict");
    expect(again.message).toMatch(/déjà été acceptée par Claire Curatrice/);
    expect((await db.prisma.contribution.findUniqueOrThrow({ where: { id } })).status).toBe("accepted");
  });

  it("gives the claim back when the programme cannot be created (unknown funder): still pending, nothing written", async () => {
    const { id } = await submit({ kind: "proposal", input: proposal(), address: newAddress() });
    const revisions = await db.prisma.revision.count();
    const error = await rejection(
      acceptProposal(curator, { contributionId: id, funder: "financeur-qui-n-existe-pas", aidKinds: ["subvention"], isNational: true, territories: [], summary: "Un résumé suffisant ici.", note: null }),
    );
    expect(error.code).toBe("validation_failed");
    expect(error.details?.fields?.funder).toMatch(/financeur inconnu/);
    expect(await db.prisma.contribution.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "pending", reviewedById: null, reviewedAt: null });
    expect(await db.prisma.revision.count()).toBe(revisions);
  });
});

describe("rejecting", () => {
  it("requires a reason, then records it with the curator", async () => {
    const { id } = await submit({ kind: "proposal", input: proposal(), address: newAddress() });
    const missing = await rejection(rejectContribution(curator, { contributionId: id, decisionNote: "" }));
    expect(missing.code).toBe("validation_failed");
    expect(missing.details?.fields?.decisionNote).toMatch(/^Motif du refus : /);
    await rejectContribution(curator, { contributionId: id, decisionNote: "Ce dispositif ne concerne pas l'inclusion numérique." });
    expect(await db.prisma.contribution.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "rejected", decisionNote: "Ce dispositif ne concerne pas l'inclusion numérique.", reviewedById: curator.id, programmeId: null,
    });
    const twice = await rejection(rejectContribution(curator, { contributionId: id, decisionNote: "Encore une fois." }));
    expect(twice.code).toBe("conflict");
  });
});

describe("a correction", () => {
  it("is tied to a published programme only", async () => {
    const error = await rejection(submitContribution({ kind: "correction", input: correction(), address: newAddress(), programmeSlug: "programme-qui-n-existe-pas" }));
    expect(error.code).toBe("not_found");
  });

  it("accepted with a closing date and a link: written through updateProgramme (version checked) and credited", async () => {
    const { id } = await submit({ kind: "correction", input: correction(), address: newAddress(), programmeSlug });
    const detail = await getContribution(curator, id);
    expect(detail).toMatchObject({ kind: "correction", proposerEmail: "correcteur@exemple.test", programme: { slug: programmeSlug, applicationUrl: "https://www.exemple.org/ancien-lien" } });
    const version = detail!.programme!.version;
    // Someone saves the programme meanwhile: the stale version is refused and the contribution stays pending.
    await updateProgramme(curator, programmeSlug, { version, contact: "contact@exemple.org" });
    const stale = await rejection(acceptCorrection(curator, { contributionId: id, version, closesAt: "2027-06-30", applicationUrl: "", opensAt: "", note: null }));
    expect(stale.code).toBe("conflict");
    expect((await db.prisma.contribution.findUniqueOrThrow({ where: { id } })).status).toBe("pending");

    const result = await acceptCorrection(curator, {
      contributionId: id, version: version + 1, closesAt: "2027-06-30", applicationUrl: "https://www.exemple.org/nouveau-lien", opensAt: "", note: null,
    });
    expect(result.applied).toEqual(["lien pour candidater", "date de clôture"]);
    const programme = await db.prisma.programme.findUniqueOrThrow({ where: { slug: programmeSlug } });
    expect(programme.applicationUrl).toBe("https://www.exemple.org/nouveau-lien");
    expect(programme.version).toBe(version + 2);
    const revisions = await db.prisma.revision.findMany({ where: { entityId: programme.id }, orderBy: { createdAt: "desc" }, take: 2 });
    expect(revisions.map((r) => r.action)).toEqual(["contribution", "update"]);
    expect(revisions[0]!.note).toBe(
      "Correction signalée par Centre social des Tests via le formulaire public (les dates (ouverture, clôture)). Appliqué : lien pour candidater, date de clôture.",
    );
  });

  it("accepted without structured fields: the decision and the credit only, the programme unchanged", async () => {
    const { id } = await submit({ kind: "correction", input: correction({ topic: "eligibilite" }), address: newAddress(), programmeSlug });
    const before = await db.prisma.programme.findUniqueOrThrow({ where: { slug: programmeSlug }, select: { version: true } });
    const result = await acceptCorrection(curator, { contributionId: id, version: before.version, applicationUrl: "", opensAt: "", closesAt: "", note: "Appliqué à la main." });
    expect(result.applied).toEqual([]);
    expect((await db.prisma.programme.findUniqueOrThrow({ where: { slug: programmeSlug } })).version).toBe(before.version);
    expect((await db.prisma.revision.findUniqueOrThrow({ where: { id: result.revisionId } })).note).toMatch(/\(l'éligibilité \(qui peut candidater\)\)\. Note : Appliqué à la main\.$/);
  });
});

describe("who may review", () => {
  it("refuses a contributor every read and decision (forbidden), and nothing changes", async () => {
    const { id } = await submit({ kind: "proposal", input: proposal(), address: newAddress() });
    const tries = [
      listContributions(contributor, { status: "pending", page: 1 }),
      getContribution(contributor, id),
      acceptProposal(contributor, { contributionId: id, funder, aidKinds: ["subvention"], isNational: true, territories: [], summary: "Un résumé suffisant.", note: null }),
      rejectContribution(contributor, { contributionId: id, decisionNote: "Refus par un contributeur." }),
      acceptCorrection(contributor, { contributionId: id, version: 1 }),
    ];
    for (const t of tries) expect((await rejection(t)).code).toBe("forbidden");
    expect((await db.prisma.contribution.findUniqueOrThrow({ where: { id } })).status).toBe("pending");
  });

  it("lists with counts per status and kind, and filters", async () => {
    const list = await listContributions(curator, { status: "pending", kind: "correction", page: 1 });
    expect(list.items.every((i) => i.kind === "correction" && i.status === "pending")).toBe(true);
    const all = await listContributions(curator, { status: "all", page: 1 });
    const sum = Object.values(all.counts).flatMap((k) => Object.values(k)).reduce((a, b) => a + b, 0);
    expect(all.total).toBe(sum);
    expect(all.counts.accepted.proposal).toBeGreaterThanOrEqual(2);
    expect(all.counts.rejected.proposal).toBeGreaterThanOrEqual(1);
  });
});

describe("the proposer's e-mail is never public", () => {
  it("is absent from the public API of a programme created from a proposal, once published", async () => {
    const { GET } = await import("../../app/api/v1/programmes/[slug]/route");
    const { id } = await submit({ kind: "proposal", input: proposal({ title: "Proposition publiée ensuite" }), address: newAddress() });
    const { programmeSlug: slug } = await acceptProposal(curator, {
      contributionId: id, funder, aidKinds: ["subvention"], isNational: true, territories: [], summary: "Un résumé publié ensuite.", note: null,
    });
    fx.track("programme", slug);
    const draft = await db.prisma.programme.findUniqueOrThrow({ where: { slug }, select: { version: true } });
    await transitionProgramme(curator, slug, { to: "published", version: draft.version });
    const res = await GET(new Request(`http://localhost/api/v1/programmes/${slug}`), { params: Promise.resolve({ slug }) });
    expect(res.status).toBe(200);
    const body = await res.text();
    expect(body).toContain("Proposition publiée ensuite");
    expect(body.toLowerCase()).not.toContain(EMAIL);
    expect(body).not.toContain("Jeanne Proposante");
  });
});
