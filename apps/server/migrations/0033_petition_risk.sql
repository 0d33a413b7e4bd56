-- 风险预警: a petition flagged for a risk of escalation to an extreme act (民转刑、极端事件苗头), with its kind and
-- reason; the flag and its lifting are recorded on the petition's chained timeline
ALTER TABLE "petitions" ADD COLUMN "risk_flagged_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "petitions" ADD COLUMN "risk_kind" text;--> statement-breakpoint
ALTER TABLE "petitions" ADD COLUMN "risk_reason" text;--> statement-breakpoint
CREATE INDEX "petitions_risk_idx" ON "petitions" USING btree ("risk_flagged_at" DESC) WHERE "risk_flagged_at" IS NOT NULL;
