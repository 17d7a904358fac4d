-- Issue 21: only orders and return orders count in availability (sales_line_availability,
-- purchase_line_availability), yet every statement on quote, invoice or credit memo lines ran the
-- projection's dynamic upsert (parsed and planned each time, ~1.5–2 ms a posting or a new invoice).
-- The trigger function takes an optional second argument, the document types whose rows count: a
-- statement none of whose transition rows has one stops at once. Each transition table is read only
-- where the statement has it (a DELETE has no new rows).
CREATE OR REPLACE FUNCTION availability_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  counts boolean := TG_NARGS < 2;
BEGIN
  IF NOT counts AND TG_OP <> 'DELETE' THEN
    counts := EXISTS (SELECT 1 FROM new_rows WHERE document_type = ANY (TG_ARGV[1]::text[]));
  END IF;
  IF NOT counts AND TG_OP <> 'INSERT' THEN
    counts := EXISTS (SELECT 1 FROM old_rows WHERE document_type = ANY (TG_ARGV[1]::text[]));
  END IF;
  IF counts THEN
    EXECUTE item_availability_upsert(CASE TG_OP
      WHEN 'INSERT' THEN format('SELECT c.* FROM new_rows n, %I(n, 1) c', TG_ARGV[0])
      WHEN 'DELETE' THEN format('SELECT c.* FROM old_rows o, %I(o, -1) c', TG_ARGV[0])
      ELSE format('SELECT c.* FROM new_rows n, %1$I(n, 1) c UNION ALL SELECT c.* FROM old_rows o, %1$I(o, -1) c', TG_ARGV[0])
    END);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
DROP TRIGGER sales_line_availability_insert ON sales_line;--> statement-breakpoint
DROP TRIGGER sales_line_availability_update ON sales_line;--> statement-breakpoint
DROP TRIGGER sales_line_availability_delete ON sales_line;--> statement-breakpoint
DROP TRIGGER purchase_line_availability_insert ON purchase_line;--> statement-breakpoint
DROP TRIGGER purchase_line_availability_update ON purchase_line;--> statement-breakpoint
DROP TRIGGER purchase_line_availability_delete ON purchase_line;--> statement-breakpoint
CREATE TRIGGER sales_line_availability_insert AFTER INSERT ON sales_line REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION availability_trigger('sales_line_availability', '{order,returnOrder}');--> statement-breakpoint
CREATE TRIGGER sales_line_availability_update AFTER UPDATE ON sales_line REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION availability_trigger('sales_line_availability', '{order,returnOrder}');--> statement-breakpoint
CREATE TRIGGER sales_line_availability_delete AFTER DELETE ON sales_line REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION availability_trigger('sales_line_availability', '{order,returnOrder}');--> statement-breakpoint
CREATE TRIGGER purchase_line_availability_insert AFTER INSERT ON purchase_line REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION availability_trigger('purchase_line_availability', '{order,returnOrder}');--> statement-breakpoint
CREATE TRIGGER purchase_line_availability_update AFTER UPDATE ON purchase_line REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION availability_trigger('purchase_line_availability', '{order,returnOrder}');--> statement-breakpoint
CREATE TRIGGER purchase_line_availability_delete AFTER DELETE ON purchase_line REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION availability_trigger('purchase_line_availability', '{order,returnOrder}');
