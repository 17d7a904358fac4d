-- What autovacuum does for statistics, for the embedded database, which has none (server/db/table-statistics.ts):
-- ANALYZE each table changed by more than autovacuum_analyze_threshold (50) rows plus
-- autovacuum_analyze_scale_factor (0.1) of its rows since it was last analyzed. One function, so the
-- caller sends the same text every time, whichever tables it analyzes.
CREATE FUNCTION analyze_changed_tables() RETURNS SETOF text LANGUAGE plpgsql AS $$
DECLARE
  changed record;
BEGIN
  FOR changed IN
    SELECT s.schemaname, s.relname
    FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid
    WHERE s.n_mod_since_analyze > 50 + 0.1 * greatest(c.reltuples, 0)
    ORDER BY s.schemaname, s.relname
  LOOP
    EXECUTE format('ANALYZE %I.%I', changed.schemaname, changed.relname);
    RETURN NEXT format('%I.%I', changed.schemaname, changed.relname);
  END LOOP;
END $$;
