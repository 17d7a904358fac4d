-- What autovacuum does for statistics, for the embedded database, which has none (server/db/table-statistics.ts):
-- ANALYZE the table changed most among those changed by more than autovacuum_analyze_threshold (50)
-- rows plus autovacuum_analyze_scale_factor (0.1) of its rows since last analyzed; its name, or null
-- when there is none. One table a call: the embedded database serves other queries in between.
CREATE FUNCTION analyze_changed_table() RETURNS text LANGUAGE plpgsql AS $$
DECLARE
  changed text;
BEGIN
  SELECT format('%I.%I', s.schemaname, s.relname) INTO changed
  FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid
  WHERE s.n_mod_since_analyze > 50 + 0.1 * greatest(c.reltuples, 0)
  ORDER BY s.n_mod_since_analyze DESC, s.relname
  LIMIT 1;
  IF changed IS NOT NULL THEN
    EXECUTE 'ANALYZE ' || changed;
  END IF;
  RETURN changed;
END $$;
