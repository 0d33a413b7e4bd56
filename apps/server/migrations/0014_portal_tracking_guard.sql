ALTER TABLE "login_throttles" RENAME TO "throttles";--> statement-breakpoint
ALTER TABLE "throttles" RENAME CONSTRAINT "login_throttles_scope_key_pk" TO "throttles_scope_key_pk";--> statement-breakpoint
ALTER INDEX "login_throttles_window_idx" RENAME TO "throttles_window_idx";--> statement-breakpoint
ALTER TABLE "throttles" ADD COLUMN "locked_until" timestamp with time zone;--> statement-breakpoint
UPDATE "throttles" SET "scope" = 'login.' || "scope" WHERE "scope" IN ('address', 'account');--> statement-breakpoint
CREATE TABLE "portal_captchas" (
	"id" text PRIMARY KEY NOT NULL,
	"answer_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "portal_captchas_expires_idx" ON "portal_captchas" USING btree ("expires_at");
