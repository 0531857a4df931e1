import { contributionStatusLabels } from "@/lib/validation/contribution-decision";

type Status = keyof typeof contributionStatusLabels;

/** A contribution's status (à relire, acceptée, refusée): the word is always written, colour only helps. */
const styles: Record<Status, string> = {
  pending: "bg-warning-light text-[#8a2c00]",
  accepted: "bg-success-light text-[#0b4e24]",
  rejected: "border border-muted bg-white text-muted",
};

export function ContributionStatusBadge({ status }: { status: Status }) {
  return (
    <span className={`inline-block whitespace-nowrap rounded px-2 py-0.5 text-sm font-semibold ${styles[status]}`}>
      {contributionStatusLabels[status]}
    </span>
  );
}
