import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import type { PrismaClient } from "../../generated/prisma/client";
import { SEED_DATA_DIR } from "./catalogue";

/**
 * The case studies of funding models (prisma/seed-data/case-studies.json, from shared/data with
 * their sources). Each funder and programme the sources name keeps its name; the ones that clearly
 * match a catalogue entry carry its slug (a mapping written in the file and reviewed by eye, never
 * guessed here) and become links. Every name, the territory as the sources word it and the years
 * they cite end the Markdown body (« Repères »), so nothing the sources give is lost.
 * Idempotent: upserts by slug, links replaced by the file's.
 */

const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/);
const cited = z.object({ name: z.string().min(2), slug: slug.nullable() });

export const seedCaseStudySchema = z.object({
  slug,
  title: z.string().min(5),
  summary: z.string().min(20),
  body: z.string().min(50),
  territory: z.string().regex(/^(region|departement|epci|commune):[0-9AB]{2,9}$/).nullable(),
  territoryLabel: z.string().min(2),
  years: z.array(z.string().regex(/^\d{4}$/)),
  funders: z.array(cited),
  programmes: z.array(cited),
  /** Catalogue programmes the body names plainly though the sources' list does not. */
  alsoProgrammes: z.array(slug),
  sourceUrls: z.array(z.url()).min(1),
});

export type SeedCaseStudy = z.infer<typeof seedCaseStudySchema>;

export function readCaseStudies(): SeedCaseStudy[] {
  const file = "case-studies.json";
  const raw: unknown = JSON.parse(fs.readFileSync(path.join(SEED_DATA_DIR, file), "utf8"));
  const parsed = z.array(seedCaseStudySchema).safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Données de départ invalides dans ${file} à ${issue?.path.join(".")} : ${issue?.message}`);
  }
  return parsed.data;
}

/** The body stored: the source's text, then the names, places and years the sources cite. */
export function caseStudyBody(c: SeedCaseStudy): string {
  const names = (list: { name: string }[]) => list.map((x) => x.name).join(" ; ");
  const lines = [
    `- **Territoire** : ${c.territoryLabel}`,
    c.years.length ? `- **Années citées** : ${c.years.join(", ")}` : null,
    c.funders.length ? `- **Financeurs cités** : ${names(c.funders)}` : null,
    c.programmes.length ? `- **Programmes et dispositifs cités** : ${names(c.programmes)}` : null,
  ].filter((line): line is string => line !== null);
  return `${c.body.trim()}\n\n## Repères\n\n${lines.join("\n")}\n`;
}

export async function seedCaseStudies(prisma: PrismaClient, caseStudies = readCaseStudies()): Promise<number> {
  const funderSlugs = [...new Set(caseStudies.flatMap((c) => c.funders.flatMap((f) => (f.slug ? [f.slug] : []))))];
  const programmeSlugs = [...new Set(caseStudies.flatMap((c) => [...c.programmes.flatMap((p) => (p.slug ? [p.slug] : [])), ...c.alsoProgrammes]))];
  const [funders, programmes] = await Promise.all([
    prisma.funder.findMany({ where: { slug: { in: funderSlugs } }, select: { id: true, slug: true } }),
    prisma.programme.findMany({ where: { slug: { in: programmeSlugs } }, select: { id: true, slug: true } }),
  ]);
  const idOf = (rows: { id: string; slug: string }[], kind: string) => {
    const ids = new Map(rows.map((r) => [r.slug, r.id]));
    return (s: string) => {
      const id = ids.get(s);
      if (!id) throw new Error(`${kind} inconnu dans case-studies.json : ${s}`);
      return id;
    };
  };
  const funderId = idOf(funders, "Financeur");
  const programmeId = idOf(programmes, "Programme");

  // One transaction, few statements: the rows, then every link replaced at once.
  await prisma.$transaction(async (tx) => {
    const ids: string[] = [];
    const funderLinks: { caseStudyId: string; funderId: string }[] = [];
    const programmeLinks: { caseStudyId: string; programmeId: string }[] = [];
    for (const c of caseStudies) {
      const data = {
        title: c.title,
        summary: c.summary,
        body: caseStudyBody(c),
        territoryId: c.territory,
        sourceUrls: c.sourceUrls,
        status: "published" as const,
      };
      const { id } = await tx.caseStudy.upsert({ where: { slug: c.slug }, create: { slug: c.slug, ...data }, update: data, select: { id: true } });
      ids.push(id);
      for (const f of new Set(c.funders.flatMap((x) => (x.slug ? [funderId(x.slug)] : [])))) funderLinks.push({ caseStudyId: id, funderId: f });
      const programmes = [...c.programmes.flatMap((x) => (x.slug ? [x.slug] : [])), ...c.alsoProgrammes].map(programmeId);
      for (const p of new Set(programmes)) programmeLinks.push({ caseStudyId: id, programmeId: p });
    }
    await tx.caseStudyFunder.deleteMany({ where: { caseStudyId: { in: ids } } });
    await tx.caseStudyProgramme.deleteMany({ where: { caseStudyId: { in: ids } } });
    await tx.caseStudyFunder.createMany({ data: funderLinks });
    await tx.caseStudyProgramme.createMany({ data: programmeLinks });
  }, { timeout: 60_000 });
  return caseStudies.length;
}
