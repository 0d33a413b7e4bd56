-- 调解室访问码: a party's 6-digit code is kept only as a keyed hash (HMAC-SHA256 under a key derived from
-- SHANZHI_DATA_KEY, bound to the party), never in clear: a copy of the database gives no code, and without the
-- key the million possible codes cannot be tried against it. Codes issued before are dropped with the plain
-- column; the mediator issues fresh ones.
ALTER TABLE "dispute_parties" DROP COLUMN "room_code";
--> statement-breakpoint
ALTER TABLE "dispute_parties" ADD COLUMN "room_code_hash" text;
--> statement-breakpoint
UPDATE "dispute_parties" SET "room_code_expires_at" = NULL;
