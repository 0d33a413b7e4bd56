-- 商户入驻与审核: the applicant's contact person and price list (per item, one price or a range, in yuan), and
-- the version a review action checks; statuses gain `removed` (清退, for cause)
ALTER TABLE "market_merchants" ADD COLUMN "contact_name" text;--> statement-breakpoint
ALTER TABLE "market_merchants" ADD COLUMN "prices" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "market_merchants" ADD COLUMN "version" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX "market_merchants_status_idx" ON "market_merchants" USING btree ("status","created_at");
