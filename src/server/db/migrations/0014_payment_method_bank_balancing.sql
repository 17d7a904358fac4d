ALTER TABLE "payment_method" DROP CONSTRAINT "payment_method_balancing_account_no_gl_account_no_fk";
