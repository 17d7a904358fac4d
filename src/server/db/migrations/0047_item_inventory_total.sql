CREATE TABLE "item_inventory_total" (
	"item_no" text NOT NULL,
	"location_code" text NOT NULL,
	"quantity" numeric(18, 5) DEFAULT '0' NOT NULL,
	"cost_amount_actual" numeric(18, 2) DEFAULT '0' NOT NULL,
	"cost_amount_expected" numeric(18, 2) DEFAULT '0' NOT NULL,
	CONSTRAINT "item_inventory_total_item_no_location_code_pk" PRIMARY KEY("item_no","location_code")
);
--> statement-breakpoint
-- Issue 21: the average cost and the stock-out warning summed every entry of an item at each posting,
-- so postings slowed down as the item's history grew. Each statement that inserts item ledger or value
-- entries now adds their sums here, in key order (two postings lock rows in the same order).
INSERT INTO "item_inventory_total" ("item_no", "location_code", "quantity", "cost_amount_actual", "cost_amount_expected")
SELECT item_no, location_code, sum(quantity), sum(cost_amount_actual), sum(cost_amount_expected) FROM (
  SELECT item_no, location_code, quantity, 0 AS cost_amount_actual, 0 AS cost_amount_expected FROM item_ledger_entry
  UNION ALL
  SELECT item_no, location_code, 0, cost_amount_actual, cost_amount_expected FROM value_entry
) AS entries GROUP BY item_no, location_code;--> statement-breakpoint
CREATE FUNCTION add_item_entries_to_inventory_total() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO item_inventory_total AS total (item_no, location_code, quantity)
  SELECT item_no, location_code, sum(quantity) FROM added GROUP BY item_no, location_code ORDER BY item_no, location_code
  ON CONFLICT (item_no, location_code) DO UPDATE SET quantity = total.quantity + excluded.quantity;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER item_ledger_entry_inventory_total AFTER INSERT ON item_ledger_entry
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION add_item_entries_to_inventory_total();--> statement-breakpoint
CREATE FUNCTION add_value_entries_to_inventory_total() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO item_inventory_total AS total (item_no, location_code, cost_amount_actual, cost_amount_expected)
  SELECT item_no, location_code, sum(cost_amount_actual), sum(cost_amount_expected) FROM added
  GROUP BY item_no, location_code ORDER BY item_no, location_code
  ON CONFLICT (item_no, location_code) DO UPDATE SET
    cost_amount_actual = total.cost_amount_actual + excluded.cost_amount_actual,
    cost_amount_expected = total.cost_amount_expected + excluded.cost_amount_expected;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER value_entry_inventory_total AFTER INSERT ON value_entry
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION add_value_entries_to_inventory_total();
