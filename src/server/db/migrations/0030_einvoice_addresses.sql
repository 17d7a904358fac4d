ALTER TABLE "vat_posting_setup" ADD COLUMN "vat_exemption_reason_code" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "vat_posting_setup" ADD COLUMN "vat_exemption_reason" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "company_information" ADD COLUMN "electronic_address" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "company_information" ADD COLUMN "electronic_address_scheme" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "customer" ADD COLUMN "electronic_address" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "customer" ADD COLUMN "electronic_address_scheme" text DEFAULT '' NOT NULL;