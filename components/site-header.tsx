import Link from "next/link";
import { type ObservatoryLink, ObservatoryMenu } from "./site-header-observatory";

const links = [
  { href: "/financements", label: "Financements" },
  { href: "/financeurs", label: "Financeurs" },
  { href: "/territoires", label: "Territoires" },
];

/** The observatory's four pages, grouped under one disclosure so that the header fits a phone. */
const observatory: ObservatoryLink[] = [
  { href: "/effort-financier", label: "L'effort financier", hint: "Les montants engagés, par année, financeur et territoire" },
  { href: "/cartographie", label: "La cartographie des financements", hint: "Qui finance quoi, pour qui, en un schéma" },
  { href: "/retours-d-experience", label: "Retours d'expérience", hint: "Comment des structures ont assemblé leurs financements" },
  { href: "/quel-financement", label: "Quels financements pour ma structure ?", hint: "Trois questions, les programmes qui vous correspondent" },
];

export function SiteHeader() {
  return (
    <header className="border-b border-line bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-4 px-4 py-4">
        <Link href="/" className="group flex items-center gap-3 no-underline">
          <span aria-hidden="true" className="flex h-10 w-10 items-center justify-center rounded bg-brand text-lg font-bold text-white">
            €
          </span>
          <span className="flex flex-col leading-tight">
            <span className="text-lg font-bold text-ink group-hover:underline">Financements de l&apos;inclusion numérique</span>
            <span className="text-sm text-muted">L&apos;annuaire des aides pour accompagner chacun au numérique</span>
          </span>
        </Link>
        <nav aria-label="Navigation principale">
          <ul className="flex flex-wrap items-center gap-1">
            {links.map((link) => (
              <li key={link.href}>
                <Link href={link.href} className="rounded px-3 py-2 font-medium text-brand hover:bg-brand-light">
                  {link.label}
                </Link>
              </li>
            ))}
            <li>
              <ObservatoryMenu links={observatory} />
            </li>
          </ul>
        </nav>
      </div>
    </header>
  );
}
