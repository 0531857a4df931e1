"use client";

import type { ReactNode } from "react";
import { useFormStatus } from "react-dom";

/** A submit button that says so while its form is being sent (and is not sent twice). */
export function SubmitButton({
  children, pendingLabel, name, value, variant = "primary", form,
}: {
  children: ReactNode;
  pendingLabel?: string;
  name?: string;
  value?: string;
  variant?: "primary" | "secondary";
  form?: string;
}) {
  const { pending } = useFormStatus();
  const style =
    variant === "primary"
      ? "bg-brand text-white hover:bg-brand-dark"
      : "border border-brand bg-white text-brand hover:bg-brand-light";
  return (
    <button
      type="submit"
      name={name}
      value={value}
      form={form}
      aria-disabled={pending || undefined}
      onClick={(e) => {
        if (pending) e.preventDefault();
      }}
      className={`rounded px-4 py-2 font-semibold ${style}`}
    >
      {pending && pendingLabel ? pendingLabel : children}
    </button>
  );
}
