CREATE TABLE "event_totals" (
	"scenario_id" uuid NOT NULL,
	"event_type" varchar(32) NOT NULL,
	"count" bigint NOT NULL,
	CONSTRAINT "event_totals_scenario_id_event_type_pk" PRIMARY KEY("scenario_id","event_type")
);
--> statement-breakpoint
ALTER TABLE "event_totals" ADD CONSTRAINT "event_totals_scenario_id_scenarios_id_fk" FOREIGN KEY ("scenario_id") REFERENCES "public"."scenarios"("id") ON DELETE cascade ON UPDATE no action;