-- 升级: an alert nobody acknowledges within its rule's escalation window goes a level up (grid worker →
-- community → command centre), one level per window, recorded on its timeline
ALTER TABLE "iot_rules" ADD COLUMN "escalate_minutes" integer;--> statement-breakpoint
ALTER TABLE "iot_alerts" ADD COLUMN "escalation_level" text DEFAULT 'grid' NOT NULL;--> statement-breakpoint
ALTER TABLE "iot_alerts" ADD COLUMN "escalated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "iot_alerts" ADD CONSTRAINT "iot_alerts_escalation_level_check" CHECK ("iot_alerts"."escalation_level" in ('grid', 'community', 'centre'));--> statement-breakpoint
CREATE INDEX "iot_alerts_unacknowledged_idx" ON "iot_alerts" USING btree ("created_at") WHERE "iot_alerts"."state" = 'raised' and "iot_alerts"."escalation_level" <> 'centre';
