ALTER TABLE "ingest_batches" ADD COLUMN "body_hash" varchar(64);--> statement-breakpoint
ALTER TABLE "security_events" ADD COLUMN "count" integer DEFAULT 1 NOT NULL;