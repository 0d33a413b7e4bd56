-- Wakes the outbox consumers at once: every statement that adds outbox rows sends one NOTIFY on
-- `shanzhi_outbox`, delivered when its transaction commits (and never when it rolls back). Consumers still
-- poll, so a missed wake-up only delays the rows by one poll interval.
CREATE OR REPLACE FUNCTION outbox_wake() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('shanzhi_outbox', '');
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER outbox_wake AFTER INSERT ON outbox FOR EACH STATEMENT EXECUTE FUNCTION outbox_wake();
