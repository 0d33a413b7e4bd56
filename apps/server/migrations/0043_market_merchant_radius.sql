-- 服务半径: a merchant may also cover the orders within `radius_km` of its base point (GCJ-02, as orders' points)
ALTER TABLE "market_merchants" ADD COLUMN "base_longitude" double precision;--> statement-breakpoint
ALTER TABLE "market_merchants" ADD COLUMN "base_latitude" double precision;--> statement-breakpoint
ALTER TABLE "market_merchants" ADD COLUMN "radius_km" double precision;
