CREATE TABLE "payment_notification" (
	"id" serial PRIMARY KEY NOT NULL,
	"service_code" text NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"status" text NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"transaction_id" text DEFAULT '' NOT NULL,
	"invoice_no" text DEFAULT '' NOT NULL,
	"payment_status" text DEFAULT '' NOT NULL,
	"gross_amount" text DEFAULT '' NOT NULL,
	"currency_code" text DEFAULT '' NOT NULL,
	"receiver_email" text DEFAULT '' NOT NULL,
	"payer_email" text DEFAULT '' NOT NULL,
	"payment_document_no" text,
	"transaction_no" integer,
	"fields" jsonb NOT NULL,
	CONSTRAINT "payment_notification_status_check" CHECK ("payment_notification"."status" in ('accepted', 'refused')),
	CONSTRAINT "payment_notification_service_code_check" CHECK ("payment_notification"."service_code" in ('PAYPAL'))
);
--> statement-breakpoint
CREATE TABLE "payment_service_setup" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text DEFAULT '' NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"enabled" boolean DEFAULT false NOT NULL,
	"always_include_on_documents" boolean DEFAULT false NOT NULL,
	"terms_of_service_url" text DEFAULT '' NOT NULL,
	"account_id" text DEFAULT '' NOT NULL,
	"target_url" text DEFAULT '' NOT NULL,
	"sandbox" boolean DEFAULT false NOT NULL,
	"notify_base_url" text DEFAULT '' NOT NULL,
	"notify_token" text DEFAULT '' NOT NULL,
	"bal_account_type" text DEFAULT 'glAccount' NOT NULL,
	"bal_account_no" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payment_service_setup_code_check" CHECK ("payment_service_setup"."code" in ('PAYPAL')),
	CONSTRAINT "payment_service_setup_bal_account_type_check" CHECK ("payment_service_setup"."bal_account_type" in ('glAccount', 'bankAccount'))
);
--> statement-breakpoint
CREATE TABLE "document_print" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"document_type" text NOT NULL,
	"document_no" text NOT NULL,
	"reason" text DEFAULT 'email' NOT NULL,
	"printed_by" text DEFAULT '' NOT NULL,
	"printed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "document_sending_profile" (
	"code" text PRIMARY KEY NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"default" boolean DEFAULT false NOT NULL,
	"printer" text DEFAULT 'no' NOT NULL,
	"email" text DEFAULT 'no' NOT NULL,
	"email_attachment" text DEFAULT 'pdf' NOT NULL,
	"email_format" text DEFAULT '' NOT NULL,
	"disk" text DEFAULT 'no' NOT NULL,
	"electronic_document" text DEFAULT 'no' NOT NULL,
	"electronic_format" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "email_attachment" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"message_id" uuid NOT NULL,
	"sequence" integer NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"content" "bytea" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "email_outbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"idempotency_key" text NOT NULL,
	"document_type" text NOT NULL,
	"document_no" text NOT NULL,
	"customer_no" text DEFAULT '' NOT NULL,
	"to_addresses" text NOT NULL,
	"cc_addresses" text DEFAULT '' NOT NULL,
	"subject" text NOT NULL,
	"html_body" text NOT NULL,
	"attachment_choice" text DEFAULT 'pdf' NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_error" text DEFAULT '' NOT NULL,
	"sent_at" timestamp with time zone,
	"smtp_message_id" text DEFAULT '' NOT NULL,
	"claimed_by" text,
	"claimed_at" timestamp with time zone,
	"created_by" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "email_outbox_idempotencyKey_unique" UNIQUE("idempotency_key")
);
--> statement-breakpoint
CREATE TABLE "smtp_setup" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"host" text DEFAULT '' NOT NULL,
	"port" integer DEFAULT 587 NOT NULL,
	"security" text DEFAULT 'starttls' NOT NULL,
	"username" text DEFAULT '' NOT NULL,
	"password_ciphertext" text DEFAULT '' NOT NULL,
	"sender_address" text DEFAULT '' NOT NULL,
	"sender_name" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "sales_header" ADD COLUMN "payment_service_set" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "posted_sales_header" ADD COLUMN "payment_service_set" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "email_attachment" ADD CONSTRAINT "email_attachment_message_id_email_outbox_id_fk" FOREIGN KEY ("message_id") REFERENCES "public"."email_outbox"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "payment_notification_accepted_transaction" ON "payment_notification" USING btree ("service_code","transaction_id") WHERE "payment_notification"."status" = 'accepted';--> statement-breakpoint
CREATE INDEX "payment_notification_received" ON "payment_notification" USING btree ("received_at");--> statement-breakpoint
CREATE INDEX "document_print_document" ON "document_print" USING btree ("document_type","document_no");--> statement-breakpoint
CREATE UNIQUE INDEX "document_sending_profile_one_default" ON "document_sending_profile" USING btree ("default") WHERE "document_sending_profile"."default";--> statement-breakpoint
CREATE UNIQUE INDEX "email_attachment_order" ON "email_attachment" USING btree ("message_id","sequence");--> statement-breakpoint
CREATE INDEX "email_outbox_due" ON "email_outbox" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "email_outbox_document" ON "email_outbox" USING btree ("document_type","document_no");