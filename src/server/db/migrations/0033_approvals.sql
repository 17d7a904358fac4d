CREATE TABLE "approval_comment" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "approval_comment_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"entry_no" integer NOT NULL,
	"user_id" text NOT NULL,
	"comment" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "approval_entry" (
	"entry_no" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "approval_entry_entry_no_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"request_id" integer NOT NULL,
	"sequence_no" integer NOT NULL,
	"approval_type" text NOT NULL,
	"limit_type" text NOT NULL,
	"due_date" date,
	"delegation_date_formula" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "approval_entry_approval_type_check" CHECK ("approval_entry"."approval_type" in ('salespersonPurchaser', 'approver', 'workflowUserGroup')),
	CONSTRAINT "approval_entry_limit_type_check" CHECK ("approval_entry"."limit_type" in ('approverChain', 'directApprover', 'firstQualifiedApprover', 'specificApprover'))
);
--> statement-breakpoint
CREATE TABLE "approval_entry_event" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "approval_entry_event_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"entry_no" integer NOT NULL,
	"status" text NOT NULL,
	"approver_id" text NOT NULL,
	"user_id" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "approval_entry_event_status_check" CHECK ("approval_entry_event"."status" in ('created', 'open', 'canceled', 'rejected', 'approved'))
);
--> statement-breakpoint
CREATE TABLE "approval_request" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "approval_request_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"document_type" text NOT NULL,
	"document_no" text NOT NULL,
	"document_created_at" timestamp with time zone NOT NULL,
	"workflow_code" text NOT NULL,
	"sender_id" text NOT NULL,
	"content_hash" text NOT NULL,
	"amount" numeric(18, 2) NOT NULL,
	"amount_lcy" numeric(18, 2) NOT NULL,
	"currency_code" text,
	"salesperson_code" text,
	"customer_no" text NOT NULL,
	"available_credit_limit_lcy" numeric(18, 2),
	"copied_from_request_id" integer,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "approval_request_document_type_check" CHECK ("approval_request"."document_type" in ('quote', 'order', 'invoice', 'creditMemo', 'returnOrder', 'blanketOrder'))
);
--> statement-breakpoint
CREATE TABLE "approval_user_setup" (
	"user_id" text PRIMARY KEY NOT NULL,
	"approver_id" text,
	"sales_amount_approval_limit" numeric(18, 2) DEFAULT '0' NOT NULL,
	"unlimited_sales_approval" boolean DEFAULT false NOT NULL,
	"salesperson_code" text,
	"substitute" text,
	"approval_administrator" boolean DEFAULT false NOT NULL,
	"email" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "approval_workflow" (
	"code" text PRIMARY KEY NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"template_code" text DEFAULT '' NOT NULL,
	"document_type" text NOT NULL,
	"enabled" boolean DEFAULT false NOT NULL,
	"approver_type" text DEFAULT 'approver' NOT NULL,
	"limit_type" text DEFAULT 'approverChain' NOT NULL,
	"specific_approver_id" text,
	"workflow_user_group_code" text,
	"due_date_formula" text DEFAULT '' NOT NULL,
	"delegate_after" text DEFAULT 'never' NOT NULL,
	"minimum_amount_lcy" numeric(18, 2),
	"customer_no" text,
	"customer_posting_group" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "approval_workflow_document_type_check" CHECK ("approval_workflow"."document_type" in ('quote', 'order', 'invoice', 'creditMemo', 'returnOrder', 'blanketOrder')),
	CONSTRAINT "approval_workflow_approver_type_check" CHECK ("approval_workflow"."approver_type" in ('salespersonPurchaser', 'approver', 'workflowUserGroup')),
	CONSTRAINT "approval_workflow_limit_type_check" CHECK ("approval_workflow"."limit_type" in ('approverChain', 'directApprover', 'firstQualifiedApprover', 'specificApprover')),
	CONSTRAINT "approval_workflow_delegate_after_check" CHECK ("approval_workflow"."delegate_after" in ('never', '1D', '2D', '5D'))
);
--> statement-breakpoint
CREATE TABLE "workflow_user_group" (
	"code" text PRIMARY KEY NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "workflow_user_group_member" (
	"group_code" text NOT NULL,
	"user_id" text NOT NULL,
	"sequence_no" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "workflow_user_group_member_group_code_user_id_pk" PRIMARY KEY("group_code","user_id")
);
--> statement-breakpoint
ALTER TABLE "approval_comment" ADD CONSTRAINT "approval_comment_entry_no_approval_entry_entry_no_fk" FOREIGN KEY ("entry_no") REFERENCES "public"."approval_entry"("entry_no") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approval_entry" ADD CONSTRAINT "approval_entry_request_id_approval_request_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."approval_request"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approval_entry_event" ADD CONSTRAINT "approval_entry_event_entry_no_approval_entry_entry_no_fk" FOREIGN KEY ("entry_no") REFERENCES "public"."approval_entry"("entry_no") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approval_user_setup" ADD CONSTRAINT "approval_user_setup_user_id_app_user_username_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("username") ON DELETE cascade ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "approval_user_setup" ADD CONSTRAINT "approval_user_setup_salesperson_code_salesperson_purchaser_code_fk" FOREIGN KEY ("salesperson_code") REFERENCES "public"."salesperson_purchaser"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approval_workflow" ADD CONSTRAINT "approval_workflow_workflow_user_group_code_workflow_user_group_code_fk" FOREIGN KEY ("workflow_user_group_code") REFERENCES "public"."workflow_user_group"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approval_workflow" ADD CONSTRAINT "approval_workflow_customer_no_customer_no_fk" FOREIGN KEY ("customer_no") REFERENCES "public"."customer"("no") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approval_workflow" ADD CONSTRAINT "approval_workflow_customer_posting_group_customer_posting_group_code_fk" FOREIGN KEY ("customer_posting_group") REFERENCES "public"."customer_posting_group"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workflow_user_group_member" ADD CONSTRAINT "workflow_user_group_member_group_code_workflow_user_group_code_fk" FOREIGN KEY ("group_code") REFERENCES "public"."workflow_user_group"("code") ON DELETE cascade ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "workflow_user_group_member" ADD CONSTRAINT "workflow_user_group_member_user_id_app_user_username_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("username") ON DELETE cascade ON UPDATE cascade;--> statement-breakpoint
CREATE INDEX "approval_comment_entry" ON "approval_comment" USING btree ("entry_no");--> statement-breakpoint
CREATE INDEX "approval_entry_request" ON "approval_entry" USING btree ("request_id");--> statement-breakpoint
CREATE INDEX "approval_entry_event_entry" ON "approval_entry_event" USING btree ("entry_no","id");--> statement-breakpoint
CREATE INDEX "approval_entry_event_approver" ON "approval_entry_event" USING btree ("approver_id");--> statement-breakpoint
CREATE INDEX "approval_request_document" ON "approval_request" USING btree ("document_type","document_no");--> statement-breakpoint
-- The approval history is append-only like the ledgers (refuse_ledger_change of 0004): an entry's status is its latest event.
CREATE TRIGGER approval_request_append_only BEFORE UPDATE OR DELETE ON approval_request FOR EACH ROW EXECUTE FUNCTION refuse_ledger_change();
--> statement-breakpoint
CREATE TRIGGER approval_entry_append_only BEFORE UPDATE OR DELETE ON approval_entry FOR EACH ROW EXECUTE FUNCTION refuse_ledger_change();
--> statement-breakpoint
CREATE TRIGGER approval_entry_event_append_only BEFORE UPDATE OR DELETE ON approval_entry_event FOR EACH ROW EXECUTE FUNCTION refuse_ledger_change();
--> statement-breakpoint
CREATE TRIGGER approval_comment_append_only BEFORE UPDATE OR DELETE ON approval_comment FOR EACH ROW EXECUTE FUNCTION refuse_ledger_change();
