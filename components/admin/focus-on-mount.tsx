"use client";

import { useEffect } from "react";

/**
 * Moves the keyboard focus to the element with this id once the page shows it (a confirmation step,
 * a result message), so that a keyboard or screen reader user lands on it. Without JavaScript the
 * URL's #fragment does the same.
 */
export function FocusOnMount({ id }: { id: string }) {
  useEffect(() => {
    document.getElementById(id)?.focus();
  }, [id]);
  return null;
}
