-- 信访期限预警: a petition's light as the lights' scan last turned it, and when to look at it next (as for disputes)
ALTER TABLE "petitions" ADD COLUMN "light" text DEFAULT 'green' NOT NULL;--> statement-breakpoint
ALTER TABLE "petitions" ADD COLUMN "light_next_check_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "petitions_light_check_idx" ON "petitions" USING btree ("light_next_check_at") WHERE "light_next_check_at" is not null;--> statement-breakpoint
-- 复核听证: the hearing under way since, and the calendar days hearings took (not counted in the re-review's limit)
ALTER TABLE "petitions" ADD COLUMN "hearing_started_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "petitions" ADD COLUMN "hearing_days" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- a notification about a petition (its deadline) opens the petition
ALTER TABLE "notifications" ADD COLUMN "petition_id" integer REFERENCES "petitions"("id");--> statement-breakpoint
-- petitions already under a running limit are looked at on the scan's first run
UPDATE "petitions" SET "light_next_check_at" = now()
  WHERE "state" IN ('registered', 'accepted', 'handling', 'review_requested', 're_review_requested');
