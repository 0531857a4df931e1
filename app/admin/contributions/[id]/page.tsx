import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import type { ReactNode } from "react";
import { AdminBreadcrumb } from "@/components/admin/form/admin-breadcrumb";
import { TimeStamp } from "@/components/admin/time-stamp";
import { AcceptCorrectionForm, AcceptProposalForm, RejectForm } from "@/components/contributions/decision-forms";
import { ContributionStatusBadge } from "@/components/contributions/status-badge";
import { acceptCorrectionAction, acceptProposalAction, rejectContributionAction } from "@/lib/actions/contributions";
import { requireActor } from "@/lib/auth/guard";
import { canReviewContributions } from "@/lib/auth/policy";
import { beneficiaries, financedItems } from "@/lib/codes";
import { summaryFrom } from "@/lib/data/admin/contributions-decide";
import { type ContributionDetail, getContribution, proposerLabel } from "@/lib/data/admin/contributions";
import { listFunderChoices } from "@/lib/data/admin/funder-read";
import { formatEuros } from "@/lib/format";
import { formatParisDate, parisStartOfDay } from "@/lib/paris-time";
import { correctionTopicLabels, type CorrectionTopic, proposalLabels } from "@/lib/validation/contribution";
import { contributionKindLabels, firstUrl } from "@/lib/validation/contribution-decision";

export const metadata: Metadata = { title: "Contribution du public" };

type Props = { params: Promise<{ id: string }> };

const str = (v: unknown) => (typeof v === "string" && v ? v : null);
const list = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);
const day = (iso: string | null) => (iso ? formatParisDate(parisStartOfDay(iso)) : null);
const fold = (s: string) => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().trim();
/** The funder of the directory whose name or acronym is what the person typed, if any (preselected). */
function matchingFunder(funders: { slug: string; name: string; acronym: string | null }[], typed: string | null): string {
  if (!typed) return "";
  const t = fold(typed);
  return funders.find((f) => fold(f.name) === t || (f.acronym && fold(f.acronym) === t))?.slug ?? "";
}
const empty = <span className="text-muted">non renseigné</span>;

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid gap-1 border-b border-line py-2 sm:grid-cols-[minmax(7rem,14rem)_minmax(0,1fr)]">
      <dt className="font-semibold">{label}</dt>
      <dd className="min-w-0 [overflow-wrap:anywhere]">{children ?? empty}</dd>
    </div>
  );
}

function ExternalLink({ href }: { href: string | null }) {
  return href ? <a href={href} className="text-brand underline" rel="noreferrer noopener">{href}</a> : empty;
}

function ProposalFields({ c }: { c: ContributionDetail }) {
  const p = c.payload;
  return (
    <dl>
      <Row label={proposalLabels.title}>{str(p.title)}</Row>
      <Row label={proposalLabels.funderName}>{str(p.funderName)}</Row>
      <Row label={proposalLabels.applicationUrl}><ExternalLink href={str(p.applicationUrl)} /></Row>
      <Row label={proposalLabels.opensAt}>{day(str(p.opensAt))}</Row>
      <Row label={proposalLabels.closesAt}>{day(str(p.closesAt))}</Row>
      <Row label={proposalLabels.beneficiaries}>{list(p.beneficiaries).map((b) => beneficiaries.labels[b as keyof typeof beneficiaries.labels] ?? b).join(", ") || null}</Row>
      <Row label={proposalLabels.financed}>{list(p.financed).map((b) => financedItems.labels[b as keyof typeof financedItems.labels] ?? b).join(", ") || null}</Row>
      <Row label={proposalLabels.territory}>{str(p.territory)}</Row>
      <Row label={proposalLabels.description}><span className="whitespace-pre-line">{c.message}</span></Row>
    </dl>
  );
}

/** For a correction: the programme's current values of the subject, beside what the person says. */
function CurrentValue({ c }: { c: ContributionDetail }) {
  const p = c.programme;
  if (!p) return <p>Le programme n&apos;existe plus.</p>;
  const topic = str(c.payload.topic);
  const amounts = [p.amountMin !== null ? `de ${formatEuros(p.amountMin)}` : null, p.amountMax !== null ? `jusqu'à ${formatEuros(p.amountMax)}` : null].filter(Boolean).join(" ");
  const rows: Record<string, ReactNode> = {
    "lien-candidature": <Row label="Lien pour candidater"><ExternalLink href={p.applicationUrl} /></Row>,
    dates: <><Row label="Ouverture">{day(p.opensAt)}</Row><Row label="Clôture">{day(p.closesAt)}</Row><Row label="Précision sur le calendrier">{p.calendarNote}</Row></>,
    montants: <><Row label="Montants">{amounts || null}</Row><Row label="Précision sur les montants">{p.amountNote}</Row></>,
    eligibilite: <><Row label="Bénéficiaires">{p.beneficiaries.map((b) => beneficiaries.labels[b as keyof typeof beneficiaries.labels] ?? b).join(", ") || null}</Row><Row label="Critères">{p.eligibility.length ? <ul className="list-disc pl-5">{p.eligibility.map((e) => <li key={e}>{e}</li>)}</ul> : null}</Row></>,
    financeur: <Row label="Financeur principal">{p.funderName}</Row>,
  };
  return <dl>{(topic && rows[topic]) ?? <><Row label="Lien pour candidater"><ExternalLink href={p.applicationUrl} /></Row><Row label="Clôture">{day(p.closesAt)}</Row></>}</dl>;
}

export default async function ContributionPage({ params }: Props) {
  const actor = await requireActor();
  if (!canReviewContributions(actor)) forbidden();
  const c = await getContribution(actor, (await params).id);
  if (!c) notFound();
  const title = c.kind === "proposal" ? (str(c.payload.title) ?? "Proposition") : `Correction : ${c.programme?.title ?? str(c.payload.programmeTitle) ?? "programme supprimé"}`;
  const funders = c.kind === "proposal" && c.status === "pending" ? await listFunderChoices(actor) : [];
  const topic = str(c.payload.topic) as CorrectionTopic | null;

  return (
    <div>
      <AdminBreadcrumb trail={[{ href: "/admin", label: "Espace de curation" }, { href: "/admin/contributions", label: "Contributions du public" }]} current={title} />
      <div className="mt-4 flex flex-wrap items-center gap-3">
        <ContributionStatusBadge status={c.status} />
        <span className="text-muted">{contributionKindLabels[c.kind]} reçue le <TimeStamp date={c.createdAt} withTime /></span>
      </div>
      <h1 className="mt-2 text-3xl font-bold">{title}</h1>

      <section aria-labelledby="proposant" className="mt-6">
        <h2 id="proposant" className="text-xl font-bold">Qui écrit</h2>
        <dl className="mt-2">
          <Row label="Nom">{c.proposerName}</Row>
          <Row label="Structure">{c.proposerOrganisation}</Row>
          <Row label="Adresse e-mail"><a href={`mailto:${c.proposerEmail}`} className="text-brand underline">{c.proposerEmail}</a></Row>
          <Row label="Crédité comme">{proposerLabel(c)}</Row>
        </dl>
        <p className="mt-2 text-sm text-muted">L&apos;adresse e-mail n&apos;est visible que des curateurs ; elle n&apos;est jamais publiée ni écrite dans l&apos;historique.</p>
      </section>

      {c.kind === "proposal" ? (
        <section aria-labelledby="proposition" className="mt-8">
          <h2 id="proposition" className="text-xl font-bold">Le financement proposé</h2>
          <ProposalFields c={c} />
        </section>
      ) : (
        <section aria-labelledby="correction" className="mt-8">
          <h2 id="correction" className="text-xl font-bold">La correction</h2>
          <div className="mt-3 grid gap-6 lg:grid-cols-2">
            <div className="rounded border border-line p-4">
              <h3 className="font-bold">Sur la fiche aujourd&apos;hui</h3>
              {c.programme && (
                <p className="text-sm">
                  <Link href={`/admin/programmes/${c.programme.slug}`} className="text-brand underline">{c.programme.title}</Link>{" "}
                  (version n° {c.programme.version}) ·{" "}
                  <Link href={`/financements/${c.programme.slug}`} className="text-brand underline">page publique</Link>
                </p>
              )}
              <CurrentValue c={c} />
            </div>
            <div className="rounded border border-line bg-surface p-4">
              <h3 className="font-bold">Ce que la personne signale</h3>
              <dl>
                <Row label="Ce qui est inexact">{topic ? (correctionTopicLabels[topic] ?? topic) : null}</Row>
                <Row label="La bonne information"><span className="whitespace-pre-line">{c.message}</span></Row>
                <Row label="Source"><ExternalLink href={str(c.payload.sourceUrl)} /></Row>
              </dl>
            </div>
          </div>
        </section>
      )}

      {c.status === "pending" ? (
        <div className="mt-8 grid gap-8 lg:grid-cols-[3fr_2fr]">
          <section aria-labelledby="accepter" className="rounded border border-line p-4 sm:p-6">
            <h2 id="accepter" className="text-xl font-bold">Accepter</h2>
            <div className="mt-4">
              {c.kind === "proposal" ? (
                <AcceptProposalForm
                  action={acceptProposalAction}
                  contributionId={c.id}
                  funders={funders}
                  defaults={{
                    summary: summaryFrom(c.message ?? ""),
                    isNational: /\b(france|national)/i.test(str(c.payload.territory) ?? ""),
                    funder: matchingFunder(funders, str(c.payload.funderName)),
                  }}
                />
              ) : c.programme ? (
                <AcceptCorrectionForm action={acceptCorrectionAction} contributionId={c.id} programme={c.programme} suggestedUrl={topic === "lien-candidature" ? firstUrl(c.message) : null} />
              ) : (
                <p>Le programme n&apos;existe plus : refusez cette correction.</p>
              )}
            </div>
          </section>
          <section aria-labelledby="refuser" className="rounded border border-line p-4 sm:p-6">
            <h2 id="refuser" className="text-xl font-bold">Refuser</h2>
            <div className="mt-4">
              <RejectForm action={rejectContributionAction} contributionId={c.id} />
            </div>
          </section>
        </div>
      ) : (
        <section aria-labelledby="decision" className="mt-8 rounded border border-line p-4">
          <h2 id="decision" className="text-xl font-bold">Décision</h2>
          <p className="mt-2">
            {c.status === "accepted" ? "Acceptée" : "Refusée"}
            {c.reviewedAt && <> le <TimeStamp date={c.reviewedAt} withTime /></>}
            {c.reviewedBy && <> par {c.reviewedBy}</>}.
          </p>
          {c.decisionNote && <p className="mt-2"><span className="font-semibold">{c.status === "rejected" ? "Motif" : "Note"} : </span>{c.decisionNote}</p>}
          {c.status === "accepted" && c.programme && (
            <p className="mt-2">
              {c.kind === "proposal" && c.programme.status === "draft" && "Un brouillon a été créé à partir de cette proposition : "}
              <Link href={`/admin/programmes/${c.programme.slug}`} className="font-semibold text-brand underline">
                {c.kind === "proposal" ? (c.programme.status === "draft" ? "Compléter le brouillon" : "Le programme créé") : "Le programme corrigé"}
                {" "}« {c.programme.title} »
              </Link>
              {c.kind === "correction" && (
                <> · <Link href={`/admin/programmes/${c.programme.slug}/historique`} className="text-brand underline">son historique</Link></>
              )}
            </p>
          )}
        </section>
      )}
    </div>
  );
}
