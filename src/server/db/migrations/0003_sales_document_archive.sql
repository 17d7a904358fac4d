CREATE TABLE "sales_document_archive" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"document_type" text NOT NULL,
	"no" text NOT NULL,
	"version_no" integer NOT NULL,
	"reason" text NOT NULL,
	"archived_by" text DEFAULT '' NOT NULL,
	"archived_at" timestamp with time zone DEFAULT now() NOT NULL,
	"header" jsonb NOT NULL,
	"lines" jsonb NOT NULL,
	CONSTRAINT "sales_document_archive_version" UNIQUE("document_type","no","version_no")
);
