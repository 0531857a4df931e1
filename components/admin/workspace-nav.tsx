import Link from "next/link";
import { type Actor, canManageUsers, canReviewContributions, roleLabels } from "@/lib/auth/policy";
import { NavLink } from "./nav-link";

const items = (actor: Actor) => [
  { href: "/admin", label: "Tableau de bord", exact: true },
  { href: "/admin/programmes", label: "Programmes" },
  { href: "/admin/financeurs", label: "Financeurs" },
  { href: "/admin/effort", label: "Montants (effort financier)" },
  { href: "/admin/retours-d-experience", label: "Retours d'expérience" },
  { href: "/admin/qualite", label: "File qualité" },
  { href: "/admin/liens", label: "Liens vérifiés" },
  ...(canReviewContributions(actor) ? [{ href: "/admin/contributions", label: "Contributions du public" }] : []),
  { href: "/admin/import", label: "Import et export" },
  { href: "/admin/historique", label: "Historique" },
  ...(canManageUsers(actor) ? [{ href: "/admin/utilisateurs", label: "Utilisateurs" }] : []),
  { href: "/admin/profil", label: "Mon profil" },
];

/** The curation workspace's navigation, with who is signed in and the way out. */
export function WorkspaceNav({ actor }: { actor: Actor }) {
  return (
    <div className="border-b border-line pb-4 md:border-b-0 md:border-r md:pb-0 md:pr-4">
      <p className="text-sm font-semibold uppercase tracking-wide text-muted">Espace de curation</p>
      <p className="mt-2">
        <span className="font-semibold">{actor.name}</span>
        <span className="block text-sm text-muted">{roleLabels[actor.role]}</span>
      </p>
      <nav aria-label="Espace de curation" className="mt-3">
        <ul className="flex flex-wrap gap-1 md:flex-col">
          {items(actor).map((item) => (
            <li key={item.href}>
              <NavLink href={item.href} exact={item.exact}>
                {item.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <p className="mt-3">
        <Link href="/deconnexion" className="inline-block rounded px-3 py-2 font-medium text-brand underline hover:bg-brand-light">
          Se déconnecter
        </Link>
      </p>
    </div>
  );
}
