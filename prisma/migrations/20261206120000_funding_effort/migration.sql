-- CreateEnum
CREATE TYPE "FundingKind" AS ENUM ('spent', 'committed', 'planned');

-- AlterTable
ALTER TABLE "funding_record" ADD COLUMN     "amount_high" DECIMAL(16,2),
ADD COLUMN     "amount_low" DECIMAL(16,2),
ADD COLUMN     "funder_label" TEXT,
ADD COLUMN     "funder_type" "FunderType",
ADD COLUMN     "kind" "FundingKind" NOT NULL DEFAULT 'committed',
ADD COLUMN     "overlaps_others" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "part_of_id" UUID,
ADD COLUMN     "status" "EditorialStatus" NOT NULL DEFAULT 'published',
ADD COLUMN     "territory_label" TEXT,
ADD COLUMN     "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- CreateIndex
CREATE INDEX "funding_record_part_of_id_idx" ON "funding_record"("part_of_id");

-- CreateIndex
CREATE INDEX "funding_record_status_kind_idx" ON "funding_record"("status", "kind");

-- AddForeignKey
ALTER TABLE "funding_record" ADD CONSTRAINT "funding_record_part_of_id_fkey" FOREIGN KEY ("part_of_id") REFERENCES "funding_record"("id") ON DELETE SET NULL ON UPDATE CASCADE;



-- Hand-written: the rules of the financial effort that Prisma's schema cannot express.
-- A record gives one amount, or the range of figures its sources disagree on, or (until a curator finds one) neither.
-- A record without a catalogue funder names one (free text) or gives its type.
ALTER TABLE "funding_record"
  DROP CONSTRAINT "funding_record_has_subject",
  ADD CONSTRAINT "funding_record_has_subject" CHECK (
    "programme_id" IS NOT NULL OR "funder_id" IS NOT NULL OR "funder_label" IS NOT NULL),
  ADD CONSTRAINT "funding_record_range_non_negative" CHECK (
    coalesce("amount_low", 0) >= 0 AND coalesce("amount_high", 0) >= 0),
  ADD CONSTRAINT "funding_record_range_complete" CHECK (("amount_low" IS NULL) = ("amount_high" IS NULL)),
  ADD CONSTRAINT "funding_record_range_low_le_high" CHECK (
    "amount_low" IS NULL OR "amount_high" IS NULL OR "amount_low" <= "amount_high"),
  ADD CONSTRAINT "funding_record_amount_or_range" CHECK ("amount" IS NULL OR "amount_low" IS NULL),
  ADD CONSTRAINT "funding_record_typed_funder" CHECK ("funder_id" IS NOT NULL OR "funder_type" IS NOT NULL OR "programme_id" IS NOT NULL),
  ADD CONSTRAINT "funding_record_not_part_of_itself" CHECK ("part_of_id" IS NULL OR "part_of_id" <> "id"),
  ADD CONSTRAINT "funding_record_version_positive" CHECK ("version" >= 1);
