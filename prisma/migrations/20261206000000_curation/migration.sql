-- Curation: editorial workflow and optimistic locking for funders, accounts (ProConnect, API tokens),
-- sign-in attempts counted in the database, security audit events, richer revisions.

-- DropIndex
DROP INDEX "revision_author_id_idx";

-- AlterTable
ALTER TABLE "funder" ADD COLUMN     "created_by_id" UUID,
ADD COLUMN     "last_verified_at" TIMESTAMPTZ(3),
ADD COLUMN     "published_at" TIMESTAMPTZ(3),
ADD COLUMN     "status" "EditorialStatus" NOT NULL DEFAULT 'published',
ADD COLUMN     "updated_by_id" UUID,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- The funders already in the catalogue were published by the seed; new ones start as drafts.
UPDATE "funder" SET "published_at" = "created_at";
ALTER TABLE "funder" ALTER COLUMN "status" SET DEFAULT 'draft';

-- AlterTable
ALTER TABLE "programme" ADD COLUMN     "verification_note" TEXT;

-- AlterTable
ALTER TABLE "app_user" ADD COLUMN     "invited_by_id" UUID,
ADD COLUMN     "last_login_at" TIMESTAMPTZ(3),
ADD COLUMN     "oidc_sub" TEXT,
ADD COLUMN     "siret" TEXT,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "revision" ADD COLUMN     "entity_label" TEXT,
ADD COLUMN     "note" TEXT,
ADD COLUMN     "version" INTEGER;

-- CreateTable
CREATE TABLE "api_token" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "token_hash" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "last_used_at" TIMESTAMPTZ(3),
    "expires_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "api_token_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "login_attempt" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "ip" TEXT NOT NULL,
    "succeeded" BOOLEAN NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "login_attempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_event" (
    "id" UUID NOT NULL,
    "action" TEXT NOT NULL,
    "actor_id" UUID,
    "email" TEXT,
    "ip" TEXT,
    "detail" JSONB,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audit_event_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "api_token_token_hash_key" ON "api_token"("token_hash");

-- CreateIndex
CREATE INDEX "api_token_user_id_idx" ON "api_token"("user_id");

-- CreateIndex
CREATE INDEX "login_attempt_email_created_at_idx" ON "login_attempt"("email", "created_at");

-- CreateIndex
CREATE INDEX "login_attempt_ip_created_at_idx" ON "login_attempt"("ip", "created_at");

-- CreateIndex
CREATE INDEX "login_attempt_created_at_idx" ON "login_attempt"("created_at");

-- CreateIndex
CREATE INDEX "audit_event_action_created_at_idx" ON "audit_event"("action", "created_at");

-- CreateIndex
CREATE INDEX "audit_event_actor_id_idx" ON "audit_event"("actor_id");

-- CreateIndex
CREATE INDEX "audit_event_created_at_idx" ON "audit_event"("created_at");

-- CreateIndex
CREATE INDEX "funder_status_updated_at_idx" ON "funder"("status", "updated_at");

-- CreateIndex
CREATE INDEX "funder_created_by_id_idx" ON "funder"("created_by_id");

-- CreateIndex
CREATE INDEX "programme_last_verified_at_idx" ON "programme"("last_verified_at");

-- CreateIndex
CREATE INDEX "programme_created_by_id_idx" ON "programme"("created_by_id");

-- CreateIndex
CREATE UNIQUE INDEX "app_user_oidc_sub_key" ON "app_user"("oidc_sub");

-- CreateIndex
CREATE INDEX "revision_author_id_created_at_idx" ON "revision"("author_id", "created_at");

-- CreateIndex
CREATE INDEX "revision_created_at_idx" ON "revision"("created_at");

-- AddForeignKey
ALTER TABLE "funder" ADD CONSTRAINT "funder_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "funder" ADD CONSTRAINT "funder_updated_by_id_fkey" FOREIGN KEY ("updated_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_invited_by_id_fkey" FOREIGN KEY ("invited_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "api_token" ADD CONSTRAINT "api_token_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_event" ADD CONSTRAINT "audit_event_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- Versions count up from 1.
ALTER TABLE "funder" ADD CONSTRAINT "funder_version_positive" CHECK ("version" >= 1);
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_version_positive" CHECK ("version" >= 1);
