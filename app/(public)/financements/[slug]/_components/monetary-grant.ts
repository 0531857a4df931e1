import type { ProgrammeDetail } from "@/lib/data/programmes";

/** schema.org MonetaryGrant for a programme page. */
export function monetaryGrant(p: ProgrammeDetail, siteUrl: string): Record<string, unknown> {
  const amount =
    p.amountMax !== null || p.amountMin !== null || p.amountTotal !== null
      ? {
          "@type": "MonetaryAmount",
          currency: p.currency,
          ...(p.amountMin !== null && { minValue: p.amountMin }),
          ...(p.amountMax !== null ? { maxValue: p.amountMax } : p.amountTotal !== null && { value: p.amountTotal }),
        }
      : undefined;
  return {
    "@context": "https://schema.org",
    "@type": "MonetaryGrant",
    name: p.title,
    description: p.summary,
    url: `${siteUrl}/financements/${p.slug}`,
    funder: [p.funder, ...p.coFunders].map((f) => ({ "@type": "Organization", name: f.name, url: `${siteUrl}/financeurs/${f.slug}` })),
    ...(amount && { amount }),
    ...(p.applicationUrl && { sameAs: p.applicationUrl }),
    ...(p.opensAt && { startDate: p.opensAt.toISOString() }),
    ...(p.closesAt && { endDate: p.closesAt.toISOString() }),
    areaServed: p.isNational ? "France" : p.territories.map((t) => t.name),
    dateModified: p.updatedAt.toISOString(),
  };
}
