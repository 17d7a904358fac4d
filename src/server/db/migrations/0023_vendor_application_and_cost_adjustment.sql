ALTER TABLE "vendor_posting_group" ADD COLUMN "service_charge_account" text;--> statement-breakpoint
ALTER TABLE "vendor_posting_group" ADD COLUMN "payment_discount_debit_account" text;--> statement-breakpoint
ALTER TABLE "vendor_posting_group" ADD COLUMN "payment_discount_credit_account" text;--> statement-breakpoint
ALTER TABLE "vendor_posting_group" ADD COLUMN "invoice_rounding_account" text;--> statement-breakpoint
ALTER TABLE "vendor_posting_group" ADD COLUMN "payment_tolerance_debit_account" text;--> statement-breakpoint
ALTER TABLE "vendor_posting_group" ADD COLUMN "payment_tolerance_credit_account" text;--> statement-breakpoint
ALTER TABLE "vendor_posting_group" ADD COLUMN "debit_currency_application_rounding_account" text;--> statement-breakpoint
ALTER TABLE "vendor_posting_group" ADD COLUMN "credit_currency_application_rounding_account" text;--> statement-breakpoint
ALTER TABLE "vendor_posting_group" ADD COLUMN "debit_rounding_account" text;--> statement-breakpoint
ALTER TABLE "vendor_posting_group" ADD COLUMN "credit_rounding_account" text;--> statement-breakpoint
ALTER TABLE "detailed_vendor_ledger_entry" ADD COLUMN "max_payment_tolerance" numeric(18, 2);--> statement-breakpoint
ALTER TABLE "detailed_vendor_ledger_entry" ADD COLUMN "unapplied" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "detailed_vendor_ledger_entry" ADD COLUMN "unapplied_by_entry_no" integer;--> statement-breakpoint
ALTER TABLE "value_entry" ADD COLUMN "adjustment" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "vendor_ledger_entry" ADD COLUMN "pmt_disc_received_lcy" numeric(18, 2) DEFAULT '0' NOT NULL;--> statement-breakpoint
ALTER TABLE "vendor_ledger_entry" ADD COLUMN "max_payment_tolerance" numeric(18, 2) DEFAULT '0' NOT NULL;--> statement-breakpoint
ALTER TABLE "vendor_ledger_entry" ADD COLUMN "accepted_payment_tolerance" numeric(18, 2) DEFAULT '0' NOT NULL;--> statement-breakpoint
ALTER TABLE "vendor_ledger_entry" ADD COLUMN "accepted_pmt_disc_tolerance" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "vendor_posting_group" ADD CONSTRAINT "vendor_posting_group_service_charge_account_gl_account_no_fk" FOREIGN KEY ("service_charge_account") REFERENCES "public"."gl_account"("no") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vendor_posting_group" ADD CONSTRAINT "vendor_posting_group_payment_discount_debit_account_gl_account_no_fk" FOREIGN KEY ("payment_discount_debit_account") REFERENCES "public"."gl_account"("no") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vendor_posting_group" ADD CONSTRAINT "vendor_posting_group_payment_discount_credit_account_gl_account_no_fk" FOREIGN KEY ("payment_discount_credit_account") REFERENCES "public"."gl_account"("no") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vendor_posting_group" ADD CONSTRAINT "vendor_posting_group_invoice_rounding_account_gl_account_no_fk" FOREIGN KEY ("invoice_rounding_account") REFERENCES "public"."gl_account"("no") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vendor_posting_group" ADD CONSTRAINT "vendor_posting_group_payment_tolerance_debit_account_gl_account_no_fk" FOREIGN KEY ("payment_tolerance_debit_account") REFERENCES "public"."gl_account"("no") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vendor_posting_group" ADD CONSTRAINT "vendor_posting_group_payment_tolerance_credit_account_gl_account_no_fk" FOREIGN KEY ("payment_tolerance_credit_account") REFERENCES "public"."gl_account"("no") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vendor_posting_group" ADD CONSTRAINT "vendor_posting_group_debit_currency_application_rounding_account_gl_account_no_fk" FOREIGN KEY ("debit_currency_application_rounding_account") REFERENCES "public"."gl_account"("no") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vendor_posting_group" ADD CONSTRAINT "vendor_posting_group_credit_currency_application_rounding_account_gl_account_no_fk" FOREIGN KEY ("credit_currency_application_rounding_account") REFERENCES "public"."gl_account"("no") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vendor_posting_group" ADD CONSTRAINT "vendor_posting_group_debit_rounding_account_gl_account_no_fk" FOREIGN KEY ("debit_rounding_account") REFERENCES "public"."gl_account"("no") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vendor_posting_group" ADD CONSTRAINT "vendor_posting_group_credit_rounding_account_gl_account_no_fk" FOREIGN KEY ("credit_rounding_account") REFERENCES "public"."gl_account"("no") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "detailed_vendor_ledger_entry_transaction" ON "detailed_vendor_ledger_entry" USING btree ("transaction_no");--> statement-breakpoint
-- Vendor applications change these derived columns (ledgers.ts vendorLedgerEntryDerivedColumns), as on customer entries (0012).
DROP TRIGGER vendor_ledger_entry_append_only ON vendor_ledger_entry;
--> statement-breakpoint
CREATE TRIGGER vendor_ledger_entry_append_only BEFORE UPDATE OR DELETE ON vendor_ledger_entry FOR EACH ROW EXECUTE FUNCTION refuse_ledger_change('remaining_amount', 'remaining_amount_lcy', 'open', 'closed_by_entry_no', 'closed_at_date', 'closed_by_amount', 'remaining_payment_discount_possible', 'accepted_payment_tolerance', 'accepted_pmt_disc_tolerance', 'pmt_disc_received_lcy', 'max_payment_tolerance');
--> statement-breakpoint
DROP TRIGGER detailed_vendor_ledger_entry_append_only ON detailed_vendor_ledger_entry;
--> statement-breakpoint
CREATE TRIGGER detailed_vendor_ledger_entry_append_only BEFORE UPDATE OR DELETE ON detailed_vendor_ledger_entry FOR EACH ROW EXECUTE FUNCTION refuse_ledger_change('unapplied', 'unapplied_by_entry_no');
