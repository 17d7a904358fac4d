ALTER TABLE "sales_line" ADD COLUMN "blanket_order_no" text;--> statement-breakpoint
ALTER TABLE "sales_line" ADD COLUMN "blanket_order_line_no" integer;--> statement-breakpoint
ALTER TABLE "posted_sales_line" ADD COLUMN "blanket_order_no" text;--> statement-breakpoint
ALTER TABLE "posted_sales_line" ADD COLUMN "blanket_order_line_no" integer;--> statement-breakpoint
CREATE INDEX "sales_line_blanket_order" ON "sales_line" USING btree ("blanket_order_no","blanket_order_line_no");--> statement-breakpoint
CREATE INDEX "posted_sales_line_blanket_order" ON "posted_sales_line" USING btree ("blanket_order_no","blanket_order_line_no");--> statement-breakpoint
ALTER TABLE "sales_line" ADD CONSTRAINT "sales_line_blanket_order_link" CHECK (("sales_line"."blanket_order_no" is null) = ("sales_line"."blanket_order_line_no" is null));