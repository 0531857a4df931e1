/** A list of category labels, shown as small tags. */
export function TagList({ labels, label }: { labels: string[]; label: string }) {
  if (labels.length === 0) return null;
  return (
    <ul aria-label={label} className="flex flex-wrap gap-1.5">
      {labels.map((text) => (
        <li key={text} className="rounded-full bg-brand-light px-2.5 py-0.5 text-sm text-brand-dark">
          {text}
        </li>
      ))}
    </ul>
  );
}
