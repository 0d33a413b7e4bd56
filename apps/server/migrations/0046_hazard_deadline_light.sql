-- 整改期限预警: the light of a hazard's rectification deadline as the lights' scan last turned it, of which
-- deadline, and when to look at it next (as for disputes and petitions). The scan starts the light of every
-- running deadline without one, so the hazards already under a deadline are looked at on its first run.
CREATE TABLE "hazard_lights" (
	"hazard_id" integer PRIMARY KEY NOT NULL REFERENCES "hazards"("id"),
	"deadline" timestamp with time zone NOT NULL,
	"light" text DEFAULT 'green' NOT NULL,
	"light_next_check_at" timestamp with time zone
);--> statement-breakpoint
CREATE INDEX "hazard_lights_check_idx" ON "hazard_lights" USING btree ("light_next_check_at") WHERE "light_next_check_at" is not null;
