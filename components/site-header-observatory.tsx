"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useRef } from "react";

export interface ObservatoryLink {
  href: string;
  label: string;
  hint: string;
}

/**
 * The header's « Observatoire » group: a disclosure (<details>/<summary>, which opens and closes
 * without JavaScript and is announced as a button with its state), not an ARIA menu. With JavaScript
 * it also closes on Escape (focus back on its button), on a click outside and after a navigation.
 */
export function ObservatoryMenu({ links }: { links: ObservatoryLink[] }) {
  const pathname = usePathname();
  const details = useRef<HTMLDetailsElement>(null);

  useEffect(() => {
    if (details.current) details.current.open = false;
  }, [pathname]);

  useEffect(() => {
    const onPointerDown = (e: PointerEvent) => {
      const el = details.current;
      if (el?.open && !el.contains(e.target as Node)) el.open = false;
    };
    document.addEventListener("pointerdown", onPointerDown);
    return () => document.removeEventListener("pointerdown", onPointerDown);
  }, []);

  const current = links.some((l) => pathname.startsWith(l.href));
  return (
    <details
      ref={details}
      className="group sm:relative"
      onKeyDown={(e) => {
        if (e.key === "Escape" && details.current?.open) {
          details.current.open = false;
          details.current.querySelector("summary")?.focus();
        }
      }}
    >
      <summary
        className={`flex cursor-pointer list-none items-center gap-1 rounded px-3 py-2 font-medium text-brand hover:bg-brand-light [&::-webkit-details-marker]:hidden ${current ? "underline decoration-2 underline-offset-4" : ""}`}
      >
        Observatoire
        <span aria-hidden="true" className="inline-block transition-transform group-open:rotate-180 motion-reduce:transition-none">▾</span>
      </summary>
      <ul className="absolute inset-x-4 z-30 mt-1 rounded-lg sm:inset-x-auto sm:right-0 sm:w-80 border border-line bg-white p-2 shadow-lg">
        {links.map((l) => {
          const here = pathname.startsWith(l.href);
          return (
            <li key={l.href}>
              <Link href={l.href} aria-current={here ? "page" : undefined}
                className={`block rounded px-3 py-2 no-underline hover:bg-brand-light ${here ? "bg-brand-light" : ""}`}>
                <span className="block font-semibold text-brand underline">{l.label}</span>
                <span className="block text-sm text-muted">{l.hint}</span>
              </Link>
            </li>
          );
        })}
      </ul>
    </details>
  );
}
