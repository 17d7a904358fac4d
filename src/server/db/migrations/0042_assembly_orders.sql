CREATE TABLE "assembly_header" (
	"document_type" text NOT NULL,
	"no" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"item_no" text NOT NULL,
	"location_code" text,
	"unit_of_measure_code" text,
	"quantity_per_unit_of_measure" numeric(18, 5) DEFAULT '1' NOT NULL,
	"quantity" numeric(18, 5) DEFAULT '0' NOT NULL,
	"quantity_to_assemble" numeric(18, 5) DEFAULT '0' NOT NULL,
	"assembled_quantity" numeric(18, 5) DEFAULT '0' NOT NULL,
	"remaining_quantity" numeric(18, 5) DEFAULT '0' NOT NULL,
	"due_date" date,
	"starting_date" date,
	"ending_date" date,
	"posting_date" date,
	"status" text DEFAULT 'open' NOT NULL,
	"assemble_to_order" boolean DEFAULT false NOT NULL,
	"sales_document_type" text,
	"sales_document_no" text,
	"sales_line_no" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assembly_header_document_type_no_pk" PRIMARY KEY("document_type","no"),
	CONSTRAINT "assembly_header_document_type" CHECK ("assembly_header"."document_type" in ('quote', 'order', 'blanketOrder')),
	CONSTRAINT "assembly_header_status" CHECK ("assembly_header"."status" in ('open', 'released')),
	CONSTRAINT "assembly_header_quantities" CHECK ("assembly_header"."quantity" >= 0 and "assembly_header"."quantity_to_assemble" >= 0 and "assembly_header"."assembled_quantity" >= 0)
);
--> statement-breakpoint
CREATE TABLE "assembly_line" (
	"document_type" text NOT NULL,
	"document_no" text NOT NULL,
	"line_no" integer NOT NULL,
	"type" text DEFAULT 'item' NOT NULL,
	"no" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"location_code" text,
	"unit_of_measure_code" text,
	"quantity_per_unit_of_measure" numeric(18, 5) DEFAULT '1' NOT NULL,
	"quantity_per" numeric(18, 5) NOT NULL,
	"quantity" numeric(18, 5) DEFAULT '0' NOT NULL,
	"quantity_to_consume" numeric(18, 5) DEFAULT '0' NOT NULL,
	"consumed_quantity" numeric(18, 5) DEFAULT '0' NOT NULL,
	"remaining_quantity" numeric(18, 5) DEFAULT '0' NOT NULL,
	"due_date" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assembly_line_document_type_document_no_line_no_pk" PRIMARY KEY("document_type","document_no","line_no"),
	CONSTRAINT "assembly_line_type" CHECK ("assembly_line"."type" = 'item'),
	CONSTRAINT "assembly_line_quantity" CHECK ("assembly_line"."quantity_per" >= 0)
);
--> statement-breakpoint
CREATE TABLE "posted_assembly_header" (
	"no" text PRIMARY KEY NOT NULL,
	"order_no" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"item_no" text NOT NULL,
	"location_code" text,
	"unit_of_measure_code" text,
	"quantity_per_unit_of_measure" numeric(18, 5) DEFAULT '1' NOT NULL,
	"quantity" numeric(18, 5) NOT NULL,
	"quantity_base" numeric(18, 5) NOT NULL,
	"cost_amount" numeric(18, 2) DEFAULT '0' NOT NULL,
	"due_date" date,
	"posting_date" date NOT NULL,
	"assemble_to_order" boolean DEFAULT false NOT NULL,
	"sales_document_no" text,
	"sales_line_no" integer,
	"sales_shipment_no" text,
	"sales_shipment_line_no" integer,
	"item_ledger_entry_no" integer,
	"reversed" boolean DEFAULT false NOT NULL,
	"no_series" text,
	"user_id" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "posted_assembly_line" (
	"document_no" text NOT NULL,
	"line_no" integer NOT NULL,
	"type" text DEFAULT 'item' NOT NULL,
	"no" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"location_code" text,
	"unit_of_measure_code" text,
	"quantity_per_unit_of_measure" numeric(18, 5) DEFAULT '1' NOT NULL,
	"quantity_per" numeric(18, 5) NOT NULL,
	"quantity" numeric(18, 5) NOT NULL,
	"quantity_base" numeric(18, 5) NOT NULL,
	"cost_amount" numeric(18, 2) DEFAULT '0' NOT NULL,
	"item_ledger_entry_no" integer,
	CONSTRAINT "posted_assembly_line_document_no_line_no_pk" PRIMARY KEY("document_no","line_no")
);
--> statement-breakpoint
ALTER TABLE "inventory_setup" ADD COLUMN "assembly_quote_nos" text;--> statement-breakpoint
ALTER TABLE "inventory_setup" ADD COLUMN "assembly_order_nos" text;--> statement-breakpoint
ALTER TABLE "inventory_setup" ADD COLUMN "blanket_assembly_order_nos" text;--> statement-breakpoint
ALTER TABLE "inventory_setup" ADD COLUMN "posted_assembly_order_nos" text;--> statement-breakpoint
ALTER TABLE "sales_line" ADD COLUMN "qty_to_assemble_to_order" numeric(18, 5) DEFAULT '0' NOT NULL;--> statement-breakpoint
ALTER TABLE "assembly_header" ADD CONSTRAINT "assembly_header_item_no_item_no_fk" FOREIGN KEY ("item_no") REFERENCES "public"."item"("no") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assembly_header" ADD CONSTRAINT "assembly_header_location_code_location_code_fk" FOREIGN KEY ("location_code") REFERENCES "public"."location"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assembly_header" ADD CONSTRAINT "assembly_header_unit_of_measure_code_unit_of_measure_code_fk" FOREIGN KEY ("unit_of_measure_code") REFERENCES "public"."unit_of_measure"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assembly_header" ADD CONSTRAINT "assembly_header_sales_document_type_sales_document_no_sales_line_no_sales_line_document_type_document_no_line_no_fk" FOREIGN KEY ("sales_document_type","sales_document_no","sales_line_no") REFERENCES "public"."sales_line"("document_type","document_no","line_no") ON DELETE cascade ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "assembly_line" ADD CONSTRAINT "assembly_line_no_item_no_fk" FOREIGN KEY ("no") REFERENCES "public"."item"("no") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assembly_line" ADD CONSTRAINT "assembly_line_location_code_location_code_fk" FOREIGN KEY ("location_code") REFERENCES "public"."location"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assembly_line" ADD CONSTRAINT "assembly_line_unit_of_measure_code_unit_of_measure_code_fk" FOREIGN KEY ("unit_of_measure_code") REFERENCES "public"."unit_of_measure"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assembly_line" ADD CONSTRAINT "assembly_line_document_type_document_no_assembly_header_document_type_no_fk" FOREIGN KEY ("document_type","document_no") REFERENCES "public"."assembly_header"("document_type","no") ON DELETE cascade ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "posted_assembly_header" ADD CONSTRAINT "posted_assembly_header_item_no_item_no_fk" FOREIGN KEY ("item_no") REFERENCES "public"."item"("no") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "posted_assembly_line" ADD CONSTRAINT "posted_assembly_line_document_no_posted_assembly_header_no_fk" FOREIGN KEY ("document_no") REFERENCES "public"."posted_assembly_header"("no") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "assembly_header_sales_line" ON "assembly_header" USING btree ("sales_document_type","sales_document_no","sales_line_no");--> statement-breakpoint
CREATE INDEX "assembly_header_item" ON "assembly_header" USING btree ("item_no","due_date");--> statement-breakpoint
CREATE INDEX "assembly_line_item" ON "assembly_line" USING btree ("no","due_date");--> statement-breakpoint
CREATE INDEX "posted_assembly_header_shipment" ON "posted_assembly_header" USING btree ("sales_shipment_no","sales_shipment_line_no");--> statement-breakpoint
ALTER TABLE "inventory_setup" ADD CONSTRAINT "inventory_setup_assembly_quote_nos_no_series_code_fk" FOREIGN KEY ("assembly_quote_nos") REFERENCES "public"."no_series"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_setup" ADD CONSTRAINT "inventory_setup_assembly_order_nos_no_series_code_fk" FOREIGN KEY ("assembly_order_nos") REFERENCES "public"."no_series"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_setup" ADD CONSTRAINT "inventory_setup_blanket_assembly_order_nos_no_series_code_fk" FOREIGN KEY ("blanket_assembly_order_nos") REFERENCES "public"."no_series"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_setup" ADD CONSTRAINT "inventory_setup_posted_assembly_order_nos_no_series_code_fk" FOREIGN KEY ("posted_assembly_order_nos") REFERENCES "public"."no_series"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- Spec §16.4: an assembly order's remaining output is a scheduled receipt on its due date, its
-- components' remaining quantities gross requirements on theirs (quotes and blanket orders are not).
CREATE FUNCTION assembly_header_availability(h assembly_header, sign numeric) RETURNS TABLE(item_no text, location_code text, date date, inventory numeric, scheduled_receipts numeric, gross_requirements numeric)
LANGUAGE sql STABLE AS $$
  SELECT h.item_no, coalesce(h.location_code, ''), coalesce(h.due_date, date '0001-01-01'), 0::numeric,
    sign * h.remaining_quantity * h.quantity_per_unit_of_measure, 0::numeric
  WHERE h.document_type = 'order'
$$;
--> statement-breakpoint
CREATE FUNCTION assembly_line_availability(l assembly_line, sign numeric) RETURNS TABLE(item_no text, location_code text, date date, inventory numeric, scheduled_receipts numeric, gross_requirements numeric)
LANGUAGE sql STABLE AS $$
  SELECT l.no, coalesce(l.location_code, ''), coalesce(l.due_date, date '0001-01-01'), 0::numeric, 0::numeric,
    sign * l.remaining_quantity * l.quantity_per_unit_of_measure
  WHERE l.document_type = 'order' AND l.type = 'item'
    AND EXISTS (SELECT 1 FROM item i WHERE i.no = l.no AND i.type = 'inventory')
$$;
--> statement-breakpoint
CREATE TRIGGER assembly_header_availability_insert AFTER INSERT ON assembly_header REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION availability_trigger('assembly_header_availability');--> statement-breakpoint
CREATE TRIGGER assembly_header_availability_update AFTER UPDATE ON assembly_header REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION availability_trigger('assembly_header_availability');--> statement-breakpoint
CREATE TRIGGER assembly_header_availability_delete AFTER DELETE ON assembly_header REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION availability_trigger('assembly_header_availability');--> statement-breakpoint
CREATE TRIGGER assembly_line_availability_insert AFTER INSERT ON assembly_line REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION availability_trigger('assembly_line_availability');--> statement-breakpoint
CREATE TRIGGER assembly_line_availability_update AFTER UPDATE ON assembly_line REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION availability_trigger('assembly_line_availability');--> statement-breakpoint
CREATE TRIGGER assembly_line_availability_delete AFTER DELETE ON assembly_line REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION availability_trigger('assembly_line_availability');--> statement-breakpoint
CREATE TRIGGER posted_assembly_header_append_only BEFORE UPDATE OR DELETE ON posted_assembly_header FOR EACH ROW EXECUTE FUNCTION refuse_ledger_change('reversed');--> statement-breakpoint
CREATE TRIGGER posted_assembly_line_append_only BEFORE UPDATE OR DELETE ON posted_assembly_line FOR EACH ROW EXECUTE FUNCTION refuse_ledger_change();
