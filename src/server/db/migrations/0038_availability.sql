CREATE TABLE "base_calendar" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "base_calendar_change" (
	"base_calendar_code" text NOT NULL,
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"recurring_system" text DEFAULT 'none' NOT NULL,
	"date" date,
	"day" integer,
	"description" text DEFAULT '' NOT NULL,
	"nonworking" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "base_calendar_change_recurring" CHECK ("base_calendar_change"."recurring_system" in ('none', 'annual', 'weekly')),
	CONSTRAINT "base_calendar_change_when" CHECK (("base_calendar_change"."recurring_system" = 'weekly' and "base_calendar_change"."day" between 1 and 7) or ("base_calendar_change"."recurring_system" <> 'weekly' and "base_calendar_change"."date" is not null))
);
--> statement-breakpoint
CREATE TABLE "customized_calendar_change" (
	"source_type" text NOT NULL,
	"source_code" text DEFAULT '' NOT NULL,
	"base_calendar_code" text NOT NULL,
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"recurring_system" text DEFAULT 'none' NOT NULL,
	"date" date,
	"day" integer,
	"description" text DEFAULT '' NOT NULL,
	"nonworking" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "customized_calendar_change_recurring" CHECK ("customized_calendar_change"."recurring_system" in ('none', 'annual', 'weekly')),
	CONSTRAINT "customized_calendar_change_when" CHECK (("customized_calendar_change"."recurring_system" = 'weekly' and "customized_calendar_change"."day" between 1 and 7) or ("customized_calendar_change"."recurring_system" <> 'weekly' and "customized_calendar_change"."date" is not null)),
	CONSTRAINT "customized_calendar_change_source" CHECK ("customized_calendar_change"."source_type" in ('company', 'customer', 'location', 'shippingAgent'))
);
--> statement-breakpoint
CREATE TABLE "item_availability" (
	"item_no" text NOT NULL,
	"location_code" text DEFAULT '' NOT NULL,
	"date" date NOT NULL,
	"inventory" numeric(18, 5) DEFAULT '0' NOT NULL,
	"scheduled_receipts" numeric(18, 5) DEFAULT '0' NOT NULL,
	"gross_requirements" numeric(18, 5) DEFAULT '0' NOT NULL,
	CONSTRAINT "item_availability_item_no_location_code_date_pk" PRIMARY KEY("item_no","location_code","date")
);
--> statement-breakpoint
CREATE TABLE "order_promising_setup" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"offset_time" text DEFAULT '' NOT NULL,
	"order_promising_nos" text,
	"worksheet_name" text DEFAULT 'PROMISING' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "order_promising_setup_singleton" CHECK ("order_promising_setup"."id" = 1)
);
--> statement-breakpoint
ALTER TABLE "location" ADD COLUMN "base_calendar_code" text;--> statement-breakpoint
ALTER TABLE "shipping_agent" ADD COLUMN "base_calendar_code" text;--> statement-breakpoint
ALTER TABLE "company_information" ADD COLUMN "base_calendar_code" text;--> statement-breakpoint
ALTER TABLE "company_information" ADD COLUMN "check_avail_period_calc" text DEFAULT '90D' NOT NULL;--> statement-breakpoint
ALTER TABLE "company_information" ADD COLUMN "check_avail_time_bucket" text DEFAULT 'week' NOT NULL;--> statement-breakpoint
ALTER TABLE "customer" ADD COLUMN "base_calendar_code" text;--> statement-breakpoint
ALTER TABLE "sales_line" ADD COLUMN "planned_delivery_date" date;--> statement-breakpoint
ALTER TABLE "sales_line" ADD COLUMN "planned_shipment_date" date;--> statement-breakpoint
ALTER TABLE "sales_line" ADD COLUMN "shipping_time" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "sales_line" ADD COLUMN "outbound_whse_handling_time" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "base_calendar_change" ADD CONSTRAINT "base_calendar_change_base_calendar_code_base_calendar_code_fk" FOREIGN KEY ("base_calendar_code") REFERENCES "public"."base_calendar"("code") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customized_calendar_change" ADD CONSTRAINT "customized_calendar_change_base_calendar_code_base_calendar_code_fk" FOREIGN KEY ("base_calendar_code") REFERENCES "public"."base_calendar"("code") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_promising_setup" ADD CONSTRAINT "order_promising_setup_order_promising_nos_no_series_code_fk" FOREIGN KEY ("order_promising_nos") REFERENCES "public"."no_series"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "base_calendar_change_calendar" ON "base_calendar_change" USING btree ("base_calendar_code");--> statement-breakpoint
CREATE INDEX "customized_calendar_change_source_idx" ON "customized_calendar_change" USING btree ("source_type","source_code");--> statement-breakpoint
ALTER TABLE "location" ADD CONSTRAINT "location_base_calendar_code_base_calendar_code_fk" FOREIGN KEY ("base_calendar_code") REFERENCES "public"."base_calendar"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shipping_agent" ADD CONSTRAINT "shipping_agent_base_calendar_code_base_calendar_code_fk" FOREIGN KEY ("base_calendar_code") REFERENCES "public"."base_calendar"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "company_information" ADD CONSTRAINT "company_information_base_calendar_code_base_calendar_code_fk" FOREIGN KEY ("base_calendar_code") REFERENCES "public"."base_calendar"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer" ADD CONSTRAINT "customer_base_calendar_code_base_calendar_code_fk" FOREIGN KEY ("base_calendar_code") REFERENCES "public"."base_calendar"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "company_information" ADD CONSTRAINT "company_information_time_bucket" CHECK ("company_information"."check_avail_time_bucket" in ('day', 'week', 'month', 'quarter', 'year'));--> statement-breakpoint
-- The availability projection (schema/availability.ts), kept in step by statement triggers. Each
-- statement adds its net changes as one upsert per (item, location, date) in key order, so two
-- transactions lock the rows they share in the same order; a change that nets to zero locks nothing.
-- `source` is a query of changes (item_no, location_code, date, inventory, scheduled_receipts,
-- gross_requirements); the trigger runs the statement itself, as only it sees the transition tables.
CREATE FUNCTION item_availability_upsert(source text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT 'INSERT INTO item_availability AS a (item_no, location_code, date, inventory, scheduled_receipts, gross_requirements)
    SELECT c.item_no, c.location_code, c.date, sum(c.inventory), sum(c.scheduled_receipts), sum(c.gross_requirements)
    FROM (' || source || ') c
    GROUP BY c.item_no, c.location_code, c.date
    HAVING sum(c.inventory) <> 0 OR sum(c.scheduled_receipts) <> 0 OR sum(c.gross_requirements) <> 0
    ORDER BY c.item_no, c.location_code, c.date
    ON CONFLICT (item_no, location_code, date) DO UPDATE SET
      inventory = a.inventory + excluded.inventory,
      scheduled_receipts = a.scheduled_receipts + excluded.scheduled_receipts,
      gross_requirements = a.gross_requirements + excluded.gross_requirements'
$$;
--> statement-breakpoint
-- An item ledger entry is inventory on its posting date.
CREATE FUNCTION item_ledger_entry_availability(e item_ledger_entry, sign numeric) RETURNS TABLE(item_no text, location_code text, date date, inventory numeric, scheduled_receipts numeric, gross_requirements numeric)
LANGUAGE sql STABLE AS $$
  SELECT e.item_no, e.location_code, e.posting_date, sign * e.quantity, 0::numeric, 0::numeric
$$;
--> statement-breakpoint
-- What an open sales line adds (sign 1) or takes away (sign -1): an order's outstanding quantity is a
-- gross requirement on its shipment date, a return order's a scheduled receipt. Drop shipments never
-- touch our stock; a line without a shipment date counts from the start.
CREATE FUNCTION sales_line_availability(l sales_line, sign numeric) RETURNS TABLE(item_no text, location_code text, date date, inventory numeric, scheduled_receipts numeric, gross_requirements numeric)
LANGUAGE sql STABLE AS $$
  SELECT l.no, coalesce(l.location_code, ''), coalesce(l.shipment_date, date '0001-01-01'), 0::numeric,
    CASE WHEN l.document_type = 'returnOrder' THEN sign * (l.quantity_base - l.return_quantity_received * l.quantity_per_unit_of_measure) ELSE 0 END,
    CASE WHEN l.document_type = 'order' THEN sign * (l.quantity_base - l.quantity_shipped * l.quantity_per_unit_of_measure) ELSE 0 END
  WHERE l.type = 'item' AND NOT l.drop_shipment AND l.document_type IN ('order', 'returnOrder')
    AND EXISTS (SELECT 1 FROM item i WHERE i.no = l.no AND i.type = 'inventory')
$$;
--> statement-breakpoint
-- The purchase side: an order's outstanding quantity is a scheduled receipt on its expected receipt
-- date, a return order's a gross requirement.
CREATE FUNCTION purchase_line_availability(l purchase_line, sign numeric) RETURNS TABLE(item_no text, location_code text, date date, inventory numeric, scheduled_receipts numeric, gross_requirements numeric)
LANGUAGE sql STABLE AS $$
  SELECT l.no, coalesce(l.location_code, ''), coalesce(l.expected_receipt_date, date '0001-01-01'), 0::numeric,
    CASE WHEN l.document_type = 'order' THEN sign * (l.quantity_base - l.quantity_received * l.quantity_per_unit_of_measure) ELSE 0 END,
    CASE WHEN l.document_type = 'returnOrder' THEN sign * (l.quantity_base - l.return_quantity_shipped * l.quantity_per_unit_of_measure) ELSE 0 END
  WHERE l.type = 'item' AND NOT l.drop_shipment AND l.document_type IN ('order', 'returnOrder')
    AND EXISTS (SELECT 1 FROM item i WHERE i.no = l.no AND i.type = 'inventory')
$$;
--> statement-breakpoint
-- One trigger function for item entries and every kind of line: its argument names the function
-- that says what one row adds (sign 1) or takes away (sign -1).
CREATE FUNCTION availability_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE item_availability_upsert(CASE TG_OP
    WHEN 'INSERT' THEN format('SELECT c.* FROM new_rows n, %I(n, 1) c', TG_ARGV[0])
    WHEN 'DELETE' THEN format('SELECT c.* FROM old_rows o, %I(o, -1) c', TG_ARGV[0])
    ELSE format('SELECT c.* FROM new_rows n, %1$I(n, 1) c UNION ALL SELECT c.* FROM old_rows o, %1$I(o, -1) c', TG_ARGV[0])
  END);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER sales_line_availability_insert AFTER INSERT ON sales_line REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION availability_trigger('sales_line_availability');--> statement-breakpoint
CREATE TRIGGER sales_line_availability_update AFTER UPDATE ON sales_line REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION availability_trigger('sales_line_availability');--> statement-breakpoint
CREATE TRIGGER sales_line_availability_delete AFTER DELETE ON sales_line REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION availability_trigger('sales_line_availability');--> statement-breakpoint
CREATE TRIGGER purchase_line_availability_insert AFTER INSERT ON purchase_line REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION availability_trigger('purchase_line_availability');--> statement-breakpoint
CREATE TRIGGER purchase_line_availability_update AFTER UPDATE ON purchase_line REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION availability_trigger('purchase_line_availability');--> statement-breakpoint
CREATE TRIGGER purchase_line_availability_delete AFTER DELETE ON purchase_line REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION availability_trigger('purchase_line_availability');--> statement-breakpoint
CREATE TRIGGER item_ledger_entry_availability AFTER INSERT ON item_ledger_entry REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION availability_trigger('item_ledger_entry_availability');--> statement-breakpoint
-- Existing entries and open lines, once.
DO $$ BEGIN
  EXECUTE item_availability_upsert('SELECT c.* FROM item_ledger_entry e, item_ledger_entry_availability(e, 1) c');
  EXECUTE item_availability_upsert('SELECT c.* FROM sales_line l, sales_line_availability(l, 1) c');
  EXECUTE item_availability_upsert('SELECT c.* FROM purchase_line l, purchase_line_availability(l, 1) c');
END $$;
