/**
 * The answer of the last step, read from the page's address (the forms work without JavaScript and
 * answer by a redirect): an error first, focused on load, or a success.
 */
export function ImportPageAlert({ error, success, fieldId }: { error?: string | null; success?: string | null; fieldId?: string }) {
  if (error) {
    return (
      <section
        tabIndex={-1}
        autoFocus
        role="alert"
        aria-labelledby="import-erreur-titre"
        className="mt-6 rounded border-l-4 border-accent bg-warning-light p-4 focus:outline-3 focus:outline-[#0a76f6]"
      >
        <h2 id="import-erreur-titre" className="text-lg font-bold">
          Le fichier n&apos;a pas été importé
        </h2>
        <p className="mt-1">
          {fieldId ? (
            <a href={`#${fieldId}`} className="text-ink underline">
              {error}
            </a>
          ) : (
            error
          )}
        </p>
      </section>
    );
  }
  if (success) {
    return (
      <p role="status" className="mt-6 rounded border-l-4 border-[#18753c] bg-success-light p-4 font-semibold">
        {success}
      </p>
    );
  }
  return null;
}
