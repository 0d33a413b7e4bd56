-- 调解期限预警: a dispute's light as the lights' scan last turned it, and when to look at it next (as for cases)
ALTER TABLE "disputes" ADD COLUMN "light" text DEFAULT 'green' NOT NULL;--> statement-breakpoint
ALTER TABLE "disputes" ADD COLUMN "light_next_check_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "disputes_light_check_idx" ON "disputes" USING btree ("light_next_check_at") WHERE "light_next_check_at" is not null;--> statement-breakpoint
-- a notification about a dispute (its deadline) opens the dispute
ALTER TABLE "notifications" ADD COLUMN "dispute_id" integer REFERENCES "disputes"("id");--> statement-breakpoint
-- disputes already under a running limit are looked at on the scan's first run
UPDATE "disputes" SET "light_next_check_at" = now()
  WHERE "deadline" IS NOT NULL AND "state" IN ('accepted', 'awaiting_consent', 'mediating', 'escalated');
