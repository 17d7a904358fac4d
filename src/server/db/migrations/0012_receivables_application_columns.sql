CREATE TABLE "customer_entry_apply_mark" (
	"customer_ledger_entry_no" integer PRIMARY KEY NOT NULL,
	"applies_to_id" text NOT NULL,
	"amount_to_apply" numeric(18, 2) DEFAULT '0' NOT NULL,
	"user_id" text DEFAULT '' NOT NULL,
	"marked_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "transaction_reversal" (
	"transaction_no" integer PRIMARY KEY NOT NULL,
	"reversed_by_transaction_no" integer NOT NULL,
	"user_id" text DEFAULT '' NOT NULL,
	"reversed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "transaction_reversal_reversedByTransactionNo_unique" UNIQUE("reversed_by_transaction_no")
);
--> statement-breakpoint
ALTER TABLE "customer_ledger_entry" ADD COLUMN "pmt_disc_given_lcy" numeric(18, 2) DEFAULT '0' NOT NULL;--> statement-breakpoint
ALTER TABLE "customer_ledger_entry" ADD COLUMN "max_payment_tolerance" numeric(18, 2) DEFAULT '0' NOT NULL;--> statement-breakpoint
ALTER TABLE "customer_ledger_entry" ADD COLUMN "accepted_payment_tolerance" numeric(18, 2) DEFAULT '0' NOT NULL;--> statement-breakpoint
ALTER TABLE "customer_ledger_entry" ADD COLUMN "accepted_pmt_disc_tolerance" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "detailed_customer_ledger_entry" ADD COLUMN "unapplied" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "detailed_customer_ledger_entry" ADD COLUMN "unapplied_by_entry_no" integer;--> statement-breakpoint
ALTER TABLE "customer_entry_apply_mark" ADD CONSTRAINT "customer_entry_apply_mark_customer_ledger_entry_no_customer_ledger_entry_entry_no_fk" FOREIGN KEY ("customer_ledger_entry_no") REFERENCES "public"."customer_ledger_entry"("entry_no") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transaction_reversal" ADD CONSTRAINT "transaction_reversal_transaction_no_gl_register_no_fk" FOREIGN KEY ("transaction_no") REFERENCES "public"."gl_register"("no") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transaction_reversal" ADD CONSTRAINT "transaction_reversal_reversed_by_transaction_no_gl_register_no_fk" FOREIGN KEY ("reversed_by_transaction_no") REFERENCES "public"."gl_register"("no") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "customer_entry_apply_mark_id" ON "customer_entry_apply_mark" USING btree ("applies_to_id");--> statement-breakpoint
CREATE INDEX "detailed_customer_ledger_entry_transaction" ON "detailed_customer_ledger_entry" USING btree ("transaction_no");--> statement-breakpoint
-- The new derived columns (ledgers.ts customerLedgerEntryDerivedColumns; unapply flags the detailed
-- entries it undoes); reversals are recorded once and never changed.
DROP TRIGGER customer_ledger_entry_append_only ON customer_ledger_entry;
--> statement-breakpoint
CREATE TRIGGER customer_ledger_entry_append_only BEFORE UPDATE OR DELETE ON customer_ledger_entry FOR EACH ROW EXECUTE FUNCTION refuse_ledger_change('remaining_amount', 'remaining_amount_lcy', 'open', 'closed_by_entry_no', 'closed_at_date', 'closed_by_amount', 'remaining_payment_discount_possible', 'accepted_payment_tolerance', 'accepted_pmt_disc_tolerance', 'pmt_disc_given_lcy');
--> statement-breakpoint
DROP TRIGGER detailed_customer_ledger_entry_append_only ON detailed_customer_ledger_entry;
--> statement-breakpoint
CREATE TRIGGER detailed_customer_ledger_entry_append_only BEFORE UPDATE OR DELETE ON detailed_customer_ledger_entry FOR EACH ROW EXECUTE FUNCTION refuse_ledger_change('unapplied', 'unapplied_by_entry_no');
--> statement-breakpoint
CREATE TRIGGER transaction_reversal_append_only BEFORE UPDATE OR DELETE ON transaction_reversal FOR EACH ROW EXECUTE FUNCTION refuse_ledger_change();
--> statement-breakpoint
CREATE TRIGGER transaction_reversal_no_truncate BEFORE TRUNCATE ON transaction_reversal FOR EACH STATEMENT EXECUTE FUNCTION refuse_ledger_truncate();
