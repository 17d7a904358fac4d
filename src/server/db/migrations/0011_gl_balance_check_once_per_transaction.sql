DROP INDEX "gl_entry_transaction";--> statement-breakpoint
CREATE INDEX "gl_entry_transaction" ON "gl_entry" USING btree ("transaction_no","entry_no");--> statement-breakpoint
-- The check of 0010 summed the whole transaction once per inserted row: quadratic in its size
-- (a 1,000-line invoice spent ~1.5 s at COMMIT). Only the transaction's last entry sums it now;
-- entries are never deleted, so that row exists at COMMIT and its sum covers every entry.
CREATE OR REPLACE FUNCTION refuse_unbalanced_gl_transaction() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  difference numeric;
BEGIN
  IF EXISTS (SELECT 1 FROM gl_entry WHERE transaction_no = NEW.transaction_no AND entry_no > NEW.entry_no) THEN
    RETURN NULL;
  END IF;
  SELECT coalesce(sum(amount), 0) INTO difference FROM gl_entry WHERE transaction_no = NEW.transaction_no;
  IF difference <> 0 THEN
    RAISE EXCEPTION 'POSTING_NOT_BALANCED: the G/L entries of transaction % add up to % instead of 0', NEW.transaction_no, difference
      USING ERRCODE = '23L01', TABLE = 'gl_entry', CONSTRAINT = 'gl_entry_transaction_balanced';
  END IF;
  RETURN NULL;
END $$;
