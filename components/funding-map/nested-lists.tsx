import Link from "next/link";
import { StatusBadge } from "@/components/status-badge";
import { beneficiaries, financedItems } from "@/lib/codes";
import { plural } from "@/lib/format";
import type { FundingMapModel } from "@/lib/funding-map/model";

/**
 * The funding map as nested lists: funder type → funder → programme (status) → what it finances and
 * who may apply. Works without JavaScript, and is the graph's text alternative (same model).
 */
export function FundingMapLists({ model }: { model: FundingMapModel }) {
  if (model.types.length === 0) {
    return (
      <p className="rounded border-l-4 border-warning bg-warning-light p-3">
        Aucun programme ne correspond à ces filtres : retirez-en un, ou ajoutez le statut « Clos » pour voir les appels passés.
      </p>
    );
  }
  return (
    <ul className="space-y-6" aria-label="Types de financeurs">
      {model.types.map((type) => (
        <li key={type.code} id={`liste-type-${type.code}`}>
          <h3 className="text-xl font-bold">
            {type.label}{" "}
            <span className="text-base font-normal text-muted">
              ({plural(type.funders.length, "financeur", "financeurs")}, {plural(type.programmeCount, "programme", "programmes")})
            </span>
          </h3>
          <ul className="mt-2 space-y-3 border-l-2 border-line pl-4" aria-label={`Financeurs : ${type.label}`}>
            {type.funders.map((funder) => (
              <li key={funder.slug}>
                <h4 className="font-semibold">
                  <Link href={`/financeurs/${funder.slug}`} className="text-brand underline">{funder.name}</Link>{" "}
                  <span className="font-normal text-muted">({plural(funder.programmes.length, "programme", "programmes")})</span>
                </h4>
                <ul className="mt-1 space-y-2 pl-4" aria-label={`Programmes : ${funder.name}`}>
                  {funder.programmes.map((p) => (
                    <li key={p.slug} className="rounded border border-line p-3">
                      <p className="flex flex-wrap items-center gap-2">
                        <Link href={`/financements/${p.slug}`} className="font-medium text-brand underline">{p.title}</Link>
                        <StatusBadge status={p.status} />
                      </p>
                      <dl className="mt-1 grid gap-x-3 text-sm sm:grid-cols-[auto_1fr]">
                        <dt className="text-muted">Finance</dt>
                        <dd>{p.financed.length ? p.financed.map((c) => financedItems.labels[c]).join(", ") : "non précisé"}</dd>
                        <dt className="text-muted">Qui peut candidater</dt>
                        <dd>{p.beneficiaries.length ? p.beneficiaries.map((c) => beneficiaries.labels[c]).join(", ") : "non précisé"}</dd>
                      </dl>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}
