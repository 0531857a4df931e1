"use client";

import Link from "next/link";
import { useEffect, useRef } from "react";

/**
 * The answer of the last submit that is not a field error: a success (« Modifications
 * enregistrées », with the public page's link after publishing) or a message about the whole form.
 * Inside an aria-live region that exists before the answer, so that it is announced; focused after
 * a submit (`attempt` > 0), as the fields re-mount and the button that was pressed with them.
 */
export function FormNotice({ notice, message, tone, attempt }: {
  notice?: { text: string; href?: string; linkLabel?: string };
  message?: string;
  tone: "success" | "error";
  attempt: number;
}) {
  const text = notice?.text ?? message;
  const line = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (attempt > 0) line.current?.focus();
  }, [attempt]);
  return (
    <div aria-live="polite" role="status">
      {text && (
        <p
          ref={line}
          tabIndex={-1}
          className={`rounded border-l-4 p-4 focus:outline-3 focus:outline-[#0a76f6] ${tone === "success" ? "border-success bg-success-light text-[#0b4e24]" : "border-accent bg-warning-light"}`}
        >
          {text}
          {notice?.href && (
            <>
              {" "}
              <Link href={notice.href} className="font-semibold underline">{notice.linkLabel ?? notice.href}</Link>
            </>
          )}
        </p>
      )}
    </div>
  );
}
