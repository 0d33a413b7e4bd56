-- 商户账号所属组织: the org merchants' staff accounts belong to, under the city, on every installation (it was
-- made by the demo seed alone, so approving a merchant failed on a real city's database). The demo's own
-- `merchant.demo` becomes it, keeping its accounts; a database without it gets it under its city, if it has one
-- yet (a new installation gets it at its first start).
UPDATE "orgs" SET "code" = 'market.merchants', "name" = '便民服务商户' WHERE "code" = 'merchant.demo' AND NOT EXISTS (SELECT 1 FROM "orgs" WHERE "code" = 'market.merchants');--> statement-breakpoint
INSERT INTO "orgs" ("code", "name", "kind", "parent_id") SELECT 'market.merchants', '便民服务商户', 'unit', "id" FROM "orgs" WHERE "parent_id" IS NULL AND "kind" = 'city' ORDER BY "id" LIMIT 1 ON CONFLICT ("code") DO NOTHING;--> statement-breakpoint
-- 完工照片: the photo of the finished work a merchant may add on completion, in the attachment store
ALTER TABLE "market_orders" ADD COLUMN "completion_photo_sha256" text;--> statement-breakpoint
ALTER TABLE "market_orders" ADD COLUMN "completion_photo_mime" text;--> statement-breakpoint
ALTER TABLE "market_orders" ADD COLUMN "completion_photo_size" integer;
