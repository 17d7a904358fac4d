CREATE TABLE "posted_approval_request" (
	"posted_document_type" text NOT NULL,
	"posted_document_no" text NOT NULL,
	"request_id" integer NOT NULL,
	CONSTRAINT "posted_approval_request_pk" PRIMARY KEY("posted_document_type","posted_document_no","request_id"),
	CONSTRAINT "posted_approval_request_posted_document_type_check" CHECK ("posted_approval_request"."posted_document_type" in ('shipment', 'invoice', 'creditMemo', 'returnReceipt'))
);
--> statement-breakpoint
ALTER TABLE "posted_approval_request" ADD CONSTRAINT "posted_approval_request_request_id_approval_request_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."approval_request"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "posted_approval_request" ADD CONSTRAINT "posted_approval_request_posted_document_fk" FOREIGN KEY ("posted_document_type","posted_document_no") REFERENCES "public"."posted_sales_header"("document_type","no") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "posted_approval_request_request" ON "posted_approval_request" USING btree ("request_id");--> statement-breakpoint
-- Append-only like the approval history it points at (0033): a posting writes its links once.
CREATE TRIGGER posted_approval_request_append_only BEFORE UPDATE OR DELETE ON posted_approval_request FOR EACH ROW EXECUTE FUNCTION refuse_ledger_change();
