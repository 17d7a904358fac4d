CREATE TABLE "no_series" (
	"code" text PRIMARY KEY NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"default_nos" boolean DEFAULT true NOT NULL,
	"manual_nos" boolean DEFAULT false NOT NULL,
	"date_order" boolean DEFAULT false NOT NULL,
	"allow_gaps" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "no_series_line" (
	"series_code" text NOT NULL,
	"line_no" integer NOT NULL,
	"starting_date" date,
	"starting_no" text NOT NULL,
	"ending_no" text,
	"warning_no" text,
	"increment_by" integer DEFAULT 1 NOT NULL,
	"last_no_used" text,
	"last_date_used" date,
	"open" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "no_series_line_series_code_line_no_pk" PRIMARY KEY("series_code","line_no")
);
--> statement-breakpoint
CREATE TABLE "gen_business_posting_group" (
	"code" text PRIMARY KEY NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"default_vat_bus_posting_group" text,
	"auto_insert_default" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "gen_product_posting_group" (
	"code" text PRIMARY KEY NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"default_vat_prod_posting_group" text,
	"auto_insert_default" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inventory_posting_group" (
	"code" text PRIMARY KEY NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "vat_business_posting_group" (
	"code" text PRIMARY KEY NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "vat_product_posting_group" (
	"code" text PRIMARY KEY NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "gl_account" (
	"no" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"account_type" text DEFAULT 'posting' NOT NULL,
	"income_balance" text NOT NULL,
	"account_category" text DEFAULT '' NOT NULL,
	"debit_credit" text DEFAULT 'both' NOT NULL,
	"direct_posting" boolean DEFAULT true NOT NULL,
	"blocked" boolean DEFAULT false NOT NULL,
	"gen_posting_type" text DEFAULT '' NOT NULL,
	"gen_bus_posting_group" text,
	"gen_prod_posting_group" text,
	"vat_bus_posting_group" text,
	"vat_prod_posting_group" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "currency" (
	"code" text PRIMARY KEY NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"symbol" text DEFAULT '' NOT NULL,
	"amount_rounding_precision" numeric(18, 5) DEFAULT '0.01' NOT NULL,
	"unit_amount_rounding_precision" numeric(18, 5) DEFAULT '0.00001' NOT NULL,
	"invoice_rounding_precision" numeric(18, 5) DEFAULT '0.01' NOT NULL,
	"invoice_rounding_type" text DEFAULT 'nearest' NOT NULL,
	"realized_gains_account" text,
	"realized_losses_account" text,
	"unrealized_gains_account" text,
	"unrealized_losses_account" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "currency_exchange_rate" (
	"currency_code" text NOT NULL,
	"starting_date" date NOT NULL,
	"exchange_rate_amount" numeric(18, 6) DEFAULT '1' NOT NULL,
	"relational_exchange_rate_amount" numeric(18, 6) NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "currency_exchange_rate_currency_code_starting_date_pk" PRIMARY KEY("currency_code","starting_date")
);
--> statement-breakpoint
CREATE TABLE "location" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text DEFAULT '' NOT NULL,
	"address" text DEFAULT '' NOT NULL,
	"address2" text DEFAULT '' NOT NULL,
	"city" text DEFAULT '' NOT NULL,
	"post_code" text DEFAULT '' NOT NULL,
	"country_region_code" text DEFAULT '' NOT NULL,
	"phone_no" text DEFAULT '' NOT NULL,
	"email" text DEFAULT '' NOT NULL,
	"contact" text DEFAULT '' NOT NULL,
	"outbound_warehouse_handling_time" text DEFAULT '' NOT NULL,
	"inbound_warehouse_handling_time" text DEFAULT '' NOT NULL,
	"require_shipment" boolean DEFAULT false NOT NULL,
	"require_pick" boolean DEFAULT false NOT NULL,
	"require_receive" boolean DEFAULT false NOT NULL,
	"require_put_away" boolean DEFAULT false NOT NULL,
	"bin_mandatory" boolean DEFAULT false NOT NULL,
	"directed_put_away_and_pick" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "payment_method" (
	"code" text PRIMARY KEY NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"balancing_account_type" text DEFAULT 'glAccount' NOT NULL,
	"balancing_account_no" text,
	"direct_debit" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "payment_terms" (
	"code" text PRIMARY KEY NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"due_date_calculation" text DEFAULT '' NOT NULL,
	"discount_date_calculation" text DEFAULT '' NOT NULL,
	"discount_percent" numeric(18, 5) DEFAULT '0' NOT NULL,
	"calculate_payment_discount_on_credit_memos" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "salesperson_purchaser" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text DEFAULT '' NOT NULL,
	"email" text DEFAULT '' NOT NULL,
	"phone_no" text DEFAULT '' NOT NULL,
	"commission_percent" numeric(18, 5) DEFAULT '0' NOT NULL,
	"blocked" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "shipment_method" (
	"code" text PRIMARY KEY NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "shipping_agent" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text DEFAULT '' NOT NULL,
	"internet_address" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "unit_of_measure" (
	"code" text PRIMARY KEY NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"international_standard_code" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "customer_posting_group" (
	"code" text PRIMARY KEY NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"receivables_account" text,
	"service_charge_account" text,
	"payment_discount_debit_account" text,
	"payment_discount_credit_account" text,
	"invoice_rounding_account" text,
	"payment_tolerance_debit_account" text,
	"payment_tolerance_credit_account" text,
	"debit_currency_application_rounding_account" text,
	"credit_currency_application_rounding_account" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "general_posting_setup" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"gen_bus_posting_group" text,
	"gen_prod_posting_group" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"sales_account" text,
	"sales_credit_memo_account" text,
	"sales_line_discount_account" text,
	"sales_invoice_discount_account" text,
	"sales_payment_discount_debit_account" text,
	"sales_payment_discount_credit_account" text,
	"sales_payment_tolerance_debit_account" text,
	"sales_payment_tolerance_credit_account" text,
	"cogs_account" text,
	"cogs_account_interim" text,
	"inventory_adjustment_account" text,
	"direct_cost_applied_account" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "general_posting_setup_groups" UNIQUE NULLS NOT DISTINCT("gen_bus_posting_group","gen_prod_posting_group")
);
--> statement-breakpoint
CREATE TABLE "inventory_posting_setup" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"location_code" text,
	"inventory_posting_group" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"inventory_account" text,
	"inventory_account_interim" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inventory_posting_setup_groups" UNIQUE NULLS NOT DISTINCT("location_code","inventory_posting_group")
);
--> statement-breakpoint
CREATE TABLE "vat_posting_setup" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"vat_bus_posting_group" text,
	"vat_prod_posting_group" text,
	"description" text DEFAULT '' NOT NULL,
	"vat_calculation_type" text DEFAULT 'normal' NOT NULL,
	"vat_percent" numeric(9, 5) DEFAULT '0' NOT NULL,
	"vat_identifier" text DEFAULT '' NOT NULL,
	"tax_category" text DEFAULT 'S' NOT NULL,
	"sales_vat_account" text,
	"purchase_vat_account" text,
	"reverse_charge_vat_account" text,
	"adjust_for_payment_discount" boolean DEFAULT false NOT NULL,
	"blocked" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "vat_posting_setup_groups" UNIQUE NULLS NOT DISTINCT("vat_bus_posting_group","vat_prod_posting_group")
);
--> statement-breakpoint
CREATE TABLE "vendor_posting_group" (
	"code" text PRIMARY KEY NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"payables_account" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "company_information" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"name" text DEFAULT '' NOT NULL,
	"address" text DEFAULT '' NOT NULL,
	"address2" text DEFAULT '' NOT NULL,
	"city" text DEFAULT '' NOT NULL,
	"post_code" text DEFAULT '' NOT NULL,
	"country_region_code" text DEFAULT '' NOT NULL,
	"phone_no" text DEFAULT '' NOT NULL,
	"email" text DEFAULT '' NOT NULL,
	"home_page" text DEFAULT '' NOT NULL,
	"vat_registration_no" text DEFAULT '' NOT NULL,
	"registration_no" text DEFAULT '' NOT NULL,
	"bank_name" text DEFAULT '' NOT NULL,
	"iban" text DEFAULT '' NOT NULL,
	"swift_code" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "company_information_singleton" CHECK ("company_information"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE "general_ledger_setup" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"lcy_code" text DEFAULT 'EUR' NOT NULL,
	"allow_posting_from" date,
	"allow_posting_to" date,
	"amount_rounding_precision" numeric(18, 5) DEFAULT '0.01' NOT NULL,
	"unit_amount_rounding_precision" numeric(18, 5) DEFAULT '0.00001' NOT NULL,
	"invoice_rounding_precision_lcy" numeric(18, 5) DEFAULT '0.01' NOT NULL,
	"invoice_rounding_type" text DEFAULT 'nearest' NOT NULL,
	"payment_discount_excluding_vat" boolean DEFAULT false NOT NULL,
	"adjust_for_payment_discount" boolean DEFAULT false NOT NULL,
	"payment_discount_grace_period" text DEFAULT '' NOT NULL,
	"payment_tolerance_percent" numeric(18, 5) DEFAULT '0' NOT NULL,
	"max_payment_tolerance_amount" numeric(18, 5) DEFAULT '0' NOT NULL,
	"payment_tolerance_warning" boolean DEFAULT false NOT NULL,
	"payment_discount_tolerance_warning" boolean DEFAULT false NOT NULL,
	"payment_tolerance_posting" text DEFAULT 'paymentToleranceAccounts' NOT NULL,
	"payment_discount_tolerance_posting" text DEFAULT 'paymentDiscountAccounts' NOT NULL,
	"max_vat_difference_allowed" numeric(18, 5) DEFAULT '0' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "general_ledger_setup_singleton" CHECK ("general_ledger_setup"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE "inventory_setup" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"automatic_cost_posting" boolean DEFAULT true NOT NULL,
	"expected_cost_posting_to_gl" boolean DEFAULT false NOT NULL,
	"location_mandatory" boolean DEFAULT false NOT NULL,
	"prevent_negative_inventory" boolean DEFAULT false NOT NULL,
	"outbound_warehouse_handling_time" text DEFAULT '' NOT NULL,
	"inbound_warehouse_handling_time" text DEFAULT '' NOT NULL,
	"item_nos" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inventory_setup_singleton" CHECK ("inventory_setup"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE "purchases_payables_setup" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"vendor_nos" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "purchases_payables_setup_singleton" CHECK ("purchases_payables_setup"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE "sales_receivables_setup" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"discount_posting" text DEFAULT 'noDiscounts' NOT NULL,
	"credit_warnings" text DEFAULT 'bothWarnings' NOT NULL,
	"stockout_warning" boolean DEFAULT true NOT NULL,
	"shipment_on_invoice" boolean DEFAULT true NOT NULL,
	"return_receipt_on_credit_memo" boolean DEFAULT true NOT NULL,
	"invoice_rounding" boolean DEFAULT false NOT NULL,
	"external_document_no_mandatory" boolean DEFAULT false NOT NULL,
	"default_posting_date" text DEFAULT 'workDate' NOT NULL,
	"default_quantity_to_ship" text DEFAULT 'remainder' NOT NULL,
	"calculate_invoice_discount" boolean DEFAULT false NOT NULL,
	"calculate_invoice_discount_per_vat_id" boolean DEFAULT false NOT NULL,
	"exact_cost_reversing_mandatory" boolean DEFAULT false NOT NULL,
	"check_prepayment_when_posting" boolean DEFAULT false NOT NULL,
	"archive_quotes" text DEFAULT 'never' NOT NULL,
	"archive_orders" boolean DEFAULT false NOT NULL,
	"quote_validity_calculation" text DEFAULT '' NOT NULL,
	"link_document_date_to_posting_date" boolean DEFAULT false NOT NULL,
	"copy_comments_blanket_to_order" boolean DEFAULT false NOT NULL,
	"copy_comments_order_to_invoice" boolean DEFAULT false NOT NULL,
	"copy_comments_order_to_shipment" boolean DEFAULT false NOT NULL,
	"copy_comments_return_order_to_return_receipt" boolean DEFAULT false NOT NULL,
	"copy_comments_return_order_to_credit_memo" boolean DEFAULT false NOT NULL,
	"allow_vat_difference" boolean DEFAULT false NOT NULL,
	"application_between_currencies" text DEFAULT 'none' NOT NULL,
	"customer_nos" text,
	"quote_nos" text,
	"blanket_order_nos" text,
	"order_nos" text,
	"invoice_nos" text,
	"credit_memo_nos" text,
	"return_order_nos" text,
	"posted_invoice_nos" text,
	"posted_credit_memo_nos" text,
	"posted_shipment_nos" text,
	"posted_return_receipt_nos" text,
	"posted_prepayment_invoice_nos" text,
	"posted_prepayment_credit_memo_nos" text,
	"reminder_nos" text,
	"finance_charge_memo_nos" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sales_receivables_setup_singleton" CHECK ("sales_receivables_setup"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE "customer" (
	"no" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"name2" text DEFAULT '' NOT NULL,
	"address" text DEFAULT '' NOT NULL,
	"address2" text DEFAULT '' NOT NULL,
	"city" text DEFAULT '' NOT NULL,
	"post_code" text DEFAULT '' NOT NULL,
	"county" text DEFAULT '' NOT NULL,
	"country_region_code" text DEFAULT '' NOT NULL,
	"phone_no" text DEFAULT '' NOT NULL,
	"email" text DEFAULT '' NOT NULL,
	"contact" text DEFAULT '' NOT NULL,
	"search_name" text DEFAULT '' NOT NULL,
	"bill_to_customer_no" text,
	"customer_posting_group" text,
	"gen_bus_posting_group" text,
	"vat_bus_posting_group" text,
	"payment_terms_code" text,
	"payment_method_code" text,
	"currency_code" text,
	"credit_limit_lcy" numeric(18, 2) DEFAULT '0' NOT NULL,
	"blocked" text DEFAULT 'none' NOT NULL,
	"invoice_discount_code" text DEFAULT '' NOT NULL,
	"customer_price_group" text,
	"customer_discount_group" text,
	"allow_line_discount" boolean DEFAULT true NOT NULL,
	"prices_including_vat" boolean DEFAULT false NOT NULL,
	"location_code" text,
	"shipping_advice" text DEFAULT 'partial' NOT NULL,
	"shipment_method_code" text,
	"shipping_agent_code" text,
	"shipping_agent_service_code" text DEFAULT '' NOT NULL,
	"shipping_time" text DEFAULT '' NOT NULL,
	"combine_shipments" boolean DEFAULT false NOT NULL,
	"application_method" text DEFAULT 'manual' NOT NULL,
	"block_payment_tolerance" boolean DEFAULT false NOT NULL,
	"salesperson_code" text,
	"document_sending_profile" text DEFAULT '' NOT NULL,
	"reserve" text DEFAULT 'optional' NOT NULL,
	"prepayment_percent" numeric(9, 5) DEFAULT '0' NOT NULL,
	"vat_registration_no" text DEFAULT '' NOT NULL,
	"gln" text DEFAULT '' NOT NULL,
	"language_code" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "customer_discount_group" (
	"code" text PRIMARY KEY NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "customer_price_group" (
	"code" text PRIMARY KEY NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"price_includes_vat" boolean DEFAULT false NOT NULL,
	"vat_bus_posting_group" text,
	"allow_line_discount" boolean DEFAULT true NOT NULL,
	"allow_invoice_discount" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ship_to_address" (
	"customer_no" text NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"name2" text DEFAULT '' NOT NULL,
	"address" text DEFAULT '' NOT NULL,
	"address2" text DEFAULT '' NOT NULL,
	"city" text DEFAULT '' NOT NULL,
	"post_code" text DEFAULT '' NOT NULL,
	"county" text DEFAULT '' NOT NULL,
	"country_region_code" text DEFAULT '' NOT NULL,
	"phone_no" text DEFAULT '' NOT NULL,
	"email" text DEFAULT '' NOT NULL,
	"contact" text DEFAULT '' NOT NULL,
	"location_code" text,
	"shipment_method_code" text,
	"shipping_agent_code" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ship_to_address_customer_no_code_pk" PRIMARY KEY("customer_no","code")
);
--> statement-breakpoint
CREATE TABLE "vendor" (
	"no" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"name2" text DEFAULT '' NOT NULL,
	"address" text DEFAULT '' NOT NULL,
	"address2" text DEFAULT '' NOT NULL,
	"city" text DEFAULT '' NOT NULL,
	"post_code" text DEFAULT '' NOT NULL,
	"country_region_code" text DEFAULT '' NOT NULL,
	"phone_no" text DEFAULT '' NOT NULL,
	"email" text DEFAULT '' NOT NULL,
	"contact" text DEFAULT '' NOT NULL,
	"vendor_posting_group" text,
	"gen_bus_posting_group" text,
	"vat_bus_posting_group" text,
	"payment_terms_code" text,
	"payment_method_code" text,
	"currency_code" text,
	"blocked" text DEFAULT 'none' NOT NULL,
	"vat_registration_no" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "item" (
	"no" text PRIMARY KEY NOT NULL,
	"description" text NOT NULL,
	"description2" text DEFAULT '' NOT NULL,
	"search_description" text DEFAULT '' NOT NULL,
	"type" text DEFAULT 'inventory' NOT NULL,
	"base_unit_of_measure" text NOT NULL,
	"sales_unit_of_measure" text,
	"unit_price" numeric(18, 5) DEFAULT '0' NOT NULL,
	"price_includes_vat" boolean DEFAULT false NOT NULL,
	"unit_cost" numeric(18, 5) DEFAULT '0' NOT NULL,
	"standard_cost" numeric(18, 5) DEFAULT '0' NOT NULL,
	"last_direct_cost" numeric(18, 5) DEFAULT '0' NOT NULL,
	"costing_method" text DEFAULT 'fifo' NOT NULL,
	"gen_prod_posting_group" text,
	"vat_prod_posting_group" text,
	"inventory_posting_group" text,
	"item_discount_group" text,
	"allow_invoice_discount" boolean DEFAULT true NOT NULL,
	"blocked" boolean DEFAULT false NOT NULL,
	"sales_blocked" boolean DEFAULT false NOT NULL,
	"prevent_negative_inventory" text DEFAULT 'default' NOT NULL,
	"stockout_warning" text DEFAULT 'default' NOT NULL,
	"reserve" text DEFAULT 'optional' NOT NULL,
	"critical" boolean DEFAULT false NOT NULL,
	"assembly_policy" text DEFAULT 'assembleToStock' NOT NULL,
	"replenishment_system" text DEFAULT 'purchase' NOT NULL,
	"vendor_no" text,
	"vendor_item_no" text DEFAULT '' NOT NULL,
	"lead_time_calculation" text DEFAULT '' NOT NULL,
	"safety_lead_time" text DEFAULT '' NOT NULL,
	"purchasing_code" text DEFAULT '' NOT NULL,
	"gtin" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "item_discount_group" (
	"code" text PRIMARY KEY NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "item_unit_of_measure" (
	"item_no" text NOT NULL,
	"code" text NOT NULL,
	"quantity_per_unit_of_measure" numeric(18, 5) DEFAULT '1' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "item_unit_of_measure_item_no_code_pk" PRIMARY KEY("item_no","code")
);
--> statement-breakpoint
CREATE TABLE "api_token" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"username" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "app_user" (
	"username" text PRIMARY KEY NOT NULL,
	"full_name" text DEFAULT '' NOT NULL,
	"email" text DEFAULT '' NOT NULL,
	"role" text NOT NULL,
	"password_hash" text NOT NULL,
	"blocked" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "no_series_line" ADD CONSTRAINT "no_series_line_series_code_no_series_code_fk" FOREIGN KEY ("series_code") REFERENCES "public"."no_series"("code") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gen_business_posting_group" ADD CONSTRAINT "gen_business_posting_group_default_vat_bus_posting_group_vat_business_posting_group_code_fk" FOREIGN KEY ("default_vat_bus_posting_group") REFERENCES "public"."vat_business_posting_group"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gen_product_posting_group" ADD CONSTRAINT "gen_product_posting_group_default_vat_prod_posting_group_vat_product_posting_group_code_fk" FOREIGN KEY ("default_vat_prod_posting_group") REFERENCES "public"."vat_product_posting_group"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gl_account" ADD CONSTRAINT "gl_account_gen_bus_posting_group_gen_business_posting_group_code_fk" FOREIGN KEY ("gen_bus_posting_group") REFERENCES "public"."gen_business_posting_group"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gl_account" ADD CONSTRAINT "gl_account_gen_prod_posting_group_gen_product_posting_group_code_fk" FOREIGN KEY ("gen_prod_posting_group") REFERENCES "public"."gen_product_posting_group"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gl_account" ADD CONSTRAINT "gl_account_vat_bus_posting_group_vat_business_posting_group_code_fk" FOREIGN KEY ("vat_bus_posting_group") REFERENCES "public"."vat_business_posting_group"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gl_account" ADD CONSTRAINT "gl_account_vat_prod_posting_group_vat_product_posting_group_code_fk" FOREIGN KEY ("vat_prod_posting_group") REFERENCES "public"."vat_product_posting_group"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "currency" ADD CONSTRAINT "currency_realized_gains_account_gl_account_no_fk" FOREIGN KEY ("realized_gains_account") REFERENCES "public"."gl_account"("no") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "currency" ADD CONSTRAINT "currency_realized_losses_account_gl_account_no_fk" FOREIGN KEY ("realized_losses_account") REFERENCES "public"."gl_account"("no") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "currency" ADD CONSTRAINT "currency_unrealized_gains_account_gl_account_no_fk" FOREIGN KEY ("unrealized_gains_account") REFERENCES "public"."gl_account"("no") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "currency" ADD CONSTRAINT "currency_unrealized_losses_account_gl_account_no_fk" FOREIGN KEY ("unrealized_losses_account") REFERENCES "public"."gl_account"("no") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "currency_exchange_rate" ADD CONSTRAINT "currency_exchange_rate_currency_code_currency_code_fk" FOREIGN KEY ("currency_code") REFERENCES "public"."currency"("code") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_method" ADD CONSTRAINT "payment_method_balancing_account_no_gl_account_no_fk" FOREIGN KEY ("balancing_account_no") REFERENCES "public"."gl_account"("no") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_posting_group" ADD CONSTRAINT "customer_posting_group_receivables_account_gl_account_no_fk" FOREIGN KEY ("receivables_account") REFERENCES "public"."gl_account"("no") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_posting_group" ADD CONSTRAINT "customer_posting_group_service_charge_account_gl_account_no_fk" FOREIGN KEY ("service_charge_account") REFERENCES "public"."gl_account"("no") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_posting_group" ADD CONSTRAINT "customer_posting_group_payment_discount_debit_account_gl_account_no_fk" FOREIGN KEY ("payment_discount_debit_account") REFERENCES "public"."gl_account"("no") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_posting_group" ADD CONSTRAINT "customer_posting_group_payment_discount_credit_account_gl_account_no_fk" FOREIGN KEY ("payment_discount_credit_account") REFERENCES "public"."gl_account"("no") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_posting_group" ADD CONSTRAINT "customer_posting_group_invoice_rounding_account_gl_account_no_fk" FOREIGN KEY ("invoice_rounding_account") REFERENCES "public"."gl_account"("no") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_posting_group" ADD CONSTRAINT "customer_posting_group_payment_tolerance_debit_account_gl_account_no_fk" FOREIGN KEY ("payment_tolerance_debit_account") REFERENCES "public"."gl_account"("no") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_posting_group" ADD CONSTRAINT "customer_posting_group_payment_tolerance_credit_account_gl_account_no_fk" FOREIGN KEY ("payment_tolerance_credit_account") REFERENCES "public"."gl_account"("no") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_posting_group" ADD CONSTRAINT "customer_posting_group_debit_currency_application_rounding_account_gl_account_no_fk" FOREIGN KEY ("debit_currency_application_rounding_account") REFERENCES "public"."gl_account"("no") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_posting_group" ADD CONSTRAINT "customer_posting_group_credit_currency_application_rounding_account_gl_account_no_fk" FOREIGN KEY ("credit_currency_application_rounding_account") REFERENCES "public"."gl_account"("no") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "general_posting_setup" ADD CONSTRAINT "general_posting_setup_gen_bus_posting_group_gen_business_posting_group_code_fk" FOREIGN KEY ("gen_bus_posting_group") REFERENCES "public"."gen_business_posting_group"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "general_posting_setup" ADD CONSTRAINT "general_posting_setup_gen_prod_posting_group_gen_product_posting_group_code_fk" FOREIGN KEY ("gen_prod_posting_group") REFERENCES "public"."gen_product_posting_group"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "general_posting_setup" ADD CONSTRAINT "general_posting_setup_sales_account_gl_account_no_fk" FOREIGN KEY ("sales_account") REFERENCES "public"."gl_account"("no") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "general_posting_setup" ADD CONSTRAINT "general_posting_setup_sales_credit_memo_account_gl_account_no_fk" FOREIGN KEY ("sales_credit_memo_account") REFERENCES "public"."gl_account"("no") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "general_posting_setup" ADD CONSTRAINT "general_posting_setup_sales_line_discount_account_gl_account_no_fk" FOREIGN KEY ("sales_line_discount_account") REFERENCES "public"."gl_account"("no") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "general_posting_setup" ADD CONSTRAINT "general_posting_setup_sales_invoice_discount_account_gl_account_no_fk" FOREIGN KEY ("sales_invoice_discount_account") REFERENCES "public"."gl_account"("no") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "general_posting_setup" ADD CONSTRAINT "general_posting_setup_sales_payment_discount_debit_account_gl_account_no_fk" FOREIGN KEY ("sales_payment_discount_debit_account") REFERENCES "public"."gl_account"("no") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "general_posting_setup" ADD CONSTRAINT "general_posting_setup_sales_payment_discount_credit_account_gl_account_no_fk" FOREIGN KEY ("sales_payment_discount_credit_account") REFERENCES "public"."gl_account"("no") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "general_posting_setup" ADD CONSTRAINT "general_posting_setup_sales_payment_tolerance_debit_account_gl_account_no_fk" FOREIGN KEY ("sales_payment_tolerance_debit_account") REFERENCES "public"."gl_account"("no") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "general_posting_setup" ADD CONSTRAINT "general_posting_setup_sales_payment_tolerance_credit_account_gl_account_no_fk" FOREIGN KEY ("sales_payment_tolerance_credit_account") REFERENCES "public"."gl_account"("no") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "general_posting_setup" ADD CONSTRAINT "general_posting_setup_cogs_account_gl_account_no_fk" FOREIGN KEY ("cogs_account") REFERENCES "public"."gl_account"("no") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "general_posting_setup" ADD CONSTRAINT "general_posting_setup_cogs_account_interim_gl_account_no_fk" FOREIGN KEY ("cogs_account_interim") REFERENCES "public"."gl_account"("no") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "general_posting_setup" ADD CONSTRAINT "general_posting_setup_inventory_adjustment_account_gl_account_no_fk" FOREIGN KEY ("inventory_adjustment_account") REFERENCES "public"."gl_account"("no") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "general_posting_setup" ADD CONSTRAINT "general_posting_setup_direct_cost_applied_account_gl_account_no_fk" FOREIGN KEY ("direct_cost_applied_account") REFERENCES "public"."gl_account"("no") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_posting_setup" ADD CONSTRAINT "inventory_posting_setup_location_code_location_code_fk" FOREIGN KEY ("location_code") REFERENCES "public"."location"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_posting_setup" ADD CONSTRAINT "inventory_posting_setup_inventory_posting_group_inventory_posting_group_code_fk" FOREIGN KEY ("inventory_posting_group") REFERENCES "public"."inventory_posting_group"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_posting_setup" ADD CONSTRAINT "inventory_posting_setup_inventory_account_gl_account_no_fk" FOREIGN KEY ("inventory_account") REFERENCES "public"."gl_account"("no") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_posting_setup" ADD CONSTRAINT "inventory_posting_setup_inventory_account_interim_gl_account_no_fk" FOREIGN KEY ("inventory_account_interim") REFERENCES "public"."gl_account"("no") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vat_posting_setup" ADD CONSTRAINT "vat_posting_setup_vat_bus_posting_group_vat_business_posting_group_code_fk" FOREIGN KEY ("vat_bus_posting_group") REFERENCES "public"."vat_business_posting_group"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vat_posting_setup" ADD CONSTRAINT "vat_posting_setup_vat_prod_posting_group_vat_product_posting_group_code_fk" FOREIGN KEY ("vat_prod_posting_group") REFERENCES "public"."vat_product_posting_group"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vat_posting_setup" ADD CONSTRAINT "vat_posting_setup_sales_vat_account_gl_account_no_fk" FOREIGN KEY ("sales_vat_account") REFERENCES "public"."gl_account"("no") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vat_posting_setup" ADD CONSTRAINT "vat_posting_setup_purchase_vat_account_gl_account_no_fk" FOREIGN KEY ("purchase_vat_account") REFERENCES "public"."gl_account"("no") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vat_posting_setup" ADD CONSTRAINT "vat_posting_setup_reverse_charge_vat_account_gl_account_no_fk" FOREIGN KEY ("reverse_charge_vat_account") REFERENCES "public"."gl_account"("no") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vendor_posting_group" ADD CONSTRAINT "vendor_posting_group_payables_account_gl_account_no_fk" FOREIGN KEY ("payables_account") REFERENCES "public"."gl_account"("no") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_setup" ADD CONSTRAINT "inventory_setup_item_nos_no_series_code_fk" FOREIGN KEY ("item_nos") REFERENCES "public"."no_series"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "purchases_payables_setup" ADD CONSTRAINT "purchases_payables_setup_vendor_nos_no_series_code_fk" FOREIGN KEY ("vendor_nos") REFERENCES "public"."no_series"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_receivables_setup" ADD CONSTRAINT "sales_receivables_setup_customer_nos_no_series_code_fk" FOREIGN KEY ("customer_nos") REFERENCES "public"."no_series"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_receivables_setup" ADD CONSTRAINT "sales_receivables_setup_quote_nos_no_series_code_fk" FOREIGN KEY ("quote_nos") REFERENCES "public"."no_series"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_receivables_setup" ADD CONSTRAINT "sales_receivables_setup_blanket_order_nos_no_series_code_fk" FOREIGN KEY ("blanket_order_nos") REFERENCES "public"."no_series"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_receivables_setup" ADD CONSTRAINT "sales_receivables_setup_order_nos_no_series_code_fk" FOREIGN KEY ("order_nos") REFERENCES "public"."no_series"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_receivables_setup" ADD CONSTRAINT "sales_receivables_setup_invoice_nos_no_series_code_fk" FOREIGN KEY ("invoice_nos") REFERENCES "public"."no_series"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_receivables_setup" ADD CONSTRAINT "sales_receivables_setup_credit_memo_nos_no_series_code_fk" FOREIGN KEY ("credit_memo_nos") REFERENCES "public"."no_series"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_receivables_setup" ADD CONSTRAINT "sales_receivables_setup_return_order_nos_no_series_code_fk" FOREIGN KEY ("return_order_nos") REFERENCES "public"."no_series"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_receivables_setup" ADD CONSTRAINT "sales_receivables_setup_posted_invoice_nos_no_series_code_fk" FOREIGN KEY ("posted_invoice_nos") REFERENCES "public"."no_series"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_receivables_setup" ADD CONSTRAINT "sales_receivables_setup_posted_credit_memo_nos_no_series_code_fk" FOREIGN KEY ("posted_credit_memo_nos") REFERENCES "public"."no_series"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_receivables_setup" ADD CONSTRAINT "sales_receivables_setup_posted_shipment_nos_no_series_code_fk" FOREIGN KEY ("posted_shipment_nos") REFERENCES "public"."no_series"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_receivables_setup" ADD CONSTRAINT "sales_receivables_setup_posted_return_receipt_nos_no_series_code_fk" FOREIGN KEY ("posted_return_receipt_nos") REFERENCES "public"."no_series"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_receivables_setup" ADD CONSTRAINT "sales_receivables_setup_posted_prepayment_invoice_nos_no_series_code_fk" FOREIGN KEY ("posted_prepayment_invoice_nos") REFERENCES "public"."no_series"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_receivables_setup" ADD CONSTRAINT "sales_receivables_setup_posted_prepayment_credit_memo_nos_no_series_code_fk" FOREIGN KEY ("posted_prepayment_credit_memo_nos") REFERENCES "public"."no_series"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_receivables_setup" ADD CONSTRAINT "sales_receivables_setup_reminder_nos_no_series_code_fk" FOREIGN KEY ("reminder_nos") REFERENCES "public"."no_series"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_receivables_setup" ADD CONSTRAINT "sales_receivables_setup_finance_charge_memo_nos_no_series_code_fk" FOREIGN KEY ("finance_charge_memo_nos") REFERENCES "public"."no_series"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer" ADD CONSTRAINT "customer_bill_to_customer_no_customer_no_fk" FOREIGN KEY ("bill_to_customer_no") REFERENCES "public"."customer"("no") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer" ADD CONSTRAINT "customer_customer_posting_group_customer_posting_group_code_fk" FOREIGN KEY ("customer_posting_group") REFERENCES "public"."customer_posting_group"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer" ADD CONSTRAINT "customer_gen_bus_posting_group_gen_business_posting_group_code_fk" FOREIGN KEY ("gen_bus_posting_group") REFERENCES "public"."gen_business_posting_group"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer" ADD CONSTRAINT "customer_vat_bus_posting_group_vat_business_posting_group_code_fk" FOREIGN KEY ("vat_bus_posting_group") REFERENCES "public"."vat_business_posting_group"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer" ADD CONSTRAINT "customer_payment_terms_code_payment_terms_code_fk" FOREIGN KEY ("payment_terms_code") REFERENCES "public"."payment_terms"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer" ADD CONSTRAINT "customer_payment_method_code_payment_method_code_fk" FOREIGN KEY ("payment_method_code") REFERENCES "public"."payment_method"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer" ADD CONSTRAINT "customer_currency_code_currency_code_fk" FOREIGN KEY ("currency_code") REFERENCES "public"."currency"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer" ADD CONSTRAINT "customer_customer_price_group_customer_price_group_code_fk" FOREIGN KEY ("customer_price_group") REFERENCES "public"."customer_price_group"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer" ADD CONSTRAINT "customer_customer_discount_group_customer_discount_group_code_fk" FOREIGN KEY ("customer_discount_group") REFERENCES "public"."customer_discount_group"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer" ADD CONSTRAINT "customer_location_code_location_code_fk" FOREIGN KEY ("location_code") REFERENCES "public"."location"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer" ADD CONSTRAINT "customer_shipment_method_code_shipment_method_code_fk" FOREIGN KEY ("shipment_method_code") REFERENCES "public"."shipment_method"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer" ADD CONSTRAINT "customer_shipping_agent_code_shipping_agent_code_fk" FOREIGN KEY ("shipping_agent_code") REFERENCES "public"."shipping_agent"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer" ADD CONSTRAINT "customer_salesperson_code_salesperson_purchaser_code_fk" FOREIGN KEY ("salesperson_code") REFERENCES "public"."salesperson_purchaser"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_price_group" ADD CONSTRAINT "customer_price_group_vat_bus_posting_group_vat_business_posting_group_code_fk" FOREIGN KEY ("vat_bus_posting_group") REFERENCES "public"."vat_business_posting_group"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ship_to_address" ADD CONSTRAINT "ship_to_address_customer_no_customer_no_fk" FOREIGN KEY ("customer_no") REFERENCES "public"."customer"("no") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ship_to_address" ADD CONSTRAINT "ship_to_address_location_code_location_code_fk" FOREIGN KEY ("location_code") REFERENCES "public"."location"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ship_to_address" ADD CONSTRAINT "ship_to_address_shipment_method_code_shipment_method_code_fk" FOREIGN KEY ("shipment_method_code") REFERENCES "public"."shipment_method"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ship_to_address" ADD CONSTRAINT "ship_to_address_shipping_agent_code_shipping_agent_code_fk" FOREIGN KEY ("shipping_agent_code") REFERENCES "public"."shipping_agent"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vendor" ADD CONSTRAINT "vendor_vendor_posting_group_vendor_posting_group_code_fk" FOREIGN KEY ("vendor_posting_group") REFERENCES "public"."vendor_posting_group"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vendor" ADD CONSTRAINT "vendor_gen_bus_posting_group_gen_business_posting_group_code_fk" FOREIGN KEY ("gen_bus_posting_group") REFERENCES "public"."gen_business_posting_group"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vendor" ADD CONSTRAINT "vendor_vat_bus_posting_group_vat_business_posting_group_code_fk" FOREIGN KEY ("vat_bus_posting_group") REFERENCES "public"."vat_business_posting_group"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vendor" ADD CONSTRAINT "vendor_payment_terms_code_payment_terms_code_fk" FOREIGN KEY ("payment_terms_code") REFERENCES "public"."payment_terms"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vendor" ADD CONSTRAINT "vendor_payment_method_code_payment_method_code_fk" FOREIGN KEY ("payment_method_code") REFERENCES "public"."payment_method"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vendor" ADD CONSTRAINT "vendor_currency_code_currency_code_fk" FOREIGN KEY ("currency_code") REFERENCES "public"."currency"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "item" ADD CONSTRAINT "item_base_unit_of_measure_unit_of_measure_code_fk" FOREIGN KEY ("base_unit_of_measure") REFERENCES "public"."unit_of_measure"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "item" ADD CONSTRAINT "item_sales_unit_of_measure_unit_of_measure_code_fk" FOREIGN KEY ("sales_unit_of_measure") REFERENCES "public"."unit_of_measure"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "item" ADD CONSTRAINT "item_gen_prod_posting_group_gen_product_posting_group_code_fk" FOREIGN KEY ("gen_prod_posting_group") REFERENCES "public"."gen_product_posting_group"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "item" ADD CONSTRAINT "item_vat_prod_posting_group_vat_product_posting_group_code_fk" FOREIGN KEY ("vat_prod_posting_group") REFERENCES "public"."vat_product_posting_group"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "item" ADD CONSTRAINT "item_inventory_posting_group_inventory_posting_group_code_fk" FOREIGN KEY ("inventory_posting_group") REFERENCES "public"."inventory_posting_group"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "item" ADD CONSTRAINT "item_item_discount_group_item_discount_group_code_fk" FOREIGN KEY ("item_discount_group") REFERENCES "public"."item_discount_group"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "item" ADD CONSTRAINT "item_vendor_no_vendor_no_fk" FOREIGN KEY ("vendor_no") REFERENCES "public"."vendor"("no") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "item_unit_of_measure" ADD CONSTRAINT "item_unit_of_measure_item_no_item_no_fk" FOREIGN KEY ("item_no") REFERENCES "public"."item"("no") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "item_unit_of_measure" ADD CONSTRAINT "item_unit_of_measure_code_unit_of_measure_code_fk" FOREIGN KEY ("code") REFERENCES "public"."unit_of_measure"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_token" ADD CONSTRAINT "api_token_username_app_user_username_fk" FOREIGN KEY ("username") REFERENCES "public"."app_user"("username") ON DELETE cascade ON UPDATE no action;