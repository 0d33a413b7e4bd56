-- 升级: an alert nobody acknowledges within its rule's escalation window goes a level up (grid worker →
-- community → command centre), one level per window, recorded on its timeline
ALTER TABLE "iot_rules" ADD COLUMN "escalate_minutes" integer;--> statement-breakpoint
ALTER TABLE "iot_alerts" ADD COLUMN "escalation_level" text DEFAULT 'grid' NOT NULL;--> statement-breakpoint
ALTER TABLE "iot_alerts" ADD COLUMN "escalated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "iot_alerts" ADD CONSTRAINT "iot_alerts_escalation_level_check" CHECK ("iot_alerts"."escalation_level" in ('grid', 'community', 'centre'));--> statement-breakpoint
CREATE INDEX "iot_alerts_unacknowledged_idx" ON "iot_alerts" USING btree ("created_at") WHERE "iot_alerts"."state" = 'raised' and "iot_alerts"."escalation_level" <> 'centre';
--> statement-breakpoint
-- 规则适用范围: besides the general rule of a device type and alert type, rules for one estate and/or a time of
-- day (Beijing HH:MM, end exclusive, wrapping midnight when the end comes first); the most specific applies
ALTER TABLE "iot_rules" ADD COLUMN "estate_id" integer;--> statement-breakpoint
ALTER TABLE "iot_rules" ADD COLUMN "active_from" text;--> statement-breakpoint
ALTER TABLE "iot_rules" ADD COLUMN "active_to" text;--> statement-breakpoint
ALTER TABLE "iot_rules" ADD CONSTRAINT "iot_rules_estate_id_iot_estates_id_fk" FOREIGN KEY ("estate_id") REFERENCES "public"."iot_estates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "iot_rules" ADD CONSTRAINT "iot_rules_window_check" CHECK (("iot_rules"."active_from" is null) = ("iot_rules"."active_to" is null) and ("iot_rules"."active_from" is null or "iot_rules"."active_from" <> "iot_rules"."active_to"));--> statement-breakpoint
DROP INDEX "iot_rules_types_key";--> statement-breakpoint
CREATE UNIQUE INDEX "iot_rules_scope_key" ON "iot_rules" USING btree ("device_type","alert_type",coalesce("estate_id", 0),coalesce("active_from", ''),coalesce("active_to", ''));
