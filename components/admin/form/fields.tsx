import type { ReactNode } from "react";
import { describedBy, errorId, fieldId, hintId } from "./field-ids";

/**
 * Form fields of the workspace (DSFR-like): a label, an optional hint, the control, and the French
 * error message right under it, wired with aria-describedby and aria-invalid. Uncontrolled inputs:
 * `defaultValue` is what the server rendered (the entry, or what the person typed before an error).
 */

const inputClass = (error?: string) =>
  `mt-1 w-full rounded-t border-b-2 bg-surface px-3 py-2 ${error ? "border-accent" : "border-ink"}`;

export function FieldMessage({ path, error }: { path: string; error?: string }) {
  if (!error) return null;
  return (
    <p id={errorId(path)} className="mt-1 text-sm font-medium text-accent">
      <span aria-hidden="true">⚠ </span>
      {error}
    </p>
  );
}

function Hint({ path, hint }: { path: string; hint?: ReactNode }) {
  return hint ? <p id={hintId(path)} className="text-sm text-muted">{hint}</p> : null;
}

interface BaseProps {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  required?: boolean;
  className?: string;
}

const RequiredMark = ({ required }: { required?: boolean }) =>
  required ? <span className="text-accent"> *<span className="sr-only"> (obligatoire)</span></span> : null;

export function TextField({
  name, label, hint, error, required, className, defaultValue, type = "text", inputMode, autoComplete, maxLength,
}: BaseProps & {
  defaultValue?: string;
  type?: "text" | "url" | "date" | "email" | "number";
  inputMode?: "decimal" | "numeric" | "url" | "text";
  autoComplete?: string;
  maxLength?: number;
}) {
  return (
    <div className={className}>
      <label htmlFor={fieldId(name)} className="block font-semibold">
        {label}
        <RequiredMark required={required} />
      </label>
      <Hint path={name} hint={hint} />
      <input
        id={fieldId(name)}
        name={name}
        type={type}
        inputMode={inputMode}
        autoComplete={autoComplete ?? "off"}
        maxLength={maxLength}
        defaultValue={defaultValue ?? ""}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(name, { hint, error })}
        className={inputClass(error)}
      />
      <FieldMessage path={name} error={error} />
    </div>
  );
}

export function TextArea({
  name, label, hint, error, required, className, defaultValue, rows = 4,
}: BaseProps & { defaultValue?: string; rows?: number }) {
  return (
    <div className={className}>
      <label htmlFor={fieldId(name)} className="block font-semibold">
        {label}
        <RequiredMark required={required} />
      </label>
      <Hint path={name} hint={hint} />
      <textarea
        id={fieldId(name)}
        name={name}
        rows={rows}
        defaultValue={defaultValue ?? ""}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(name, { hint, error })}
        className={inputClass(error)}
      />
      <FieldMessage path={name} error={error} />
    </div>
  );
}

export function SelectField({
  name, label, hint, error, required, className, defaultValue, options, emptyLabel,
}: BaseProps & { defaultValue?: string; options: { value: string; label: string }[]; emptyLabel?: string }) {
  return (
    <div className={className}>
      <label htmlFor={fieldId(name)} className="block font-semibold">
        {label}
        <RequiredMark required={required} />
      </label>
      <Hint path={name} hint={hint} />
      <select
        id={fieldId(name)}
        name={name}
        defaultValue={defaultValue ?? ""}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(name, { hint, error })}
        className={inputClass(error)}
      >
        {emptyLabel !== undefined && <option value="">{emptyLabel}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>{o.label}</option>
        ))}
      </select>
      <FieldMessage path={name} error={error} />
    </div>
  );
}

/** A group of checkboxes sharing one name (the codes of lib/codes.ts with their French labels). */
export function CheckboxGroup({
  name, legend, hint, error, required, options, checked, columns = 2,
}: {
  name: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string;
  required?: boolean;
  options: { value: string; label: string }[];
  checked: readonly string[];
  columns?: 1 | 2 | 3;
}) {
  const grid = { 1: "", 2: "sm:grid-cols-2", 3: "sm:grid-cols-3" }[columns];
  return (
    <fieldset
      id={fieldId(name)}
      tabIndex={-1}
      aria-describedby={describedBy(name, { hint, error })}
      aria-invalid={error ? true : undefined}
      className="focus:outline-none"
    >
      <legend className="font-semibold">
        {legend}
        <RequiredMark required={required} />
      </legend>
      <Hint path={name} hint={hint} />
      <div className={`mt-2 grid gap-x-6 gap-y-1 ${grid}`}>
        {options.map((o) => {
          const id = `${fieldId(name)}-${o.value}`;
          return (
            <div key={o.value} className="flex items-start gap-2">
              <input
                id={id}
                type="checkbox"
                name={name}
                value={o.value}
                defaultChecked={checked.includes(o.value)}
                className="mt-1 h-4 w-4 accent-brand"
              />
              <label htmlFor={id}>{o.label}</label>
            </div>
          );
        })}
      </div>
      <FieldMessage path={name} error={error} />
    </fieldset>
  );
}

export function Checkbox({
  name, label, hint, error, defaultChecked,
}: { name: string; label: ReactNode; hint?: ReactNode; error?: string; defaultChecked?: boolean }) {
  return (
    <div>
      <div className="flex items-start gap-2">
        <input
          id={fieldId(name)}
          type="checkbox"
          name={name}
          value="on"
          defaultChecked={defaultChecked}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(name, { hint, error })}
          className="mt-1 h-4 w-4 accent-brand"
        />
        <label htmlFor={fieldId(name)} className="font-semibold">{label}</label>
      </div>
      <Hint path={name} hint={hint} />
      <FieldMessage path={name} error={error} />
    </div>
  );
}

/** A titled group of fields (one section of a long form). */
export function FormSection({ id, title, children, description }: { id: string; title: string; children: ReactNode; description?: ReactNode }) {
  return (
    <fieldset id={id} className="rounded border border-line p-4 sm:p-6">
      <legend className="px-1">
        <h2 className="text-xl font-bold">{title}</h2>
      </legend>
      {description && <div className="mt-1 text-sm text-muted">{description}</div>}
      <div className="mt-4 space-y-5">{children}</div>
    </fieldset>
  );
}
