/** The researcher's doubt about an imported entry, shown to the reviewer beside the edit form. */
export function ReviewNoteNotice({ note }: { note: string | null }) {
  if (!note) return null;
  return (
    <aside aria-labelledby="note-recherche-titre" className="mt-4 rounded border-l-4 border-accent bg-warning-light p-4">
      <h2 id="note-recherche-titre" className="font-bold">
        Note de la recherche à vérifier :
      </h2>
      <p className="mt-1 whitespace-pre-line">{note}</p>
    </aside>
  );
}
