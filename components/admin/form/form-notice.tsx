import Link from "next/link";

/**
 * The answer of the last submit that is not a field error: a success (« Modifications
 * enregistrées », with the public page's link after publishing) or a message about the whole form.
 * Inside an aria-live region that exists before the answer, so that it is announced.
 */
export function FormNotice({ notice, message, tone }: {
  notice?: { text: string; href?: string; linkLabel?: string };
  message?: string;
  tone: "success" | "error";
}) {
  const text = notice?.text ?? message;
  return (
    <div aria-live="polite" role="status">
      {text && (
        <p
          className={`rounded border-l-4 p-4 ${tone === "success" ? "border-success bg-success-light text-[#0b4e24]" : "border-accent bg-warning-light"}`}
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
