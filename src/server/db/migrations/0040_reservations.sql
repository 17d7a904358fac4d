CREATE TABLE "reservation" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"item_no" text NOT NULL,
	"location_code" text DEFAULT '' NOT NULL,
	"quantity_base" numeric(18, 5) NOT NULL,
	"sales_document_type" text DEFAULT 'order' NOT NULL,
	"sales_document_no" text NOT NULL,
	"sales_line_no" integer NOT NULL,
	"supply_type" text NOT NULL,
	"purchase_document_type" text,
	"purchase_document_no" text,
	"purchase_line_no" integer,
	"created_by" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reservation_positive" CHECK ("reservation"."quantity_base" > 0),
	CONSTRAINT "reservation_supply" CHECK (("reservation"."supply_type" = 'inventory' and "reservation"."purchase_document_no" is null) or ("reservation"."supply_type" = 'purchaseOrder' and "reservation"."purchase_document_type" = 'order' and "reservation"."purchase_document_no" is not null and "reservation"."purchase_line_no" is not null))
);
--> statement-breakpoint
ALTER TABLE "reservation" ADD CONSTRAINT "reservation_sales_line_fk" FOREIGN KEY ("sales_document_type","sales_document_no","sales_line_no") REFERENCES "public"."sales_line"("document_type","document_no","line_no") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reservation" ADD CONSTRAINT "reservation_purchase_line_fk" FOREIGN KEY ("purchase_document_type","purchase_document_no","purchase_line_no") REFERENCES "public"."purchase_line"("document_type","document_no","line_no") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "reservation_item_location" ON "reservation" USING btree ("item_no","location_code");--> statement-breakpoint
CREATE INDEX "reservation_sales_line" ON "reservation" USING btree ("sales_document_no","sales_line_no");--> statement-breakpoint
CREATE INDEX "reservation_purchase_line" ON "reservation" USING btree ("purchase_document_no","purchase_line_no");--> statement-breakpoint
-- The projection's rows are updated in place many times over: room on each page lets PostgreSQL
-- keep those updates on the page (HOT) and prune the old versions without a VACUUM, which PGlite
-- never runs by itself.
ALTER TABLE "item_availability" SET (fillfactor = 50);
