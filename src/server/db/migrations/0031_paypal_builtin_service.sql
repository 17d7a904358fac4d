-- PayPal Payments Standard is built in (spec §21.1): its setup row exists from the start, disabled,
-- on PayPal's production address, with a random secret for its notify_url (two v4 UUIDs from
-- PostgreSQL's strong random source: 244 random bits).
INSERT INTO "payment_service_setup" ("code", "name", "description", "target_url", "notify_token")
VALUES (
  'PAYPAL', 'PayPal Payments Standard', 'Customers pay invoices by PayPal or card through a link in the email and the PDF.',
  'https://www.paypal.com/cgi-bin/webscr?cmd=_xclick&charset=UTF-8&page_style=primary',
  replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', '')
) ON CONFLICT ("code") DO NOTHING;
