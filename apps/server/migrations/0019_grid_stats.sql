-- The grid's numbers: the history of each grid's patrol plan, so that the patrols planned for a past day count
-- the plan in force that day. The plans set before this migration take effect from the day they were set.
CREATE TABLE "grid_patrol_plan_changes" (
	"grid_id" integer NOT NULL,
	"effective_on" date NOT NULL,
	"per_day" smallint NOT NULL,
	"changed_by_user_id" integer,
	"changed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "grid_patrol_plan_changes_grid_id_effective_on_pk" PRIMARY KEY("grid_id","effective_on")
);
--> statement-breakpoint
ALTER TABLE "grid_patrol_plan_changes" ADD CONSTRAINT "grid_patrol_plan_changes_grid_id_orgs_id_fk" FOREIGN KEY ("grid_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "grid_patrol_plan_changes" ADD CONSTRAINT "grid_patrol_plan_changes_changed_by_user_id_users_id_fk" FOREIGN KEY ("changed_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
INSERT INTO "grid_patrol_plan_changes" ("grid_id", "effective_on", "per_day", "changed_by_user_id", "changed_at")
SELECT "grid_id", ("updated_at" AT TIME ZONE 'Asia/Shanghai')::date, "per_day", NULL, "updated_at" FROM "grid_patrol_plans";
