CREATE TABLE "general_journal_batch" (
	"journal_template_name" text NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"no_series_code" text,
	"bal_account_type" text,
	"bal_account_no" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "general_journal_batch_journal_template_name_name_pk" PRIMARY KEY("journal_template_name","name"),
	CONSTRAINT "general_journal_batch_bal_account_type_check" CHECK ("general_journal_batch"."bal_account_type" in ('glAccount', 'customer', 'vendor', 'bankAccount'))
);
--> statement-breakpoint
CREATE TABLE "general_journal_line" (
	"journal_template_name" text NOT NULL,
	"journal_batch_name" text NOT NULL,
	"line_no" integer NOT NULL,
	"posting_date" date NOT NULL,
	"document_type" text DEFAULT '' NOT NULL,
	"document_no" text DEFAULT '' NOT NULL,
	"external_document_no" text DEFAULT '' NOT NULL,
	"document_date" date,
	"account_type" text NOT NULL,
	"account_no" text DEFAULT '' NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"currency_code" text,
	"currency_factor" numeric(28, 12),
	"amount" numeric(18, 2) DEFAULT '0' NOT NULL,
	"amount_lcy" numeric(18, 2),
	"bal_account_type" text,
	"bal_account_no" text DEFAULT '' NOT NULL,
	"applies_to_doc_type" text,
	"applies_to_doc_no" text,
	"applies_to_id" text,
	"due_date" date,
	"payment_discount_date" date,
	"payment_discount_percent" numeric(9, 5),
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "general_journal_line_pk" PRIMARY KEY("journal_template_name","journal_batch_name","line_no"),
	CONSTRAINT "general_journal_line_document_type_check" CHECK ("general_journal_line"."document_type" in ('', 'payment', 'invoice', 'creditMemo', 'refund')),
	CONSTRAINT "general_journal_line_account_type_check" CHECK ("general_journal_line"."account_type" in ('glAccount', 'customer', 'vendor', 'bankAccount')),
	CONSTRAINT "general_journal_line_bal_account_type_check" CHECK ("general_journal_line"."bal_account_type" in ('glAccount', 'customer', 'vendor', 'bankAccount')),
	CONSTRAINT "general_journal_line_applies_to_doc_type_check" CHECK ("general_journal_line"."applies_to_doc_type" in ('', 'payment', 'invoice', 'creditMemo', 'refund'))
);
--> statement-breakpoint
CREATE TABLE "general_journal_template" (
	"name" text PRIMARY KEY NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"type" text DEFAULT 'general' NOT NULL,
	"source_code" text DEFAULT 'GENJNL' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "general_journal_template_type_check" CHECK ("general_journal_template"."type" in ('general', 'cashReceipts', 'payments'))
);
--> statement-breakpoint
ALTER TABLE "general_journal_batch" ADD CONSTRAINT "general_journal_batch_journal_template_name_general_journal_template_name_fk" FOREIGN KEY ("journal_template_name") REFERENCES "public"."general_journal_template"("name") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "general_journal_batch" ADD CONSTRAINT "general_journal_batch_no_series_code_no_series_code_fk" FOREIGN KEY ("no_series_code") REFERENCES "public"."no_series"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "general_journal_line" ADD CONSTRAINT "general_journal_line_batch_fk" FOREIGN KEY ("journal_template_name","journal_batch_name") REFERENCES "public"."general_journal_batch"("journal_template_name","name") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- BC's standard journals exist from the start, as the setup rows of 0001 do; a company gives their batches a number series and a balancing account (the demo company does).
INSERT INTO "general_journal_template" ("name", "description", "type", "source_code") VALUES
	('GENERAL', 'General journal', 'general', 'GENJNL'),
	('CASHRCPT', 'Cash receipts journal', 'cashReceipts', 'CASHRECJNL');
--> statement-breakpoint
INSERT INTO "general_journal_batch" ("journal_template_name", "name", "description") VALUES
	('GENERAL', 'DEFAULT', 'Default journal'),
	('CASHRCPT', 'GENERAL', 'Customer payments');
