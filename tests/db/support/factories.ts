import type { Prisma, PrismaClient } from "../../../lib/generated/prisma/client";
import { uniqueSlug } from "./test-database";

/** Rows a test makes for itself, with unique slugs, and removes afterwards. */

export async function createTestFunder(prisma: PrismaClient, data: Partial<Prisma.FunderUncheckedCreateInput> = {}) {
  return prisma.funder.create({
    data: { slug: uniqueSlug("test-financeur"), name: "Financeur de test", type: "autre", ...data },
    select: { id: true, slug: true },
  });
}

export async function createTestProgramme(
  prisma: PrismaClient,
  funderId: string,
  { coverage = [], ...data }: Partial<Prisma.ProgrammeUncheckedCreateInput> & { coverage?: string[] } = {},
) {
  return prisma.programme.create({
    data: {
      slug: uniqueSlug("test-programme"),
      title: "Programme de test",
      summary: "Résumé du programme de test.",
      description: "Description du programme de test.",
      funderId,
      aidKinds: ["subvention"],
      coverage: { create: coverage.map((territoryId) => ({ territoryId })) },
      ...data,
    },
    select: { id: true, slug: true },
  });
}

/** Removes the funders and everything attached to them (programmes cascade to their lists). */
export async function deleteTestFunders(prisma: PrismaClient, funderIds: string[]) {
  await prisma.programme.deleteMany({ where: { funderId: { in: funderIds } } });
  await prisma.funder.deleteMany({ where: { id: { in: funderIds } } });
}
