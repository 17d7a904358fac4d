CREATE TABLE "setup_version" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"version" text DEFAULT gen_random_uuid()::text NOT NULL,
	CONSTRAINT "setup_version_singleton" CHECK ("setup_version"."id" = 1)
);
--> statement-breakpoint
INSERT INTO "setup_version" DEFAULT VALUES;--> statement-breakpoint
-- Issue 21: every statement that changes a setup table the posting keeps in memory gives the setup a
-- new version; a process reads the version in its transaction and reloads what it kept under another.
CREATE FUNCTION bump_setup_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE setup_version SET version = gen_random_uuid()::text WHERE id = 1;
  RETURN NULL;
END
$$;--> statement-breakpoint
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['sales_receivables_setup', 'general_ledger_setup', 'inventory_setup', 'customer_posting_group',
    'general_posting_setup', 'vat_posting_setup', 'inventory_posting_setup', 'payment_method', 'currency', 'location', 'approval_workflow',
    'payment_terms', 'payment_service_setup', 'customer_invoice_discount']
  LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION bump_setup_version()', t || '_setup_version', t);
  END LOOP;
END
$$;
