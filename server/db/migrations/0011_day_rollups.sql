CREATE TABLE "event_day_rollups" (
	"scenario_id" uuid NOT NULL,
	"day" timestamp with time zone NOT NULL,
	"event_type" varchar(32) NOT NULL,
	"count" bigint NOT NULL,
	CONSTRAINT "event_day_rollups_scenario_id_day_event_type_pk" PRIMARY KEY("scenario_id","day","event_type")
);
--> statement-breakpoint
CREATE TABLE "usage_day_rollups" (
	"scenario_id" uuid NOT NULL,
	"day" timestamp with time zone NOT NULL,
	"usage_type" varchar(128) NOT NULL,
	"quantity" numeric NOT NULL,
	CONSTRAINT "usage_day_rollups_scenario_id_day_usage_type_pk" PRIMARY KEY("scenario_id","day","usage_type")
);
--> statement-breakpoint
ALTER TABLE "event_day_rollups" ADD CONSTRAINT "event_day_rollups_scenario_id_scenarios_id_fk" FOREIGN KEY ("scenario_id") REFERENCES "public"."scenarios"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "usage_day_rollups" ADD CONSTRAINT "usage_day_rollups_scenario_id_scenarios_id_fk" FOREIGN KEY ("scenario_id") REFERENCES "public"."scenarios"("id") ON DELETE cascade ON UPDATE no action;