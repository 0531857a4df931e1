import Link from "next/link";

/** Home page: the guided question and the case studies (« Pour aller plus loin »). */
export function FurtherReading() {
  const links = [
    {
      href: "/quel-financement",
      title: "Quels financements pour ma structure ?",
      text: "Trois questions (structure, territoire, besoins) et la liste des programmes qui vous correspondent, avec le pourquoi.",
    },
    {
      href: "/retours-d-experience",
      title: "Retours d'expérience",
      text: "Hubs, PIMMS, pass numériques, conseillers mutualisés : comment des structures ont assemblé leurs financements.",
    },
  ];
  return (
    <section aria-labelledby="plus-loin" className="mx-auto max-w-6xl px-4 pb-10">
      <h2 id="plus-loin" className="text-2xl font-bold">Pour aller plus loin</h2>
      <ul className="mt-6 grid gap-3 md:grid-cols-2">
        {links.map((l) => (
          <li key={l.href}>
            <Link href={l.href} className="block h-full rounded-lg border border-line p-4 hover:border-brand">
              <span className="block font-semibold text-brand underline">{l.title}</span>
              <span className="mt-1 block text-sm text-muted">{l.text}</span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
