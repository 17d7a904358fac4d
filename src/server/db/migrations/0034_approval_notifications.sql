CREATE TABLE "approval_notification" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "approval_notification_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"recipient_id" text NOT NULL,
	"notification_type" text NOT NULL,
	"document_type" text NOT NULL,
	"document_no" text NOT NULL,
	"entry_no" integer,
	"message" text NOT NULL,
	"overdue_date" date,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone,
	CONSTRAINT "approval_notification_notification_type_check" CHECK ("approval_notification"."notification_type" in ('approvalRequest', 'approved', 'rejected', 'cancelled', 'delegated', 'overdue')),
	CONSTRAINT "approval_notification_document_type_check" CHECK ("approval_notification"."document_type" in ('quote', 'order', 'invoice', 'creditMemo', 'returnOrder', 'blanketOrder'))
);
--> statement-breakpoint
ALTER TABLE "approval_notification" ADD CONSTRAINT "approval_notification_entry_no_approval_entry_entry_no_fk" FOREIGN KEY ("entry_no") REFERENCES "public"."approval_entry"("entry_no") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "approval_notification_recipient" ON "approval_notification" USING btree ("recipient_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "approval_notification_overdue_once" ON "approval_notification" USING btree ("recipient_id","entry_no","overdue_date");--> statement-breakpoint
CREATE TRIGGER approval_notification_append_only BEFORE UPDATE OR DELETE ON approval_notification FOR EACH ROW EXECUTE FUNCTION refuse_ledger_change('read_at');
