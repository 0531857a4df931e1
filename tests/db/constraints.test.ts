import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { aidKinds, beneficiaries, financedItems, funderTypes, recurrences, territoryLevels } from "../../lib/codes";
import type { Database } from "../../lib/db/connect";
import { createTestFunder, deleteTestFunders } from "./support/factories";
import { openTestDatabase, uniqueSlug } from "./support/test-database";

let db: Database;
let funderId: string;
beforeAll(async () => {
  db = await openTestDatabase();
  funderId = (await createTestFunder(db.prisma)).id;
});
afterAll(async () => {
  if (funderId) await deleteTestFunders(db.prisma, [funderId]);
  await db?.close();
});

/** Inserts a programme with raw SQL (what any client could send), overriding some columns. */
async function insertProgramme(columns: Record<string, unknown>) {
  const values: Record<string, unknown> = {
    slug: uniqueSlug("test-contrainte"),
    title: "Programme de test",
    summary: "Résumé",
    description: "Description",
    funder_id: funderId,
    updated_at: new Date(),
    ...columns,
  };
  const names = Object.keys(values);
  return db.sql.query(
    `insert into programme (id, ${names.map((n) => `"${n}"`).join(", ")})
     values (gen_random_uuid(), ${names.map((_, i) => `$${i + 1}`).join(", ")}) returning slug`,
    Object.values(values),
  );
}

const violation = (constraint: string) => new RegExp(`violates check constraint "${constraint}"`);

describe("the database rejects an impossible programme", () => {
  it("accepts a consistent one", async () => {
    await expect(
      insertProgramme({
        amount_min: 1000, amount_max: 5000, funding_rate_max: 100,
        opens_at: new Date("2025-01-01T00:00:00+01:00"), closes_at: new Date("2025-01-01T00:00:00+01:00"),
      }),
    ).resolves.toHaveLength(1);
  });

  it("whose minimum amount exceeds its maximum", async () => {
    await expect(insertProgramme({ amount_min: 5001, amount_max: 5000 })).rejects.toThrow(
      violation("programme_amount_min_le_max"),
    );
  });

  it("that closes before it opens", async () => {
    await expect(
      insertProgramme({ opens_at: new Date("2025-03-02T00:00:00Z"), closes_at: new Date("2025-03-01T23:59:59Z") }),
    ).rejects.toThrow(violation("programme_closes_after_opens"));
  });

  it("that funds more than 100 % of a project", async () => {
    await expect(insertProgramme({ funding_rate_max: 100.01 })).rejects.toThrow(violation("programme_funding_rate_range"));
  });

  it("that funds 0 % of a project", async () => {
    await expect(insertProgramme({ funding_rate_max: 0 })).rejects.toThrow(violation("programme_funding_rate_range"));
  });

  it.each(["amount_total", "amount_min", "amount_max"])("with a negative %s", async (column) => {
    await expect(insertProgramme({ [column]: -1 })).rejects.toThrow(violation("programme_amounts_non_negative"));
  });

  it("whose slug is not lower-case kebab-case", async () => {
    await expect(insertProgramme({ slug: "Pass Numérique" })).rejects.toThrow(violation("programme_slug_format"));
  });

  it("with a currency that is not an ISO code", async () => {
    await expect(insertProgramme({ currency: "eur" })).rejects.toThrow(violation("programme_currency_code"));
  });

  it("even through Prisma", async () => {
    await expect(
      db.prisma.programme.create({
        data: { slug: uniqueSlug("test-contrainte"), title: "T", summary: "S", description: "D", funderId, amountMin: 10, amountMax: 1 },
      }),
    ).rejects.toThrow(/programme_amount_min_le_max/);
  });
});

describe("the database rejects other impossible rows", () => {
  it("a territory whose id does not match its level and code", async () => {
    await expect(
      db.sql.query(`insert into territory (id, level, code, name) values ('commune:99999', 'departement', '99999', 'Nulle part')`),
    ).rejects.toThrow(violation("territory_id_matches_level_code"));
  });

  it("a funding record whose years run backwards", async () => {
    await expect(
      db.sql.query(
        `insert into funding_record (id, slug, label, year_start, year_end, funder_id)
         values (gen_random_uuid(), $1, 'Test', 2024, 2023, $2)`,
        [uniqueSlug("test-montant"), funderId],
      ),
    ).rejects.toThrow(violation("funding_record_years_ordered"));
  });

  it("a funding record attached to nothing", async () => {
    await expect(
      db.sql.query(
        `insert into funding_record (id, slug, label, year_start, year_end) values (gen_random_uuid(), $1, 'Test', 2023, 2024)`,
        [uniqueSlug("test-montant")],
      ),
    ).rejects.toThrow(violation("funding_record_has_subject"));
  });
});

describe("the database enums", () => {
  it.each([
    ["FunderType", funderTypes.codes],
    ["AidKind", aidKinds.codes],
    ["FinancedItem", financedItems.codes],
    ["Beneficiary", beneficiaries.codes],
    ["Recurrence", recurrences.codes],
    ["TerritoryLevel", territoryLevels.codes],
  ])("%s stores exactly the public codes of lib/codes.ts", async (enumName, codes) => {
    const rows = await db.sql.query<{ label: string }>(
      `select e.enumlabel as label from pg_enum e join pg_type t on t.oid = e.enumtypid where t.typname = $1 order by e.enumsortorder`,
      [enumName],
    );
    expect(rows.map((r) => r.label)).toEqual([...codes]);
  });
});
