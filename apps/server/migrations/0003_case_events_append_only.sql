-- 一事一档: the timeline of a case is append-only. Whatever the code does, the database itself refuses to
-- change or remove an event; corrections are new events. (The hash chain then shows any change made by
-- someone who disabled this trigger.)
CREATE FUNCTION case_events_refuse_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'case_events is append-only: % refused', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER case_events_append_only
  BEFORE UPDATE OR DELETE ON case_events
  FOR EACH ROW EXECUTE FUNCTION case_events_refuse_change();
--> statement-breakpoint
CREATE TRIGGER case_events_no_truncate
  BEFORE TRUNCATE ON case_events
  FOR EACH STATEMENT EXECUTE FUNCTION case_events_refuse_change();
