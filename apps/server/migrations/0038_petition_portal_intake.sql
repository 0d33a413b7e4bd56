-- 网上信访: a citizen's petition from the portal waits at its agency point without an agent (待认领) until one takes
-- it; the scan of a signed 委托代办书 is kept beside the entrustment (content in the attachment store)
ALTER TABLE "petitions" ALTER COLUMN "agent_user_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "petitions" ALTER COLUMN "agent_name" DROP NOT NULL;--> statement-breakpoint
CREATE INDEX "petitions_unclaimed_idx" ON "petitions" USING btree ("created_at" DESC) WHERE "agent_user_id" IS NULL;--> statement-breakpoint
ALTER TABLE "petition_entrustments" ADD COLUMN "signed_sha256" text;--> statement-breakpoint
ALTER TABLE "petition_entrustments" ADD COLUMN "signed_mime" text;--> statement-breakpoint
ALTER TABLE "petition_entrustments" ADD COLUMN "signed_size" integer;--> statement-breakpoint
ALTER TABLE "petition_entrustments" ADD COLUMN "signed_at" timestamp with time zone;
