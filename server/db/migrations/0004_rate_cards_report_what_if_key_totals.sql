CREATE TABLE "rate_cards" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"rules" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "usage_totals_by_key" (
	"scenario_id" uuid NOT NULL,
	"api_key_id" uuid,
	"usage_type" varchar(128) NOT NULL,
	"quantity" numeric NOT NULL,
	CONSTRAINT "usage_totals_by_key_uq" UNIQUE NULLS NOT DISTINCT("scenario_id","api_key_id","usage_type")
);
--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "what_if" jsonb;--> statement-breakpoint
ALTER TABLE "scenarios" ADD COLUMN "apply_rate_card" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "rate_cards" ADD CONSTRAINT "rate_cards_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "usage_totals_by_key" ADD CONSTRAINT "usage_totals_by_key_scenario_id_scenarios_id_fk" FOREIGN KEY ("scenario_id") REFERENCES "public"."scenarios"("id") ON DELETE cascade ON UPDATE no action;