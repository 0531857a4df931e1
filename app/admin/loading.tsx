/** Shown while a workspace page loads its data. */
export default function AdminLoading() {
  return (
    <div role="status" className="rounded border border-line bg-surface p-6 text-muted">
      Chargement…
    </div>
  );
}
