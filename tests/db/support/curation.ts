import type { Actor, Role } from "../../../lib/auth/policy";
import type { PrismaClient } from "../../../lib/generated/prisma/client";
import type { FunderInputDraft } from "../../../lib/validation/admin-funder";
import type { ProgrammeInputDraft } from "../../../lib/validation/admin-programme";
import { uniqueSlug } from "./test-database";
import { createTestUser, deleteTestUsers } from "./users";

/**
 * Accounts and inputs for the tests of the curation services (lib/data/admin/*) and of
 * /api/v1/admin. Everything a file makes is recorded and removed by `cleanUp()`.
 */
export function curationFixtures(prisma: () => PrismaClient) {
  const userIds: string[] = [];
  const funderSlugs: string[] = [];
  const programmeSlugs: string[] = [];

  return {
    async actor(role: Role, name?: string): Promise<Actor> {
      const user = await createTestUser(prisma(), { role, name: name ?? `Compte ${role} ${uniqueSlug("n")}` });
      userIds.push(user.id);
      return { id: user.id, email: user.email, name: user.name, role: user.role };
    },

    /** Records slugs created through the services, for cleanUp(). */
    track(kind: "funder" | "programme", slug: string) {
      (kind === "funder" ? funderSlugs : programmeSlugs).push(slug);
      return slug;
    },

    programmeInput(funder: string, overrides: Partial<ProgrammeInputDraft> = {}): ProgrammeInputDraft {
      const slug = uniqueSlug("test-admin-programme");
      programmeSlugs.push(slug);
      return {
        slug,
        title: "Programme de test de la curation",
        summary: "Un programme créé par les tests de la curation.",
        description: "Sa description, en **Markdown**.",
        funder,
        aidKinds: ["subvention"],
        isNational: true,
        ...overrides,
      };
    },

    funderInput(overrides: Partial<FunderInputDraft> = {}): FunderInputDraft {
      const slug = uniqueSlug("test-admin-financeur");
      funderSlugs.push(slug);
      return { slug, name: "Financeur de test de la curation", type: "fondation-privee", ...overrides };
    },

    /** An API token row for the account (the token itself, as a client would send it). */
    async apiToken(userId: string): Promise<string> {
      const { generateToken } = await import("../../../lib/auth/api-tokens");
      const { token, tokenHash, prefix } = generateToken();
      await prisma().apiToken.create({ data: { userId, name: "jeton de test", tokenHash, prefix } });
      return token;
    },

    async cleanUp() {
      const p = prisma();
      const programmes = await p.programme.findMany({
        where: { OR: [{ slug: { in: programmeSlugs } }, { createdById: { in: userIds } }, { funder: { slug: { in: funderSlugs } } }] },
        select: { id: true },
      });
      const funders = await p.funder.findMany({
        where: { OR: [{ slug: { in: funderSlugs } }, { createdById: { in: userIds } }] },
        select: { id: true },
      });
      const ids = [...programmes, ...funders].map((r) => r.id);
      await p.revision.deleteMany({ where: { OR: [{ entityId: { in: ids } }, { authorId: { in: userIds } }] } });
      await p.programme.deleteMany({ where: { id: { in: programmes.map((r) => r.id) } } });
      await p.programmeCoFunder.deleteMany({ where: { funderId: { in: funders.map((f) => f.id) } } });
      await p.funder.deleteMany({ where: { id: { in: funders.map((f) => f.id) } } });
      await deleteTestUsers(p, userIds);
    },
  };
}

/** The DomainError a promise rejects with (fails the test when it resolves). */
export async function rejection(promise: Promise<unknown>): Promise<{ code: string; message: string; details?: { fields?: Record<string, string>; current?: unknown; currentVersion?: number } }> {
  try {
    await promise;
  } catch (error) {
    return error as never;
  }
  throw new Error("La promesse aurait dû échouer.");
}
