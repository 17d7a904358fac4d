CREATE TABLE "cancelled_document" (
	"source_document_type" text NOT NULL,
	"source_document_no" text NOT NULL,
	"cancelled_by_document_type" text NOT NULL,
	"cancelled_by_document_no" text NOT NULL,
	"user_id" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cancelled_document_source_document_type_source_document_no_pk" PRIMARY KEY("source_document_type","source_document_no")
);
--> statement-breakpoint
CREATE TABLE "customer_ledger_entry" (
	"entry_no" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "customer_ledger_entry_entry_no_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"transaction_no" integer NOT NULL,
	"posting_date" date NOT NULL,
	"document_type" text DEFAULT '' NOT NULL,
	"document_no" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"source_code" text DEFAULT '' NOT NULL,
	"user_id" text DEFAULT '' NOT NULL,
	"customer_no" text NOT NULL,
	"sell_to_customer_no" text DEFAULT '' NOT NULL,
	"document_date" date,
	"external_document_no" text DEFAULT '' NOT NULL,
	"currency_code" text DEFAULT '' NOT NULL,
	"currency_factor" numeric(18, 6) DEFAULT '1' NOT NULL,
	"amount" numeric(18, 2) NOT NULL,
	"amount_lcy" numeric(18, 2) NOT NULL,
	"remaining_amount" numeric(18, 2) NOT NULL,
	"remaining_amount_lcy" numeric(18, 2) NOT NULL,
	"sales_lcy" numeric(18, 2) DEFAULT '0' NOT NULL,
	"profit_lcy" numeric(18, 2) DEFAULT '0' NOT NULL,
	"invoice_discount_lcy" numeric(18, 2) DEFAULT '0' NOT NULL,
	"due_date" date,
	"payment_discount_date" date,
	"payment_discount_tolerance_date" date,
	"original_payment_discount_possible" numeric(18, 2) DEFAULT '0' NOT NULL,
	"remaining_payment_discount_possible" numeric(18, 2) DEFAULT '0' NOT NULL,
	"open" boolean NOT NULL,
	"positive" boolean NOT NULL,
	"closed_by_entry_no" integer,
	"closed_at_date" date,
	"closed_by_amount" numeric(18, 2) DEFAULT '0' NOT NULL,
	"salesperson_code" text DEFAULT '' NOT NULL,
	"payment_method_code" text DEFAULT '' NOT NULL,
	"customer_posting_group" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "detailed_customer_ledger_entry" (
	"entry_no" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "detailed_customer_ledger_entry_entry_no_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"customer_ledger_entry_no" integer NOT NULL,
	"entry_type" text NOT NULL,
	"transaction_no" integer NOT NULL,
	"posting_date" date NOT NULL,
	"document_type" text DEFAULT '' NOT NULL,
	"document_no" text NOT NULL,
	"customer_no" text NOT NULL,
	"currency_code" text DEFAULT '' NOT NULL,
	"amount" numeric(18, 2) NOT NULL,
	"amount_lcy" numeric(18, 2) NOT NULL,
	"applied_customer_ledger_entry_no" integer,
	"user_id" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "gl_entry" (
	"entry_no" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "gl_entry_entry_no_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"transaction_no" integer NOT NULL,
	"posting_date" date NOT NULL,
	"document_type" text DEFAULT '' NOT NULL,
	"document_no" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"source_code" text DEFAULT '' NOT NULL,
	"user_id" text DEFAULT '' NOT NULL,
	"gl_account_no" text NOT NULL,
	"external_document_no" text DEFAULT '' NOT NULL,
	"amount" numeric(18, 2) NOT NULL,
	"debit_amount" numeric(18, 2) NOT NULL,
	"credit_amount" numeric(18, 2) NOT NULL,
	"vat_amount" numeric(18, 2) DEFAULT '0' NOT NULL,
	"gen_posting_type" text DEFAULT '' NOT NULL,
	"gen_bus_posting_group" text DEFAULT '' NOT NULL,
	"gen_prod_posting_group" text DEFAULT '' NOT NULL,
	"vat_bus_posting_group" text DEFAULT '' NOT NULL,
	"vat_prod_posting_group" text DEFAULT '' NOT NULL,
	"source_type" text DEFAULT '' NOT NULL,
	"source_no" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "gl_register" (
	"no" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "gl_register_no_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"source_code" text NOT NULL,
	"user_id" text DEFAULT '' NOT NULL,
	"posting_date" date NOT NULL,
	"document_no" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "item_application_entry" (
	"entry_no" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "item_application_entry_entry_no_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"item_ledger_entry_no" integer NOT NULL,
	"inbound_item_entry_no" integer NOT NULL,
	"outbound_item_entry_no" integer,
	"quantity" numeric(18, 5) NOT NULL,
	"posting_date" date NOT NULL,
	"transaction_no" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "item_ledger_entry" (
	"entry_no" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "item_ledger_entry_entry_no_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"item_no" text NOT NULL,
	"transaction_no" integer NOT NULL,
	"posting_date" date NOT NULL,
	"entry_type" text NOT NULL,
	"document_type" text DEFAULT '' NOT NULL,
	"document_no" text NOT NULL,
	"document_line_no" integer DEFAULT 0 NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"location_code" text DEFAULT '' NOT NULL,
	"source_type" text DEFAULT '' NOT NULL,
	"source_no" text DEFAULT '' NOT NULL,
	"quantity" numeric(18, 5) NOT NULL,
	"remaining_quantity" numeric(18, 5) NOT NULL,
	"invoiced_quantity" numeric(18, 5) NOT NULL,
	"shipped_quantity_not_returned" numeric(18, 5) DEFAULT '0' NOT NULL,
	"positive" boolean NOT NULL,
	"open" boolean NOT NULL,
	"completely_invoiced" boolean NOT NULL,
	"applies_to_entry" integer,
	"correction" boolean DEFAULT false NOT NULL,
	"unit_of_measure_code" text DEFAULT '' NOT NULL,
	"quantity_per_unit_of_measure" numeric(18, 5) DEFAULT '1' NOT NULL,
	"user_id" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "value_entry" (
	"entry_no" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "value_entry_entry_no_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"item_ledger_entry_no" integer NOT NULL,
	"item_no" text NOT NULL,
	"posting_date" date NOT NULL,
	"item_ledger_entry_type" text NOT NULL,
	"entry_type" text DEFAULT 'directCost' NOT NULL,
	"document_type" text DEFAULT '' NOT NULL,
	"document_no" text NOT NULL,
	"document_line_no" integer DEFAULT 0 NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"source_type" text DEFAULT '' NOT NULL,
	"source_no" text DEFAULT '' NOT NULL,
	"location_code" text DEFAULT '' NOT NULL,
	"inventory_posting_group" text DEFAULT '' NOT NULL,
	"gen_bus_posting_group" text DEFAULT '' NOT NULL,
	"gen_prod_posting_group" text DEFAULT '' NOT NULL,
	"item_ledger_entry_quantity" numeric(18, 5) DEFAULT '0' NOT NULL,
	"invoiced_quantity" numeric(18, 5) DEFAULT '0' NOT NULL,
	"valued_quantity" numeric(18, 5) DEFAULT '0' NOT NULL,
	"cost_per_unit" numeric(18, 5) DEFAULT '0' NOT NULL,
	"cost_amount_expected" numeric(18, 2) DEFAULT '0' NOT NULL,
	"cost_amount_actual" numeric(18, 2) DEFAULT '0' NOT NULL,
	"sales_amount_expected" numeric(18, 2) DEFAULT '0' NOT NULL,
	"sales_amount_actual" numeric(18, 2) DEFAULT '0' NOT NULL,
	"discount_amount" numeric(18, 2) DEFAULT '0' NOT NULL,
	"cost_posted_to_gl" numeric(18, 2) DEFAULT '0' NOT NULL,
	"expected_cost_posted_to_gl" numeric(18, 2) DEFAULT '0' NOT NULL,
	"transaction_no" integer NOT NULL,
	"user_id" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "vat_entry" (
	"entry_no" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "vat_entry_entry_no_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"transaction_no" integer NOT NULL,
	"posting_date" date NOT NULL,
	"document_type" text DEFAULT '' NOT NULL,
	"document_no" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"source_code" text DEFAULT '' NOT NULL,
	"user_id" text DEFAULT '' NOT NULL,
	"type" text NOT NULL,
	"base" numeric(18, 2) NOT NULL,
	"amount" numeric(18, 2) NOT NULL,
	"vat_calculation_type" text NOT NULL,
	"vat_identifier" text DEFAULT '' NOT NULL,
	"vat_percent" numeric(9, 5) DEFAULT '0' NOT NULL,
	"vat_bus_posting_group" text DEFAULT '' NOT NULL,
	"vat_prod_posting_group" text DEFAULT '' NOT NULL,
	"bill_to_pay_to_no" text DEFAULT '' NOT NULL,
	"external_document_no" text DEFAULT '' NOT NULL,
	"closed" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "posted_sales_header" (
	"document_type" text NOT NULL,
	"no" text NOT NULL,
	"no_series" text,
	"source_document_type" text NOT NULL,
	"source_document_no" text NOT NULL,
	"sell_to_customer_no" text NOT NULL,
	"sell_to_name" text DEFAULT '' NOT NULL,
	"sell_to_name2" text DEFAULT '' NOT NULL,
	"sell_to_address" text DEFAULT '' NOT NULL,
	"sell_to_address2" text DEFAULT '' NOT NULL,
	"sell_to_city" text DEFAULT '' NOT NULL,
	"sell_to_post_code" text DEFAULT '' NOT NULL,
	"sell_to_country_region_code" text DEFAULT '' NOT NULL,
	"sell_to_phone_no" text DEFAULT '' NOT NULL,
	"sell_to_email" text DEFAULT '' NOT NULL,
	"sell_to_county" text DEFAULT '' NOT NULL,
	"sell_to_contact" text DEFAULT '' NOT NULL,
	"bill_to_customer_no" text NOT NULL,
	"bill_to_name" text DEFAULT '' NOT NULL,
	"bill_to_name2" text DEFAULT '' NOT NULL,
	"bill_to_address" text DEFAULT '' NOT NULL,
	"bill_to_address2" text DEFAULT '' NOT NULL,
	"bill_to_city" text DEFAULT '' NOT NULL,
	"bill_to_post_code" text DEFAULT '' NOT NULL,
	"bill_to_country_region_code" text DEFAULT '' NOT NULL,
	"bill_to_phone_no" text DEFAULT '' NOT NULL,
	"bill_to_email" text DEFAULT '' NOT NULL,
	"bill_to_county" text DEFAULT '' NOT NULL,
	"bill_to_contact" text DEFAULT '' NOT NULL,
	"ship_to_code" text,
	"ship_to_name" text DEFAULT '' NOT NULL,
	"ship_to_name2" text DEFAULT '' NOT NULL,
	"ship_to_address" text DEFAULT '' NOT NULL,
	"ship_to_address2" text DEFAULT '' NOT NULL,
	"ship_to_city" text DEFAULT '' NOT NULL,
	"ship_to_post_code" text DEFAULT '' NOT NULL,
	"ship_to_country_region_code" text DEFAULT '' NOT NULL,
	"ship_to_phone_no" text DEFAULT '' NOT NULL,
	"ship_to_email" text DEFAULT '' NOT NULL,
	"ship_to_county" text DEFAULT '' NOT NULL,
	"ship_to_contact" text DEFAULT '' NOT NULL,
	"order_date" date,
	"posting_date" date NOT NULL,
	"document_date" date,
	"shipment_date" date,
	"due_date" date,
	"payment_discount_date" date,
	"payment_discount_percent" numeric(9, 5) DEFAULT '0' NOT NULL,
	"payment_terms_code" text,
	"payment_method_code" text,
	"shipment_method_code" text,
	"shipping_agent_code" text,
	"package_tracking_no" text DEFAULT '' NOT NULL,
	"currency_code" text,
	"currency_factor" numeric(18, 6) DEFAULT '1' NOT NULL,
	"prices_including_vat" boolean DEFAULT false NOT NULL,
	"location_code" text,
	"salesperson_code" text,
	"external_document_no" text DEFAULT '' NOT NULL,
	"your_reference" text DEFAULT '' NOT NULL,
	"customer_posting_group" text,
	"gen_bus_posting_group" text,
	"vat_bus_posting_group" text,
	"vat_registration_no" text DEFAULT '' NOT NULL,
	"language_code" text DEFAULT '' NOT NULL,
	"quote_no" text,
	"applies_to_document_type" text,
	"applies_to_document_no" text,
	"corrected_invoice_no" text,
	"posting_description" text DEFAULT '' NOT NULL,
	"amount" numeric(18, 2) DEFAULT '0' NOT NULL,
	"amount_including_vat" numeric(18, 2) DEFAULT '0' NOT NULL,
	"invoice_discount_amount" numeric(18, 2) DEFAULT '0' NOT NULL,
	"customer_ledger_entry_no" integer,
	"transaction_no" integer,
	"user_id" text DEFAULT '' NOT NULL,
	"posted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "posted_sales_header_document_type_no_pk" PRIMARY KEY("document_type","no")
);
--> statement-breakpoint
CREATE TABLE "posted_sales_line" (
	"document_type" text NOT NULL,
	"document_no" text NOT NULL,
	"line_no" integer NOT NULL,
	"type" text NOT NULL,
	"no" text DEFAULT '' NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"description2" text DEFAULT '' NOT NULL,
	"sell_to_customer_no" text NOT NULL,
	"bill_to_customer_no" text NOT NULL,
	"posting_date" date NOT NULL,
	"location_code" text,
	"unit_of_measure_code" text,
	"quantity_per_unit_of_measure" numeric(18, 5) DEFAULT '1' NOT NULL,
	"quantity" numeric(18, 5) DEFAULT '0' NOT NULL,
	"quantity_base" numeric(18, 5) DEFAULT '0' NOT NULL,
	"quantity_invoiced" numeric(18, 5) DEFAULT '0' NOT NULL,
	"quantity_not_invoiced" numeric(18, 5) DEFAULT '0' NOT NULL,
	"unit_price" numeric(18, 5) DEFAULT '0' NOT NULL,
	"unit_cost_lcy" numeric(18, 5) DEFAULT '0' NOT NULL,
	"line_discount_percent" numeric(9, 5) DEFAULT '0' NOT NULL,
	"line_discount_amount" numeric(18, 2) DEFAULT '0' NOT NULL,
	"line_amount" numeric(18, 2) DEFAULT '0' NOT NULL,
	"allow_invoice_discount" boolean DEFAULT true NOT NULL,
	"invoice_discount_amount" numeric(18, 2) DEFAULT '0' NOT NULL,
	"amount" numeric(18, 2) DEFAULT '0' NOT NULL,
	"amount_including_vat" numeric(18, 2) DEFAULT '0' NOT NULL,
	"vat_base_amount" numeric(18, 2) DEFAULT '0' NOT NULL,
	"vat_percent" numeric(9, 5) DEFAULT '0' NOT NULL,
	"vat_identifier" text DEFAULT '' NOT NULL,
	"vat_calculation_type" text DEFAULT 'normal' NOT NULL,
	"gen_bus_posting_group" text,
	"gen_prod_posting_group" text,
	"vat_bus_posting_group" text,
	"vat_prod_posting_group" text,
	"inventory_posting_group" text,
	"shipment_date" date,
	"source_document_type" text NOT NULL,
	"source_document_no" text NOT NULL,
	"source_line_no" integer DEFAULT 0 NOT NULL,
	"shipment_no" text,
	"shipment_line_no" integer,
	"return_receipt_no" text,
	"return_receipt_line_no" integer,
	"item_ledger_entry_no" integer,
	"appl_from_item_entry" integer,
	"appl_to_item_entry" integer,
	"correction" boolean DEFAULT false NOT NULL,
	CONSTRAINT "posted_sales_line_document_type_document_no_line_no_pk" PRIMARY KEY("document_type","document_no","line_no")
);
--> statement-breakpoint
CREATE TABLE "idempotency_key" (
	"username" text NOT NULL,
	"key" text NOT NULL,
	"method" text NOT NULL,
	"path" text NOT NULL,
	"request_hash" text NOT NULL,
	"status_code" integer,
	"response_headers" jsonb,
	"response_body" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idempotency_key_username_key_pk" PRIMARY KEY("username","key")
);
--> statement-breakpoint
CREATE TABLE "job" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"type" text NOT NULL,
	"parameters" jsonb NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"progress" integer DEFAULT 0 NOT NULL,
	"total" integer DEFAULT 0 NOT NULL,
	"message" text DEFAULT '' NOT NULL,
	"result" jsonb,
	"error" jsonb,
	"created_by" text DEFAULT '' NOT NULL,
	"claimed_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "sales_header" ADD COLUMN "corrected_invoice_no" text;--> statement-breakpoint
ALTER TABLE "sales_line" ADD COLUMN "appl_from_item_entry" integer;--> statement-breakpoint
ALTER TABLE "sales_line" ADD COLUMN "appl_to_item_entry" integer;--> statement-breakpoint
ALTER TABLE "sales_line" ADD COLUMN "shipment_no" text;--> statement-breakpoint
ALTER TABLE "sales_line" ADD COLUMN "shipment_line_no" integer;--> statement-breakpoint
ALTER TABLE "sales_line" ADD COLUMN "return_receipt_no" text;--> statement-breakpoint
ALTER TABLE "sales_line" ADD COLUMN "return_receipt_line_no" integer;--> statement-breakpoint
ALTER TABLE "customer_ledger_entry" ADD CONSTRAINT "customer_ledger_entry_transaction_no_gl_register_no_fk" FOREIGN KEY ("transaction_no") REFERENCES "public"."gl_register"("no") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_ledger_entry" ADD CONSTRAINT "customer_ledger_entry_customer_no_customer_no_fk" FOREIGN KEY ("customer_no") REFERENCES "public"."customer"("no") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "detailed_customer_ledger_entry" ADD CONSTRAINT "detailed_customer_ledger_entry_customer_ledger_entry_no_customer_ledger_entry_entry_no_fk" FOREIGN KEY ("customer_ledger_entry_no") REFERENCES "public"."customer_ledger_entry"("entry_no") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "detailed_customer_ledger_entry" ADD CONSTRAINT "detailed_customer_ledger_entry_transaction_no_gl_register_no_fk" FOREIGN KEY ("transaction_no") REFERENCES "public"."gl_register"("no") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gl_entry" ADD CONSTRAINT "gl_entry_transaction_no_gl_register_no_fk" FOREIGN KEY ("transaction_no") REFERENCES "public"."gl_register"("no") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gl_entry" ADD CONSTRAINT "gl_entry_gl_account_no_gl_account_no_fk" FOREIGN KEY ("gl_account_no") REFERENCES "public"."gl_account"("no") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "item_application_entry" ADD CONSTRAINT "item_application_entry_item_ledger_entry_no_item_ledger_entry_entry_no_fk" FOREIGN KEY ("item_ledger_entry_no") REFERENCES "public"."item_ledger_entry"("entry_no") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "item_application_entry" ADD CONSTRAINT "item_application_entry_inbound_item_entry_no_item_ledger_entry_entry_no_fk" FOREIGN KEY ("inbound_item_entry_no") REFERENCES "public"."item_ledger_entry"("entry_no") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "item_application_entry" ADD CONSTRAINT "item_application_entry_outbound_item_entry_no_item_ledger_entry_entry_no_fk" FOREIGN KEY ("outbound_item_entry_no") REFERENCES "public"."item_ledger_entry"("entry_no") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "item_application_entry" ADD CONSTRAINT "item_application_entry_transaction_no_gl_register_no_fk" FOREIGN KEY ("transaction_no") REFERENCES "public"."gl_register"("no") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "item_ledger_entry" ADD CONSTRAINT "item_ledger_entry_item_no_item_no_fk" FOREIGN KEY ("item_no") REFERENCES "public"."item"("no") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "item_ledger_entry" ADD CONSTRAINT "item_ledger_entry_transaction_no_gl_register_no_fk" FOREIGN KEY ("transaction_no") REFERENCES "public"."gl_register"("no") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "value_entry" ADD CONSTRAINT "value_entry_item_ledger_entry_no_item_ledger_entry_entry_no_fk" FOREIGN KEY ("item_ledger_entry_no") REFERENCES "public"."item_ledger_entry"("entry_no") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "value_entry" ADD CONSTRAINT "value_entry_transaction_no_gl_register_no_fk" FOREIGN KEY ("transaction_no") REFERENCES "public"."gl_register"("no") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vat_entry" ADD CONSTRAINT "vat_entry_transaction_no_gl_register_no_fk" FOREIGN KEY ("transaction_no") REFERENCES "public"."gl_register"("no") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "posted_sales_header" ADD CONSTRAINT "posted_sales_header_sell_to_customer_no_customer_no_fk" FOREIGN KEY ("sell_to_customer_no") REFERENCES "public"."customer"("no") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "posted_sales_header" ADD CONSTRAINT "posted_sales_header_bill_to_customer_no_customer_no_fk" FOREIGN KEY ("bill_to_customer_no") REFERENCES "public"."customer"("no") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "posted_sales_line" ADD CONSTRAINT "posted_sales_line_document_fk" FOREIGN KEY ("document_type","document_no") REFERENCES "public"."posted_sales_header"("document_type","no") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "customer_ledger_entry_customer" ON "customer_ledger_entry" USING btree ("customer_no","posting_date");--> statement-breakpoint
CREATE INDEX "customer_ledger_entry_document" ON "customer_ledger_entry" USING btree ("document_no");--> statement-breakpoint
CREATE INDEX "customer_ledger_entry_open" ON "customer_ledger_entry" USING btree ("customer_no","open","due_date");--> statement-breakpoint
CREATE INDEX "detailed_customer_ledger_entry_entry" ON "detailed_customer_ledger_entry" USING btree ("customer_ledger_entry_no");--> statement-breakpoint
CREATE INDEX "gl_entry_account" ON "gl_entry" USING btree ("gl_account_no","posting_date");--> statement-breakpoint
CREATE INDEX "gl_entry_document" ON "gl_entry" USING btree ("document_no","posting_date");--> statement-breakpoint
CREATE INDEX "gl_entry_transaction" ON "gl_entry" USING btree ("transaction_no");--> statement-breakpoint
CREATE INDEX "item_application_entry_inbound" ON "item_application_entry" USING btree ("inbound_item_entry_no");--> statement-breakpoint
CREATE INDEX "item_application_entry_outbound" ON "item_application_entry" USING btree ("outbound_item_entry_no");--> statement-breakpoint
CREATE INDEX "item_ledger_entry_item" ON "item_ledger_entry" USING btree ("item_no","location_code","posting_date");--> statement-breakpoint
CREATE INDEX "item_ledger_entry_open_inbound" ON "item_ledger_entry" USING btree ("item_no","location_code","entry_no") WHERE open and positive;--> statement-breakpoint
CREATE INDEX "item_ledger_entry_document" ON "item_ledger_entry" USING btree ("document_no");--> statement-breakpoint
CREATE INDEX "value_entry_item_ledger_entry" ON "value_entry" USING btree ("item_ledger_entry_no");--> statement-breakpoint
CREATE INDEX "value_entry_item" ON "value_entry" USING btree ("item_no","posting_date");--> statement-breakpoint
CREATE INDEX "vat_entry_document" ON "vat_entry" USING btree ("document_no","posting_date");--> statement-breakpoint
CREATE INDEX "posted_sales_header_customer" ON "posted_sales_header" USING btree ("bill_to_customer_no","posting_date");--> statement-breakpoint
CREATE INDEX "posted_sales_header_source" ON "posted_sales_header" USING btree ("source_document_type","source_document_no");--> statement-breakpoint
CREATE INDEX "posted_sales_line_source" ON "posted_sales_line" USING btree ("source_document_type","source_document_no","source_line_no");--> statement-breakpoint
CREATE INDEX "posted_sales_line_open_shipment" ON "posted_sales_line" USING btree ("bill_to_customer_no","document_type");--> statement-breakpoint
CREATE INDEX "job_queue" ON "job" USING btree ("status","created_at");--> statement-breakpoint
-- Ledgers and posted documents are append-only (DESIGN §5): DELETE and TRUNCATE are refused, and an
-- UPDATE may change only the derived columns passed as trigger arguments.
CREATE FUNCTION refuse_ledger_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' OR TG_OP = 'TRUNCATE' THEN
    RAISE EXCEPTION 'LEDGER_IMMUTABLE: rows of % are never deleted', TG_TABLE_NAME USING ERRCODE = 'P0001';
  END IF;
  IF (to_jsonb(NEW) - TG_ARGV) IS DISTINCT FROM (to_jsonb(OLD) - TG_ARGV) THEN
    RAISE EXCEPTION 'LEDGER_IMMUTABLE: only % of % may change', array_to_string(TG_ARGV, ', '), TG_TABLE_NAME USING ERRCODE = 'P0001';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER gl_register_append_only BEFORE UPDATE OR DELETE ON gl_register FOR EACH ROW EXECUTE FUNCTION refuse_ledger_change();
--> statement-breakpoint
CREATE TRIGGER gl_entry_append_only BEFORE UPDATE OR DELETE ON gl_entry FOR EACH ROW EXECUTE FUNCTION refuse_ledger_change();
--> statement-breakpoint
CREATE TRIGGER vat_entry_append_only BEFORE UPDATE OR DELETE ON vat_entry FOR EACH ROW EXECUTE FUNCTION refuse_ledger_change('closed');
--> statement-breakpoint
CREATE TRIGGER customer_ledger_entry_append_only BEFORE UPDATE OR DELETE ON customer_ledger_entry FOR EACH ROW EXECUTE FUNCTION refuse_ledger_change('remaining_amount', 'remaining_amount_lcy', 'open', 'closed_by_entry_no', 'closed_at_date', 'closed_by_amount', 'remaining_payment_discount_possible');
--> statement-breakpoint
CREATE TRIGGER detailed_customer_ledger_entry_append_only BEFORE UPDATE OR DELETE ON detailed_customer_ledger_entry FOR EACH ROW EXECUTE FUNCTION refuse_ledger_change();
--> statement-breakpoint
CREATE TRIGGER item_ledger_entry_append_only BEFORE UPDATE OR DELETE ON item_ledger_entry FOR EACH ROW EXECUTE FUNCTION refuse_ledger_change('remaining_quantity', 'invoiced_quantity', 'open', 'completely_invoiced', 'shipped_quantity_not_returned');
--> statement-breakpoint
CREATE TRIGGER value_entry_append_only BEFORE UPDATE OR DELETE ON value_entry FOR EACH ROW EXECUTE FUNCTION refuse_ledger_change();
--> statement-breakpoint
CREATE TRIGGER item_application_entry_append_only BEFORE UPDATE OR DELETE ON item_application_entry FOR EACH ROW EXECUTE FUNCTION refuse_ledger_change();
--> statement-breakpoint
CREATE TRIGGER cancelled_document_append_only BEFORE UPDATE OR DELETE ON cancelled_document FOR EACH ROW EXECUTE FUNCTION refuse_ledger_change();
--> statement-breakpoint
CREATE TRIGGER posted_sales_header_append_only BEFORE UPDATE OR DELETE ON posted_sales_header FOR EACH ROW EXECUTE FUNCTION refuse_ledger_change();
--> statement-breakpoint
CREATE TRIGGER posted_sales_line_append_only BEFORE UPDATE OR DELETE ON posted_sales_line FOR EACH ROW EXECUTE FUNCTION refuse_ledger_change('quantity_invoiced', 'quantity_not_invoiced', 'correction');
--> statement-breakpoint
CREATE FUNCTION refuse_ledger_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'LEDGER_IMMUTABLE: % is never truncated', TG_TABLE_NAME USING ERRCODE = 'P0001';
END $$;
--> statement-breakpoint
CREATE TRIGGER gl_entry_no_truncate BEFORE TRUNCATE ON gl_entry FOR EACH STATEMENT EXECUTE FUNCTION refuse_ledger_truncate();
--> statement-breakpoint
CREATE TRIGGER customer_ledger_entry_no_truncate BEFORE TRUNCATE ON customer_ledger_entry FOR EACH STATEMENT EXECUTE FUNCTION refuse_ledger_truncate();
--> statement-breakpoint
CREATE TRIGGER item_ledger_entry_no_truncate BEFORE TRUNCATE ON item_ledger_entry FOR EACH STATEMENT EXECUTE FUNCTION refuse_ledger_truncate();
--> statement-breakpoint
CREATE TRIGGER value_entry_no_truncate BEFORE TRUNCATE ON value_entry FOR EACH STATEMENT EXECUTE FUNCTION refuse_ledger_truncate();
--> statement-breakpoint
CREATE TRIGGER vat_entry_no_truncate BEFORE TRUNCATE ON vat_entry FOR EACH STATEMENT EXECUTE FUNCTION refuse_ledger_truncate();
--> statement-breakpoint
CREATE TRIGGER posted_sales_header_no_truncate BEFORE TRUNCATE ON posted_sales_header FOR EACH STATEMENT EXECUTE FUNCTION refuse_ledger_truncate();
