import type { Metadata } from "next";
import type { ReactNode } from "react";
import { SiteFooter } from "@/components/site-footer";
import { SiteHeader } from "@/components/site-header";
import "./globals.css";

// Every page reads the database at request time (never at build time: the embedded database
// belongs to the running server process).
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: { default: "Financements de l'inclusion numérique", template: "%s · Financements de l'inclusion numérique" },
  description:
    "L'annuaire des financements de l'inclusion numérique : appels à projets, subventions et fonds de l'État, de l'ANCT, de la Banque des Territoires, de l'Union européenne, des collectivités et des fondations.",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="fr">
      <body className="flex min-h-screen flex-col font-sans antialiased">
        <a
          href="#contenu"
          className="sr-only z-50 bg-white px-4 py-2 font-semibold text-brand underline focus:not-sr-only focus:absolute focus:left-2 focus:top-2"
        >
          Aller au contenu
        </a>
        <SiteHeader />
        <main id="contenu" tabIndex={-1} className="flex-1 focus:outline-none">
          {children}
        </main>
        <SiteFooter />
      </body>
    </html>
  );
}
