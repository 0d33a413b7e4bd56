-- The materialised path of an org is kept by the database itself, so no code path can forget it:
-- on insert or on a change of parent the row takes its parent's path plus its own id, and a move carries
-- the whole subtree along.
CREATE FUNCTION orgs_set_path() RETURNS trigger AS $$
BEGIN
  IF NEW.parent_id IS NULL THEN
    NEW.path := '/' || NEW.id || '/';
    NEW.depth := 0;
  ELSE
    SELECT p.path || NEW.id || '/', p.depth + 1 INTO NEW.path, NEW.depth FROM orgs p WHERE p.id = NEW.parent_id;
  END IF;
  RETURN NEW;
END
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER orgs_set_path BEFORE INSERT OR UPDATE OF parent_id ON orgs
  FOR EACH ROW EXECUTE FUNCTION orgs_set_path();
--> statement-breakpoint
CREATE FUNCTION orgs_move_subtree() RETURNS trigger AS $$
BEGIN
  UPDATE orgs
     SET path = NEW.path || substr(path, length(OLD.path) + 1),
         depth = depth + (NEW.depth - OLD.depth)
   WHERE path LIKE OLD.path || '%' AND id <> NEW.id;
  RETURN NULL;
END
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER orgs_move_subtree AFTER UPDATE OF parent_id ON orgs
  FOR EACH ROW WHEN (OLD.path IS DISTINCT FROM NEW.path) EXECUTE FUNCTION orgs_move_subtree();
