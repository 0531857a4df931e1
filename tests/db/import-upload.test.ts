import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST } from "../../app/admin/import/envoi/route";
import type { Actor } from "../../lib/auth/policy";
import type { Database } from "../../lib/db/connect";
import { MAX_IMPORT_BYTES } from "../../lib/import/read-file";
import { curationFixtures } from "./support/curation";
import { openTestDatabase } from "./support/test-database";

/** POST /admin/import/envoi: the import form's multipart upload, answered by redirects. */

let db: Database;
const fx = curationFixtures(() => db.prisma);
let contributor: Actor;
let token: string;

beforeAll(async () => {
  db = await openTestDatabase();
  contributor = await fx.actor("contributor");
  token = await fx.apiToken(contributor.id);
});
afterAll(async () => {
  if (db) {
    await db.prisma.importBatch.deleteMany({ where: { createdById: contributor.id } });
    await fx.cleanUp();
    await db.close();
  }
});

const CSV = "title,summary,description,funder,aidKinds,isNational\nAppel envoyé par le formulaire,Un résumé assez long.,Une description de test.,etat,subvention,oui\n";

function upload(file: File | null, { auth = true, headers = {} as Record<string, string>, publish = false } = {}) {
  const form = new FormData();
  if (file) form.set("file", file);
  if (publish) form.set("publish", "on");
  return POST(
    new Request("http://localhost:3000/admin/import/envoi", {
      method: "POST",
      body: form,
      headers: { host: "localhost:3000", origin: "http://localhost:3000", ...(auth ? { authorization: `Bearer ${token}` } : {}), ...headers },
    }),
  );
}

describe("the upload", () => {
  it("keeps the file as a pending batch with its dry run and sends the person to its report", async () => {
    const response = await upload(new File([CSV], "appels.csv", { type: "text/csv" }), { publish: true });
    expect(response.status).toBe(303);
    const id = /^\/admin\/import\/([0-9a-f-]{36})$/.exec(response.headers.get("location") ?? "")?.[1];
    expect(id).toBeDefined();
    const batch = await db.prisma.importBatch.findUniqueOrThrow({ where: { id } });
    // A contributor's « publier » is ignored; nothing is written before the confirmation.
    expect(batch).toMatchObject({ status: "pending", publish: false, fileName: "appels.csv", format: "csv", createdById: contributor.id, content: CSV });
    expect(batch.report).toMatchObject({ dryRun: true, applied: false, counts: { created: 1 } });
    expect(await db.prisma.programme.count({ where: { title: "Appel envoyé par le formulaire" } })).toBe(0);
  });

  it.each([
    ["no file", null, "fichier"],
    ["an empty file", new File([""], "vide.csv"), "fichier"],
    ["another type", new File(["x"], "image.png"), "type"],
    ["a file too large", new File(["a".repeat(MAX_IMPORT_BYTES + 1)], "gros.csv"), "taille"],
    ["a file not in UTF-8", new File([new Uint8Array([0x74, 0x69, 0x74, 0x6c, 0x65, 0x0a, 0xe9, 0x74, 0xe9])], "latin1.csv"), "encodage"],
  ])("sends back to the form with a French reason for %s", async (_label, file, code) => {
    const response = await upload(file);
    expect([response.status, response.headers.get("location")]).toEqual([303, `/admin/import?erreur=${code}`]);
  });

  it("refuses anonymous visitors and forms posted from another site", async () => {
    const anonymous = await upload(new File([CSV], "a.csv"), { auth: false });
    expect([anonymous.status, anonymous.headers.get("location")]).toEqual([303, "/connexion?callbackUrl=%2Fadmin%2Fimport"]);
    const foreign = await upload(new File([CSV], "a.csv"), { headers: { origin: "https://malveillant.example" } });
    expect(foreign.headers.get("location")).toBe("/admin/import?erreur=origine");
  });
});
