ALTER TABLE "currency" ADD COLUMN "payment_tolerance_percent" numeric(9, 5) DEFAULT '0' NOT NULL;--> statement-breakpoint
ALTER TABLE "currency" ADD COLUMN "max_payment_tolerance_amount" numeric(18, 2) DEFAULT '0' NOT NULL;--> statement-breakpoint
ALTER TABLE "currency" ADD COLUMN "appln_rounding_precision" numeric(18, 5) DEFAULT '0' NOT NULL;--> statement-breakpoint
ALTER TABLE "currency" ADD COLUMN "emu_currency" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "customer_posting_group" ADD COLUMN "debit_rounding_account" text;--> statement-breakpoint
ALTER TABLE "customer_posting_group" ADD COLUMN "credit_rounding_account" text;--> statement-breakpoint
ALTER TABLE "general_ledger_setup" ADD COLUMN "appln_rounding_precision" numeric(18, 5) DEFAULT '0' NOT NULL;--> statement-breakpoint
ALTER TABLE "general_ledger_setup" ADD COLUMN "emu_currency" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "detailed_customer_ledger_entry" ADD COLUMN "max_payment_tolerance" numeric(18, 2);--> statement-breakpoint
ALTER TABLE "customer_posting_group" ADD CONSTRAINT "customer_posting_group_debit_rounding_account_gl_account_no_fk" FOREIGN KEY ("debit_rounding_account") REFERENCES "public"."gl_account"("no") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_posting_group" ADD CONSTRAINT "customer_posting_group_credit_rounding_account_gl_account_no_fk" FOREIGN KEY ("credit_rounding_account") REFERENCES "public"."gl_account"("no") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- Max. Payment Tolerance becomes derived (ledgers.ts customerLedgerEntryDerivedColumns): an application
-- caps it at the remaining amount, as BC's CalcRemainingPmtDisc, and unapply restores it.
DROP TRIGGER customer_ledger_entry_append_only ON customer_ledger_entry;
--> statement-breakpoint
CREATE TRIGGER customer_ledger_entry_append_only BEFORE UPDATE OR DELETE ON customer_ledger_entry FOR EACH ROW EXECUTE FUNCTION refuse_ledger_change('remaining_amount', 'remaining_amount_lcy', 'open', 'closed_by_entry_no', 'closed_at_date', 'closed_by_amount', 'remaining_payment_discount_possible', 'accepted_payment_tolerance', 'accepted_pmt_disc_tolerance', 'pmt_disc_given_lcy', 'max_payment_tolerance');
