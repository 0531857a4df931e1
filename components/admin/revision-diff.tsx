import type { FieldChange } from "@/lib/revisions/diff";

/**
 * What a revision changed, field by field. Readable without colour: every value says « Avant » or
 * « Après » (« Ajouté », « Retiré » for list items), old values are struck through (<del>), new
 * ones highlighted (<ins>).
 */
export function RevisionDiff({ changes, initial = false }: { changes: FieldChange[]; initial?: boolean }) {
  if (changes.length === 0) return <p className="mt-2 text-muted">Aucun champ modifié.</p>;
  return (
    <dl className="mt-3 divide-y divide-line rounded border border-line">
      {changes.map((change) => (
        <div key={change.field} className="grid gap-1 p-3 sm:grid-cols-[12rem_minmax(0,1fr)] sm:gap-4">
          <dt className="font-semibold">{change.label}</dt>
          <dd className="min-w-0">{initial ? <Initial change={change} /> : <Change change={change} />}</dd>
        </div>
      ))}
    </dl>
  );
}

const delClass = "bg-warning-light text-[#8a2c00] line-through decoration-2";
const insClass = "bg-success-light text-[#0b4e24] no-underline";

function Value({ value, as }: { value: string; as: "del" | "ins" }) {
  const Tag = as;
  return <Tag className={`whitespace-pre-wrap break-words rounded px-1 ${as === "del" ? delClass : insClass}`}>{value}</Tag>;
}

function Initial({ change }: { change: FieldChange }) {
  const value = change.after;
  if (value === null) return <span className="text-muted">vide</span>;
  if (Array.isArray(value)) {
    return (
      <ul className="list-disc space-y-1 pl-5">
        {value.map((item, i) => (
          <li key={i}><Value value={item} as="ins" /></li>
        ))}
      </ul>
    );
  }
  return <Value value={value} as="ins" />;
}

function Change({ change }: { change: FieldChange }) {
  if (change.added !== undefined || change.removed !== undefined) return <ListChange change={change} />;
  const before = typeof change.before === "string" ? change.before : null;
  const after = typeof change.after === "string" ? change.after : null;
  return (
    <div className="space-y-1">
      <p>
        <span className="font-medium">Avant : </span>
        {before === null ? <span className="text-muted">(vide)</span> : <Value value={before} as="del" />}
      </p>
      <p>
        <span className="font-medium">Après : </span>
        {after === null ? <span className="text-muted">(vide)</span> : <Value value={after} as="ins" />}
      </p>
    </div>
  );
}

function ListChange({ change }: { change: FieldChange }) {
  const added = change.added ?? [];
  const removed = change.removed ?? [];
  const after = Array.isArray(change.after) ? change.after : [];
  return (
    <div className="space-y-2">
      {added.length > 0 && (
        <div>
          <p className="font-medium">{added.length > 1 ? "Ajoutés :" : "Ajouté :"}</p>
          <ul className="list-disc space-y-1 pl-5">
            {added.map((item, i) => (
              <li key={i}><Value value={item} as="ins" /></li>
            ))}
          </ul>
        </div>
      )}
      {removed.length > 0 && (
        <div>
          <p className="font-medium">{removed.length > 1 ? "Retirés :" : "Retiré :"}</p>
          <ul className="list-disc space-y-1 pl-5">
            {removed.map((item, i) => (
              <li key={i}><Value value={item} as="del" /></li>
            ))}
          </ul>
        </div>
      )}
      {added.length === 0 && removed.length === 0 && (
        <div>
          <p className="font-medium">Ordre modifié, désormais :</p>
          <ol className="list-decimal space-y-1 pl-5">
            {after.map((item, i) => (
              <li key={i}>{item}</li>
            ))}
          </ol>
        </div>
      )}
    </div>
  );
}
