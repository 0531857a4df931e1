import { type EditorialStatus, editorialStatusLabels } from "@/lib/auth/policy";

/** An entry's editorial status (brouillon, en relecture, publié, archivé): the word is always written, colour only helps. */
const styles: Record<EditorialStatus, string> = {
  draft: "border border-line bg-surface text-ink",
  in_review: "bg-warning-light text-[#8a2c00]",
  published: "bg-success-light text-[#0b4e24]",
  archived: "border border-muted bg-white text-muted",
};

export function EditorialStatusBadge({ status }: { status: EditorialStatus }) {
  return (
    <span className={`inline-block whitespace-nowrap rounded px-2 py-0.5 text-sm font-semibold ${styles[status]}`}>
      {editorialStatusLabels[status]}
    </span>
  );
}
