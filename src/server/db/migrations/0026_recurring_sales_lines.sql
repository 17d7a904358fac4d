CREATE TABLE "recurring_sales_invoice" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"customer_no" text NOT NULL,
	"code" text NOT NULL,
	"order_date" date NOT NULL,
	"posting_date" date NOT NULL,
	"invoice_no" text NOT NULL,
	"job_id" uuid,
	"created_by" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "recurring_sales_invoice_once" UNIQUE("customer_no","code","order_date")
);
--> statement-breakpoint
CREATE TABLE "standard_customer_sales_code" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"customer_no" text NOT NULL,
	"code" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"currency_code" text,
	"valid_from_date" date,
	"valid_to_date" date,
	"payment_method_code" text,
	"payment_terms_code" text,
	"direct_debit_mandate_id" text DEFAULT '' NOT NULL,
	"blocked" boolean DEFAULT false NOT NULL,
	"insert_recurring_lines_on_quotes" text DEFAULT 'manual' NOT NULL,
	"insert_recurring_lines_on_orders" text DEFAULT 'manual' NOT NULL,
	"insert_recurring_lines_on_invoices" text DEFAULT 'manual' NOT NULL,
	"insert_recurring_lines_on_credit_memos" text DEFAULT 'manual' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "standard_customer_sales_code_customer_code" UNIQUE("customer_no","code"),
	CONSTRAINT "standard_customer_sales_code_insert_recurring_lines_on_quotes_check" CHECK ("standard_customer_sales_code"."insert_recurring_lines_on_quotes" in ('manual', 'automatic', 'alwaysAsk')),
	CONSTRAINT "standard_customer_sales_code_insert_recurring_lines_on_orders_check" CHECK ("standard_customer_sales_code"."insert_recurring_lines_on_orders" in ('manual', 'automatic', 'alwaysAsk')),
	CONSTRAINT "standard_customer_sales_code_insert_recurring_lines_on_invoices_check" CHECK ("standard_customer_sales_code"."insert_recurring_lines_on_invoices" in ('manual', 'automatic', 'alwaysAsk')),
	CONSTRAINT "standard_customer_sales_code_insert_recurring_lines_on_credit_memos_check" CHECK ("standard_customer_sales_code"."insert_recurring_lines_on_credit_memos" in ('manual', 'automatic', 'alwaysAsk'))
);
--> statement-breakpoint
CREATE TABLE "standard_sales_code" (
	"code" text PRIMARY KEY NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"currency_code" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "standard_sales_line" (
	"standard_sales_code" text NOT NULL,
	"line_no" integer NOT NULL,
	"type" text NOT NULL,
	"no" text DEFAULT '' NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"variant_code" text DEFAULT '' NOT NULL,
	"unit_of_measure_code" text,
	"quantity" numeric(18, 5) DEFAULT '0' NOT NULL,
	"amount_excluding_vat" numeric(18, 2) DEFAULT '0' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "standard_sales_line_standard_sales_code_line_no_pk" PRIMARY KEY("standard_sales_code","line_no"),
	CONSTRAINT "standard_sales_line_type_check" CHECK ("standard_sales_line"."type" in ('comment', 'item', 'glAccount'))
);
--> statement-breakpoint
ALTER TABLE "sales_header" ADD COLUMN "direct_debit_mandate_id" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "standard_customer_sales_code" ADD CONSTRAINT "standard_customer_sales_code_customer_no_customer_no_fk" FOREIGN KEY ("customer_no") REFERENCES "public"."customer"("no") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "standard_customer_sales_code" ADD CONSTRAINT "standard_customer_sales_code_code_standard_sales_code_code_fk" FOREIGN KEY ("code") REFERENCES "public"."standard_sales_code"("code") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "standard_customer_sales_code" ADD CONSTRAINT "standard_customer_sales_code_currency_code_currency_code_fk" FOREIGN KEY ("currency_code") REFERENCES "public"."currency"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "standard_customer_sales_code" ADD CONSTRAINT "standard_customer_sales_code_payment_method_code_payment_method_code_fk" FOREIGN KEY ("payment_method_code") REFERENCES "public"."payment_method"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "standard_customer_sales_code" ADD CONSTRAINT "standard_customer_sales_code_payment_terms_code_payment_terms_code_fk" FOREIGN KEY ("payment_terms_code") REFERENCES "public"."payment_terms"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "standard_sales_code" ADD CONSTRAINT "standard_sales_code_currency_code_currency_code_fk" FOREIGN KEY ("currency_code") REFERENCES "public"."currency"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "standard_sales_line" ADD CONSTRAINT "standard_sales_line_standard_sales_code_standard_sales_code_code_fk" FOREIGN KEY ("standard_sales_code") REFERENCES "public"."standard_sales_code"("code") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "standard_sales_line" ADD CONSTRAINT "standard_sales_line_unit_of_measure_code_unit_of_measure_code_fk" FOREIGN KEY ("unit_of_measure_code") REFERENCES "public"."unit_of_measure"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "standard_customer_sales_code_code" ON "standard_customer_sales_code" USING btree ("code");