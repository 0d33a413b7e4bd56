-- 119联动: a case the fire service is brought in on (the emergencies of the smart-safe estates: fire, smoke, an
-- e-bike in a lift), beside the 110 flag (police_matter)
ALTER TABLE "cases" ADD COLUMN "fire_linkage" boolean DEFAULT false NOT NULL;
