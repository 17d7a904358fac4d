ALTER TABLE "reservation" DROP CONSTRAINT "reservation_supply";--> statement-breakpoint
ALTER TABLE "reservation" ADD COLUMN "assembly_document_type" text;--> statement-breakpoint
ALTER TABLE "reservation" ADD COLUMN "assembly_document_no" text;--> statement-breakpoint
ALTER TABLE "reservation" ADD CONSTRAINT "reservation_assembly_fk" FOREIGN KEY ("assembly_document_type","assembly_document_no") REFERENCES "public"."assembly_header"("document_type","no") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reservation" ADD CONSTRAINT "reservation_supply" CHECK (("reservation"."supply_type" = 'inventory' and "reservation"."purchase_document_no" is null and "reservation"."assembly_document_no" is null)
    or ("reservation"."supply_type" = 'purchaseOrder' and "reservation"."purchase_document_type" = 'order' and "reservation"."purchase_document_no" is not null and "reservation"."purchase_line_no" is not null)
    or ("reservation"."supply_type" = 'assemblyOrder' and "reservation"."assembly_document_type" = 'order' and "reservation"."assembly_document_no" is not null));