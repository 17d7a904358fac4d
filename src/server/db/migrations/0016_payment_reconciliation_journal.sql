CREATE TABLE "applied_payment_entry" (
	"bank_account_no" text NOT NULL,
	"statement_no" text NOT NULL,
	"statement_line_no" integer NOT NULL,
	"account_type" text NOT NULL,
	"account_no" text NOT NULL,
	"applies_to_entry_no" integer NOT NULL,
	"applied_amount" numeric(18, 2) NOT NULL,
	"applied_pmt_discount" numeric(18, 2) DEFAULT '0' NOT NULL,
	"match_confidence" text DEFAULT 'none' NOT NULL,
	"quality" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "applied_payment_entry_pk" PRIMARY KEY("bank_account_no","statement_no","statement_line_no","account_type","applies_to_entry_no"),
	CONSTRAINT "applied_payment_entry_match_confidence_check" CHECK ("applied_payment_entry"."match_confidence" in ('none', 'low', 'medium', 'high', 'highTextToAccountMapping', 'manual', 'accepted'))
);
--> statement-breakpoint
CREATE TABLE "bank_reconciliation" (
	"bank_account_no" text NOT NULL,
	"statement_no" text NOT NULL,
	"statement_date" date,
	"balance_last_statement" numeric(18, 2) DEFAULT '0' NOT NULL,
	"statement_ending_balance" numeric(18, 2) DEFAULT '0' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bank_reconciliation_pk" PRIMARY KEY("bank_account_no","statement_no")
);
--> statement-breakpoint
CREATE TABLE "bank_reconciliation_line" (
	"bank_account_no" text NOT NULL,
	"statement_no" text NOT NULL,
	"statement_line_no" integer NOT NULL,
	"transaction_date" date NOT NULL,
	"value_date" date,
	"description" text DEFAULT '' NOT NULL,
	"transaction_text" text DEFAULT '' NOT NULL,
	"additional_transaction_info" text DEFAULT '' NOT NULL,
	"statement_amount" numeric(18, 2) NOT NULL,
	"applied_amount" numeric(18, 2) DEFAULT '0' NOT NULL,
	"related_party_name" text DEFAULT '' NOT NULL,
	"related_party_address" text DEFAULT '' NOT NULL,
	"related_party_city" text DEFAULT '' NOT NULL,
	"related_party_bank_account_no" text DEFAULT '' NOT NULL,
	"payment_reference_no" text DEFAULT '' NOT NULL,
	"transaction_id" text DEFAULT '' NOT NULL,
	"account_type" text DEFAULT '' NOT NULL,
	"account_no" text DEFAULT '' NOT NULL,
	"match_confidence" text DEFAULT 'none' NOT NULL,
	"match_quality" integer DEFAULT 0 NOT NULL,
	"match_details" jsonb,
	"fingerprint" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bank_reconciliation_line_pk" PRIMARY KEY("bank_account_no","statement_no","statement_line_no"),
	CONSTRAINT "bank_reconciliation_line_account_type_check" CHECK ("bank_reconciliation_line"."account_type" in ('', 'glAccount', 'customer', 'vendor', 'bankAccount')),
	CONSTRAINT "bank_reconciliation_line_match_confidence_check" CHECK ("bank_reconciliation_line"."match_confidence" in ('none', 'low', 'medium', 'high', 'highTextToAccountMapping', 'manual', 'accepted'))
);
--> statement-breakpoint
CREATE TABLE "customer_bank_account" (
	"customer_no" text NOT NULL,
	"code" text NOT NULL,
	"name" text DEFAULT '' NOT NULL,
	"bank_account_no" text DEFAULT '' NOT NULL,
	"iban" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "customer_bank_account_customer_no_code_pk" PRIMARY KEY("customer_no","code")
);
--> statement-breakpoint
CREATE TABLE "imported_bank_transaction" (
	"bank_account_no" text NOT NULL,
	"fingerprint" text NOT NULL,
	"statement_no" text NOT NULL,
	"statement_line_no" integer NOT NULL,
	"file_name" text DEFAULT '' NOT NULL,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "imported_bank_transaction_pk" PRIMARY KEY("bank_account_no","fingerprint")
);
--> statement-breakpoint
CREATE TABLE "payment_application_rule" (
	"match_confidence" text NOT NULL,
	"priority" integer NOT NULL,
	"related_party_matched" text NOT NULL,
	"doc_no_matched" text NOT NULL,
	"amount_incl_tolerance_matched" text NOT NULL,
	"review_required" boolean DEFAULT false NOT NULL,
	CONSTRAINT "payment_application_rule_pk" PRIMARY KEY("match_confidence","priority")
);
--> statement-breakpoint
CREATE TABLE "posted_payment_reconciliation" (
	"bank_account_no" text NOT NULL,
	"statement_no" text NOT NULL,
	"statement_date" date,
	"statement_ending_balance" numeric(18, 2) DEFAULT '0' NOT NULL,
	"reconciled" boolean NOT NULL,
	"transaction_nos" jsonb NOT NULL,
	"user_id" text DEFAULT '' NOT NULL,
	"posted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "posted_payment_reconciliation_pk" PRIMARY KEY("bank_account_no","statement_no")
);
--> statement-breakpoint
CREATE TABLE "posted_payment_reconciliation_line" (
	"bank_account_no" text NOT NULL,
	"statement_no" text NOT NULL,
	"statement_line_no" integer NOT NULL,
	"transaction_date" date NOT NULL,
	"value_date" date,
	"description" text DEFAULT '' NOT NULL,
	"transaction_text" text DEFAULT '' NOT NULL,
	"additional_transaction_info" text DEFAULT '' NOT NULL,
	"statement_amount" numeric(18, 2) NOT NULL,
	"applied_amount" numeric(18, 2) DEFAULT '0' NOT NULL,
	"related_party_name" text DEFAULT '' NOT NULL,
	"related_party_address" text DEFAULT '' NOT NULL,
	"related_party_city" text DEFAULT '' NOT NULL,
	"related_party_bank_account_no" text DEFAULT '' NOT NULL,
	"payment_reference_no" text DEFAULT '' NOT NULL,
	"transaction_id" text DEFAULT '' NOT NULL,
	"account_type" text DEFAULT '' NOT NULL,
	"account_no" text DEFAULT '' NOT NULL,
	"match_confidence" text DEFAULT 'none' NOT NULL,
	"match_quality" integer DEFAULT 0 NOT NULL,
	"match_details" jsonb,
	"document_no" text DEFAULT '' NOT NULL,
	"applied_entries" jsonb NOT NULL,
	CONSTRAINT "posted_payment_reconciliation_line_pk" PRIMARY KEY("bank_account_no","statement_no","statement_line_no")
);
--> statement-breakpoint
CREATE TABLE "text_to_account_mapping" (
	"id" serial PRIMARY KEY NOT NULL,
	"mapping_text" text NOT NULL,
	"debit_acc_no" text,
	"credit_acc_no" text,
	"bal_source_type" text DEFAULT 'glAccount' NOT NULL,
	"bal_source_no" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "text_to_account_mapping_bal_source_type_check" CHECK ("text_to_account_mapping"."bal_source_type" in ('', 'glAccount', 'customer', 'vendor', 'bankAccount'))
);
--> statement-breakpoint
ALTER TABLE "bank_account" ADD COLUMN "match_tolerance_type" text DEFAULT 'amount' NOT NULL;--> statement-breakpoint
ALTER TABLE "bank_account" ADD COLUMN "match_tolerance_value" numeric(18, 2) DEFAULT '0' NOT NULL;--> statement-breakpoint
ALTER TABLE "bank_account" ADD COLUMN "last_payment_statement_no" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "bank_account" ADD COLUMN "last_statement_no" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "bank_account" ADD COLUMN "balance_last_statement" numeric(18, 2) DEFAULT '0' NOT NULL;--> statement-breakpoint
ALTER TABLE "bank_account" ADD COLUMN "statement_csv_mapping" jsonb;--> statement-breakpoint
ALTER TABLE "applied_payment_entry" ADD CONSTRAINT "applied_payment_entry_line_fk" FOREIGN KEY ("bank_account_no","statement_no","statement_line_no") REFERENCES "public"."bank_reconciliation_line"("bank_account_no","statement_no","statement_line_no") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bank_reconciliation" ADD CONSTRAINT "bank_reconciliation_bank_account_no_bank_account_no_fk" FOREIGN KEY ("bank_account_no") REFERENCES "public"."bank_account"("no") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bank_reconciliation_line" ADD CONSTRAINT "bank_reconciliation_line_header_fk" FOREIGN KEY ("bank_account_no","statement_no") REFERENCES "public"."bank_reconciliation"("bank_account_no","statement_no") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_bank_account" ADD CONSTRAINT "customer_bank_account_customer_no_customer_no_fk" FOREIGN KEY ("customer_no") REFERENCES "public"."customer"("no") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "imported_bank_transaction" ADD CONSTRAINT "imported_bank_transaction_bank_account_no_bank_account_no_fk" FOREIGN KEY ("bank_account_no") REFERENCES "public"."bank_account"("no") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "posted_payment_reconciliation" ADD CONSTRAINT "posted_payment_reconciliation_bank_account_no_bank_account_no_fk" FOREIGN KEY ("bank_account_no") REFERENCES "public"."bank_account"("no") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "posted_payment_reconciliation_line" ADD CONSTRAINT "posted_payment_reconciliation_line_header_fk" FOREIGN KEY ("bank_account_no","statement_no") REFERENCES "public"."posted_payment_reconciliation"("bank_account_no","statement_no") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "text_to_account_mapping_text" ON "text_to_account_mapping" USING btree (upper("mapping_text"));--> statement-breakpoint
ALTER TABLE "bank_account" ADD CONSTRAINT "bank_account_match_tolerance_type_check" CHECK ("bank_account"."match_tolerance_type" in ('amount', 'percentage'));
--> statement-breakpoint
CREATE TRIGGER posted_payment_reconciliation_append_only BEFORE UPDATE OR DELETE ON posted_payment_reconciliation FOR EACH ROW EXECUTE FUNCTION refuse_ledger_change();
--> statement-breakpoint
CREATE TRIGGER posted_payment_reconciliation_line_append_only BEFORE UPDATE OR DELETE ON posted_payment_reconciliation_line FOR EACH ROW EXECUTE FUNCTION refuse_ledger_change();
--> statement-breakpoint
-- BC's default Bank Pmt. Appl. Rules (spec §22.3): Medium and Low matches need a review, as in BC.
INSERT INTO payment_application_rule (match_confidence, priority, related_party_matched, doc_no_matched, amount_incl_tolerance_matched, review_required) VALUES
  ('high', 1, 'fully', 'yesMultiple', 'oneMatch', false),
  ('high', 2, 'fully', 'yesMultiple', 'multipleMatches', false),
  ('high', 3, 'fully', 'yes', 'oneMatch', false),
  ('high', 4, 'fully', 'yes', 'multipleMatches', false),
  ('high', 5, 'partially', 'yesMultiple', 'oneMatch', false),
  ('high', 6, 'partially', 'yesMultiple', 'multipleMatches', false),
  ('high', 7, 'partially', 'yes', 'oneMatch', false),
  ('high', 8, 'fully', 'no', 'oneMatch', false),
  ('high', 9, 'no', 'yesMultiple', 'oneMatch', false),
  ('high', 10, 'no', 'yesMultiple', 'multipleMatches', false),
  ('medium', 1, 'fully', 'yesMultiple', 'notConsidered', true),
  ('medium', 2, 'fully', 'yes', 'notConsidered', true),
  ('medium', 3, 'fully', 'no', 'multipleMatches', true),
  ('medium', 4, 'partially', 'yesMultiple', 'notConsidered', true),
  ('medium', 5, 'partially', 'yes', 'notConsidered', true),
  ('medium', 6, 'no', 'yes', 'oneMatch', true),
  ('medium', 7, 'no', 'yesMultiple', 'notConsidered', true),
  ('medium', 8, 'partially', 'no', 'oneMatch', true),
  ('medium', 9, 'no', 'yes', 'notConsidered', true),
  ('low', 1, 'fully', 'no', 'noMatches', true),
  ('low', 2, 'partially', 'no', 'multipleMatches', true),
  ('low', 3, 'partially', 'no', 'noMatches', true),
  ('low', 4, 'no', 'no', 'oneMatch', true),
  ('low', 5, 'no', 'no', 'multipleMatches', true);
