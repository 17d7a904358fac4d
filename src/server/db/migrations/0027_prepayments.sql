CREATE TABLE "sales_prepayment_percent" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"item_no" text NOT NULL,
	"sales_type" text NOT NULL,
	"sales_code" text DEFAULT '' NOT NULL,
	"starting_date" date,
	"ending_date" date,
	"prepayment_percent" numeric(9, 5) NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sales_prepayment_percent_key" UNIQUE NULLS NOT DISTINCT("item_no","sales_type","sales_code","starting_date"),
	CONSTRAINT "sales_prepayment_percent_sales_type_check" CHECK ("sales_prepayment_percent"."sales_type" in ('customer', 'customerPriceGroup', 'allCustomers'))
);
--> statement-breakpoint
ALTER TABLE "general_posting_setup" ADD COLUMN "sales_prepayments_account" text;--> statement-breakpoint
ALTER TABLE "sales_header" ADD COLUMN "compress_prepayment" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "sales_header" ADD COLUMN "prepmt_payment_terms_code" text;--> statement-breakpoint
ALTER TABLE "sales_header" ADD COLUMN "prepayment_due_date" date;--> statement-breakpoint
ALTER TABLE "sales_header" ADD COLUMN "prepmt_pmt_discount_date" date;--> statement-breakpoint
ALTER TABLE "sales_header" ADD COLUMN "prepmt_payment_discount_percent" numeric(9, 5) DEFAULT '0' NOT NULL;--> statement-breakpoint
ALTER TABLE "sales_header" ADD COLUMN "last_prepayment_no" text;--> statement-breakpoint
ALTER TABLE "sales_header" ADD COLUMN "last_prepmt_cr_memo_no" text;--> statement-breakpoint
ALTER TABLE "sales_line" ADD COLUMN "prepayment_percent" numeric(9, 5) DEFAULT '0' NOT NULL;--> statement-breakpoint
ALTER TABLE "sales_line" ADD COLUMN "prepmt_line_amount" numeric(18, 2) DEFAULT '0' NOT NULL;--> statement-breakpoint
ALTER TABLE "sales_line" ADD COLUMN "prepmt_amt_inv" numeric(18, 2) DEFAULT '0' NOT NULL;--> statement-breakpoint
ALTER TABLE "sales_line" ADD COLUMN "prepmt_amount_inv_incl_vat" numeric(18, 2) DEFAULT '0' NOT NULL;--> statement-breakpoint
ALTER TABLE "sales_line" ADD COLUMN "prepmt_vat_amount_inv" numeric(18, 2) DEFAULT '0' NOT NULL;--> statement-breakpoint
ALTER TABLE "sales_line" ADD COLUMN "prepayment_vat_percent" numeric(9, 5) DEFAULT '0' NOT NULL;--> statement-breakpoint
ALTER TABLE "sales_line" ADD COLUMN "prepayment_vat_identifier" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "sales_line" ADD COLUMN "prepmt_amt_to_deduct" numeric(18, 2) DEFAULT '0' NOT NULL;--> statement-breakpoint
ALTER TABLE "sales_line" ADD COLUMN "prepmt_amt_deducted" numeric(18, 2) DEFAULT '0' NOT NULL;--> statement-breakpoint
ALTER TABLE "sales_line" ADD COLUMN "prepmt_vat_amt_deducted" numeric(18, 2) DEFAULT '0' NOT NULL;--> statement-breakpoint
ALTER TABLE "sales_line" ADD COLUMN "prepmt_amount_inv_lcy" numeric(18, 2) DEFAULT '0' NOT NULL;--> statement-breakpoint
ALTER TABLE "sales_line" ADD COLUMN "prepmt_vat_amount_inv_lcy" numeric(18, 2) DEFAULT '0' NOT NULL;--> statement-breakpoint
ALTER TABLE "customer_ledger_entry" ADD COLUMN "prepayment" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "posted_sales_header" ADD COLUMN "prepayment" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "posted_sales_header" ADD COLUMN "prepayment_order_no" text;--> statement-breakpoint
ALTER TABLE "posted_sales_line" ADD COLUMN "prepayment_line" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "sales_prepayment_percent" ADD CONSTRAINT "sales_prepayment_percent_item_no_item_no_fk" FOREIGN KEY ("item_no") REFERENCES "public"."item"("no") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "general_posting_setup" ADD CONSTRAINT "general_posting_setup_sales_prepayments_account_gl_account_no_fk" FOREIGN KEY ("sales_prepayments_account") REFERENCES "public"."gl_account"("no") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_header" ADD CONSTRAINT "sales_header_prepmt_payment_terms_code_payment_terms_code_fk" FOREIGN KEY ("prepmt_payment_terms_code") REFERENCES "public"."payment_terms"("code") ON DELETE no action ON UPDATE no action;