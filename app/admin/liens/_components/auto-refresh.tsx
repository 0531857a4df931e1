"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/**
 * While a check runs, reloads the page's data every few seconds (with JavaScript; without it, the
 * « Actualiser » link does the same by hand).
 */
export function AutoRefresh({ everyMs = 3000 }: { everyMs?: number }) {
  const router = useRouter();
  useEffect(() => {
    const timer = setInterval(() => router.refresh(), everyMs);
    return () => clearInterval(timer);
  }, [router, everyMs]);
  return null;
}
