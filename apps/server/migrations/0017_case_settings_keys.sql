-- The auto-dispatch threshold (智能派单阈值) is a rule of the case spine, read with the case settings: it moves
-- from the intelligence key it was first stored under to the cases' own. A database where both exist keeps the
-- cases' value.
UPDATE "settings" SET "key" = 'cases.auto_dispatch_threshold'
WHERE "key" = 'intelligence.auto_dispatch_threshold'
	AND NOT EXISTS (SELECT 1 FROM "settings" WHERE "key" = 'cases.auto_dispatch_threshold');
--> statement-breakpoint
DELETE FROM "settings" WHERE "key" = 'intelligence.auto_dispatch_threshold';
