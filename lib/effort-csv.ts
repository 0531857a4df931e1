import type { EffortGroup } from "./data/effort";
import type { FundingRecordItem } from "./data/funding-records";
import { toCsv } from "./csv";

/** The CSV exports of the financial effort: one row per record, or one per group. Amounts in euros, dot decimals. */

export const kindLabels = { spent: "dépensé", committed: "engagé", planned: "prévu (loi de finances)" } as const;

export function fundingRecordsCsv(items: FundingRecordItem[]): string {
  return toCsv(
    ["slug", "libelle", "nature", "annee_debut", "annee_fin", "montant", "montant_bas", "montant_haut", "financeur",
      "financeur_slug", "type_financeur", "programme_slug", "territoire", "territoire_libelle", "inclus_dans",
      "additionne", "note", "sources"],
    items.map((r) => [
      r.slug, r.label, r.kind, r.yearStart, r.yearEnd, r.amount, r.amountLow ?? r.amount, r.amountHigh ?? r.amount,
      r.funderLabel, r.funder?.slug, r.funderType, r.programme?.slug, r.territory?.id, r.territoryLabel ?? r.territory?.name,
      r.partOf?.slug, r.counted ? "oui" : "non", r.note, r.sourceUrls.join(" "),
    ]),
  );
}

export function effortGroupsCsv(groups: EffortGroup[]): string {
  return toCsv(
    ["cle", "libelle", "engage_ou_depense_bas", "engage_ou_depense_haut", "prevu_loi_de_finances_bas",
      "prevu_loi_de_finances_haut", "montants", "montants_dont_sources_divergent", "population",
      "par_habitant_bas", "par_habitant_haut"],
    groups.map((g) => [
      g.key, g.label, g.actual.low, g.actual.high, g.planned.low, g.planned.high, g.records, g.disputed, g.population,
      g.actualPerInhabitant ? round(g.actualPerInhabitant.low) : null,
      g.actualPerInhabitant ? round(g.actualPerInhabitant.high) : null,
    ]),
  );
}

const round = (n: number) => Math.round(n * 10000) / 10000;
