-- Rights withdrawn from roles' defaults (README "Demo accounts", DOMAIN.md §1): the mediator reads no cases, and
-- 直接办结 is the 12345 agent's alone. Starting the server grants only permissions a database has never seen,
-- so grants written by earlier releases are taken back here, once, and audited like an administrator's change.
WITH "withdrawn" AS (
	DELETE FROM "role_permissions"
	WHERE ("role", "permission") IN (('mediator', 'case.read'), ('grid_worker', 'case.resolve_on_call'))
	RETURNING "role", "permission"
)
INSERT INTO "audit_log" ("action", "target_type", "target_id", "detail")
SELECT 'role.permissions_changed', 'role', g."role", jsonb_build_object(
	'from', jsonb_agg(g."permission" ORDER BY g."permission"),
	'to', coalesce(jsonb_agg(g."permission" ORDER BY g."permission") FILTER (WHERE w."permission" IS NULL), '[]'::jsonb),
	'by', 'migration 0013_role_rights'
)
FROM "role_permissions" g
LEFT JOIN "withdrawn" w ON w."role" = g."role" AND w."permission" = g."permission"
WHERE g."role" IN (SELECT "role" FROM "withdrawn")
GROUP BY g."role";
