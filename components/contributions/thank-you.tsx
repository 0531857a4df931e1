"use client";

import Link from "next/link";
import { useEffect, useRef } from "react";

/** The screen after a sent contribution: focused (with JavaScript; autofocus without), with where to go next. */
export function ThankYou({ title, children, back }: { title: string; children: React.ReactNode; back: { href: string; label: string } }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => box.current?.focus(), []);
  return (
    <div
      ref={box}
      tabIndex={-1}
      autoFocus
      role="status"
      aria-labelledby="merci-titre"
      className="mt-6 rounded border-l-4 border-success bg-success-light p-6 focus:outline-3 focus:outline-[#0a76f6]"
    >
      <h2 id="merci-titre" className="text-2xl font-bold text-[#0b4e24]">{title}</h2>
      <div className="mt-3 space-y-2">{children}</div>
      <p className="mt-4">
        <Link href={back.href} className="font-semibold text-brand underline">{back.label}</Link>
      </p>
    </div>
  );
}
