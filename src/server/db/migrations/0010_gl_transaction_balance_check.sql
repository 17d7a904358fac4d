-- Every G/L transaction balances (DESIGN §5). core/posting asserts it before anything is written;
-- this is the database's own guarantee, whoever writes. The check runs at COMMIT, so a transaction's
-- entries may arrive in several statements; a refused COMMIT rolls all of them back. SQLSTATE 23L01
-- (an implementation-defined integrity constraint violation) and the POSTING_NOT_BALANCED prefix
-- let server/db/constraint-errors.ts recognise the refusal. G/L entries are never updated or
-- deleted (0004), so checking each inserted row's transaction covers every change.
CREATE FUNCTION refuse_unbalanced_gl_transaction() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  difference numeric;
BEGIN
  SELECT coalesce(sum(amount), 0) INTO difference FROM gl_entry WHERE transaction_no = NEW.transaction_no;
  IF difference <> 0 THEN
    RAISE EXCEPTION 'POSTING_NOT_BALANCED: the G/L entries of transaction % add up to % instead of 0', NEW.transaction_no, difference
      USING ERRCODE = '23L01', TABLE = 'gl_entry', CONSTRAINT = 'gl_entry_transaction_balanced';
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER gl_entry_transaction_balanced AFTER INSERT ON gl_entry DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION refuse_unbalanced_gl_transaction();
