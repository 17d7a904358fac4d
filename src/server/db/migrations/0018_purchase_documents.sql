CREATE TABLE "nonstock_item" (
	"entry_no" text PRIMARY KEY NOT NULL,
	"vendor_no" text NOT NULL,
	"vendor_item_no" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"unit_of_measure_code" text,
	"published_cost" numeric(18, 5) DEFAULT '0' NOT NULL,
	"negotiated_cost" numeric(18, 5) DEFAULT '0' NOT NULL,
	"unit_price" numeric(18, 5) DEFAULT '0' NOT NULL,
	"item_template_code" text DEFAULT '' NOT NULL,
	"item_no" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "purchase_header" (
	"document_type" text NOT NULL,
	"no" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"buy_from_vendor_no" text NOT NULL,
	"buy_from_name" text DEFAULT '' NOT NULL,
	"buy_from_name2" text DEFAULT '' NOT NULL,
	"buy_from_address" text DEFAULT '' NOT NULL,
	"buy_from_address2" text DEFAULT '' NOT NULL,
	"buy_from_city" text DEFAULT '' NOT NULL,
	"buy_from_post_code" text DEFAULT '' NOT NULL,
	"buy_from_country_region_code" text DEFAULT '' NOT NULL,
	"buy_from_phone_no" text DEFAULT '' NOT NULL,
	"buy_from_email" text DEFAULT '' NOT NULL,
	"buy_from_county" text DEFAULT '' NOT NULL,
	"buy_from_contact" text DEFAULT '' NOT NULL,
	"pay_to_vendor_no" text NOT NULL,
	"pay_to_name" text DEFAULT '' NOT NULL,
	"pay_to_name2" text DEFAULT '' NOT NULL,
	"pay_to_address" text DEFAULT '' NOT NULL,
	"pay_to_address2" text DEFAULT '' NOT NULL,
	"pay_to_city" text DEFAULT '' NOT NULL,
	"pay_to_post_code" text DEFAULT '' NOT NULL,
	"pay_to_country_region_code" text DEFAULT '' NOT NULL,
	"pay_to_phone_no" text DEFAULT '' NOT NULL,
	"pay_to_email" text DEFAULT '' NOT NULL,
	"pay_to_county" text DEFAULT '' NOT NULL,
	"pay_to_contact" text DEFAULT '' NOT NULL,
	"sell_to_customer_no" text,
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
	"posting_date" date,
	"document_date" date,
	"due_date" date,
	"expected_receipt_date" date,
	"payment_discount_date" date,
	"payment_discount_percent" numeric(9, 5) DEFAULT '0' NOT NULL,
	"payment_terms_code" text,
	"payment_method_code" text,
	"shipment_method_code" text,
	"currency_code" text,
	"currency_factor" numeric(28, 12) DEFAULT '1' NOT NULL,
	"prices_including_vat" boolean DEFAULT false NOT NULL,
	"location_code" text,
	"purchaser_code" text,
	"vendor_invoice_no" text DEFAULT '' NOT NULL,
	"vendor_credit_memo_no" text DEFAULT '' NOT NULL,
	"vendor_order_no" text DEFAULT '' NOT NULL,
	"vendor_shipment_no" text DEFAULT '' NOT NULL,
	"your_reference" text DEFAULT '' NOT NULL,
	"vendor_posting_group" text,
	"gen_bus_posting_group" text,
	"vat_bus_posting_group" text,
	"invoice_discount_calculation" text DEFAULT 'none' NOT NULL,
	"invoice_discount_value" numeric(18, 5) DEFAULT '0' NOT NULL,
	"language_code" text DEFAULT '' NOT NULL,
	"vat_registration_no" text DEFAULT '' NOT NULL,
	"no_series" text,
	"posting_no" text,
	"posting_no_series" text,
	"receiving_no" text,
	"receiving_no_series" text,
	"return_shipment_no" text,
	"return_shipment_no_series" text,
	"last_posting_no" text,
	"last_receiving_no" text,
	"last_return_shipment_no" text,
	"applies_to_document_type" text,
	"applies_to_document_no" text,
	"corrected_invoice_no" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "purchase_header_document_type_no_pk" PRIMARY KEY("document_type","no"),
	CONSTRAINT "purchase_header_document_type_check" CHECK ("purchase_header"."document_type" in ('quote', 'order', 'invoice', 'creditMemo', 'returnOrder'))
);
--> statement-breakpoint
CREATE TABLE "purchase_line" (
	"document_type" text NOT NULL,
	"document_no" text NOT NULL,
	"line_no" integer NOT NULL,
	"type" text NOT NULL,
	"no" text DEFAULT '' NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"description2" text DEFAULT '' NOT NULL,
	"vendor_item_no" text DEFAULT '' NOT NULL,
	"location_code" text,
	"unit_of_measure_code" text,
	"quantity_per_unit_of_measure" numeric(18, 5) DEFAULT '1' NOT NULL,
	"quantity" numeric(18, 5) DEFAULT '0' NOT NULL,
	"quantity_base" numeric(18, 5) DEFAULT '0' NOT NULL,
	"quantity_to_receive" numeric(18, 5) DEFAULT '0' NOT NULL,
	"quantity_received" numeric(18, 5) DEFAULT '0' NOT NULL,
	"return_quantity_to_ship" numeric(18, 5) DEFAULT '0' NOT NULL,
	"return_quantity_shipped" numeric(18, 5) DEFAULT '0' NOT NULL,
	"quantity_to_invoice" numeric(18, 5) DEFAULT '0' NOT NULL,
	"quantity_invoiced" numeric(18, 5) DEFAULT '0' NOT NULL,
	"direct_unit_cost" numeric(18, 5) DEFAULT '0' NOT NULL,
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
	"allow_line_discount" boolean DEFAULT true NOT NULL,
	"gen_bus_posting_group" text,
	"gen_prod_posting_group" text,
	"vat_bus_posting_group" text,
	"vat_prod_posting_group" text,
	"inventory_posting_group" text,
	"expected_receipt_date" date,
	"system_created_entry" boolean DEFAULT false NOT NULL,
	"purchasing_code" text,
	"drop_shipment" boolean DEFAULT false NOT NULL,
	"special_order" boolean DEFAULT false NOT NULL,
	"sales_order_no" text,
	"sales_order_line_no" integer,
	"special_order_sales_no" text,
	"special_order_sales_line_no" integer,
	"appl_to_item_entry" integer,
	"receipt_no" text,
	"receipt_line_no" integer,
	"return_shipment_no" text,
	"return_shipment_line_no" integer,
	CONSTRAINT "purchase_line_document_type_document_no_line_no_pk" PRIMARY KEY("document_type","document_no","line_no"),
	CONSTRAINT "purchase_line_type_check" CHECK ("purchase_line"."type" in ('comment', 'item', 'glAccount')),
	CONSTRAINT "purchase_line_one_kind" CHECK (not ("purchase_line"."drop_shipment" and "purchase_line"."special_order"))
);
--> statement-breakpoint
CREATE TABLE "purchasing" (
	"code" text PRIMARY KEY NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"drop_shipment" boolean DEFAULT false NOT NULL,
	"special_order" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "requisition_line" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"worksheet_name" text DEFAULT 'DEFAULT' NOT NULL,
	"line_no" integer NOT NULL,
	"type" text DEFAULT 'item' NOT NULL,
	"no" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"quantity" numeric(18, 5) DEFAULT '0' NOT NULL,
	"unit_of_measure_code" text,
	"quantity_per_unit_of_measure" numeric(18, 5) DEFAULT '1' NOT NULL,
	"vendor_no" text,
	"vendor_item_no" text DEFAULT '' NOT NULL,
	"direct_unit_cost" numeric(18, 5) DEFAULT '0' NOT NULL,
	"due_date" date,
	"location_code" text,
	"accept_action_message" boolean DEFAULT true NOT NULL,
	"purchasing_code" text,
	"drop_shipment" boolean DEFAULT false NOT NULL,
	"special_order" boolean DEFAULT false NOT NULL,
	"sales_order_no" text NOT NULL,
	"sales_order_line_no" integer NOT NULL,
	"sell_to_customer_no" text,
	"ship_to_code" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "posted_purchase_header" (
	"document_type" text NOT NULL,
	"no" text NOT NULL,
	"no_series" text,
	"source_document_type" text NOT NULL,
	"source_document_no" text NOT NULL,
	"buy_from_vendor_no" text NOT NULL,
	"buy_from_name" text DEFAULT '' NOT NULL,
	"buy_from_name2" text DEFAULT '' NOT NULL,
	"buy_from_address" text DEFAULT '' NOT NULL,
	"buy_from_address2" text DEFAULT '' NOT NULL,
	"buy_from_city" text DEFAULT '' NOT NULL,
	"buy_from_post_code" text DEFAULT '' NOT NULL,
	"buy_from_country_region_code" text DEFAULT '' NOT NULL,
	"buy_from_phone_no" text DEFAULT '' NOT NULL,
	"buy_from_email" text DEFAULT '' NOT NULL,
	"buy_from_county" text DEFAULT '' NOT NULL,
	"buy_from_contact" text DEFAULT '' NOT NULL,
	"pay_to_vendor_no" text NOT NULL,
	"pay_to_name" text DEFAULT '' NOT NULL,
	"pay_to_name2" text DEFAULT '' NOT NULL,
	"pay_to_address" text DEFAULT '' NOT NULL,
	"pay_to_address2" text DEFAULT '' NOT NULL,
	"pay_to_city" text DEFAULT '' NOT NULL,
	"pay_to_post_code" text DEFAULT '' NOT NULL,
	"pay_to_country_region_code" text DEFAULT '' NOT NULL,
	"pay_to_phone_no" text DEFAULT '' NOT NULL,
	"pay_to_email" text DEFAULT '' NOT NULL,
	"pay_to_county" text DEFAULT '' NOT NULL,
	"pay_to_contact" text DEFAULT '' NOT NULL,
	"sell_to_customer_no" text,
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
	"expected_receipt_date" date,
	"due_date" date,
	"payment_discount_date" date,
	"payment_discount_percent" numeric(9, 5) DEFAULT '0' NOT NULL,
	"payment_terms_code" text,
	"payment_method_code" text,
	"shipment_method_code" text,
	"currency_code" text,
	"currency_factor" numeric(28, 12) DEFAULT '1' NOT NULL,
	"prices_including_vat" boolean DEFAULT false NOT NULL,
	"location_code" text,
	"purchaser_code" text,
	"vendor_invoice_no" text DEFAULT '' NOT NULL,
	"vendor_credit_memo_no" text DEFAULT '' NOT NULL,
	"vendor_order_no" text DEFAULT '' NOT NULL,
	"vendor_shipment_no" text DEFAULT '' NOT NULL,
	"your_reference" text DEFAULT '' NOT NULL,
	"vendor_posting_group" text,
	"gen_bus_posting_group" text,
	"vat_bus_posting_group" text,
	"vat_registration_no" text DEFAULT '' NOT NULL,
	"language_code" text DEFAULT '' NOT NULL,
	"applies_to_document_type" text,
	"applies_to_document_no" text,
	"corrected_invoice_no" text,
	"posting_description" text DEFAULT '' NOT NULL,
	"amount" numeric(18, 2) DEFAULT '0' NOT NULL,
	"amount_including_vat" numeric(18, 2) DEFAULT '0' NOT NULL,
	"invoice_discount_amount" numeric(18, 2) DEFAULT '0' NOT NULL,
	"vendor_ledger_entry_no" integer,
	"transaction_no" integer,
	"user_id" text DEFAULT '' NOT NULL,
	"posted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "posted_purchase_header_document_type_no_pk" PRIMARY KEY("document_type","no"),
	CONSTRAINT "posted_purchase_header_document_type_check" CHECK ("posted_purchase_header"."document_type" in ('receipt', 'invoice', 'creditMemo', 'returnShipment'))
);
--> statement-breakpoint
CREATE TABLE "posted_purchase_line" (
	"document_type" text NOT NULL,
	"document_no" text NOT NULL,
	"line_no" integer NOT NULL,
	"type" text NOT NULL,
	"no" text DEFAULT '' NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"description2" text DEFAULT '' NOT NULL,
	"vendor_item_no" text DEFAULT '' NOT NULL,
	"buy_from_vendor_no" text NOT NULL,
	"pay_to_vendor_no" text NOT NULL,
	"posting_date" date NOT NULL,
	"location_code" text,
	"unit_of_measure_code" text,
	"quantity_per_unit_of_measure" numeric(18, 5) DEFAULT '1' NOT NULL,
	"quantity" numeric(18, 5) DEFAULT '0' NOT NULL,
	"quantity_base" numeric(18, 5) DEFAULT '0' NOT NULL,
	"quantity_invoiced" numeric(18, 5) DEFAULT '0' NOT NULL,
	"quantity_not_invoiced" numeric(18, 5) DEFAULT '0' NOT NULL,
	"direct_unit_cost" numeric(18, 5) DEFAULT '0' NOT NULL,
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
	"expected_receipt_date" date,
	"drop_shipment" boolean DEFAULT false NOT NULL,
	"special_order" boolean DEFAULT false NOT NULL,
	"sales_order_no" text,
	"sales_order_line_no" integer,
	"special_order_sales_no" text,
	"special_order_sales_line_no" integer,
	"source_document_type" text NOT NULL,
	"source_document_no" text NOT NULL,
	"source_line_no" integer DEFAULT 0 NOT NULL,
	"receipt_no" text,
	"receipt_line_no" integer,
	"return_shipment_no" text,
	"return_shipment_line_no" integer,
	"item_ledger_entry_no" integer,
	"appl_to_item_entry" integer,
	"correction" boolean DEFAULT false NOT NULL,
	CONSTRAINT "posted_purchase_line_document_type_document_no_line_no_pk" PRIMARY KEY("document_type","document_no","line_no"),
	CONSTRAINT "posted_purchase_line_type_check" CHECK ("posted_purchase_line"."type" in ('comment', 'item', 'glAccount'))
);
--> statement-breakpoint
ALTER TABLE "general_posting_setup" ADD COLUMN "purchase_account" text;--> statement-breakpoint
ALTER TABLE "general_posting_setup" ADD COLUMN "purchase_credit_memo_account" text;--> statement-breakpoint
ALTER TABLE "general_posting_setup" ADD COLUMN "purchase_line_discount_account" text;--> statement-breakpoint
ALTER TABLE "general_posting_setup" ADD COLUMN "purchase_invoice_discount_account" text;--> statement-breakpoint
ALTER TABLE "general_posting_setup" ADD COLUMN "purchase_payment_discount_debit_account" text;--> statement-breakpoint
ALTER TABLE "general_posting_setup" ADD COLUMN "purchase_payment_discount_credit_account" text;--> statement-breakpoint
ALTER TABLE "general_posting_setup" ADD COLUMN "purchase_variance_account" text;--> statement-breakpoint
ALTER TABLE "purchases_payables_setup" ADD COLUMN "discount_posting" text DEFAULT 'noDiscounts' NOT NULL;--> statement-breakpoint
ALTER TABLE "purchases_payables_setup" ADD COLUMN "receipt_on_invoice" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "purchases_payables_setup" ADD COLUMN "return_shipment_on_credit_memo" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "purchases_payables_setup" ADD COLUMN "external_document_no_mandatory" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "purchases_payables_setup" ADD COLUMN "default_quantity_to_receive" text DEFAULT 'remainder' NOT NULL;--> statement-breakpoint
ALTER TABLE "purchases_payables_setup" ADD COLUMN "calculate_invoice_discount" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "purchases_payables_setup" ADD COLUMN "exact_cost_reversing_mandatory" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "purchases_payables_setup" ADD COLUMN "application_between_currencies" text DEFAULT 'none' NOT NULL;--> statement-breakpoint
ALTER TABLE "purchases_payables_setup" ADD COLUMN "quote_nos" text;--> statement-breakpoint
ALTER TABLE "purchases_payables_setup" ADD COLUMN "order_nos" text;--> statement-breakpoint
ALTER TABLE "purchases_payables_setup" ADD COLUMN "invoice_nos" text;--> statement-breakpoint
ALTER TABLE "purchases_payables_setup" ADD COLUMN "credit_memo_nos" text;--> statement-breakpoint
ALTER TABLE "purchases_payables_setup" ADD COLUMN "return_order_nos" text;--> statement-breakpoint
ALTER TABLE "purchases_payables_setup" ADD COLUMN "posted_receipt_nos" text;--> statement-breakpoint
ALTER TABLE "purchases_payables_setup" ADD COLUMN "posted_invoice_nos" text;--> statement-breakpoint
ALTER TABLE "purchases_payables_setup" ADD COLUMN "posted_credit_memo_nos" text;--> statement-breakpoint
ALTER TABLE "purchases_payables_setup" ADD COLUMN "posted_return_shipment_nos" text;--> statement-breakpoint
ALTER TABLE "sales_line" ADD COLUMN "purchasing_code" text;--> statement-breakpoint
ALTER TABLE "sales_line" ADD COLUMN "drop_shipment" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "sales_line" ADD COLUMN "special_order" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "sales_line" ADD COLUMN "purchase_order_no" text;--> statement-breakpoint
ALTER TABLE "sales_line" ADD COLUMN "purchase_order_line_no" integer;--> statement-breakpoint
ALTER TABLE "sales_line" ADD COLUMN "special_order_purchase_no" text;--> statement-breakpoint
ALTER TABLE "sales_line" ADD COLUMN "special_order_purchase_line_no" integer;--> statement-breakpoint
ALTER TABLE "nonstock_item" ADD CONSTRAINT "nonstock_item_vendor_no_vendor_no_fk" FOREIGN KEY ("vendor_no") REFERENCES "public"."vendor"("no") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nonstock_item" ADD CONSTRAINT "nonstock_item_unit_of_measure_code_unit_of_measure_code_fk" FOREIGN KEY ("unit_of_measure_code") REFERENCES "public"."unit_of_measure"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nonstock_item" ADD CONSTRAINT "nonstock_item_item_no_item_no_fk" FOREIGN KEY ("item_no") REFERENCES "public"."item"("no") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "purchase_header" ADD CONSTRAINT "purchase_header_buy_from_vendor_no_vendor_no_fk" FOREIGN KEY ("buy_from_vendor_no") REFERENCES "public"."vendor"("no") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "purchase_header" ADD CONSTRAINT "purchase_header_pay_to_vendor_no_vendor_no_fk" FOREIGN KEY ("pay_to_vendor_no") REFERENCES "public"."vendor"("no") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "purchase_header" ADD CONSTRAINT "purchase_header_sell_to_customer_no_customer_no_fk" FOREIGN KEY ("sell_to_customer_no") REFERENCES "public"."customer"("no") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "purchase_header" ADD CONSTRAINT "purchase_header_payment_terms_code_payment_terms_code_fk" FOREIGN KEY ("payment_terms_code") REFERENCES "public"."payment_terms"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "purchase_header" ADD CONSTRAINT "purchase_header_payment_method_code_payment_method_code_fk" FOREIGN KEY ("payment_method_code") REFERENCES "public"."payment_method"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "purchase_header" ADD CONSTRAINT "purchase_header_shipment_method_code_shipment_method_code_fk" FOREIGN KEY ("shipment_method_code") REFERENCES "public"."shipment_method"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "purchase_header" ADD CONSTRAINT "purchase_header_currency_code_currency_code_fk" FOREIGN KEY ("currency_code") REFERENCES "public"."currency"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "purchase_header" ADD CONSTRAINT "purchase_header_location_code_location_code_fk" FOREIGN KEY ("location_code") REFERENCES "public"."location"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "purchase_header" ADD CONSTRAINT "purchase_header_purchaser_code_salesperson_purchaser_code_fk" FOREIGN KEY ("purchaser_code") REFERENCES "public"."salesperson_purchaser"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "purchase_header" ADD CONSTRAINT "purchase_header_vendor_posting_group_vendor_posting_group_code_fk" FOREIGN KEY ("vendor_posting_group") REFERENCES "public"."vendor_posting_group"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "purchase_header" ADD CONSTRAINT "purchase_header_gen_bus_posting_group_gen_business_posting_group_code_fk" FOREIGN KEY ("gen_bus_posting_group") REFERENCES "public"."gen_business_posting_group"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "purchase_header" ADD CONSTRAINT "purchase_header_vat_bus_posting_group_vat_business_posting_group_code_fk" FOREIGN KEY ("vat_bus_posting_group") REFERENCES "public"."vat_business_posting_group"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "purchase_line" ADD CONSTRAINT "purchase_line_location_code_location_code_fk" FOREIGN KEY ("location_code") REFERENCES "public"."location"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "purchase_line" ADD CONSTRAINT "purchase_line_unit_of_measure_code_unit_of_measure_code_fk" FOREIGN KEY ("unit_of_measure_code") REFERENCES "public"."unit_of_measure"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "purchase_line" ADD CONSTRAINT "purchase_line_gen_bus_posting_group_gen_business_posting_group_code_fk" FOREIGN KEY ("gen_bus_posting_group") REFERENCES "public"."gen_business_posting_group"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "purchase_line" ADD CONSTRAINT "purchase_line_gen_prod_posting_group_gen_product_posting_group_code_fk" FOREIGN KEY ("gen_prod_posting_group") REFERENCES "public"."gen_product_posting_group"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "purchase_line" ADD CONSTRAINT "purchase_line_vat_bus_posting_group_vat_business_posting_group_code_fk" FOREIGN KEY ("vat_bus_posting_group") REFERENCES "public"."vat_business_posting_group"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "purchase_line" ADD CONSTRAINT "purchase_line_vat_prod_posting_group_vat_product_posting_group_code_fk" FOREIGN KEY ("vat_prod_posting_group") REFERENCES "public"."vat_product_posting_group"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "purchase_line" ADD CONSTRAINT "purchase_line_inventory_posting_group_inventory_posting_group_code_fk" FOREIGN KEY ("inventory_posting_group") REFERENCES "public"."inventory_posting_group"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "purchase_line" ADD CONSTRAINT "purchase_line_purchasing_code_purchasing_code_fk" FOREIGN KEY ("purchasing_code") REFERENCES "public"."purchasing"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "purchase_line" ADD CONSTRAINT "purchase_line_document_fk" FOREIGN KEY ("document_type","document_no") REFERENCES "public"."purchase_header"("document_type","no") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requisition_line" ADD CONSTRAINT "requisition_line_unit_of_measure_code_unit_of_measure_code_fk" FOREIGN KEY ("unit_of_measure_code") REFERENCES "public"."unit_of_measure"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requisition_line" ADD CONSTRAINT "requisition_line_vendor_no_vendor_no_fk" FOREIGN KEY ("vendor_no") REFERENCES "public"."vendor"("no") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requisition_line" ADD CONSTRAINT "requisition_line_location_code_location_code_fk" FOREIGN KEY ("location_code") REFERENCES "public"."location"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requisition_line" ADD CONSTRAINT "requisition_line_purchasing_code_purchasing_code_fk" FOREIGN KEY ("purchasing_code") REFERENCES "public"."purchasing"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requisition_line" ADD CONSTRAINT "requisition_line_sell_to_customer_no_customer_no_fk" FOREIGN KEY ("sell_to_customer_no") REFERENCES "public"."customer"("no") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "posted_purchase_header" ADD CONSTRAINT "posted_purchase_header_buy_from_vendor_no_vendor_no_fk" FOREIGN KEY ("buy_from_vendor_no") REFERENCES "public"."vendor"("no") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "posted_purchase_header" ADD CONSTRAINT "posted_purchase_header_pay_to_vendor_no_vendor_no_fk" FOREIGN KEY ("pay_to_vendor_no") REFERENCES "public"."vendor"("no") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "posted_purchase_line" ADD CONSTRAINT "posted_purchase_line_document_fk" FOREIGN KEY ("document_type","document_no") REFERENCES "public"."posted_purchase_header"("document_type","no") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "nonstock_item_vendor_item" ON "nonstock_item" USING btree ("vendor_no","vendor_item_no");--> statement-breakpoint
CREATE INDEX "purchase_line_sales_order" ON "purchase_line" USING btree ("sales_order_no","sales_order_line_no");--> statement-breakpoint
CREATE INDEX "purchase_line_special_order" ON "purchase_line" USING btree ("special_order_sales_no","special_order_sales_line_no");--> statement-breakpoint
CREATE INDEX "requisition_line_worksheet" ON "requisition_line" USING btree ("worksheet_name","line_no");--> statement-breakpoint
CREATE INDEX "requisition_line_sales_line" ON "requisition_line" USING btree ("sales_order_no","sales_order_line_no");--> statement-breakpoint
CREATE INDEX "posted_purchase_header_vendor" ON "posted_purchase_header" USING btree ("pay_to_vendor_no","posting_date");--> statement-breakpoint
CREATE INDEX "posted_purchase_header_source" ON "posted_purchase_header" USING btree ("source_document_type","source_document_no");--> statement-breakpoint
CREATE INDEX "posted_purchase_line_source" ON "posted_purchase_line" USING btree ("source_document_type","source_document_no","source_line_no");--> statement-breakpoint
CREATE INDEX "posted_purchase_line_open_receipt" ON "posted_purchase_line" USING btree ("pay_to_vendor_no","document_type");--> statement-breakpoint
ALTER TABLE "general_posting_setup" ADD CONSTRAINT "general_posting_setup_purchase_account_gl_account_no_fk" FOREIGN KEY ("purchase_account") REFERENCES "public"."gl_account"("no") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "general_posting_setup" ADD CONSTRAINT "general_posting_setup_purchase_credit_memo_account_gl_account_no_fk" FOREIGN KEY ("purchase_credit_memo_account") REFERENCES "public"."gl_account"("no") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "general_posting_setup" ADD CONSTRAINT "general_posting_setup_purchase_line_discount_account_gl_account_no_fk" FOREIGN KEY ("purchase_line_discount_account") REFERENCES "public"."gl_account"("no") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "general_posting_setup" ADD CONSTRAINT "general_posting_setup_purchase_invoice_discount_account_gl_account_no_fk" FOREIGN KEY ("purchase_invoice_discount_account") REFERENCES "public"."gl_account"("no") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "general_posting_setup" ADD CONSTRAINT "general_posting_setup_purchase_payment_discount_debit_account_gl_account_no_fk" FOREIGN KEY ("purchase_payment_discount_debit_account") REFERENCES "public"."gl_account"("no") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "general_posting_setup" ADD CONSTRAINT "general_posting_setup_purchase_payment_discount_credit_account_gl_account_no_fk" FOREIGN KEY ("purchase_payment_discount_credit_account") REFERENCES "public"."gl_account"("no") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "general_posting_setup" ADD CONSTRAINT "general_posting_setup_purchase_variance_account_gl_account_no_fk" FOREIGN KEY ("purchase_variance_account") REFERENCES "public"."gl_account"("no") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "purchases_payables_setup" ADD CONSTRAINT "purchases_payables_setup_quote_nos_no_series_code_fk" FOREIGN KEY ("quote_nos") REFERENCES "public"."no_series"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "purchases_payables_setup" ADD CONSTRAINT "purchases_payables_setup_order_nos_no_series_code_fk" FOREIGN KEY ("order_nos") REFERENCES "public"."no_series"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "purchases_payables_setup" ADD CONSTRAINT "purchases_payables_setup_invoice_nos_no_series_code_fk" FOREIGN KEY ("invoice_nos") REFERENCES "public"."no_series"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "purchases_payables_setup" ADD CONSTRAINT "purchases_payables_setup_credit_memo_nos_no_series_code_fk" FOREIGN KEY ("credit_memo_nos") REFERENCES "public"."no_series"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "purchases_payables_setup" ADD CONSTRAINT "purchases_payables_setup_return_order_nos_no_series_code_fk" FOREIGN KEY ("return_order_nos") REFERENCES "public"."no_series"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "purchases_payables_setup" ADD CONSTRAINT "purchases_payables_setup_posted_receipt_nos_no_series_code_fk" FOREIGN KEY ("posted_receipt_nos") REFERENCES "public"."no_series"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "purchases_payables_setup" ADD CONSTRAINT "purchases_payables_setup_posted_invoice_nos_no_series_code_fk" FOREIGN KEY ("posted_invoice_nos") REFERENCES "public"."no_series"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "purchases_payables_setup" ADD CONSTRAINT "purchases_payables_setup_posted_credit_memo_nos_no_series_code_fk" FOREIGN KEY ("posted_credit_memo_nos") REFERENCES "public"."no_series"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "purchases_payables_setup" ADD CONSTRAINT "purchases_payables_setup_posted_return_shipment_nos_no_series_code_fk" FOREIGN KEY ("posted_return_shipment_nos") REFERENCES "public"."no_series"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_line" ADD CONSTRAINT "sales_line_one_purchasing_kind" CHECK (not ("sales_line"."drop_shipment" and "sales_line"."special_order"));--> statement-breakpoint
CREATE TRIGGER posted_purchase_header_append_only BEFORE UPDATE OR DELETE ON posted_purchase_header FOR EACH ROW EXECUTE FUNCTION refuse_ledger_change();
--> statement-breakpoint
CREATE TRIGGER posted_purchase_line_append_only BEFORE UPDATE OR DELETE ON posted_purchase_line FOR EACH ROW EXECUTE FUNCTION refuse_ledger_change('quantity_invoiced', 'quantity_not_invoiced', 'correction');
--> statement-breakpoint
CREATE TRIGGER posted_purchase_header_no_truncate BEFORE TRUNCATE ON posted_purchase_header FOR EACH STATEMENT EXECUTE FUNCTION refuse_ledger_truncate();
--> statement-breakpoint
CREATE TRIGGER posted_purchase_line_no_truncate BEFORE TRUNCATE ON posted_purchase_line FOR EACH STATEMENT EXECUTE FUNCTION refuse_ledger_truncate();
