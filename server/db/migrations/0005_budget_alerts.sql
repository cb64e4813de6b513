CREATE TYPE "public"."alert_channel" AS ENUM('email', 'webhook');--> statement-breakpoint
CREATE TYPE "public"."alert_delivery_status" AS ENUM('pending', 'sent', 'skipped', 'failed');--> statement-breakpoint
CREATE TYPE "public"."alert_rule_kind" AS ENUM('projected_above', 'daily_jump_pct');--> statement-breakpoint
CREATE TYPE "public"."alert_rule_state" AS ENUM('ok', 'triggered');--> statement-breakpoint
CREATE TYPE "public"."alert_transition" AS ENUM('triggered', 'resolved');--> statement-breakpoint
CREATE TABLE "budget_alert_deliveries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"alert_id" uuid NOT NULL,
	"channel" "alert_channel" NOT NULL,
	"target" text NOT NULL,
	"status" "alert_delivery_status" DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "budget_alert_deliveries_channel_uq" UNIQUE("alert_id","channel")
);
--> statement-breakpoint
CREATE TABLE "budget_alert_rules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"scenario_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" "alert_rule_kind" NOT NULL,
	"threshold" numeric(18, 6),
	"jump_pct" numeric(12, 4),
	"emails" text[] DEFAULT '{}'::text[] NOT NULL,
	"webhook_url" varchar(2048),
	"webhook_secret" varchar(128),
	"enabled" boolean DEFAULT true NOT NULL,
	"state" "alert_rule_state" DEFAULT 'ok' NOT NULL,
	"state_version" integer DEFAULT 0 NOT NULL,
	"state_changed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "budget_alert_rules_kind_fields" CHECK (("budget_alert_rules"."kind" = 'projected_above' and "budget_alert_rules"."jump_pct" is null) or ("budget_alert_rules"."kind" = 'daily_jump_pct' and "budget_alert_rules"."jump_pct" is not null and "budget_alert_rules"."threshold" is null))
);
--> statement-breakpoint
CREATE TABLE "budget_alerts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"rule_id" uuid,
	"scenario_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"rule_kind" "alert_rule_kind" NOT NULL,
	"transition" "alert_transition" NOT NULL,
	"state_version" integer NOT NULL,
	"projected_monthly" numeric NOT NULL,
	"limit_amount" numeric NOT NULL,
	"change_pct" numeric,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "budget_alerts_once_uq" UNIQUE("rule_id","state_version")
);
--> statement-breakpoint
CREATE TABLE "budget_projections" (
	"scenario_id" uuid NOT NULL,
	"day" date NOT NULL,
	"projected_monthly" numeric NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "budget_projections_scenario_id_day_pk" PRIMARY KEY("scenario_id","day")
);
--> statement-breakpoint
CREATE TABLE "scenario_budgets" (
	"scenario_id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"monthly_budget" numeric(18, 6) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "scenario_budgets_positive" CHECK ("scenario_budgets"."monthly_budget" > 0)
);
--> statement-breakpoint
ALTER TABLE "budget_alert_deliveries" ADD CONSTRAINT "budget_alert_deliveries_alert_id_budget_alerts_id_fk" FOREIGN KEY ("alert_id") REFERENCES "public"."budget_alerts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_alert_rules" ADD CONSTRAINT "budget_alert_rules_scenario_id_scenarios_id_fk" FOREIGN KEY ("scenario_id") REFERENCES "public"."scenarios"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_alert_rules" ADD CONSTRAINT "budget_alert_rules_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_alerts" ADD CONSTRAINT "budget_alerts_rule_id_budget_alert_rules_id_fk" FOREIGN KEY ("rule_id") REFERENCES "public"."budget_alert_rules"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_alerts" ADD CONSTRAINT "budget_alerts_scenario_id_scenarios_id_fk" FOREIGN KEY ("scenario_id") REFERENCES "public"."scenarios"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_alerts" ADD CONSTRAINT "budget_alerts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_projections" ADD CONSTRAINT "budget_projections_scenario_id_scenarios_id_fk" FOREIGN KEY ("scenario_id") REFERENCES "public"."scenarios"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scenario_budgets" ADD CONSTRAINT "scenario_budgets_scenario_id_scenarios_id_fk" FOREIGN KEY ("scenario_id") REFERENCES "public"."scenarios"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scenario_budgets" ADD CONSTRAINT "scenario_budgets_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "budget_alert_rules_scenario_idx" ON "budget_alert_rules" USING btree ("scenario_id","created_at");--> statement-breakpoint
CREATE INDEX "budget_alerts_scenario_idx" ON "budget_alerts" USING btree ("scenario_id","created_at");