CREATE TABLE "bank_account" (
	"no" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"bank_account_no" text DEFAULT '' NOT NULL,
	"iban" text DEFAULT '' NOT NULL,
	"swift_code" text DEFAULT '' NOT NULL,
	"currency_code" text,
	"bank_acc_posting_group" text,
	"blocked" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "bank_account_posting_group" (
	"code" text PRIMARY KEY NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"gl_account_no" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "bank_account_ledger_entry" (
	"entry_no" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "bank_account_ledger_entry_entry_no_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"transaction_no" integer NOT NULL,
	"posting_date" date NOT NULL,
	"document_type" text DEFAULT '' NOT NULL,
	"document_no" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"source_code" text DEFAULT '' NOT NULL,
	"user_id" text DEFAULT '' NOT NULL,
	"bank_account_no" text NOT NULL,
	"external_document_no" text DEFAULT '' NOT NULL,
	"currency_code" text DEFAULT '' NOT NULL,
	"amount" numeric(18, 2) NOT NULL,
	"amount_lcy" numeric(18, 2) NOT NULL,
	"remaining_amount" numeric(18, 2) NOT NULL,
	"open" boolean NOT NULL,
	"positive" boolean NOT NULL,
	"closed_by_entry_no" integer,
	"closed_at_date" date,
	"bal_account_type" text DEFAULT '' NOT NULL,
	"bal_account_no" text DEFAULT '' NOT NULL,
	"statement_status" text DEFAULT 'open' NOT NULL,
	"statement_no" text DEFAULT '' NOT NULL,
	"statement_line_no" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "bank_account_ledger_entry_document_type_check" CHECK ("bank_account_ledger_entry"."document_type" in ('', 'payment', 'invoice', 'creditMemo', 'financeChargeMemo', 'reminder', 'refund')),
	CONSTRAINT "bank_account_ledger_entry_bal_account_type_check" CHECK ("bank_account_ledger_entry"."bal_account_type" in ('', 'glAccount', 'customer', 'vendor', 'bankAccount')),
	CONSTRAINT "bank_account_ledger_entry_statement_status_check" CHECK ("bank_account_ledger_entry"."statement_status" in ('open', 'bankAccountEntryApplied', 'checkEntryApplied', 'closed'))
);
--> statement-breakpoint
CREATE TABLE "detailed_vendor_ledger_entry" (
	"entry_no" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "detailed_vendor_ledger_entry_entry_no_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"vendor_ledger_entry_no" integer NOT NULL,
	"entry_type" text NOT NULL,
	"transaction_no" integer NOT NULL,
	"posting_date" date NOT NULL,
	"document_type" text DEFAULT '' NOT NULL,
	"document_no" text NOT NULL,
	"vendor_no" text NOT NULL,
	"currency_code" text DEFAULT '' NOT NULL,
	"amount" numeric(18, 2) NOT NULL,
	"amount_lcy" numeric(18, 2) NOT NULL,
	"applied_vendor_ledger_entry_no" integer,
	"user_id" text DEFAULT '' NOT NULL,
	CONSTRAINT "detailed_vendor_ledger_entry_entry_type_check" CHECK ("detailed_vendor_ledger_entry"."entry_type" in ('initialEntry', 'application', 'unrealizedLoss', 'unrealizedGain', 'realizedLoss', 'realizedGain', 'paymentDiscount', 'paymentDiscountVatExcl', 'paymentDiscountVatAdjustment', 'paymentDiscountTolerance', 'paymentDiscountToleranceVatExcl', 'paymentDiscountToleranceVatAdjustment', 'paymentTolerance', 'paymentToleranceVatExcl', 'paymentToleranceVatAdjustment', 'correctionOfRemainingAmount', 'applicationRounding')),
	CONSTRAINT "detailed_vendor_ledger_entry_document_type_check" CHECK ("detailed_vendor_ledger_entry"."document_type" in ('', 'payment', 'invoice', 'creditMemo', 'financeChargeMemo', 'reminder', 'refund'))
);
--> statement-breakpoint
CREATE TABLE "vendor_ledger_entry" (
	"entry_no" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "vendor_ledger_entry_entry_no_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"transaction_no" integer NOT NULL,
	"posting_date" date NOT NULL,
	"document_type" text DEFAULT '' NOT NULL,
	"document_no" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"source_code" text DEFAULT '' NOT NULL,
	"user_id" text DEFAULT '' NOT NULL,
	"vendor_no" text NOT NULL,
	"buy_from_vendor_no" text DEFAULT '' NOT NULL,
	"document_date" date,
	"external_document_no" text DEFAULT '' NOT NULL,
	"currency_code" text DEFAULT '' NOT NULL,
	"currency_factor" numeric(28, 12) DEFAULT '1' NOT NULL,
	"amount" numeric(18, 2) NOT NULL,
	"amount_lcy" numeric(18, 2) NOT NULL,
	"remaining_amount" numeric(18, 2) NOT NULL,
	"remaining_amount_lcy" numeric(18, 2) NOT NULL,
	"purchase_lcy" numeric(18, 2) DEFAULT '0' NOT NULL,
	"invoice_discount_lcy" numeric(18, 2) DEFAULT '0' NOT NULL,
	"due_date" date,
	"payment_discount_date" date,
	"payment_discount_tolerance_date" date,
	"original_payment_discount_possible" numeric(18, 2) DEFAULT '0' NOT NULL,
	"remaining_payment_discount_possible" numeric(18, 2) DEFAULT '0' NOT NULL,
	"open" boolean NOT NULL,
	"positive" boolean NOT NULL,
	"closed_by_entry_no" integer,
	"closed_at_date" date,
	"closed_by_amount" numeric(18, 2) DEFAULT '0' NOT NULL,
	"purchaser_code" text DEFAULT '' NOT NULL,
	"payment_method_code" text DEFAULT '' NOT NULL,
	"vendor_posting_group" text DEFAULT '' NOT NULL,
	CONSTRAINT "vendor_ledger_entry_document_type_check" CHECK ("vendor_ledger_entry"."document_type" in ('', 'payment', 'invoice', 'creditMemo', 'financeChargeMemo', 'reminder', 'refund'))
);
--> statement-breakpoint
ALTER TABLE "customer_ledger_entry" ALTER COLUMN "currency_factor" SET DATA TYPE numeric(28, 12);--> statement-breakpoint
ALTER TABLE "customer_ledger_entry" ALTER COLUMN "currency_factor" SET DEFAULT '1';--> statement-breakpoint
ALTER TABLE "posted_sales_header" ALTER COLUMN "currency_factor" SET DATA TYPE numeric(28, 12);--> statement-breakpoint
ALTER TABLE "posted_sales_header" ALTER COLUMN "currency_factor" SET DEFAULT '1';--> statement-breakpoint
ALTER TABLE "bank_account" ADD CONSTRAINT "bank_account_currency_code_currency_code_fk" FOREIGN KEY ("currency_code") REFERENCES "public"."currency"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bank_account" ADD CONSTRAINT "bank_account_bank_acc_posting_group_bank_account_posting_group_code_fk" FOREIGN KEY ("bank_acc_posting_group") REFERENCES "public"."bank_account_posting_group"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bank_account_posting_group" ADD CONSTRAINT "bank_account_posting_group_gl_account_no_gl_account_no_fk" FOREIGN KEY ("gl_account_no") REFERENCES "public"."gl_account"("no") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bank_account_ledger_entry" ADD CONSTRAINT "bank_account_ledger_entry_transaction_no_gl_register_no_fk" FOREIGN KEY ("transaction_no") REFERENCES "public"."gl_register"("no") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bank_account_ledger_entry" ADD CONSTRAINT "bank_account_ledger_entry_bank_account_no_bank_account_no_fk" FOREIGN KEY ("bank_account_no") REFERENCES "public"."bank_account"("no") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "detailed_vendor_ledger_entry" ADD CONSTRAINT "detailed_vendor_ledger_entry_vendor_ledger_entry_no_vendor_ledger_entry_entry_no_fk" FOREIGN KEY ("vendor_ledger_entry_no") REFERENCES "public"."vendor_ledger_entry"("entry_no") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "detailed_vendor_ledger_entry" ADD CONSTRAINT "detailed_vendor_ledger_entry_transaction_no_gl_register_no_fk" FOREIGN KEY ("transaction_no") REFERENCES "public"."gl_register"("no") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vendor_ledger_entry" ADD CONSTRAINT "vendor_ledger_entry_transaction_no_gl_register_no_fk" FOREIGN KEY ("transaction_no") REFERENCES "public"."gl_register"("no") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vendor_ledger_entry" ADD CONSTRAINT "vendor_ledger_entry_vendor_no_vendor_no_fk" FOREIGN KEY ("vendor_no") REFERENCES "public"."vendor"("no") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "bank_account_ledger_entry_bank_account" ON "bank_account_ledger_entry" USING btree ("bank_account_no","posting_date");--> statement-breakpoint
CREATE INDEX "bank_account_ledger_entry_document" ON "bank_account_ledger_entry" USING btree ("document_no");--> statement-breakpoint
CREATE INDEX "bank_account_ledger_entry_open" ON "bank_account_ledger_entry" USING btree ("bank_account_no","open");--> statement-breakpoint
CREATE INDEX "detailed_vendor_ledger_entry_entry" ON "detailed_vendor_ledger_entry" USING btree ("vendor_ledger_entry_no");--> statement-breakpoint
CREATE INDEX "vendor_ledger_entry_vendor" ON "vendor_ledger_entry" USING btree ("vendor_no","posting_date");--> statement-breakpoint
CREATE INDEX "vendor_ledger_entry_document" ON "vendor_ledger_entry" USING btree ("document_no");--> statement-breakpoint
CREATE INDEX "vendor_ledger_entry_open" ON "vendor_ledger_entry" USING btree ("vendor_no","open","due_date");--> statement-breakpoint
ALTER TABLE "sales_header" ADD CONSTRAINT "sales_header_document_type_check" CHECK ("sales_header"."document_type" in ('quote', 'order', 'invoice', 'creditMemo', 'returnOrder', 'blanketOrder'));--> statement-breakpoint
ALTER TABLE "sales_line" ADD CONSTRAINT "sales_line_type_check" CHECK ("sales_line"."type" in ('comment', 'item', 'glAccount'));--> statement-breakpoint
ALTER TABLE "customer_ledger_entry" ADD CONSTRAINT "customer_ledger_entry_document_type_check" CHECK ("customer_ledger_entry"."document_type" in ('', 'payment', 'invoice', 'creditMemo', 'financeChargeMemo', 'reminder', 'refund'));--> statement-breakpoint
ALTER TABLE "detailed_customer_ledger_entry" ADD CONSTRAINT "detailed_customer_ledger_entry_entry_type_check" CHECK ("detailed_customer_ledger_entry"."entry_type" in ('initialEntry', 'application', 'unrealizedLoss', 'unrealizedGain', 'realizedLoss', 'realizedGain', 'paymentDiscount', 'paymentDiscountVatExcl', 'paymentDiscountVatAdjustment', 'paymentDiscountTolerance', 'paymentDiscountToleranceVatExcl', 'paymentDiscountToleranceVatAdjustment', 'paymentTolerance', 'paymentToleranceVatExcl', 'paymentToleranceVatAdjustment', 'correctionOfRemainingAmount', 'applicationRounding'));--> statement-breakpoint
ALTER TABLE "detailed_customer_ledger_entry" ADD CONSTRAINT "detailed_customer_ledger_entry_document_type_check" CHECK ("detailed_customer_ledger_entry"."document_type" in ('', 'payment', 'invoice', 'creditMemo', 'financeChargeMemo', 'reminder', 'refund'));--> statement-breakpoint
ALTER TABLE "gl_entry" ADD CONSTRAINT "gl_entry_document_type_check" CHECK ("gl_entry"."document_type" in ('', 'payment', 'invoice', 'creditMemo', 'financeChargeMemo', 'reminder', 'refund'));--> statement-breakpoint
ALTER TABLE "gl_entry" ADD CONSTRAINT "gl_entry_gen_posting_type_check" CHECK ("gl_entry"."gen_posting_type" in ('', 'sale', 'purchase', 'settlement'));--> statement-breakpoint
ALTER TABLE "gl_entry" ADD CONSTRAINT "gl_entry_source_type_check" CHECK ("gl_entry"."source_type" in ('', 'customer', 'vendor', 'bankAccount'));--> statement-breakpoint
ALTER TABLE "item_ledger_entry" ADD CONSTRAINT "item_ledger_entry_entry_type_check" CHECK ("item_ledger_entry"."entry_type" in ('purchase', 'sale', 'positiveAdjustment', 'negativeAdjustment', 'assemblyConsumption', 'assemblyOutput'));--> statement-breakpoint
ALTER TABLE "item_ledger_entry" ADD CONSTRAINT "item_ledger_entry_document_type_check" CHECK ("item_ledger_entry"."document_type" in ('', 'salesShipment', 'salesInvoice', 'salesReturnReceipt', 'salesCreditMemo', 'purchaseReceipt', 'purchaseInvoice', 'purchaseReturnShipment', 'purchaseCreditMemo', 'postedAssembly'));--> statement-breakpoint
ALTER TABLE "item_ledger_entry" ADD CONSTRAINT "item_ledger_entry_source_type_check" CHECK ("item_ledger_entry"."source_type" in ('', 'customer', 'vendor', 'item'));--> statement-breakpoint
ALTER TABLE "value_entry" ADD CONSTRAINT "value_entry_entry_type_check" CHECK ("value_entry"."entry_type" in ('directCost', 'revaluation', 'rounding', 'indirectCost', 'variance'));--> statement-breakpoint
ALTER TABLE "value_entry" ADD CONSTRAINT "value_entry_item_ledger_entry_type_check" CHECK ("value_entry"."item_ledger_entry_type" in ('purchase', 'sale', 'positiveAdjustment', 'negativeAdjustment', 'assemblyConsumption', 'assemblyOutput'));--> statement-breakpoint
ALTER TABLE "value_entry" ADD CONSTRAINT "value_entry_document_type_check" CHECK ("value_entry"."document_type" in ('', 'salesShipment', 'salesInvoice', 'salesReturnReceipt', 'salesCreditMemo', 'purchaseReceipt', 'purchaseInvoice', 'purchaseReturnShipment', 'purchaseCreditMemo', 'postedAssembly'));--> statement-breakpoint
ALTER TABLE "value_entry" ADD CONSTRAINT "value_entry_source_type_check" CHECK ("value_entry"."source_type" in ('', 'customer', 'vendor', 'item'));--> statement-breakpoint
ALTER TABLE "vat_entry" ADD CONSTRAINT "vat_entry_document_type_check" CHECK ("vat_entry"."document_type" in ('', 'payment', 'invoice', 'creditMemo', 'financeChargeMemo', 'reminder', 'refund'));--> statement-breakpoint
ALTER TABLE "vat_entry" ADD CONSTRAINT "vat_entry_type_check" CHECK ("vat_entry"."type" in ('sale', 'purchase', 'settlement'));--> statement-breakpoint
ALTER TABLE "vat_entry" ADD CONSTRAINT "vat_entry_vat_calculation_type_check" CHECK ("vat_entry"."vat_calculation_type" in ('normal', 'reverseCharge', 'fullVat', 'salesTax'));--> statement-breakpoint
ALTER TABLE "posted_sales_header" ADD CONSTRAINT "posted_sales_header_document_type_check" CHECK ("posted_sales_header"."document_type" in ('shipment', 'invoice', 'creditMemo', 'returnReceipt'));--> statement-breakpoint
ALTER TABLE "posted_sales_line" ADD CONSTRAINT "posted_sales_line_type_check" CHECK ("posted_sales_line"."type" in ('comment', 'item', 'glAccount'));--> statement-breakpoint
-- The new ledgers are append-only like the others (DESIGN §5, migrations 0004/0005): the trigger
-- arguments are the derived columns of schema/ledgers.ts, the only ones an UPDATE may change.
CREATE TRIGGER vendor_ledger_entry_append_only BEFORE UPDATE OR DELETE ON vendor_ledger_entry FOR EACH ROW EXECUTE FUNCTION refuse_ledger_change('remaining_amount', 'remaining_amount_lcy', 'open', 'closed_by_entry_no', 'closed_at_date', 'closed_by_amount', 'remaining_payment_discount_possible');
--> statement-breakpoint
CREATE TRIGGER detailed_vendor_ledger_entry_append_only BEFORE UPDATE OR DELETE ON detailed_vendor_ledger_entry FOR EACH ROW EXECUTE FUNCTION refuse_ledger_change();
--> statement-breakpoint
CREATE TRIGGER bank_account_ledger_entry_append_only BEFORE UPDATE OR DELETE ON bank_account_ledger_entry FOR EACH ROW EXECUTE FUNCTION refuse_ledger_change('remaining_amount', 'open', 'closed_by_entry_no', 'closed_at_date', 'statement_status', 'statement_no', 'statement_line_no');
--> statement-breakpoint
CREATE TRIGGER vendor_ledger_entry_no_truncate BEFORE TRUNCATE ON vendor_ledger_entry FOR EACH STATEMENT EXECUTE FUNCTION refuse_ledger_truncate();
--> statement-breakpoint
CREATE TRIGGER detailed_vendor_ledger_entry_no_truncate BEFORE TRUNCATE ON detailed_vendor_ledger_entry FOR EACH STATEMENT EXECUTE FUNCTION refuse_ledger_truncate();
--> statement-breakpoint
CREATE TRIGGER bank_account_ledger_entry_no_truncate BEFORE TRUNCATE ON bank_account_ledger_entry FOR EACH STATEMENT EXECUTE FUNCTION refuse_ledger_truncate();
