-- A trigger created without arguments sees TG_ARGV as NULL, and jsonb - NULL is NULL, so 0004's
-- comparison let every UPDATE of the tables without derived columns through. Treat it as no columns.
CREATE OR REPLACE FUNCTION refuse_ledger_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  allowed text[] := coalesce(TG_ARGV, '{}'::text[]);
BEGIN
  IF TG_OP = 'DELETE' OR TG_OP = 'TRUNCATE' THEN
    RAISE EXCEPTION 'LEDGER_IMMUTABLE: rows of % are never deleted', TG_TABLE_NAME USING ERRCODE = 'P0001';
  END IF;
  IF (to_jsonb(NEW) - allowed) IS DISTINCT FROM (to_jsonb(OLD) - allowed) THEN
    RAISE EXCEPTION 'LEDGER_IMMUTABLE: only % of % may change', coalesce(nullif(array_to_string(allowed, ', '), ''), 'no column'), TG_TABLE_NAME USING ERRCODE = 'P0001';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER detailed_customer_ledger_entry_no_truncate BEFORE TRUNCATE ON detailed_customer_ledger_entry FOR EACH STATEMENT EXECUTE FUNCTION refuse_ledger_truncate();
--> statement-breakpoint
CREATE TRIGGER item_application_entry_no_truncate BEFORE TRUNCATE ON item_application_entry FOR EACH STATEMENT EXECUTE FUNCTION refuse_ledger_truncate();
--> statement-breakpoint
CREATE TRIGGER cancelled_document_no_truncate BEFORE TRUNCATE ON cancelled_document FOR EACH STATEMENT EXECUTE FUNCTION refuse_ledger_truncate();
--> statement-breakpoint
CREATE TRIGGER posted_sales_line_no_truncate BEFORE TRUNCATE ON posted_sales_line FOR EACH STATEMENT EXECUTE FUNCTION refuse_ledger_truncate();
--> statement-breakpoint
CREATE TRIGGER gl_register_no_truncate BEFORE TRUNCATE ON gl_register FOR EACH STATEMENT EXECUTE FUNCTION refuse_ledger_truncate();
