import { HONEYPOT_FIELD } from "@/lib/validation/contribution";

/**
 * The honeypot: a field people never see nor reach, that robots filling every field fill. Out of sight (moved
 * off screen, not display:none, which some robots skip), out of the accessibility tree (aria-hidden), out of
 * the tab order (tabindex -1) and of autofill (autocomplete off); its label says not to fill it anyway.
 */
export function Honeypot() {
  return (
    <div aria-hidden="true" className="absolute -left-[10000px] top-auto h-px w-px overflow-hidden">
      <label htmlFor="champ-site-internet">Ne pas remplir</label>
      <input id="champ-site-internet" name={HONEYPOT_FIELD} type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
    </div>
  );
}
