-- 一事一档, keyed: event hashes become HMAC-SHA256 under a key kept in the server's environment (never in the
-- database), and each case carries the head and length of its chain, so that a rewritten, recomputed or
-- truncated timeline no longer verifies. Events written before this migration were hashed with plain
-- SHA-256: each case keeps how many leading events are such (chain_legacy_events); the server seals that
-- count and the legacy head with its key at its next start (chain_legacy_seal), so that the count cannot be
-- raised later to pass keyed events off as plain ones. A fresh install has no legacy events.
ALTER TABLE "cases" ADD COLUMN "chain_head" text;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "event_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "chain_legacy_events" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "chain_legacy_seal" text;--> statement-breakpoint
UPDATE "cases" AS c
   SET "chain_head" = e.head, "event_count" = e.n, "chain_legacy_events" = e.n
  FROM (SELECT "case_id", count(*)::int AS n, (array_agg("hash" ORDER BY "seq" DESC))[1] AS head
          FROM "case_events" GROUP BY "case_id") AS e
 WHERE c."id" = e."case_id";
