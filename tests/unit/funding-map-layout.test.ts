import { describe, expect, it } from "vitest";
import { findInMap, foldText } from "../../lib/funding-map/find";
import { COLUMNS, layoutGraph, neighboursOf, NODE_HEIGHT, ROW } from "../../lib/funding-map/layout";
import { buildFundingMapModel, type MapProgrammeInput } from "../../lib/funding-map/model";
import { nextNode } from "../../lib/funding-map/navigation";
import { centreOn, fitWidth, isOnScreen, MAX_SCALE, MIN_SCALE, zoomAt } from "../../lib/funding-map/viewport";

const programme = (slug: string, funder: MapProgrammeInput["funder"], extra: Partial<MapProgrammeInput> = {}): MapProgrammeInput => ({
  slug, title: slug.replaceAll("-", " "), status: "open", financed: ["equipement"], beneficiaries: ["association"], funder, ...extra,
});
const brest = { slug: "ville-de-brest", name: "Ville de Brest", type: "commune-epci" as const };
const lyon = { slug: "metropole-de-lyon", name: "Métropole de Lyon", type: "commune-epci" as const };
const anct = { slug: "anct", name: "ANCT", type: "anct" as const };
const cnfs = { slug: "etat", name: "État", type: "etat" as const };

const model = buildFundingMapModel([
  programme("usages-du-numerique", brest, { financed: ["equipement", "fonctionnement"], beneficiaries: ["association", "commune"] }),
  programme("tiers-lieux", lyon, { status: "permanent", financed: ["investissement"] }),
  programme("aidants-connect", anct, { financed: ["formation-aidants"], beneficiaries: ["france-services"] }),
  programme("conseillers-numeriques", cnfs, { financed: ["postes-mediateurs"], beneficiaries: ["commune", "association"] }),
  programme("hubs", anct, { status: "closed", financed: ["ingenierie"] }),
]);

describe("buildFundingMapModel", () => {
  it("groups programmes by funder type (in the order of the codes), then funder and programme alphabetically, with counts", () => {
    expect(model.types.map((t) => [t.code, t.funders.length, t.programmeCount])).toEqual([
      ["etat", 1, 1], ["anct", 1, 2], ["commune-epci", 2, 2],
    ]);
    expect(model.types[1]?.funders[0]?.programmes.map((p) => p.slug)).toEqual(["aidants-connect", "hubs"]);
    expect(model.types[2]?.funders.map((f) => f.name)).toEqual(["Métropole de Lyon", "Ville de Brest"]);
    expect(model.totals).toEqual({ types: 3, funders: 4, programmes: 5 });
  });

  it("counts each financed item and beneficiary over the programmes, leaving out those none has", () => {
    expect(model.financed.map((c) => [c.code, c.count])).toEqual([
      ["postes-mediateurs", 1], ["formation-aidants", 1], ["equipement", 1], ["ingenierie", 1], ["fonctionnement", 1], ["investissement", 1],
    ]);
    expect(model.beneficiaries.map((c) => [c.code, c.count])).toEqual([["association", 4], ["commune", 2], ["france-services", 1]]);
  });
});

describe("an empty map", () => {
  it("has no type, no code and a graph without nodes", () => {
    const empty = buildFundingMapModel([]);
    expect(empty).toEqual({ types: [], financed: [], beneficiaries: [], totals: { types: 0, funders: 0, programmes: 0 } });
    expect(layoutGraph(empty, new Set()).nodes).toEqual([]);
  });
});

describe("layoutGraph", () => {
  it("shows only the types and the codes while every type is folded, types linked to the codes of their programmes", () => {
    const g = layoutGraph(model, new Set());
    expect(g.nodes.filter((n) => n.kind === "type").map((n) => n.id)).toEqual(["type:etat", "type:anct", "type:commune-epci"]);
    expect(g.nodes.some((n) => n.kind === "funder" || n.kind === "programme")).toBe(false);
    expect(g.nodes.filter((n) => n.column === 3)).toHaveLength(model.financed.length + model.beneficiaries.length);
    const anctLinks = g.edges.filter((e) => e.from === "type:anct").map((e) => e.to).sort();
    expect(anctLinks).toEqual(["beneficiary:association", "beneficiary:france-services", "financed:formation-aidants", "financed:ingenierie"]);
  });

  it("unfolds a type into its funders and programmes, each node centred on what it contains, one row per programme", () => {
    const g = layoutGraph(model, new Set(["type:commune-epci"]));
    const at = (id: string) => g.nodes.find((n) => n.id === id)!;
    expect(at("programme:tiers-lieux").y).toBe(2 * ROW);
    expect(at("programme:usages-du-numerique").y).toBe(3 * ROW);
    expect(at("funder:metropole-de-lyon").y).toBe(2 * ROW);
    expect(at("type:commune-epci").y).toBe(2.5 * ROW);
    expect(at("type:commune-epci").expanded).toBe(true);
    expect(at("programme:tiers-lieux")).toMatchObject({ column: 2, x: COLUMNS[2].x, parent: "funder:metropole-de-lyon", href: "/financements/tiers-lieux", status: "permanent" });
    expect(at("funder:ville-de-brest")).toMatchObject({ href: "/financeurs/ville-de-brest", parent: "type:commune-epci", count: 1 });
    // The unfolded type's links go through its funders and programmes, not straight to the codes.
    expect(g.edges.filter((e) => e.from === "type:commune-epci").map((e) => e.to).sort()).toEqual(["funder:metropole-de-lyon", "funder:ville-de-brest"]);
    expect(neighboursOf(g, "programme:usages-du-numerique")).toEqual(new Set([
      "funder:ville-de-brest", "financed:equipement", "financed:fonctionnement", "beneficiary:association", "beneficiary:commune",
    ]));
  });

  it("unfolded entirely, has as many programme and funder nodes as the model has programmes and funders, none overlapping", () => {
    const g = layoutGraph(model, new Set(model.types.map((t) => `type:${t.code}`)));
    expect(g.nodes.filter((n) => n.kind === "programme")).toHaveLength(model.totals.programmes);
    expect(g.nodes.filter((n) => n.kind === "funder")).toHaveLength(model.totals.funders);
    for (const column of [0, 1, 2, 3]) {
      const ys = g.nodes.filter((n) => n.column === column).map((n) => n.y);
      for (let i = 1; i < ys.length; i += 1) expect((ys[i] as number) - (ys[i - 1] as number)).toBeGreaterThanOrEqual(NODE_HEIGHT);
    }
    expect(g.height).toBeGreaterThanOrEqual(Math.max(...g.nodes.map((n) => n.y)) + NODE_HEIGHT);
  });

  it("links the codes to the search with the map's filters (a beneficiary filter left out of the beneficiaries' links)", () => {
    const g = layoutGraph(model, new Set(), "territory=commune%3A29019&beneficiary=association&status=open");
    expect(g.nodes.find((n) => n.id === "financed:equipement")?.href).toBe("/financements?finances=equipement&territory=commune%3A29019&beneficiary=association&status=open");
    expect(g.nodes.find((n) => n.id === "beneficiary:commune")?.href).toBe("/financements?beneficiary=commune&territory=commune%3A29019&status=open");
  });
});

describe("nextNode (keyboard)", () => {
  const g = layoutGraph(model, new Set(["type:anct"]));
  it("moves up and down a column, and to its ends", () => {
    expect(nextNode(g, "type:etat", "ArrowDown")).toBe("type:anct");
    expect(nextNode(g, "type:anct", "ArrowUp")).toBe("type:etat");
    expect(nextNode(g, "type:etat", "ArrowUp")).toBeNull();
    expect(nextNode(g, "type:etat", "End")).toBe("type:commune-epci");
    expect(nextNode(g, "programme:hubs", "Home")).toBe("programme:aidants-connect");
  });
  it("goes right to the first thing a node leads to, and left back where it comes from", () => {
    expect(nextNode(g, "type:anct", "ArrowRight")).toBe("funder:anct");
    expect(nextNode(g, "funder:anct", "ArrowRight")).toBe("programme:aidants-connect");
    expect(nextNode(g, "programme:aidants-connect", "ArrowRight")).toBe("financed:formation-aidants");
    expect(nextNode(g, "programme:hubs", "ArrowLeft")).toBe("funder:anct");
    expect(nextNode(g, "funder:anct", "ArrowLeft")).toBe("type:anct");
    // A code goes back to the nearest node linked to it.
    expect(nextNode(g, "beneficiary:france-services", "ArrowLeft")).toBe("programme:aidants-connect");
    expect(nextNode(g, "financed:equipement", "ArrowRight")).toBeNull();
  });
  it("has nowhere to the right of a folded type (the graph unfolds it first)", () => {
    expect(nextNode(g, "type:etat", "ArrowRight")).toBeNull();
    // Unfolded, the same key reaches its funder.
    expect(nextNode(layoutGraph(model, new Set(["type:etat"])), "type:etat", "ArrowRight")).toBe("funder:etat");
  });
});

describe("findInMap", () => {
  it("finds names regardless of case and accents, every word typed, in the graph's order", () => {
    expect(foldText("Métropole  de LYON")).toBe("metropole de lyon");
    expect(findInMap(model, "metropole lyon")).toEqual([{ id: "funder:metropole-de-lyon", label: "Métropole de Lyon", typeId: "type:commune-epci" }]);
    expect(findInMap(model, "etat").map((m) => m.id)).toEqual(["type:etat", "funder:etat"]);
    expect(findInMap(model, "équipement").map((m) => m.id)).toEqual(["financed:equipement"]);
    expect(findInMap(model, "a")).toEqual([]);
    expect(findInMap(model, "zzz")).toEqual([]);
  });
});

describe("viewport", () => {
  it("zooms about a point, keeping it in place, within the scale limits", () => {
    const v = zoomAt({ x: 10, y: 20, k: 1 }, 2, 110, 120);
    expect(v).toEqual({ x: -90, y: -80, k: 2 });
    // The graph point under (110, 120) is (100, 100) before and after.
    expect((110 - v.x) / v.k).toBe(100);
    expect(zoomAt(v, 100, 0, 0).k).toBe(MAX_SCALE);
    expect(zoomAt(v, 0.001, 0, 0).k).toBe(MIN_SCALE);
  });
  it("centres a graph point on the screen and tells whether a box is visible", () => {
    const screen = { width: 800, height: 600 };
    const v = centreOn({ x: 0, y: 0, k: 2 }, 500, 700, screen);
    expect(500 * v.k + v.x).toBe(400);
    expect(700 * v.k + v.y).toBe(300);
    expect(isOnScreen(v, { x: 480, y: 690, width: 40, height: 20 }, screen)).toBe(true);
    expect(isOnScreen(v, { x: 0, y: 0, width: 40, height: 20 }, screen)).toBe(false);
  });
  it("fits the graph's width, never below a readable scale", () => {
    expect(fitWidth({ width: 1270, height: 3000 }, { width: 1302 }).k).toBe(1);
    expect(fitWidth({ width: 1270, height: 3000 }, { width: 343 }).k).toBe(0.75);
  });
});
