import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../lib/db/connect";
import { searchTerritories } from "../../lib/data/programme-search";
import { openTestDatabase } from "./support/test-database";

let db: Database;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(() => db?.close());

const ids = async (q: string, limit?: number) => (await searchTerritories(q, limit)).map((t) => t.id);

describe("searching territories for the picker", () => {
  it("finds Brest by its name, with its département as context", async () => {
    const [first] = await searchTerritories("Brest");
    expect(first).toEqual({ id: "commune:29019", level: "commune", name: "Brest", code: "29019", context: "Finistère (29)" });
  });

  it("ignores accents, case and punctuation", async () => {
    expect((await ids("finistere"))[0]).toBe("departement:29");
    expect((await ids("SAINT DENIS"))[0]).toBe((await ids("Saint-Denis"))[0]);
    expect(await ids("l'ile-d'yeu")).toContain("commune:85113");
  });

  it("puts the biggest commune first among those whose names start with the text", async () => {
    const found = await searchTerritories("bre", 5);
    expect(found[0]?.id).toBe("commune:29019");
    const plain = (name: string) => name.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
    expect(found.map((t) => plain(t.name)).filter((name) => !name.startsWith("bre"))).toEqual([]);
  });

  it("tells homonyms apart by their département", async () => {
    const found = await searchTerritories("Saint-Denis", 3);
    expect(found.map((t) => t.name)).toEqual(["Saint-Denis", "Saint-Denis", "Saint-Denis"]);
    expect(new Set(found.map((t) => t.context)).size).toBe(3);
  });

  it("finds a commune by postal code and by INSEE code", async () => {
    expect(await ids("29200")).toEqual(["commune:29019"]);
    expect(await ids("29019")).toEqual(["commune:29019"]);
    expect((await ids("75011"))[0]).toBe("commune:75056");
  });

  it("finds a département by its number", async () => {
    expect(await ids("29")).toEqual(["departement:29"]);
    expect(await ids("2a")).toEqual(["departement:2A"]);
  });

  it("offers similar names for a misspelt one", async () => {
    expect(await ids("Quimperr")).toContain("commune:29232");
  });

  it("lists intercommunalités and régions too, after the communes", async () => {
    const found = await searchTerritories("Bretagne", 20);
    expect(found.map((t) => t.id)).toContain("region:53");
    expect(found.find((t) => t.id === "region:53")?.context).toBe("Région");
    const metropole = await searchTerritories("Brest Metropole");
    expect(metropole[0]).toMatchObject({ id: "epci:242900314", level: "epci", context: "Intercommunalité · Finistère (29)" });
  });

  it("answers nothing for too short or empty text, and never more than asked", async () => {
    expect(await ids("b")).toEqual([]);
    expect(await ids("  ")).toEqual([]);
    expect(await ids("'%_\\")).toEqual([]);
    expect(await ids("sa", 3)).toHaveLength(3);
  });
});
