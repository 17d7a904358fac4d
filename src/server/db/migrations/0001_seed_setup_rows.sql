-- Setup tables hold exactly one row each; it exists from the start so that reads never find none.
INSERT INTO "company_information" ("id") VALUES (1);
--> statement-breakpoint
INSERT INTO "general_ledger_setup" ("id") VALUES (1);
--> statement-breakpoint
INSERT INTO "sales_receivables_setup" ("id") VALUES (1);
--> statement-breakpoint
INSERT INTO "inventory_setup" ("id") VALUES (1);
--> statement-breakpoint
INSERT INTO "purchases_payables_setup" ("id") VALUES (1);
