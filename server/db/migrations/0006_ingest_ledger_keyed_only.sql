ALTER TABLE "pii_findings" DROP CONSTRAINT "pii_findings_batch_id_ingest_batches_id_fk";
--> statement-breakpoint
DROP INDEX "ingest_batches_scenario_idx";--> statement-breakpoint
-- Requests without an Idempotency-Key are no longer recorded: nothing reads their rows (see ingest.repo.ts).
DELETE FROM "ingest_batches" WHERE "idempotency_key" IS NULL;--> statement-breakpoint
ALTER TABLE "ingest_batches" ALTER COLUMN "idempotency_key" SET NOT NULL;
