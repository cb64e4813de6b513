CREATE TABLE "pricing_catalogs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL,
	"source_file" varchar(1024) NOT NULL,
	"catalog" jsonb NOT NULL
);
--> statement-breakpoint
CREATE INDEX "pricing_catalogs_imported_idx" ON "pricing_catalogs" USING btree ("imported_at");