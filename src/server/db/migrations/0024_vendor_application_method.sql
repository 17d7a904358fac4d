ALTER TABLE "vendor" ADD COLUMN "application_method" text DEFAULT 'manual' NOT NULL;--> statement-breakpoint
ALTER TABLE "vendor" ADD COLUMN "block_payment_tolerance" boolean DEFAULT false NOT NULL;