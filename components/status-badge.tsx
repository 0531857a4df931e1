import { calendarStatusLabels, type CalendarStatus } from "@/lib/programmes/calendar-status";

const styles: Record<CalendarStatus, string> = {
  open: "bg-success-light text-[#0b4e24]",
  "closing-soon": "bg-warning-light text-[#8a2c00]",
  upcoming: "bg-info-light text-brand",
  permanent: "bg-success-light text-[#0b4e24]",
  closed: "bg-surface text-muted border border-line",
};

export function StatusBadge({ status }: { status: CalendarStatus }) {
  return (
    <span className={`inline-block rounded px-2 py-0.5 text-sm font-semibold ${styles[status]}`}>
      {calendarStatusLabels[status]}
    </span>
  );
}
