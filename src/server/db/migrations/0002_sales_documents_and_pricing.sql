CREATE TABLE "sales_header" (
	"document_type" text NOT NULL,
	"no" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
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
	"posting_date" date,
	"document_date" date,
	"due_date" date,
	"payment_discount_date" date,
	"payment_discount_percent" numeric(9, 5) DEFAULT '0' NOT NULL,
	"payment_terms_code" text,
	"payment_method_code" text,
	"shipment_method_code" text,
	"shipping_agent_code" text,
	"shipping_agent_service_code" text DEFAULT '' NOT NULL,
	"shipping_time" text DEFAULT '' NOT NULL,
	"package_tracking_no" text DEFAULT '' NOT NULL,
	"shipment_date" date,
	"requested_delivery_date" date,
	"promised_delivery_date" date,
	"currency_code" text,
	"currency_factor" numeric(28, 12) DEFAULT '1' NOT NULL,
	"prices_including_vat" boolean DEFAULT false NOT NULL,
	"location_code" text,
	"salesperson_code" text,
	"external_document_no" text DEFAULT '' NOT NULL,
	"your_reference" text DEFAULT '' NOT NULL,
	"customer_posting_group" text,
	"gen_bus_posting_group" text,
	"vat_bus_posting_group" text,
	"customer_price_group" text,
	"customer_discount_group" text,
	"invoice_discount_code" text DEFAULT '' NOT NULL,
	"allow_line_discount" boolean DEFAULT true NOT NULL,
	"invoice_discount_calculation" text DEFAULT 'none' NOT NULL,
	"invoice_discount_value" numeric(18, 5) DEFAULT '0' NOT NULL,
	"shipping_advice" text DEFAULT 'partial' NOT NULL,
	"combine_shipments" boolean DEFAULT false NOT NULL,
	"language_code" text DEFAULT '' NOT NULL,
	"vat_registration_no" text DEFAULT '' NOT NULL,
	"prepayment_percent" numeric(9, 5) DEFAULT '0' NOT NULL,
	"quote_no" text,
	"quote_valid_until_date" date,
	"no_series" text,
	"posting_no" text,
	"posting_no_series" text,
	"shipping_no" text,
	"shipping_no_series" text,
	"return_receipt_no" text,
	"return_receipt_no_series" text,
	"last_posting_no" text,
	"last_shipping_no" text,
	"last_return_receipt_no" text,
	"applies_to_document_type" text,
	"applies_to_document_no" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sales_header_document_type_no_pk" PRIMARY KEY("document_type","no")
);
--> statement-breakpoint
CREATE TABLE "sales_line" (
	"document_type" text NOT NULL,
	"document_no" text NOT NULL,
	"line_no" integer NOT NULL,
	"type" text NOT NULL,
	"no" text DEFAULT '' NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"description2" text DEFAULT '' NOT NULL,
	"location_code" text,
	"unit_of_measure_code" text,
	"quantity_per_unit_of_measure" numeric(18, 5) DEFAULT '1' NOT NULL,
	"quantity" numeric(18, 5) DEFAULT '0' NOT NULL,
	"quantity_base" numeric(18, 5) DEFAULT '0' NOT NULL,
	"quantity_to_ship" numeric(18, 5) DEFAULT '0' NOT NULL,
	"quantity_shipped" numeric(18, 5) DEFAULT '0' NOT NULL,
	"return_quantity_to_receive" numeric(18, 5) DEFAULT '0' NOT NULL,
	"return_quantity_received" numeric(18, 5) DEFAULT '0' NOT NULL,
	"quantity_to_invoice" numeric(18, 5) DEFAULT '0' NOT NULL,
	"quantity_invoiced" numeric(18, 5) DEFAULT '0' NOT NULL,
	"unit_price" numeric(18, 5) DEFAULT '0' NOT NULL,
	"unit_cost_lcy" numeric(18, 5) DEFAULT '0' NOT NULL,
	"line_discount_percent" numeric(9, 5) DEFAULT '0' NOT NULL,
	"line_discount_amount" numeric(18, 2) DEFAULT '0' NOT NULL,
	"line_amount" numeric(18, 2) DEFAULT '0' NOT NULL,
	"allow_invoice_discount" boolean DEFAULT true NOT NULL,
	"allow_line_discount" boolean DEFAULT true NOT NULL,
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
	"requested_delivery_date" date,
	"promised_delivery_date" date,
	"system_created_entry" boolean DEFAULT false NOT NULL,
	CONSTRAINT "sales_line_document_type_document_no_line_no_pk" PRIMARY KEY("document_type","document_no","line_no")
);
--> statement-breakpoint
CREATE TABLE "customer_invoice_discount" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"currency_code" text DEFAULT '' NOT NULL,
	"minimum_amount" numeric(18, 2) DEFAULT '0' NOT NULL,
	"discount_percent" numeric(9, 5) DEFAULT '0' NOT NULL,
	"service_charge" numeric(18, 2) DEFAULT '0' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "customer_invoice_discount_terms" UNIQUE("code","currency_code","minimum_amount")
);
--> statement-breakpoint
CREATE TABLE "sales_line_discount" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"type" text NOT NULL,
	"code" text NOT NULL,
	"sales_type" text NOT NULL,
	"sales_code" text DEFAULT '' NOT NULL,
	"starting_date" date,
	"ending_date" date,
	"currency_code" text DEFAULT '' NOT NULL,
	"variant_code" text DEFAULT '' NOT NULL,
	"unit_of_measure_code" text DEFAULT '' NOT NULL,
	"minimum_quantity" numeric(18, 5) DEFAULT '0' NOT NULL,
	"line_discount_percent" numeric(9, 5) NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sales_line_discount_agreement" UNIQUE NULLS NOT DISTINCT("type","code","sales_type","sales_code","starting_date","currency_code","variant_code","unit_of_measure_code","minimum_quantity")
);
--> statement-breakpoint
CREATE TABLE "sales_price" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"item_no" text NOT NULL,
	"sales_type" text NOT NULL,
	"sales_code" text DEFAULT '' NOT NULL,
	"starting_date" date,
	"ending_date" date,
	"currency_code" text DEFAULT '' NOT NULL,
	"variant_code" text DEFAULT '' NOT NULL,
	"unit_of_measure_code" text DEFAULT '' NOT NULL,
	"minimum_quantity" numeric(18, 5) DEFAULT '0' NOT NULL,
	"unit_price" numeric(18, 5) NOT NULL,
	"price_includes_vat" boolean DEFAULT false NOT NULL,
	"vat_bus_posting_group_price" text,
	"allow_invoice_discount" boolean DEFAULT true NOT NULL,
	"allow_line_discount" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sales_price_agreement" UNIQUE NULLS NOT DISTINCT("item_no","sales_type","sales_code","starting_date","currency_code","variant_code","unit_of_measure_code","minimum_quantity")
);
--> statement-breakpoint
ALTER TABLE "sales_header" ADD CONSTRAINT "sales_header_sell_to_customer_no_customer_no_fk" FOREIGN KEY ("sell_to_customer_no") REFERENCES "public"."customer"("no") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_header" ADD CONSTRAINT "sales_header_bill_to_customer_no_customer_no_fk" FOREIGN KEY ("bill_to_customer_no") REFERENCES "public"."customer"("no") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_header" ADD CONSTRAINT "sales_header_payment_terms_code_payment_terms_code_fk" FOREIGN KEY ("payment_terms_code") REFERENCES "public"."payment_terms"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_header" ADD CONSTRAINT "sales_header_payment_method_code_payment_method_code_fk" FOREIGN KEY ("payment_method_code") REFERENCES "public"."payment_method"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_header" ADD CONSTRAINT "sales_header_shipment_method_code_shipment_method_code_fk" FOREIGN KEY ("shipment_method_code") REFERENCES "public"."shipment_method"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_header" ADD CONSTRAINT "sales_header_shipping_agent_code_shipping_agent_code_fk" FOREIGN KEY ("shipping_agent_code") REFERENCES "public"."shipping_agent"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_header" ADD CONSTRAINT "sales_header_currency_code_currency_code_fk" FOREIGN KEY ("currency_code") REFERENCES "public"."currency"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_header" ADD CONSTRAINT "sales_header_location_code_location_code_fk" FOREIGN KEY ("location_code") REFERENCES "public"."location"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_header" ADD CONSTRAINT "sales_header_salesperson_code_salesperson_purchaser_code_fk" FOREIGN KEY ("salesperson_code") REFERENCES "public"."salesperson_purchaser"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_header" ADD CONSTRAINT "sales_header_customer_posting_group_customer_posting_group_code_fk" FOREIGN KEY ("customer_posting_group") REFERENCES "public"."customer_posting_group"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_header" ADD CONSTRAINT "sales_header_gen_bus_posting_group_gen_business_posting_group_code_fk" FOREIGN KEY ("gen_bus_posting_group") REFERENCES "public"."gen_business_posting_group"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_header" ADD CONSTRAINT "sales_header_vat_bus_posting_group_vat_business_posting_group_code_fk" FOREIGN KEY ("vat_bus_posting_group") REFERENCES "public"."vat_business_posting_group"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_header" ADD CONSTRAINT "sales_header_customer_price_group_customer_price_group_code_fk" FOREIGN KEY ("customer_price_group") REFERENCES "public"."customer_price_group"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_header" ADD CONSTRAINT "sales_header_customer_discount_group_customer_discount_group_code_fk" FOREIGN KEY ("customer_discount_group") REFERENCES "public"."customer_discount_group"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_line" ADD CONSTRAINT "sales_line_location_code_location_code_fk" FOREIGN KEY ("location_code") REFERENCES "public"."location"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_line" ADD CONSTRAINT "sales_line_unit_of_measure_code_unit_of_measure_code_fk" FOREIGN KEY ("unit_of_measure_code") REFERENCES "public"."unit_of_measure"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_line" ADD CONSTRAINT "sales_line_gen_bus_posting_group_gen_business_posting_group_code_fk" FOREIGN KEY ("gen_bus_posting_group") REFERENCES "public"."gen_business_posting_group"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_line" ADD CONSTRAINT "sales_line_gen_prod_posting_group_gen_product_posting_group_code_fk" FOREIGN KEY ("gen_prod_posting_group") REFERENCES "public"."gen_product_posting_group"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_line" ADD CONSTRAINT "sales_line_vat_bus_posting_group_vat_business_posting_group_code_fk" FOREIGN KEY ("vat_bus_posting_group") REFERENCES "public"."vat_business_posting_group"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_line" ADD CONSTRAINT "sales_line_vat_prod_posting_group_vat_product_posting_group_code_fk" FOREIGN KEY ("vat_prod_posting_group") REFERENCES "public"."vat_product_posting_group"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_line" ADD CONSTRAINT "sales_line_inventory_posting_group_inventory_posting_group_code_fk" FOREIGN KEY ("inventory_posting_group") REFERENCES "public"."inventory_posting_group"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_line" ADD CONSTRAINT "sales_line_document_fk" FOREIGN KEY ("document_type","document_no") REFERENCES "public"."sales_header"("document_type","no") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_price" ADD CONSTRAINT "sales_price_item_no_item_no_fk" FOREIGN KEY ("item_no") REFERENCES "public"."item"("no") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_price" ADD CONSTRAINT "sales_price_vat_bus_posting_group_price_vat_business_posting_group_code_fk" FOREIGN KEY ("vat_bus_posting_group_price") REFERENCES "public"."vat_business_posting_group"("code") ON DELETE no action ON UPDATE no action;