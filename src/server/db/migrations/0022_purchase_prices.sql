CREATE TABLE "purchase_line_discount" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"item_no" text NOT NULL,
	"vendor_no" text NOT NULL,
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
	CONSTRAINT "purchase_line_discount_agreement" UNIQUE NULLS NOT DISTINCT("item_no","vendor_no","starting_date","currency_code","variant_code","unit_of_measure_code","minimum_quantity")
);
--> statement-breakpoint
CREATE TABLE "purchase_price" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"item_no" text NOT NULL,
	"vendor_no" text NOT NULL,
	"starting_date" date,
	"ending_date" date,
	"currency_code" text DEFAULT '' NOT NULL,
	"variant_code" text DEFAULT '' NOT NULL,
	"unit_of_measure_code" text DEFAULT '' NOT NULL,
	"minimum_quantity" numeric(18, 5) DEFAULT '0' NOT NULL,
	"direct_unit_cost" numeric(18, 5) NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "purchase_price_agreement" UNIQUE NULLS NOT DISTINCT("item_no","vendor_no","starting_date","currency_code","variant_code","unit_of_measure_code","minimum_quantity")
);
--> statement-breakpoint
ALTER TABLE "purchase_line_discount" ADD CONSTRAINT "purchase_line_discount_item_no_item_no_fk" FOREIGN KEY ("item_no") REFERENCES "public"."item"("no") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "purchase_line_discount" ADD CONSTRAINT "purchase_line_discount_vendor_no_vendor_no_fk" FOREIGN KEY ("vendor_no") REFERENCES "public"."vendor"("no") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "purchase_price" ADD CONSTRAINT "purchase_price_item_no_item_no_fk" FOREIGN KEY ("item_no") REFERENCES "public"."item"("no") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "purchase_price" ADD CONSTRAINT "purchase_price_vendor_no_vendor_no_fk" FOREIGN KEY ("vendor_no") REFERENCES "public"."vendor"("no") ON DELETE cascade ON UPDATE no action;