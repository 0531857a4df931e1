-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "FunderType" AS ENUM ('etat', 'anct', 'banque-des-territoires', 'union-europeenne', 'operateur-public', 'region', 'departement', 'commune-epci', 'fondation-privee', 'entreprise', 'autre');

-- CreateEnum
CREATE TYPE "AidKind" AS ENUM ('subvention', 'pret', 'avance-remboursable', 'appel-a-projets', 'appel-a-manifestation-d-interet', 'prix', 'accompagnement-ingenierie', 'cheque-pass', 'autre');

-- CreateEnum
CREATE TYPE "FinancedItem" AS ENUM ('postes-mediateurs', 'formation-aidants', 'equipement', 'ingenierie', 'fonctionnement', 'investissement', 'pass-numerique', 'connexion', 'autre');

-- CreateEnum
CREATE TYPE "Beneficiary" AS ENUM ('association', 'commune', 'epci', 'departement', 'region', 'etablissement-public', 'entreprise-ess', 'tiers-lieu', 'france-services', 'particulier', 'autre');

-- CreateEnum
CREATE TYPE "Recurrence" AS ENUM ('ponctuel', 'annuel', 'permanent');

-- CreateEnum
CREATE TYPE "EditorialStatus" AS ENUM ('draft', 'in_review', 'published', 'archived');

-- CreateEnum
CREATE TYPE "Confidence" AS ENUM ('high', 'medium', 'low');

-- CreateEnum
CREATE TYPE "TerritoryLevel" AS ENUM ('region', 'departement', 'epci', 'commune');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('admin', 'curator', 'contributor');

-- CreateTable
CREATE TABLE "territory" (
    "id" TEXT NOT NULL,
    "level" "TerritoryLevel" NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "population" INTEGER,
    "postal_codes" TEXT[],
    "region_id" TEXT,
    "departement_id" TEXT,
    "epci_id" TEXT,

    CONSTRAINT "territory_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "funder" (
    "id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "acronym" TEXT,
    "type" "FunderType" NOT NULL,
    "website" TEXT,
    "description" TEXT,
    "logo_url" TEXT,
    "territory_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "funder_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "programme" (
    "id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "funder_id" UUID NOT NULL,
    "funder_note" TEXT,
    "aid_kinds" "AidKind"[],
    "financed" "FinancedItem"[],
    "beneficiaries" "Beneficiary"[],
    "eligibility" TEXT[],
    "is_national" BOOLEAN NOT NULL DEFAULT false,
    "coverage_note" TEXT,
    "amount_total" DECIMAL(16,2),
    "amount_min" DECIMAL(16,2),
    "amount_max" DECIMAL(16,2),
    "funding_rate_max" DECIMAL(5,2),
    "currency" CHAR(3) NOT NULL DEFAULT 'EUR',
    "amount_note" TEXT,
    "opens_at" TIMESTAMPTZ(3),
    "closes_at" TIMESTAMPTZ(3),
    "recurrence" "Recurrence",
    "calendar_note" TEXT,
    "is_closed" BOOLEAN NOT NULL DEFAULT false,
    "application_url" TEXT,
    "contact" TEXT,
    "confidence" "Confidence",
    "last_verified_at" TIMESTAMPTZ(3),
    "status" "EditorialStatus" NOT NULL DEFAULT 'draft',
    "published_at" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_by_id" UUID,
    "updated_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "programme_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "programme_co_funder" (
    "programme_id" UUID NOT NULL,
    "funder_id" UUID NOT NULL,

    CONSTRAINT "programme_co_funder_pkey" PRIMARY KEY ("programme_id","funder_id")
);

-- CreateTable
CREATE TABLE "programme_territory" (
    "programme_id" UUID NOT NULL,
    "territory_id" TEXT NOT NULL,

    CONSTRAINT "programme_territory_pkey" PRIMARY KEY ("programme_id","territory_id")
);

-- CreateTable
CREATE TABLE "programme_round" (
    "id" UUID NOT NULL,
    "programme_id" UUID NOT NULL,
    "label" TEXT NOT NULL,
    "opens_at" TIMESTAMPTZ(3),
    "closes_at" TIMESTAMPTZ(3),

    CONSTRAINT "programme_round_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "programme_source" (
    "id" UUID NOT NULL,
    "programme_id" UUID NOT NULL,
    "url" TEXT NOT NULL,
    "title" TEXT,
    "retrieved_at" TIMESTAMPTZ(3),
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "programme_source_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "funding_record" (
    "id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "year_start" INTEGER NOT NULL,
    "year_end" INTEGER NOT NULL,
    "amount" DECIMAL(16,2),
    "note" TEXT,
    "programme_id" UUID,
    "funder_id" UUID,
    "territory_id" TEXT,
    "source_urls" TEXT[],
    "retrieved_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "funding_record_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "case_study" (
    "id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "territory_id" TEXT,
    "source_urls" TEXT[],
    "status" "EditorialStatus" NOT NULL DEFAULT 'draft',
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "case_study_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "case_study_programme" (
    "case_study_id" UUID NOT NULL,
    "programme_id" UUID NOT NULL,

    CONSTRAINT "case_study_programme_pkey" PRIMARY KEY ("case_study_id","programme_id")
);

-- CreateTable
CREATE TABLE "case_study_funder" (
    "case_study_id" UUID NOT NULL,
    "funder_id" UUID NOT NULL,

    CONSTRAINT "case_study_funder_pkey" PRIMARY KEY ("case_study_id","funder_id")
);

-- CreateTable
CREATE TABLE "search_synonym" (
    "id" UUID NOT NULL,
    "term" TEXT NOT NULL,
    "synonyms" TEXT[],
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "search_synonym_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "app_user" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" "Role" NOT NULL DEFAULT 'contributor',
    "password_hash" TEXT,
    "disabled_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "app_user_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "revision" (
    "id" UUID NOT NULL,
    "entity_type" TEXT NOT NULL,
    "entity_id" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "author_id" UUID,
    "before" JSONB,
    "after" JSONB,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "revision_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "territory_region_id_idx" ON "territory"("region_id");

-- CreateIndex
CREATE INDEX "territory_departement_id_idx" ON "territory"("departement_id");

-- CreateIndex
CREATE INDEX "territory_epci_id_idx" ON "territory"("epci_id");

-- CreateIndex
CREATE INDEX "territory_postal_codes_idx" ON "territory" USING GIN ("postal_codes");

-- CreateIndex
CREATE UNIQUE INDEX "territory_level_code_key" ON "territory"("level", "code");

-- CreateIndex
CREATE UNIQUE INDEX "funder_slug_key" ON "funder"("slug");

-- CreateIndex
CREATE INDEX "funder_type_idx" ON "funder"("type");

-- CreateIndex
CREATE INDEX "funder_territory_id_idx" ON "funder"("territory_id");

-- CreateIndex
CREATE UNIQUE INDEX "programme_slug_key" ON "programme"("slug");

-- CreateIndex
CREATE INDEX "programme_funder_id_idx" ON "programme"("funder_id");

-- CreateIndex
CREATE INDEX "programme_status_closes_at_idx" ON "programme"("status", "closes_at");

-- CreateIndex
CREATE INDEX "programme_status_opens_at_idx" ON "programme"("status", "opens_at");

-- CreateIndex
CREATE INDEX "programme_status_updated_at_idx" ON "programme"("status", "updated_at");

-- CreateIndex
CREATE INDEX "programme_amount_max_idx" ON "programme"("amount_max");

-- CreateIndex
CREATE INDEX "programme_is_national_idx" ON "programme"("is_national");

-- CreateIndex
CREATE INDEX "programme_aid_kinds_idx" ON "programme" USING GIN ("aid_kinds");

-- CreateIndex
CREATE INDEX "programme_financed_idx" ON "programme" USING GIN ("financed");

-- CreateIndex
CREATE INDEX "programme_beneficiaries_idx" ON "programme" USING GIN ("beneficiaries");

-- CreateIndex
CREATE INDEX "programme_co_funder_funder_id_idx" ON "programme_co_funder"("funder_id");

-- CreateIndex
CREATE INDEX "programme_territory_territory_id_idx" ON "programme_territory"("territory_id");

-- CreateIndex
CREATE INDEX "programme_round_programme_id_idx" ON "programme_round"("programme_id");

-- CreateIndex
CREATE INDEX "programme_round_closes_at_idx" ON "programme_round"("closes_at");

-- CreateIndex
CREATE UNIQUE INDEX "programme_source_programme_id_url_key" ON "programme_source"("programme_id", "url");

-- CreateIndex
CREATE UNIQUE INDEX "funding_record_slug_key" ON "funding_record"("slug");

-- CreateIndex
CREATE INDEX "funding_record_year_start_year_end_idx" ON "funding_record"("year_start", "year_end");

-- CreateIndex
CREATE INDEX "funding_record_programme_id_idx" ON "funding_record"("programme_id");

-- CreateIndex
CREATE INDEX "funding_record_funder_id_idx" ON "funding_record"("funder_id");

-- CreateIndex
CREATE INDEX "funding_record_territory_id_idx" ON "funding_record"("territory_id");

-- CreateIndex
CREATE UNIQUE INDEX "case_study_slug_key" ON "case_study"("slug");

-- CreateIndex
CREATE INDEX "case_study_status_idx" ON "case_study"("status");

-- CreateIndex
CREATE INDEX "case_study_programme_programme_id_idx" ON "case_study_programme"("programme_id");

-- CreateIndex
CREATE INDEX "case_study_funder_funder_id_idx" ON "case_study_funder"("funder_id");

-- CreateIndex
CREATE UNIQUE INDEX "search_synonym_term_key" ON "search_synonym"("term");

-- CreateIndex
CREATE UNIQUE INDEX "app_user_email_key" ON "app_user"("email");

-- CreateIndex
CREATE INDEX "revision_entity_type_entity_id_created_at_idx" ON "revision"("entity_type", "entity_id", "created_at");

-- CreateIndex
CREATE INDEX "revision_author_id_idx" ON "revision"("author_id");

-- AddForeignKey
ALTER TABLE "territory" ADD CONSTRAINT "territory_region_id_fkey" FOREIGN KEY ("region_id") REFERENCES "territory"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "territory" ADD CONSTRAINT "territory_departement_id_fkey" FOREIGN KEY ("departement_id") REFERENCES "territory"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "territory" ADD CONSTRAINT "territory_epci_id_fkey" FOREIGN KEY ("epci_id") REFERENCES "territory"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "funder" ADD CONSTRAINT "funder_territory_id_fkey" FOREIGN KEY ("territory_id") REFERENCES "territory"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "programme" ADD CONSTRAINT "programme_funder_id_fkey" FOREIGN KEY ("funder_id") REFERENCES "funder"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "programme" ADD CONSTRAINT "programme_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "programme" ADD CONSTRAINT "programme_updated_by_id_fkey" FOREIGN KEY ("updated_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "programme_co_funder" ADD CONSTRAINT "programme_co_funder_programme_id_fkey" FOREIGN KEY ("programme_id") REFERENCES "programme"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "programme_co_funder" ADD CONSTRAINT "programme_co_funder_funder_id_fkey" FOREIGN KEY ("funder_id") REFERENCES "funder"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "programme_territory" ADD CONSTRAINT "programme_territory_programme_id_fkey" FOREIGN KEY ("programme_id") REFERENCES "programme"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "programme_territory" ADD CONSTRAINT "programme_territory_territory_id_fkey" FOREIGN KEY ("territory_id") REFERENCES "territory"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "programme_round" ADD CONSTRAINT "programme_round_programme_id_fkey" FOREIGN KEY ("programme_id") REFERENCES "programme"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "programme_source" ADD CONSTRAINT "programme_source_programme_id_fkey" FOREIGN KEY ("programme_id") REFERENCES "programme"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "funding_record" ADD CONSTRAINT "funding_record_programme_id_fkey" FOREIGN KEY ("programme_id") REFERENCES "programme"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "funding_record" ADD CONSTRAINT "funding_record_funder_id_fkey" FOREIGN KEY ("funder_id") REFERENCES "funder"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "funding_record" ADD CONSTRAINT "funding_record_territory_id_fkey" FOREIGN KEY ("territory_id") REFERENCES "territory"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_study" ADD CONSTRAINT "case_study_territory_id_fkey" FOREIGN KEY ("territory_id") REFERENCES "territory"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_study_programme" ADD CONSTRAINT "case_study_programme_case_study_id_fkey" FOREIGN KEY ("case_study_id") REFERENCES "case_study"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_study_programme" ADD CONSTRAINT "case_study_programme_programme_id_fkey" FOREIGN KEY ("programme_id") REFERENCES "programme"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_study_funder" ADD CONSTRAINT "case_study_funder_case_study_id_fkey" FOREIGN KEY ("case_study_id") REFERENCES "case_study"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_study_funder" ADD CONSTRAINT "case_study_funder_funder_id_fkey" FOREIGN KEY ("funder_id") REFERENCES "funder"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "revision" ADD CONSTRAINT "revision_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- Hand-written: constraints that reject impossible data (Prisma's schema cannot express them).
ALTER TABLE "programme"
  ADD CONSTRAINT "programme_amounts_non_negative" CHECK (
    coalesce("amount_total", 0) >= 0 AND coalesce("amount_min", 0) >= 0 AND coalesce("amount_max", 0) >= 0),
  ADD CONSTRAINT "programme_amount_min_le_max" CHECK (
    "amount_min" IS NULL OR "amount_max" IS NULL OR "amount_min" <= "amount_max"),
  ADD CONSTRAINT "programme_funding_rate_range" CHECK (
    "funding_rate_max" IS NULL OR ("funding_rate_max" > 0 AND "funding_rate_max" <= 100)),
  ADD CONSTRAINT "programme_closes_after_opens" CHECK (
    "opens_at" IS NULL OR "closes_at" IS NULL OR "opens_at" <= "closes_at"),
  ADD CONSTRAINT "programme_currency_code" CHECK ("currency" ~ '^[A-Z]{3}$'),
  ADD CONSTRAINT "programme_slug_format" CHECK ("slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  ADD CONSTRAINT "programme_version_positive" CHECK ("version" >= 1);

ALTER TABLE "programme_round"
  ADD CONSTRAINT "programme_round_closes_after_opens" CHECK (
    "opens_at" IS NULL OR "closes_at" IS NULL OR "opens_at" <= "closes_at");

ALTER TABLE "funder"
  ADD CONSTRAINT "funder_slug_format" CHECK ("slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$');

ALTER TABLE "funding_record"
  ADD CONSTRAINT "funding_record_amount_non_negative" CHECK ("amount" IS NULL OR "amount" >= 0),
  ADD CONSTRAINT "funding_record_years_ordered" CHECK ("year_start" <= "year_end"),
  ADD CONSTRAINT "funding_record_years_plausible" CHECK ("year_start" BETWEEN 1990 AND 2100 AND "year_end" BETWEEN 1990 AND 2100),
  ADD CONSTRAINT "funding_record_has_subject" CHECK ("programme_id" IS NOT NULL OR "funder_id" IS NOT NULL);

ALTER TABLE "territory"
  ADD CONSTRAINT "territory_id_matches_level_code" CHECK ("id" = "level"::text || ':' || "code"),
  ADD CONSTRAINT "territory_population_non_negative" CHECK ("population" IS NULL OR "population" >= 0);

ALTER TABLE "app_user"
  ADD CONSTRAINT "app_user_email_lowercase" CHECK ("email" = lower("email"));
