DROP INDEX "item_ledger_entry_open_inbound";--> statement-breakpoint
CREATE INDEX "item_ledger_entry_open" ON "item_ledger_entry" USING btree ("item_no","location_code","entry_no") WHERE open;