import { describe, expect, it } from "vitest";
import {
  aidKinds,
  beneficiaries,
  confidences,
  editorialStatuses,
  financedItems,
  fromEnumKey,
  funderTypes,
  recurrences,
  territoryLevels,
  toEnumKey,
} from "../../lib/codes";
import * as prismaEnums from "../../lib/generated/prisma/enums";

// The groups whose public codes are kebab-case and stored through Prisma's `@map`.
const mapped = [
  ["FunderType", funderTypes],
  ["AidKind", aidKinds],
  ["FinancedItem", financedItems],
  ["Beneficiary", beneficiaries],
  ["Recurrence", recurrences],
  ["TerritoryLevel", territoryLevels],
] as const;

describe.each(mapped)("the %s codes", (enumName, group) => {
  it("survive toEnumKey then fromEnumKey unchanged, every one", () => {
    for (const code of group.codes) expect(fromEnumKey(toEnumKey(code))).toBe(code);
  });

  it("become exactly the keys of the Prisma enum", () => {
    expect(group.codes.map(toEnumKey).sort()).toEqual(Object.keys(prismaEnums[enumName]).sort());
  });

  it("are lower-case kebab-case with a French label each", () => {
    for (const code of group.codes) {
      expect(code).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(group.labels[code as keyof typeof group.labels]).toMatch(/^\p{Lu}/u);
    }
  });
});

describe("the codes stored as Prisma names", () => {
  it("match the editorial statuses and confidences of the schema", () => {
    expect([...editorialStatuses.codes].sort()).toEqual(Object.keys(prismaEnums.EditorialStatus).sort());
    expect([...confidences.codes].sort()).toEqual(Object.keys(prismaEnums.Confidence).sort());
  });
});

describe("toEnumKey and fromEnumKey", () => {
  it("turn every hyphen into an underscore and back", () => {
    expect(toEnumKey("appel-a-manifestation-d-interet")).toBe("appel_a_manifestation_d_interet");
    expect(fromEnumKey("appel_a_manifestation_d_interet")).toBe("appel-a-manifestation-d-interet");
    expect(toEnumKey("etat")).toBe("etat");
  });
});
