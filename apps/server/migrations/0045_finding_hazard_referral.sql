-- 转安全隐患: a grid worker's finding referred as a hazard of an enterprise; the hazard names the finding it came
-- from (one hazard per finding), and the finding follows it until it is closed
ALTER TABLE "hazards" ADD COLUMN "grid_finding_id" integer;--> statement-breakpoint
ALTER TABLE "hazards" ADD CONSTRAINT "hazards_grid_finding_id_grid_findings_id_fk" FOREIGN KEY ("grid_finding_id") REFERENCES "public"."grid_findings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "hazards_grid_finding_key" ON "hazards" USING btree ("grid_finding_id");--> statement-breakpoint
-- the grid workers' grant on a database that has seen their permissions before (a new one's come at start)
INSERT INTO "role_permissions" ("role", "permission") VALUES ('grid_worker', 'grid_finding.refer_hazard') ON CONFLICT DO NOTHING;
