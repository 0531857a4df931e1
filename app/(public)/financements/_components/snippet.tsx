/** An extract of the text around the words found, the words in bold (plain segments, never HTML). */
export function Snippet({ segments }: { segments: { text: string; match: boolean }[] }) {
  return (
    <p className="border-l-4 border-line pl-3 text-sm text-muted">
      …{segments.map((s, i) => (s.match ? <mark key={i} className="bg-[#fef5c2] font-semibold text-ink">{s.text}</mark> : <span key={i}>{s.text}</span>))}…
    </p>
  );
}
