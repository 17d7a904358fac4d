ALTER TABLE "requisition_line" ADD COLUMN "starting_date" date;--> statement-breakpoint
ALTER TABLE "requisition_line" ADD COLUMN "ending_date" date;--> statement-breakpoint
ALTER TABLE "requisition_line" ADD COLUMN "order_promising_id" text;--> statement-breakpoint
CREATE INDEX "sales_line_item_date" ON "sales_line" USING btree ("no","shipment_date") WHERE "sales_line"."type" = 'item' and "sales_line"."document_type" in ('order', 'returnOrder');--> statement-breakpoint
CREATE INDEX "purchase_line_item_receipt" ON "purchase_line" USING btree ("no","expected_receipt_date") WHERE "purchase_line"."document_type" = 'order' and "purchase_line"."type" = 'item';--> statement-breakpoint
-- Replenishment proposed on a worksheet (Capable to Promise) is a scheduled receipt on its due date;
-- lines bought for drop shipments and special orders are not: those orders' own lines count.
CREATE FUNCTION requisition_line_availability(l requisition_line, sign numeric) RETURNS TABLE(item_no text, location_code text, date date, inventory numeric, scheduled_receipts numeric, gross_requirements numeric)
LANGUAGE sql STABLE AS $$
  SELECT l.no, coalesce(l.location_code, ''), coalesce(l.due_date, date '0001-01-01'), 0::numeric, sign * l.quantity * l.quantity_per_unit_of_measure, 0::numeric
  WHERE l.type = 'item' AND NOT l.drop_shipment AND NOT l.special_order
    AND EXISTS (SELECT 1 FROM item i WHERE i.no = l.no AND i.type = 'inventory')
$$;
--> statement-breakpoint
CREATE TRIGGER requisition_line_availability_insert AFTER INSERT ON requisition_line REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION availability_trigger('requisition_line_availability');--> statement-breakpoint
CREATE TRIGGER requisition_line_availability_update AFTER UPDATE ON requisition_line REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION availability_trigger('requisition_line_availability');--> statement-breakpoint
CREATE TRIGGER requisition_line_availability_delete AFTER DELETE ON requisition_line REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION availability_trigger('requisition_line_availability');--> statement-breakpoint
DO $$ BEGIN EXECUTE item_availability_upsert('SELECT c.* FROM requisition_line l, requisition_line_availability(l, 1) c'); END $$;
--> statement-breakpoint
INSERT INTO "order_promising_setup" ("id") VALUES (1) ON CONFLICT DO NOTHING;
