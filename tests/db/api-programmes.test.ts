import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as getProgramme } from "../../app/api/v1/programmes/[slug]/route";
import { GET as listProgrammes } from "../../app/api/v1/programmes/route";
import { GET as listTerritories } from "../../app/api/v1/territories/route";
import type { Database } from "../../lib/db/connect";
import { createTestFunder, createTestProgramme, deleteTestFunders } from "./support/factories";
import { seededRandom } from "../support/random";
import { openTestDatabase } from "./support/test-database";

let db: Database;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(() => db?.close());

const ORIGIN = "https://financements.example.org";
const call = async (query: string) => {
  const response = await listProgrammes(new Request(`${ORIGIN}/api/v1/programmes${query}`));
  return { response, body: (await response.json()) as Record<string, unknown> };
};
const detail = (slug: string) =>
  getProgramme(new Request(`${ORIGIN}/api/v1/programmes/${encodeURIComponent(slug)}`), { params: Promise.resolve({ slug }) });
const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

describe("GET /api/v1/programmes", () => {
  it("answers the search as JSON, open to every origin and cached a minute", async () => {
    const { response, body } = await call("?q=num%C3%A9rique&status=open&status=closed&perPage=5");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("application/json");
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(response.headers.get("cache-control")).toBe("public, max-age=60");
    expect(body).toMatchObject({ page: 1, perPage: 5, total: expect.any(Number) });
    expect(Object.keys(body.facets as object).sort()).toEqual(["aidKind", "beneficiary", "finances", "funder", "funderType", "status"]);
  });

  it("serves a repeated search from the cache, and a change of the catalogue at once", async () => {
    const search = "?q=orang-outan&status=open&status=permanent";
    const before = await (await listProgrammes(new Request(`${ORIGIN}/api/v1/programmes${search}`))).text();
    expect(JSON.parse(before)).toMatchObject({ total: 0 });
    const funder = await createTestFunder(db.prisma, { name: "Fondation du singe savant", type: "fondation_privee" });
    try {
      const p = await createTestProgramme(db.prisma, funder.id, { status: "published", title: "Ateliers numériques orang-outan" });
      const after = JSON.parse(await (await listProgrammes(new Request(`${ORIGIN}/api/v1/programmes${search}`))).text());
      expect(after.total).toBe(1);
      expect(after.items[0].slug).toBe(p.slug);
      // The same search again, nothing changed: the same answer.
      const again = JSON.parse(await (await listProgrammes(new Request(`${ORIGIN}/api/v1/programmes${search}`))).text());
      expect(again).toEqual(after);
    } finally {
      await deleteTestFunders(db.prisma, [funder.id]);
    }
    expect(JSON.parse(await (await listProgrammes(new Request(`${ORIGIN}/api/v1/programmes${search}`))).text()).total).toBe(0);
  });

  it("gives each item its public fields, ISO dates and the absolute address of its page", async () => {
    const { body } = await call("?status=closed&perPage=100");
    const items = body.items as Record<string, unknown>[];
    expect(items.length).toBeGreaterThan(10);
    for (const item of items) {
      expect(Object.keys(item).sort()).toEqual(
        ["amountMax", "applicationUrl", "closesAt", "funder", "opensAt", "predictedReopening", "slug", "status", "summary", "title", "url"].sort(),
      );
      expect(item.url).toBe(`${ORIGIN}/financements/${String(item.slug)}`);
      expect(Object.keys(item.funder as object).sort()).toEqual(["name", "slug", "type"]);
      for (const key of ["opensAt", "closesAt"] as const) if (item[key] !== null) expect(item[key]).toMatch(ISO);
      expect(item.status).toBe("closed");
    }
  });

  it("accepts 100 results a page, no more", async () => {
    expect((await call("?perPage=100")).response.status).toBe(200);
    const { response, body } = await call("?perPage=101");
    expect(response.status).toBe(400);
    expect(body.error).toMatchObject({ code: "invalid_parameter", parameter: "perPage" });
  });

  it("refuses an unknown parameter, naming it", async () => {
    const { response, body } = await call("?q=pass&categorie=1");
    expect(response.status).toBe(400);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(body.error).toMatchObject({ code: "unknown_parameter", parameter: "categorie" });
    expect((body.error as { message: string }).message).toMatch(/Paramètre inconnu : « categorie »/);
  });

  it.each([
    ["page=0", "page"],
    ["page=deux", "page"],
    ["finances=chocolat", "finances"],
    ["status=ouvert", "status"],
    ["sort=pertinence", "sort"],
    ["amountMin=-10", "amountMin"],
    ["territory=29019", "territory"],
    ["funderType=ETAT", "funderType"],
    [`q=${"x".repeat(201)}`, "q"],
  ])("refuses « %s » with a French message naming %s", async (query, parameter) => {
    const { response, body } = await call(`?${query}`);
    expect(response.status).toBe(400);
    const error = body.error as { code: string; message: string; parameter: string };
    expect(error).toMatchObject({ code: "invalid_parameter", parameter });
    expect(error.message).toContain(parameter);
    expect(error.message).not.toMatch(/expected|invalid input/i);
  });

  it("refuses a territory that does not exist", async () => {
    const { response, body } = await call("?territory=commune:00000");
    expect(response.status).toBe(400);
    expect(body.error).toMatchObject({ code: "unknown_territory", parameter: "territory" });
  });

  it("gives the same results as the page's search for the same parameters", async () => {
    const { body } = await call("?territory=commune:29019&status=open&status=permanent&sort=amount");
    const { searchProgrammes } = await import("../../lib/data/programme-search");
    const { programmeSearchSchema } = await import("../../lib/validation/programme-search");
    const direct = await searchProgrammes(programmeSearchSchema.parse({ territory: "commune:29019", status: ["open", "permanent"], sort: "amount" }));
    expect((body.items as { slug: string }[]).map((i) => i.slug)).toEqual(direct.items.map((i) => i.slug));
    expect(body.total).toBe(direct.total);
  });
});

describe("GET /api/v1/programmes/{slug}", () => {
  it("gives one programme in full", async () => {
    const response = await detail("feder-bretagne-2021-2027-numerique-pour-toutes-et-tous");
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("public, max-age=60");
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      slug: "feder-bretagne-2021-2027-numerique-pour-toutes-et-tous",
      url: `${ORIGIN}/financements/feder-bretagne-2021-2027-numerique-pour-toutes-et-tous`,
      description: expect.any(String),
      sources: expect.any(Array),
      funder: expect.objectContaining({ slug: "feder-react-eu" }),
    });
    expect(body.updatedAt).toMatch(ISO);
  });

  it.each(["programme-qui-n-existe-pas", "../../etc/passwd", "x".repeat(500), "Majuscules"])("answers 404 in JSON for « %s »", async (slug) => {
    const response = await detail(slug);
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("not_found");
  });
});

describe("GET /api/v1/territories", () => {
  const territories = async (query: string) => {
    const response = await listTerritories(new Request(`${ORIGIN}/api/v1/territories${query}`));
    return { response, body: (await response.json()) as { items?: { id: string; context: string }[]; error?: { parameter: string } } };
  };

  it("suggests places for the picker", async () => {
    const { response, body } = await territories("?q=brest&limit=3");
    expect(response.status).toBe(200);
    expect(body.items?.[0]).toMatchObject({ id: "commune:29019", context: "Finistère (29)" });
    expect(body.items?.length).toBeLessThanOrEqual(3);
    expect((await territories("?q=29200")).body.items?.map((t) => t.id)).toEqual(["commune:29019"]);
    expect((await territories("")).body.items).toEqual([]);
  });

  it("refuses unknown parameters and bad limits", async () => {
    expect((await territories("?q=brest&level=commune")).body.error?.parameter).toBe("level");
    expect((await territories("?q=brest&limit=0")).response.status).toBe(400);
    expect((await territories(`?q=${"b".repeat(101)}`)).body.error?.parameter).toBe("q");
  });
});

describe("the API's resistance to any input", () => {
  const seed = Number(process.env.FUZZ_SEED ?? 20261123);
  const next = seededRandom(seed);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(next() * values.length)] as T;
  const names = ["q", "territory", "funderType", "funder", "beneficiary", "finances", "aidKind", "status", "amountMin", "sort", "page", "perPage"];
  const goodValues: Record<string, string[]> = {
    q: ["médiation", "CNFS", "pass numérique", "mediaton numerique", "FSE+", "de la", "conseillers numériques France Services"],
    territory: ["commune:29019", "region:53", "departement:2A", "epci:242900314"],
    funderType: ["etat", "fondation-privee", "region"],
    funder: ["anct", "feder-react-eu", "inconnu-total"],
    beneficiary: ["association", "commune"],
    finances: ["equipement", "postes-mediateurs"],
    aidKind: ["subvention", "appel-a-projets"],
    status: ["open", "closed", "closing-soon", "upcoming", "permanent"],
    amountMin: ["0", "5000", "1000000000000"],
    sort: ["relevance", "closing", "recent", "amount"],
    page: ["1", "2", "10000"],
    perPage: ["1", "20", "100"],
  };
  const garbage = [
    "", " ", "'", "''", "\"", "\\", "%", "%25", "%00", "%u0000", "%ED%A0%80", "%FF%FE", "'; drop table programme; --",
    "1' or '1'='1", "$1", "::text", "&|!()<->:*", "<script>alert(1)</script>", "null", "undefined", "NaN", "-1", "1e309",
    "0x10", "1.5", "99999999999999999999", "🇫🇷✨", "مرحبا", "e\u0301", "ﬁ", "Ωmega", "\u202e", "commune:", "region:53:1",
    "a".repeat(5000), "é".repeat(150), "[]", "{}", "__proto__", "constructor",
  ];
  const encode = (s: string) => (/%[0-9A-Fa-f]{2}|%u/.test(s) ? s : encodeURIComponent(s));

  function soup(): string {
    const parts: string[] = [];
    const count = Math.floor(next() * 7);
    for (let k = 0; k < count; k++) {
      const name = next() < 0.9 ? pick(names) : pick(garbage);
      const value = next() < 0.6 ? pick(goodValues[name] ?? garbage) : pick(garbage);
      const repeat = next() < 0.15 ? 3 : 1;
      for (let r = 0; r < repeat; r++) parts.push(`${encode(name)}=${encode(value)}`);
    }
    return parts.length ? `?${parts.join("&")}` : "";
  }

  it(`never answers 500, whatever the parameters (seed ${seed})`, async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const failures: string[] = [];
    let searched = 0;
    try {
      for (let run = 0; run < 300; run++) {
        const query = soup();
        const { response, body } = await call(query);
        if (response.status === 200) searched += 1;
        const ok = response.status === 200 ? Array.isArray(body.items) : response.status === 400 && typeof (body.error as { message?: unknown })?.message === "string";
        if (!ok) failures.push(`${response.status} ${query.slice(0, 200)} ${JSON.stringify(body).slice(0, 200)}`);
      }
      expect(failures).toEqual([]);
      expect(logged).not.toHaveBeenCalled();
      // The soups must also reach the database, not only the parameter checks.
      expect(searched).toBeGreaterThan(60);
    } finally {
      logged.mockRestore();
    }
  });

  it("answers every text query, however strange, with results", async () => {
    const failures: string[] = [];
    for (let run = 0; run < 80; run++) {
      const words = Array.from({ length: 1 + Math.floor(next() * 5) }, () =>
        next() < 0.5 ? pick(goodValues.q as string[]) : pick(garbage).slice(0, 30));
      const q = words.join(" ").slice(0, 200);
      const { response } = await call(`?q=${encodeURIComponent(q)}&status=closed&status=open`);
      if (response.status !== 200) failures.push(`${response.status} ${q}`);
    }
    expect(failures).toEqual([]);
  });
});
