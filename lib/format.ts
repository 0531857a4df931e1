/** French formatting of amounts and counts, shared by pages and components. */

const euros = new Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR", maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 1 });

/** 15000 → "15 000 €"; 250000000 → "250 millions d'euros". */
export function formatEuros(amount: number): string {
  if (amount >= 1_000_000_000) return `${decimal.format(amount / 1_000_000_000)} milliard${amount >= 2e9 ? "s" : ""} d'euros`;
  if (amount >= 1_000_000) return `${decimal.format(amount / 1_000_000)} million${amount >= 2e6 ? "s" : ""} d'euros`;
  return euros.format(amount);
}

export const formatPercent = (rate: number) => `${decimal.format(rate)} %`;

/** 1 → "1 financement", 2 → "2 financements" (singular for 0 and 1, as French does). */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${new Intl.NumberFormat("fr-FR").format(count)} ${count > 1 ? pluralForm : singular}`;
}
