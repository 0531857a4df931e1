import { Checkbox, FormSection, TextField } from "@/components/admin/form/fields";

type Labels = { proposerName: string; proposerOrganisation: string; proposerEmail: string };
type Values = { proposerName: string; proposerOrganisation: string; proposerEmail: string; consent: string };

/** Who writes, and their consent: shared by /proposer and « Signaler une erreur ». The e-mail is never published. */
export function ConsentAndContact({ values, errors, labels }: { values: Values; errors: Record<string, string>; labels: Labels }) {
  return (
    <FormSection
      id="vous"
      title="Vous"
      description="Votre adresse e-mail sert seulement à l'équipe, pour vous poser une question si besoin : elle n'est jamais publiée ni transmise."
    >
      <div className="grid gap-5 sm:grid-cols-2">
        <TextField name="proposerName" label={labels.proposerName} autoComplete="name" maxLength={200} defaultValue={values.proposerName}
          error={errors.proposerName} hint="Facultatif ; cité dans l'historique de la fiche." />
        <TextField name="proposerOrganisation" label={labels.proposerOrganisation} autoComplete="organization" maxLength={300}
          defaultValue={values.proposerOrganisation} error={errors.proposerOrganisation} hint="Facultatif : association, collectivité…" />
      </div>
      <TextField name="proposerEmail" label={labels.proposerEmail} type="email" autoComplete="email" required maxLength={320}
        defaultValue={values.proposerEmail} error={errors.proposerEmail} hint="Format attendu : nom@domaine.fr" />
      <Checkbox
        name="consent"
        defaultChecked={values.consent === "on"}
        error={errors.consent}
        label={
          <>
            J&apos;accepte que l&apos;équipe de l&apos;annuaire relise ce message, le conserve et m&apos;écrive à son sujet.
            <span className="text-accent"> *<span className="sr-only"> (obligatoire)</span></span>
          </>
        }
      />
    </FormSection>
  );
}
