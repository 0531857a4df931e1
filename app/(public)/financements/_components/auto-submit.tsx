"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";

/**
 * Progressive enhancement of the search form. Without JavaScript it is a plain GET form.
 * With it, a filter change submits at once, and every submission navigates client-side to a clean
 * address (empty fields and the default sort left out), so the page updates without a full reload
 * and the back button steps through the searches.
 */
export function AutoSubmit({ formId }: { formId: string }) {
  const router = useRouter();
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => {
    // Delegated to the document: the form is re-created for every search (see page.tsx).
    const formOf = (event: Event) => {
      const target = event.target as HTMLElement | null;
      const form = target instanceof HTMLFormElement ? target : (target as HTMLInputElement | null)?.form;
      return form instanceof HTMLFormElement && form.id === formId ? form : null;
    };
    const onSubmit = (event: SubmitEvent) => {
      const form = formOf(event);
      if (!form) return;
      event.preventDefault();
      const params = new URLSearchParams();
      const data = new FormData(form);
      const hasQuery = String(data.get("q") ?? "").trim() !== "";
      for (const [key, value] of data.entries()) {
        const text = String(value).trim();
        if (text === "") continue;
        if (key === "sort" && text === (hasQuery ? "relevance" : "closing")) continue;
        params.append(key, text);
      }
      const qs = params.toString();
      router.push(`${form.getAttribute("action") ?? ""}${qs ? `?${qs}` : ""}`, { scroll: false });
    };
    const onChange = (event: Event) => {
      const form = formOf(event);
      if (!form) return;
      const target = event.target as HTMLInputElement;
      if (target.type === "text" || target.type === "search" || target.type === "number" || target.getAttribute("role") === "combobox") return;
      clearTimeout(timer.current);
      timer.current = setTimeout(() => form.requestSubmit(), 50);
    };
    document.addEventListener("submit", onSubmit);
    document.addEventListener("change", onChange);
    return () => {
      document.removeEventListener("submit", onSubmit);
      document.removeEventListener("change", onChange);
    };
  }, [formId, router]);
  return null;
}
