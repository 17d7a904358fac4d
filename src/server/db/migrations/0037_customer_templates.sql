CREATE TABLE "customer_template" (
	"code" text PRIMARY KEY NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"customer_posting_group" text,
	"gen_bus_posting_group" text,
	"vat_bus_posting_group" text,
	"payment_terms_code" text,
	"payment_method_code" text,
	"currency_code" text,
	"country_region_code" text DEFAULT '' NOT NULL,
	"prices_including_vat" boolean DEFAULT false NOT NULL,
	"allow_line_discount" boolean DEFAULT true NOT NULL,
	"invoice_discount_code" text DEFAULT '' NOT NULL,
	"customer_price_group" text,
	"customer_discount_group" text,
	"shipment_method_code" text,
	"shipping_advice" text DEFAULT 'partial' NOT NULL,
	"location_code" text,
	"combine_shipments" boolean DEFAULT false NOT NULL,
	"credit_limit_lcy" numeric(18, 2) DEFAULT '0' NOT NULL,
	"language_code" text DEFAULT '' NOT NULL,
	"salesperson_code" text,
	"document_sending_profile" text DEFAULT '' NOT NULL,
	"reserve" text DEFAULT 'optional' NOT NULL,
	"application_method" text DEFAULT 'manual' NOT NULL,
	"prepayment_percent" numeric(9, 5) DEFAULT '0' NOT NULL,
	"blocked" text DEFAULT 'none' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "customer_template" ADD CONSTRAINT "customer_template_customer_posting_group_customer_posting_group_code_fk" FOREIGN KEY ("customer_posting_group") REFERENCES "public"."customer_posting_group"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_template" ADD CONSTRAINT "customer_template_gen_bus_posting_group_gen_business_posting_group_code_fk" FOREIGN KEY ("gen_bus_posting_group") REFERENCES "public"."gen_business_posting_group"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_template" ADD CONSTRAINT "customer_template_vat_bus_posting_group_vat_business_posting_group_code_fk" FOREIGN KEY ("vat_bus_posting_group") REFERENCES "public"."vat_business_posting_group"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_template" ADD CONSTRAINT "customer_template_payment_terms_code_payment_terms_code_fk" FOREIGN KEY ("payment_terms_code") REFERENCES "public"."payment_terms"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_template" ADD CONSTRAINT "customer_template_payment_method_code_payment_method_code_fk" FOREIGN KEY ("payment_method_code") REFERENCES "public"."payment_method"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_template" ADD CONSTRAINT "customer_template_currency_code_currency_code_fk" FOREIGN KEY ("currency_code") REFERENCES "public"."currency"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_template" ADD CONSTRAINT "customer_template_customer_price_group_customer_price_group_code_fk" FOREIGN KEY ("customer_price_group") REFERENCES "public"."customer_price_group"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_template" ADD CONSTRAINT "customer_template_customer_discount_group_customer_discount_group_code_fk" FOREIGN KEY ("customer_discount_group") REFERENCES "public"."customer_discount_group"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_template" ADD CONSTRAINT "customer_template_shipment_method_code_shipment_method_code_fk" FOREIGN KEY ("shipment_method_code") REFERENCES "public"."shipment_method"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_template" ADD CONSTRAINT "customer_template_location_code_location_code_fk" FOREIGN KEY ("location_code") REFERENCES "public"."location"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_template" ADD CONSTRAINT "customer_template_salesperson_code_salesperson_purchaser_code_fk" FOREIGN KEY ("salesperson_code") REFERENCES "public"."salesperson_purchaser"("code") ON DELETE no action ON UPDATE no action;