import type { SummaryError } from "./error-summary";

/**
 * The server's field errors (`path → message`) as the form shows them: paths inside a group of
 * checkboxes or of territory ids (`aidKinds.2`, `territories.0`) belong to the group's field; the
 * summary lists them in the order of the form (`order`: the fields' top-level names).
 */
export function formErrors(
  fieldErrors: Record<string, string> | undefined,
  { groups, order, rowLabel }: { groups: readonly string[]; order: readonly string[]; rowLabel: (path: string) => string | null },
): { byField: Record<string, string>; summary: SummaryError[] } {
  const byField: Record<string, string> = {};
  const summary: (SummaryError & { rank: number })[] = [];
  for (const [raw, message] of Object.entries(fieldErrors ?? {})) {
    const head = raw.split(".")[0] ?? raw;
    const path = groups.includes(head) ? head : raw;
    const known = order.includes(head);
    if (known && byField[path]) continue;
    const label = known ? rowLabel(path) : null;
    // A row's message names its list (« Source : adresse : … »): say which row instead.
    const text = label ? `${label} : ${message.slice(message.lastIndexOf(" : ") + 3)}` : message;
    if (known) byField[path] = text;
    summary.push({
      path: known ? path : null,
      label: label ?? "",
      message: text,
      rank: known ? order.indexOf(head) : -1,
    });
  }
  summary.sort((a, b) => a.rank - b.rank || (a.path ?? "").localeCompare(b.path ?? "", "fr", { numeric: true }));
  return { byField, summary: summary.map(({ rank: _rank, ...e }) => e) };
}
