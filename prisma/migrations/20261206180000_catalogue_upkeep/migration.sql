-- CreateEnum
CREATE TYPE "LinkOutcome" AS ENUM ('ok', 'redirected', 'broken', 'unreachable');

-- CreateEnum
CREATE TYPE "JobStatus" AS ENUM ('running', 'succeeded', 'failed');

-- CreateEnum
CREATE TYPE "ImportStatus" AS ENUM ('pending', 'applied', 'discarded');

-- CreateEnum
CREATE TYPE "ContributionKind" AS ENUM ('proposal', 'correction');

-- CreateEnum
CREATE TYPE "ContributionStatus" AS ENUM ('pending', 'accepted', 'rejected');

-- AlterTable
ALTER TABLE "programme" ADD COLUMN     "review_note" TEXT;

-- AlterTable
ALTER TABLE "funding_record" ADD COLUMN     "created_by_id" UUID,
ADD COLUMN     "updated_by_id" UUID;

-- AlterTable
ALTER TABLE "case_study" ADD COLUMN     "created_by_id" UUID,
ADD COLUMN     "published_at" TIMESTAMPTZ(3),
ADD COLUMN     "updated_by_id" UUID;

-- CreateTable
CREATE TABLE "link_check" (
    "id" UUID NOT NULL,
    "url" TEXT NOT NULL,
    "outcome" "LinkOutcome" NOT NULL,
    "http_status" INTEGER,
    "final_url" TEXT,
    "error" TEXT,
    "consecutive_failures" INTEGER NOT NULL DEFAULT 0,
    "checked_at" TIMESTAMPTZ(3) NOT NULL,
    "failing_since" TIMESTAMPTZ(3),
    "last_ok_at" TIMESTAMPTZ(3),

    CONSTRAINT "link_check_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "job_run" (
    "id" UUID NOT NULL,
    "job" TEXT NOT NULL,
    "trigger" TEXT NOT NULL,
    "status" "JobStatus" NOT NULL DEFAULT 'running',
    "total" INTEGER,
    "done" INTEGER NOT NULL DEFAULT 0,
    "detail" JSONB,
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "heartbeat_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),

    CONSTRAINT "job_run_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "import_batch" (
    "id" UUID NOT NULL,
    "file_name" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "publish" BOOLEAN NOT NULL DEFAULT false,
    "status" "ImportStatus" NOT NULL DEFAULT 'pending',
    "report" JSONB,
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "applied_at" TIMESTAMPTZ(3),

    CONSTRAINT "import_batch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "contribution" (
    "id" UUID NOT NULL,
    "kind" "ContributionKind" NOT NULL,
    "status" "ContributionStatus" NOT NULL DEFAULT 'pending',
    "programme_id" UUID,
    "payload" JSONB NOT NULL,
    "message" TEXT,
    "proposer_name" TEXT,
    "proposer_email" TEXT NOT NULL,
    "proposer_organisation" TEXT,
    "sender_hash" TEXT NOT NULL,
    "reviewed_by_id" UUID,
    "reviewed_at" TIMESTAMPTZ(3),
    "decision_note" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "contribution_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "link_check_url_key" ON "link_check"("url");

-- CreateIndex
CREATE INDEX "link_check_outcome_checked_at_idx" ON "link_check"("outcome", "checked_at");

-- CreateIndex
CREATE INDEX "link_check_consecutive_failures_idx" ON "link_check"("consecutive_failures");

-- CreateIndex
CREATE INDEX "job_run_job_started_at_idx" ON "job_run"("job", "started_at");

-- CreateIndex
CREATE INDEX "job_run_status_idx" ON "job_run"("status");

-- CreateIndex
CREATE INDEX "import_batch_created_by_id_created_at_idx" ON "import_batch"("created_by_id", "created_at");

-- CreateIndex
CREATE INDEX "import_batch_status_created_at_idx" ON "import_batch"("status", "created_at");

-- CreateIndex
CREATE INDEX "contribution_status_created_at_idx" ON "contribution"("status", "created_at");

-- CreateIndex
CREATE INDEX "contribution_sender_hash_created_at_idx" ON "contribution"("sender_hash", "created_at");

-- CreateIndex
CREATE INDEX "contribution_programme_id_idx" ON "contribution"("programme_id");

-- CreateIndex
CREATE INDEX "programme_application_url_idx" ON "programme"("application_url");

-- CreateIndex
CREATE INDEX "funding_record_created_by_id_idx" ON "funding_record"("created_by_id");

-- CreateIndex
CREATE INDEX "case_study_created_by_id_idx" ON "case_study"("created_by_id");

-- AddForeignKey
ALTER TABLE "funding_record" ADD CONSTRAINT "funding_record_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "funding_record" ADD CONSTRAINT "funding_record_updated_by_id_fkey" FOREIGN KEY ("updated_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_study" ADD CONSTRAINT "case_study_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_study" ADD CONSTRAINT "case_study_updated_by_id_fkey" FOREIGN KEY ("updated_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "import_batch" ADD CONSTRAINT "import_batch_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "contribution" ADD CONSTRAINT "contribution_programme_id_fkey" FOREIGN KEY ("programme_id") REFERENCES "programme"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "contribution" ADD CONSTRAINT "contribution_reviewed_by_id_fkey" FOREIGN KEY ("reviewed_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- Hand-written: what Prisma's schema cannot express.
-- Similar titles for the duplicate check (pg_trgm is created by migration 20261123000000_search).
CREATE INDEX "programme_title_trgm_idx" ON "programme" USING GIN ("title" gin_trgm_ops);
-- A check's counters never go negative; a failing run has a start.
ALTER TABLE "link_check" ADD CONSTRAINT "link_check_failures_check" CHECK ("consecutive_failures" >= 0);
ALTER TABLE "job_run" ADD CONSTRAINT "job_run_progress_check" CHECK ("done" >= 0 AND ("total" IS NULL OR "total" >= 0));
