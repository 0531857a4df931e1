"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";

/** A workspace navigation link, marked aria-current="page" on its own page and on the pages under it. */
export function NavLink({ href, exact = false, children }: { href: string; exact?: boolean; children: ReactNode }) {
  const pathname = usePathname();
  const active = pathname === href || (!exact && pathname.startsWith(`${href}/`));
  return (
    <Link
      href={href}
      aria-current={active ? "page" : undefined}
      className={`block rounded px-3 py-2 font-medium ${
        active ? "bg-brand text-white" : "text-brand hover:bg-brand-light"
      }`}
    >
      {children}
    </Link>
  );
}
