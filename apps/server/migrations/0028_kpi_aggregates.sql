-- 考核 at scale (issue 15, part 3): counters per Beijing day × org × dimension, kept by triggers in the
-- transaction that changes a case, so that the measures read a few thousand rows instead of the cases.
--
-- A case counts in the subtree of every org `caseInSubtree` finds it under: the roots (a whole-tree query
-- takes every case), and every org whose path is a prefix of the case's area path, of its owner's, of its
-- first receiver's or of one of its handling units' path — grids and communities excepted (a few cases a
-- day each: the reader counts those from the cases, and counters there would be a row per case). Its counters are added to each of those orgs, so
-- the counters of one org summed over days are what the raw query over its subtree answers.
--
-- Each count of KpiCounts is a condition on one timestamp of the case (its day), except 应办结, which counts
-- a case whose deadline fell in the window (and has passed) or that was closed in the window. That union is
-- counted as closed + deadline − both: `kpi_due_spans` keeps the closed cases by (closed day, deadline day),
-- so "both in the window" is a range over the pairs. Deadlines of the current day that have passed are not
-- in the day counters' reach (they depend on `now`): the reader takes those from the cases themselves.
--
-- Dimensions (`dim`, `dim_id`, 0 for none): `category` (first-level category: the totals sum over it),
-- `lead_unit`, `district`, `town` (the rankings).
CREATE TABLE "kpi_day_counts" (
	"org_id" integer NOT NULL,
	"dim" text NOT NULL,
	"day" date NOT NULL,
	"dim_id" integer NOT NULL,
	"total" integer DEFAULT 0 NOT NULL,
	"duplicates" integer DEFAULT 0 NOT NULL,
	"dispatched" integer DEFAULT 0 NOT NULL,
	"accepted" integer DEFAULT 0 NOT NULL,
	"accepted_on_time" integer DEFAULT 0 NOT NULL,
	"returned" integer DEFAULT 0 NOT NULL,
	"extended" integer DEFAULT 0 NOT NULL,
	"replied" integer DEFAULT 0 NOT NULL,
	"reworked" integer DEFAULT 0 NOT NULL,
	"due_for_callback" integer DEFAULT 0 NOT NULL,
	"callbacks" integer DEFAULT 0 NOT NULL,
	"valid_callbacks" integer DEFAULT 0 NOT NULL,
	"contacted" integer DEFAULT 0 NOT NULL,
	"solved" integer DEFAULT 0 NOT NULL,
	"satisfied" integer DEFAULT 0 NOT NULL,
	"basically_satisfied" integer DEFAULT 0 NOT NULL,
	"closed_due" integer DEFAULT 0 NOT NULL,
	"closed_due_on_time" integer DEFAULT 0 NOT NULL,
	"deadline_due" integer DEFAULT 0 NOT NULL,
	"deadline_closed" integer DEFAULT 0 NOT NULL,
	"deadline_on_time" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "kpi_day_counts_pk" PRIMARY KEY("org_id","dim","day","dim_id"),
	CONSTRAINT "kpi_day_counts_dim_check" CHECK ("kpi_day_counts"."dim" in ('category', 'lead_unit', 'district', 'town'))
);
--> statement-breakpoint
CREATE TABLE "kpi_due_spans" (
	"org_id" integer NOT NULL,
	"dim" text NOT NULL,
	"closed_day" date NOT NULL,
	"deadline_day" date NOT NULL,
	"dim_id" integer NOT NULL,
	"cases" integer DEFAULT 0 NOT NULL,
	"on_time" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "kpi_due_spans_pk" PRIMARY KEY("org_id","dim","closed_day","deadline_day","dim_id"),
	CONSTRAINT "kpi_due_spans_dim_check" CHECK ("kpi_due_spans"."dim" in ('category', 'lead_unit', 'district', 'town'))
);
--> statement-breakpoint
-- the Beijing day of an instant (UTC+8, as `beijingMidnightOfDate`)
CREATE FUNCTION kpi_day(t timestamptz) RETURNS date LANGUAGE sql IMMUTABLE AS $$
  SELECT ((t AT TIME ZONE 'UTC') + interval '8 hours')::date
$$;
--> statement-breakpoint
-- the first-level category of a catalog category
CREATE FUNCTION kpi_top_category(category integer) RETURNS integer LANGUAGE plpgsql STABLE AS $$
BEGIN
  RETURN (WITH RECURSIVE up AS (
    SELECT id, parent_id FROM catalog_categories WHERE id = category
    UNION ALL
    SELECT k.id, k.parent_id FROM catalog_categories k JOIN up ON k.id = up.parent_id
  )
  SELECT id FROM up WHERE parent_id IS NULL);
END;
$$;
--> statement-breakpoint
-- the orgs whose subtree holds a case (`caseInSubtree`), from its area path, owner, first receiver and handling
-- units; grids and communities are left out: their few cases are read from the cases themselves
CREATE FUNCTION kpi_case_orgs(area_path text, current_org integer, first_receiver integer, handler_orgs integer[])
RETURNS integer[] LANGUAGE plpgsql STABLE AS $$
BEGIN
  RETURN (WITH paths AS (
    SELECT area_path AS p WHERE area_path IS NOT NULL
    UNION ALL
    SELECT x.path FROM orgs x WHERE x.id = ANY (ARRAY[current_org, first_receiver] || handler_orgs)
  )
  SELECT coalesce(array_agg(o.id ORDER BY o.id), '{}') FROM orgs o
  WHERE o.kind NOT IN ('grid', 'community')
    AND (o.parent_id IS NULL
         OR (o.id IN (SELECT s::integer FROM paths, unnest(string_to_array(trim(BOTH '/' FROM p), '/')) AS s
                      WHERE s ~ '^[0-9]+$')
             AND EXISTS (SELECT 1 FROM paths WHERE starts_with(paths.p, o.path)))));
END;
$$;
--> statement-breakpoint
-- the handling units of a case as they stand
CREATE FUNCTION kpi_case_handlers(of_case integer) RETURNS integer[] LANGUAGE sql STABLE AS $$
  SELECT coalesce(array_agg(h.org_id ORDER BY h.org_id), '{}') FROM case_handlers h WHERE h.case_id = of_case
$$;
--> statement-breakpoint
CREATE FUNCTION kpi_orgs_of(c cases, handler_orgs integer[]) RETURNS integer[] LANGUAGE sql STABLE AS $$
  SELECT kpi_case_orgs(c.area_path, c.current_org_id, c.first_receiver_org_id, handler_orgs)
$$;
--> statement-breakpoint
-- the dimension values of a case, given its first-level category
CREATE FUNCTION kpi_case_dims(c cases, top_category integer) RETURNS TABLE ("dim" text, "dim_id" integer)
LANGUAGE sql IMMUTABLE AS $$
  VALUES ('category', coalesce(top_category, 0)),
         ('lead_unit', coalesce(c.lead_unit_id, 0)),
         ('district', coalesce(c.district_id, 0)),
         ('town', coalesce(c.town_id, 0))
$$;
--> statement-breakpoint
-- what one case adds to the day counters: a row per timestamp that counts (the conditions of countConditions)
CREATE FUNCTION kpi_case_events(c cases) RETURNS TABLE ("day" date, "total" integer, "duplicates" integer, "dispatched" integer, "accepted" integer, "accepted_on_time" integer, "returned" integer, "extended" integer, "replied" integer, "reworked" integer, "due_for_callback" integer, "callbacks" integer, "valid_callbacks" integer, "contacted" integer, "solved" integer, "satisfied" integer, "basically_satisfied" integer, "closed_due" integer, "closed_due_on_time" integer, "deadline_due" integer, "deadline_closed" integer, "deadline_on_time" integer)
LANGUAGE sql IMMUTABLE AS $$
  SELECT kpi_day(c.created_at), 1, coalesce(c.master_case_id IS NOT NULL, false)::int, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
  WHERE c.created_at IS NOT NULL AND c.state <> 'invalidated'
  UNION ALL
  SELECT kpi_day(c.dispatched_at), 0, 0, 1, coalesce(c.accepted_at IS NOT NULL, false)::int, coalesce(c.accepted_at <= coalesce(c.accept_deadline, 'infinity'::timestamptz), false)::int, coalesce(c.returns > 0, false)::int, coalesce(c.accepted_at IS NOT NULL AND c.extension_status = 'approved', false)::int, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
  WHERE c.dispatched_at IS NOT NULL AND c.state NOT IN ('invalidated', 'merged', 'transferred_110')
  UNION ALL
  SELECT kpi_day(c.replied_at), 0, 0, 0, 0, 0, 0, 0, 1, coalesce(c.reworks > 0, false)::int, coalesce((c.state IN ('reviewed', 'called_back', 'closed') OR coalesce(c.called_back_at >= c.replied_at, false)), false)::int, coalesce(c.called_back_at >= c.replied_at, false)::int, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
  WHERE c.replied_at IS NOT NULL AND c.state NOT IN ('invalidated', 'merged', 'transferred_110')
  UNION ALL
  SELECT kpi_day(c.called_back_at), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, coalesce(c.callback_contacted, false)::int, coalesce(c.callback_solved, false)::int, coalesce(c.satisfaction = 'satisfied', false)::int, coalesce(c.satisfaction = 'basically_satisfied', false)::int, 0, 0, 0, 0, 0
  WHERE c.called_back_at IS NOT NULL AND c.state NOT IN ('invalidated', 'merged', 'transferred_110') AND coalesce(c.callback_reached, false) AND c.callback_contacted IS NOT NULL
      AND c.callback_solved IS NOT NULL AND c.satisfaction IS NOT NULL
  UNION ALL
  SELECT kpi_day(c.closed_at), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, coalesce((c.closed_at IS NOT NULL AND coalesce(c.replied_at, c.closed_at) <= coalesce(c.resolve_deadline, 'infinity'::timestamptz)), false)::int, 0, 0, 0
  WHERE c.closed_at IS NOT NULL AND c.state NOT IN ('invalidated', 'merged', 'transferred_110')
  UNION ALL
  SELECT kpi_day(c.resolve_deadline), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, coalesce(c.closed_at IS NOT NULL, false)::int, coalesce((c.closed_at IS NOT NULL AND coalesce(c.replied_at, c.closed_at) <= coalesce(c.resolve_deadline, 'infinity'::timestamptz)), false)::int
  WHERE c.resolve_deadline IS NOT NULL AND c.state NOT IN ('invalidated', 'merged', 'transferred_110')
$$;
--> statement-breakpoint
-- what one case adds to the due spans: a closed case with a deadline, by (closed day, deadline day)
CREATE FUNCTION kpi_case_span(c cases) RETURNS TABLE ("closed_day" date, "deadline_day" date, "cases" integer, "on_time" integer)
LANGUAGE sql IMMUTABLE AS $$
  SELECT kpi_day(c.closed_at), kpi_day(c.resolve_deadline), 1, coalesce((c.closed_at IS NOT NULL AND coalesce(c.replied_at, c.closed_at) <= coalesce(c.resolve_deadline, 'infinity'::timestamptz)), false)::int
  WHERE c.closed_at IS NOT NULL AND c.resolve_deadline IS NOT NULL AND c.state NOT IN ('invalidated', 'merged', 'transferred_110')
$$;
--> statement-breakpoint
-- moves the counters from a case as it was (`o` under the orgs `om`) to the case as it is (`n` under `nm`);
-- either side may be absent (null id): an insert, a delete. Rows that cancel out are not written.
-- PL/pgSQL, as the functions the triggers call, so that their plans are kept from one call to the next.
CREATE FUNCTION kpi_apply(o cases, om integer[], n cases, nm integer[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO kpi_day_counts AS k ("org_id", "dim", "day", "dim_id", "total", "duplicates", "dispatched", "accepted", "accepted_on_time", "returned", "extended", "replied", "reworked", "due_for_callback", "callbacks", "valid_callbacks", "contacted", "solved", "satisfied", "basically_satisfied", "closed_due", "closed_due_on_time", "deadline_due", "deadline_closed", "deadline_on_time")
  SELECT m.org_id, d.dim, e.day, d.dim_id, sum(s.sign * e."total"), sum(s.sign * e."duplicates"), sum(s.sign * e."dispatched"), sum(s.sign * e."accepted"), sum(s.sign * e."accepted_on_time"), sum(s.sign * e."returned"), sum(s.sign * e."extended"), sum(s.sign * e."replied"), sum(s.sign * e."reworked"), sum(s.sign * e."due_for_callback"), sum(s.sign * e."callbacks"), sum(s.sign * e."valid_callbacks"), sum(s.sign * e."contacted"), sum(s.sign * e."solved"), sum(s.sign * e."satisfied"), sum(s.sign * e."basically_satisfied"), sum(s.sign * e."closed_due"), sum(s.sign * e."closed_due_on_time"), sum(s.sign * e."deadline_due"), sum(s.sign * e."deadline_closed"), sum(s.sign * e."deadline_on_time")
  FROM (SELECT -1 AS sign, o AS c, om AS orgs WHERE (o).id IS NOT NULL
        UNION ALL SELECT 1, n, nm WHERE (n).id IS NOT NULL) s
  CROSS JOIN LATERAL unnest(s.orgs) AS m(org_id)
  CROSS JOIN LATERAL kpi_case_dims(s.c, kpi_top_category((s.c).category_id)) AS d
  CROSS JOIN LATERAL kpi_case_events(s.c) AS e
  GROUP BY m.org_id, d.dim, e.day, d.dim_id
  HAVING sum(s.sign * e."total") <> 0
      OR sum(s.sign * e."duplicates") <> 0
      OR sum(s.sign * e."dispatched") <> 0
      OR sum(s.sign * e."accepted") <> 0
      OR sum(s.sign * e."accepted_on_time") <> 0
      OR sum(s.sign * e."returned") <> 0
      OR sum(s.sign * e."extended") <> 0
      OR sum(s.sign * e."replied") <> 0
      OR sum(s.sign * e."reworked") <> 0
      OR sum(s.sign * e."due_for_callback") <> 0
      OR sum(s.sign * e."callbacks") <> 0
      OR sum(s.sign * e."valid_callbacks") <> 0
      OR sum(s.sign * e."contacted") <> 0
      OR sum(s.sign * e."solved") <> 0
      OR sum(s.sign * e."satisfied") <> 0
      OR sum(s.sign * e."basically_satisfied") <> 0
      OR sum(s.sign * e."closed_due") <> 0
      OR sum(s.sign * e."closed_due_on_time") <> 0
      OR sum(s.sign * e."deadline_due") <> 0
      OR sum(s.sign * e."deadline_closed") <> 0
      OR sum(s.sign * e."deadline_on_time") <> 0
  ON CONFLICT ("org_id", "dim", "day", "dim_id") DO UPDATE SET
    "total" = k."total" + excluded."total",
    "duplicates" = k."duplicates" + excluded."duplicates",
    "dispatched" = k."dispatched" + excluded."dispatched",
    "accepted" = k."accepted" + excluded."accepted",
    "accepted_on_time" = k."accepted_on_time" + excluded."accepted_on_time",
    "returned" = k."returned" + excluded."returned",
    "extended" = k."extended" + excluded."extended",
    "replied" = k."replied" + excluded."replied",
    "reworked" = k."reworked" + excluded."reworked",
    "due_for_callback" = k."due_for_callback" + excluded."due_for_callback",
    "callbacks" = k."callbacks" + excluded."callbacks",
    "valid_callbacks" = k."valid_callbacks" + excluded."valid_callbacks",
    "contacted" = k."contacted" + excluded."contacted",
    "solved" = k."solved" + excluded."solved",
    "satisfied" = k."satisfied" + excluded."satisfied",
    "basically_satisfied" = k."basically_satisfied" + excluded."basically_satisfied",
    "closed_due" = k."closed_due" + excluded."closed_due",
    "closed_due_on_time" = k."closed_due_on_time" + excluded."closed_due_on_time",
    "deadline_due" = k."deadline_due" + excluded."deadline_due",
    "deadline_closed" = k."deadline_closed" + excluded."deadline_closed",
    "deadline_on_time" = k."deadline_on_time" + excluded."deadline_on_time";
  INSERT INTO kpi_due_spans AS k ("org_id", "dim", "closed_day", "deadline_day", "dim_id", "cases", "on_time")
  SELECT m.org_id, d.dim, e.closed_day, e.deadline_day, d.dim_id, sum(s.sign * e.cases), sum(s.sign * e.on_time)
  FROM (SELECT -1 AS sign, o AS c, om AS orgs WHERE (o).id IS NOT NULL
        UNION ALL SELECT 1, n, nm WHERE (n).id IS NOT NULL) s
  CROSS JOIN LATERAL unnest(s.orgs) AS m(org_id)
  CROSS JOIN LATERAL kpi_case_dims(s.c, kpi_top_category((s.c).category_id)) AS d
  CROSS JOIN LATERAL kpi_case_span(s.c) AS e
  GROUP BY m.org_id, d.dim, e.closed_day, e.deadline_day, d.dim_id
  HAVING sum(s.sign * e.cases) <> 0 OR sum(s.sign * e.on_time) <> 0
  ON CONFLICT ("org_id", "dim", "closed_day", "deadline_day", "dim_id") DO UPDATE SET
    "cases" = k."cases" + excluded."cases", "on_time" = k."on_time" + excluded."on_time";
END;
$$;
--> statement-breakpoint
-- a case written: its counters follow. `SET LOCAL shanzhi.kpi_aggregates = 'off'` skips it for a bulk load
-- that calls kpi_rebuild() after, in the same transaction.
CREATE FUNCTION kpi_cases_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  handlers integer[];
BEGIN
  IF current_setting('shanzhi.kpi_aggregates', true) = 'off' THEN RETURN NULL; END IF;
  IF TG_OP = 'INSERT' THEN
    PERFORM kpi_apply(NULL, NULL, NEW, kpi_orgs_of(NEW, kpi_case_handlers(NEW.id)));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM kpi_apply(OLD, kpi_orgs_of(OLD, kpi_case_handlers(OLD.id)), NULL, NULL);
  ELSE
    handlers := kpi_case_handlers(NEW.id);
    PERFORM kpi_apply(OLD, kpi_orgs_of(OLD, handlers), NEW, kpi_orgs_of(NEW, handlers));
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER kpi_cases_changed AFTER INSERT OR DELETE OR UPDATE ON cases
  FOR EACH ROW EXECUTE FUNCTION kpi_cases_changed();
--> statement-breakpoint
-- a handling unit added, removed or changed: the orgs the case counts under may change
CREATE FUNCTION kpi_case_handlers_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  c cases;
  now_orgs integer[];
  was_orgs integer[];
BEGIN
  IF current_setting('shanzhi.kpi_aggregates', true) = 'off' THEN RETURN NULL; END IF;
  SELECT * INTO c FROM cases WHERE id = coalesce(NEW.case_id, OLD.case_id);
  IF c.id IS NULL THEN RETURN NULL; END IF;
  now_orgs := kpi_case_handlers(c.id);
  was_orgs := now_orgs;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN was_orgs := array_remove(was_orgs, NEW.org_id); END IF;
  IF TG_OP IN ('DELETE', 'UPDATE') THEN was_orgs := was_orgs || OLD.org_id; END IF;
  was_orgs := kpi_orgs_of(c, was_orgs);
  now_orgs := kpi_orgs_of(c, now_orgs);
  IF was_orgs IS DISTINCT FROM now_orgs THEN PERFORM kpi_apply(c, was_orgs, c, now_orgs); END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER kpi_case_handlers_changed AFTER INSERT OR DELETE OR UPDATE ON case_handlers
  FOR EACH ROW EXECUTE FUNCTION kpi_case_handlers_changed();
--> statement-breakpoint
-- recounts every counter from the cases (the backfill; idempotent): `shanzhi kpis rebuild`
CREATE FUNCTION kpi_rebuild() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  LOCK TABLE kpi_day_counts, kpi_due_spans IN ACCESS EXCLUSIVE MODE;
  DELETE FROM kpi_day_counts;
  DELETE FROM kpi_due_spans;
  -- each case with what decides its orgs (the orgs computed once per distinct combination) and its category
  CREATE TEMPORARY TABLE kpi_rebuild_cases ON COMMIT DROP AS
    SELECT c.id, coalesce(c.area_path, '') AS area_path, c.current_org_id, coalesce(c.first_receiver_org_id, 0) AS first_receiver,
           coalesce(h.orgs, '{}') AS handlers, kpi_top_category(c.category_id) AS top_category
    FROM cases c
    LEFT JOIN (SELECT case_id, array_agg(org_id ORDER BY org_id) AS orgs FROM case_handlers GROUP BY case_id) h
      ON h.case_id = c.id;
  CREATE TEMPORARY TABLE kpi_rebuild_orgs ON COMMIT DROP AS
    SELECT s.*, kpi_case_orgs(nullif(s.area_path, ''), s.current_org_id, nullif(s.first_receiver, 0), s.handlers) AS orgs
    FROM (SELECT DISTINCT area_path, current_org_id, first_receiver, handlers FROM kpi_rebuild_cases) s;
  INSERT INTO kpi_day_counts ("org_id", "dim", "day", "dim_id", "total", "duplicates", "dispatched", "accepted", "accepted_on_time", "returned", "extended", "replied", "reworked", "due_for_callback", "callbacks", "valid_callbacks", "contacted", "solved", "satisfied", "basically_satisfied", "closed_due", "closed_due_on_time", "deadline_due", "deadline_closed", "deadline_on_time")
  SELECT m.org_id, d.dim, e.day, d.dim_id, sum(e."total"), sum(e."duplicates"), sum(e."dispatched"), sum(e."accepted"), sum(e."accepted_on_time"), sum(e."returned"), sum(e."extended"), sum(e."replied"), sum(e."reworked"), sum(e."due_for_callback"), sum(e."callbacks"), sum(e."valid_callbacks"), sum(e."contacted"), sum(e."solved"), sum(e."satisfied"), sum(e."basically_satisfied"), sum(e."closed_due"), sum(e."closed_due_on_time"), sum(e."deadline_due"), sum(e."deadline_closed"), sum(e."deadline_on_time")
  FROM kpi_rebuild_cases r
  JOIN kpi_rebuild_orgs o USING (area_path, current_org_id, first_receiver, handlers)
  JOIN cases c ON c.id = r.id
  CROSS JOIN LATERAL unnest(o.orgs) AS m(org_id)
  CROSS JOIN LATERAL kpi_case_dims(c, r.top_category) AS d
  CROSS JOIN LATERAL kpi_case_events(c) AS e
  GROUP BY m.org_id, d.dim, e.day, d.dim_id;
  INSERT INTO kpi_due_spans ("org_id", "dim", "closed_day", "deadline_day", "dim_id", "cases", "on_time")
  SELECT m.org_id, d.dim, e.closed_day, e.deadline_day, d.dim_id, sum(e.cases), sum(e.on_time)
  FROM kpi_rebuild_cases r
  JOIN kpi_rebuild_orgs o USING (area_path, current_org_id, first_receiver, handlers)
  JOIN cases c ON c.id = r.id
  CROSS JOIN LATERAL unnest(o.orgs) AS m(org_id)
  CROSS JOIN LATERAL kpi_case_dims(c, r.top_category) AS d
  CROSS JOIN LATERAL kpi_case_span(c) AS e
  GROUP BY m.org_id, d.dim, e.closed_day, e.deadline_day, d.dim_id;
  DROP TABLE kpi_rebuild_orgs;
  DROP TABLE kpi_rebuild_cases;
END;
$$;
--> statement-breakpoint
SELECT kpi_rebuild();
