/**
 * Domain errors: a stable code, the parameters that explain it, and the field it concerns.
 * The messages live here, next to the codes; the HTTP status of each code lives in server/http.
 */
type Params = Record<string, string | number | boolean | null | undefined>;
/** Every refusal of Cancel / Correct names the action and the posted invoice (spec §18.2). */
type CorrectionRefusal = { action: 'cancel' | 'correct'; no: string };

const messages = {
  INVALID_DECIMAL: (p: Params) => `'${p.value}' is not a decimal number.`,
  INVALID_DATE: (p: Params) => `'${p.value}' is not a valid date (YYYY-MM-DD).`,
  INVALID_DATE_FORMULA: (p: Params) => `'${p.formula}' is not a valid date formula${p.reason ? `: ${p.reason}` : ''}.`,
  NUMBER_NOT_INCREMENTABLE: (p: Params) => `The number '${p.number}' contains no digits and cannot be incremented.`,
  NUMBER_TOO_LONG: (p: Params) => `The number '${p.number}' is longer than ${p.maxLength} characters.`,
  NO_SERIES_NO_LINE: (p: Params) => `Number series ${p.series} has no open line that starts on or before ${p.date}.`,
  NO_SERIES_EXHAUSTED: (p: Params) => `Number series ${p.series} cannot assign new numbers: ${p.number} is past the ending number ${p.endingNo}.`,
  NO_SERIES_DATE_ORDER: (p: Params) => `Number series ${p.series} requires dates in order: ${p.date} is before the last date used, ${p.lastDateUsed}.`,
  NO_SERIES_NOT_DEFAULT: (p: Params) => `Number series ${p.series} does not assign numbers automatically (Default Nos. is off); enter a number.`,
  NO_SERIES_MANUAL_NOT_ALLOWED: (p: Params) => `Number series ${p.series} does not allow numbers to be entered manually.`,
  NO_SERIES_NOT_SET_UP: (p: Params) => `No number series is set up for ${p.what}; enter a number or set the series in ${p.setup}.`,
  NOT_FOUND: (p: Params) => `${p.entity} ${p.key} does not exist.`,
  ALREADY_EXISTS: (p: Params) => `${p.entity} ${p.key} already exists.`,
  RECORD_IN_USE: (p: Params) => `${p.entity} ${p.key} cannot be deleted because it is used by ${p.usedBy}.`,
  CUSTOMER_POSTING_GROUP_MISSING: (p: Params) => `${p.fieldCaption} must have a value on a new customer: give it, or create the customer from a customer template that fills the posting groups.`,
  RELATED_RECORD_NOT_FOUND: (p: Params) => `${p.entity} '${p.value}' does not exist (field ${p.field}).`,
  VERSION_CONFLICT: (p: Params) => `${p.entity} ${p.key} was changed by someone else (version ${p.currentVersion}, you sent ${p.sentVersion}); reload and try again.`,
  IDEMPOTENCY_KEY_REUSED: (p: Params) => `Idempotency key '${p.key}' was already used for another request (${p.method} ${p.path}); use a new key for a new request.`,
  IDEMPOTENCY_KEY_IN_USE: (p: Params) => `A request with idempotency key '${p.key}' is still being processed; retry when it has finished.`,
  KEY_IMMUTABLE: (p: Params) => `The key field ${p.field} cannot be changed.`,
  ACCOUNT_NOT_POSTING: (p: Params) => `G/L account ${p.accountNo} must be a posting account to be used in ${p.field}.`,
  ACCOUNT_BLOCKED: (p: Params) => `G/L account ${p.accountNo} is blocked.`,
  BASE_UNIT_OF_MEASURE_QUANTITY: (p: Params) => `The base unit of measure ${p.unitOfMeasure} of item ${p.itemNo} must have quantity per unit of measure 1.`,
  BASE_UNIT_OF_MEASURE_IN_USE: (p: Params) => `Unit of measure ${p.unitOfMeasure} is the base unit of measure of item ${p.itemNo}.`,
  ITEM_UNIT_OF_MEASURE_MISSING: (p: Params) => `Item ${p.itemNo} has no unit of measure ${p.unitOfMeasure}; add it to the item's units of measure first.`,
  INVALID_CREDENTIALS: () => `Unknown username or wrong password.`,
  LOGIN_THROTTLED: (p: Params) => `Too many failed sign-ins for this user or from this address; try again in ${p.retryAfterSeconds} seconds (an administrator can unlock a locked user).`,
  LOGIN_BUSY: (p: Params) => `The server is checking too many passwords at once; try again in ${p.retryAfterSeconds} seconds.`,
  UNAUTHENTICATED: () => `Sign in first: send 'Authorization: Bearer <token>' (POST /api/v1/auth/token returns one).`,
  FORBIDDEN: (p: Params) => `Your role (${p.role}) may not ${p.action}.`,
  USER_BLOCKED: (p: Params) => `User ${p.username} is blocked.`,
  LAST_ADMIN: () => `At least one active admin user must remain.`,
  DATABASE_LOCKED: (p: Params) => `The database in ${p.dataDir} is in use by another Ledgerline process (pid ${p.pid}).`,
  INVALID_INPUT: (p: Params) => `${p.detail ?? 'The input is not valid.'}`,
  INVALID_ROUNDING_PRECISION: (p: Params) => `The rounding precision ${p.precision} must be greater than 0.`,
  ALLOCATION_IMPOSSIBLE: (p: Params) => `${p.total} cannot be allocated: ${p.reason}.`,
  SALES_TAX_NOT_SUPPORTED: (p: Params) => `Line ${p.lineNo} uses the Sales Tax VAT calculation type, which is not supported; use Normal VAT, Reverse Charge VAT or Full VAT.`,
  INVOICE_DISCOUNT_TOO_LARGE: (p: Params) => `The invoice discount ${p.discountAmount} must lie between 0 and the invoice discount base ${p.base}.`,
  INVOICE_DISCOUNT_NOT_ALLOWED: (p: Params) => `No line allows an invoice discount (Allow Invoice Disc.), so the invoice discount ${p.discountAmount} cannot be applied.`,
  LINE_DISCOUNT_OUT_OF_RANGE: (p: Params) => `The line discount must be between 0 % and 100 % of Quantity × Unit Price (${p.grossAmount}); it would be ${p.lineDiscountPercent} %.`,
  SHIP_MORE_THAN_OUTSTANDING: (p: Params) => p.detail ? `${p.detail}.` : `You cannot ship more than ${p.maximum} units (${p.fieldCaption} is ${p.value}).`,
  RECEIVE_MORE_THAN_OUTSTANDING: (p: Params) => p.detail ? `${p.detail}.` : `You cannot receive more than ${p.maximum} units (${p.fieldCaption} is ${p.value}).`,
  INVOICE_MORE_THAN_SHIPPED: (p: Params) => p.detail ? `${p.detail}.` : `You cannot invoice more than ${p.maximum} units (Qty. to Invoice is ${p.value}).`,
  QUANTITY_BELOW_SHIPPED: (p: Params) => `Quantity ${p.quantity} must not be less than the ${p.quantityShipped} units already ${p.shippedVerb}.`,
  QUANTITY_CHANGE_ON_INVOICE: (p: Params) => `${p.fieldCaption} must equal Quantity (${p.quantity}) on a ${p.documentTypeCaption}, which is always posted in full; it is ${p.value}.`,
  RECURRING_SALES_CODE_NOT_ASSIGNED: (p: Params) => `Standard sales code ${p.code} is not a recurring sales code of customer ${p.customerNo}; assign it to the customer (standardCustomerSalesCodes) first.`,
  RECURRING_SALES_CODE_BLOCKED: (p: Params) => `Recurring sales code ${p.code} of customer ${p.customerNo} is blocked.`,
  RECURRING_SALES_CODE_CURRENCY: (p: Params) => `The lines of standard sales code ${p.code} are in ${p.codeCurrency}, but the document is in ${p.documentCurrency}; only codes in the document's currency can be used.`,
  RECURRING_SALES_INVOICES_INCOMPLETE: (p: Params) => `Create Recurring Sales Invoices did not do all it was asked: ${p.skipped} recurring sales code(s) got no invoice; the result says which and why.`,
  COMBINE_SHIPMENTS_INCOMPLETE: (p: Params) => `Combine Shipments did not do all it was asked: ${p.skipped} shipment(s) were not invoiced and ${p.notPosted} invoice(s) were not posted; the result says which and why.`,
  CUSTOMER_BLOCKED: (p: Params) => `You cannot ${p.actionText} ${p.documentTypeText} for customer ${p.customerNo}: the customer is blocked for ${p.blockedText}.`,
  NOTHING_TO_RELEASE: (p: Params) => `There is nothing to release for the ${p.documentTypeCaption}: it has no line with a type and a quantity other than 0.`,
  FIELD_REQUIRED: (p: Params) => `${p.fieldCaption} must have a value before the ${p.documentTypeCaption} can be ${p.action ?? 'released'}.`,
  UNIT_OF_MEASURE_MISSING: (p: Params) => `Unit of Measure Code must have a value on line ${p.lineNo} (item ${p.no}) before the document can be released.`,
  LOCATION_MISSING: (p: Params) => `Location Code must have a value on line ${p.lineNo} (item ${p.no}) because Location Mandatory is on.`,
  STATUS_MUST_BE_OPEN: (p: Params) => `Status must be equal to Open in ${p.where} (it is ${p.status}); ${p.remedy} to change ${p.field}.`,
  CUSTOMER_CHANGE_NOT_ALLOWED: (p: Params) => `The customer of document ${p.no} cannot be changed: it has lines that are already shipped or received.`,
  LINE_HAS_UNINVOICED_SHIPMENT: (p: Params) => `Line ${p.lineNo} of document ${p.no} is shipped (or received) but not yet invoiced, so it cannot be deleted.`,
  VENDOR_CHANGE_NOT_ALLOWED: (p: Params) => `The vendor of purchase document ${p.no} cannot be changed: line ${p.lineNo} is already received (shipped back) or buys for a sales order.`,
  LINE_HAS_UNINVOICED_RECEIPT: (p: Params) => `Line ${p.lineNo} of purchase document ${p.no} is received (or shipped back) but not yet invoiced, so it cannot be deleted.`,
  APPROVAL_PENDING_CANNOT_REOPEN: (p: Params) => `Document ${p.no} is pending approval: the approval must be cancelled or completed before it can be reopened.`,
  QUOTE_EXPIRED: (p: Params) => `Quote ${p.no} expired on ${p.validUntil} (work date ${p.workDate}); extend its Quote Valid Until Date to convert it.`,
  QUOTE_HAS_NO_LINES: (p: Params) => `There is nothing to convert: quote ${p.no} has no item or G/L account line to make ${p.target === 'order' ? 'an order' : 'an invoice'} of.`,
  ITEM_BLOCKED: (p: Params) => `Item ${p.itemNo} is blocked.`,
  ITEM_SALES_BLOCKED: (p: Params) => `Item ${p.itemNo} is blocked for sales.`,
  DIRECT_POSTING_NOT_ALLOWED: (p: Params) => `G/L account ${p.accountNo} does not allow direct posting, so it cannot be used on ${p.where ?? 'a sales line'}.`,
  COPY_DOCUMENT_SAME: (p: Params) => `Document ${p.no} cannot be copied into itself.`,
  EXCHANGE_RATE_MISSING: (p: Params) => `Currency ${p.currencyCode} has no exchange rate starting on or before ${p.date}.`,
  POSTING_SETUP_MISSING: (p: Params) => p.detail ? `${p.detail}` : `There is no VAT posting setup for VAT business posting group '${p.vatBusPostingGroup}' and VAT product posting group '${p.vatProdPostingGroup}'.`,
  VAT_POSTING_SETUP_BLOCKED: (p: Params) => `The VAT posting setup for '${p.vatBusPostingGroup}' × '${p.vatProdPostingGroup}' is blocked.`,
  LINE_DISCOUNT_NOT_ALLOWED: (p: Params) => `A line discount is not allowed on this line (${p.no}): the customer or the price agreement does not allow line discounts.`,
  COPY_TARGET_NOT_OPEN: (p: Params) => `Document ${p.no} must be open to copy another document into it (it is ${p.status}).`,
  CUSTOMER_HAS_ACTIVITY: (p: Params) => `Customer ${p.customerNo} cannot be deleted: it has outstanding sales documents (${p.documents}).`,
  WAREHOUSE_HANDLING_REQUIRED: (p: Params) => `Warehouse handling is required for ${p.documentType} ${p.no}, line ${p.lineNo}: location ${p.locationCode} ships and receives through warehouse documents.`,
  NOTHING_TO_POST: (p: Params) => p.detail ? `There is nothing to post: ${p.detail}.` : `There is nothing to post: no line has a quantity to ship (receive) or to invoice.`,
  POSTING_DATE_NOT_ALLOWED: (p: Params) => `Posting date ${p.postingDate} is not within your range of allowed posting dates (${p.from ?? 'open'} to ${p.to ?? 'open'}).`,
  VENDOR_DOCUMENT_NO_REQUIRED: (p: Params) => `${p.fieldCaption} must have a value on ${p.documentTypeCaption} ${p.no} before it can be posted (Purchases & Payables Setup: Ext. Doc. No. Mandatory).`,
  VENDOR_DOCUMENT_NO_USED: (p: Params) => `Vendor ${p.vendorNo} already has a posted ${p.documentTypeText} with ${p.fieldCaption} ${p.value} (vendor ledger entry ${p.entryNo}): a vendor's document is posted once.`,
  EXTERNAL_DOC_NO_REQUIRED: (p: Params) => `External Document No. must have a value on ${p.documentTypeCaption} ${p.no} before it can be invoiced.`,
  COMPLETE_SHIPMENT_REQUIRED: (p: Params) => `This order must be a complete shipment (Shipping Advice is Complete), but line ${p.lineNo} does not ship its whole outstanding quantity.`,
  NEGATIVE_INVOICE_TOTAL: (p: Params) => `The total of the ${p.documentTypeCaption} must be 0 or greater; it is ${p.total}.`,
  SHIPMENT_ALREADY_INVOICED: (p: Params) => p.detail ? `${p.detail}.` : `Line ${p.lineNo} of shipment ${p.shipmentNo} has already been invoiced, or less than ${p.quantity} of it is left to invoice.`,
  DOCUMENT_ALREADY_POSTED: (p: Params) => `${p.entity} ${p.no} has already been posted in full (as ${p.postedNo}) and no longer exists.`,
  DOCUMENT_BEING_POSTED: (p: Params) => `${p.entity} ${p.no} is being posted by another request; try again when it has finished.`,
  NO_SERIES_POSTED_NUMBER_EXISTS: (p: Params) => `${p.entity} ${p.no} already exists; the number series ${p.series} must be corrected before posting.`,
  REVERSAL_NOT_ALLOWED: (p: Params) => `You cannot reverse transaction ${p.transactionNo} because ${p.reason}.`,
  INVOICE_PAID: (p: Params) => `You cannot ${p.action} posted invoice ${p.no} because it is fully or partially paid or applied (remaining ${p.remaining} of ${p.amount}).`,
  INVOICE_ALREADY_CANCELLED: (p: Params) => `You cannot ${p.action} posted invoice ${p.no} because it has already been cancelled by credit memo ${p.creditMemoNo}.`,
  INVOICE_IS_CORRECTIVE: (p: Params) => `You cannot ${p.action} posted invoice ${p.no} because it corrects a credit memo.`,
  CANNOT_CORRECT_NO_AMOUNT: (p: CorrectionRefusal) => `You cannot ${p.action} posted invoice ${p.no} because it has no amount.`,
  CANNOT_CORRECT_POSTING_DATE_NOT_ALLOWED: (p: CorrectionRefusal & { postingDate: string }) =>
    `You cannot ${p.action} posted invoice ${p.no} because its posting date ${p.postingDate} is not within the allowed posting dates.`,
  CANNOT_CORRECT_CUSTOMER_BLOCKED: (p: CorrectionRefusal & { customerNo: string }) => `You cannot ${p.action} posted invoice ${p.no} because customer ${p.customerNo} is blocked.`,
  CANNOT_CORRECT_ITEM_BLOCKED: (p: CorrectionRefusal & { itemNo: string }) => `You cannot ${p.action} posted invoice ${p.no} because item ${p.itemNo} is blocked.`,
  CANNOT_CORRECT_ITEM_RETURNED: (p: CorrectionRefusal & { itemNo: string }) =>
    `You cannot ${p.action} posted invoice ${p.no} because item ${p.itemNo} has already been fully or partially returned.`,
  CANNOT_CORRECT_ACCOUNT_BLOCKED: (p: CorrectionRefusal & { accountNo: string }) => `You cannot ${p.action} posted invoice ${p.no} because G/L account ${p.accountNo} is blocked.`,
  CANNOT_CORRECT_NO_SERIES_MISSING: (p: CorrectionRefusal & { seriesFor: string; series: string | null }) =>
    `You cannot ${p.action} posted invoice ${p.no} because ${p.series ? `number series ${p.series} for ${p.seriesFor} does not exist` : `no number series for ${p.seriesFor} is set up in Sales & Receivables Setup`}.`,
  CANNOT_CORRECT_EXTERNAL_DOC_NO_REQUIRED: (p: CorrectionRefusal) =>
    `You cannot ${p.action} posted invoice ${p.no} because the External Document No. is required on it (Ext. Doc. No. Mandatory).`,
  UNDO_NOT_ALLOWED: (p: Params) => `Line ${p.lineNo} of ${p.document ?? 'shipment'} ${p.no} cannot be undone: ${p.reason}.`,
  APPLICATION_INVALID: (p: Params) => p.detail ? `${p.detail}.` : `The entries cannot be applied: ${p.reason}.`,
  APPLICATION_NOT_LATEST: (p: Params) => `Before this application can be unapplied, unapply the later application of customer ledger entry ${p.entryNo} (document ${p.documentNo}, transaction ${p.transactionNo}).`,
  NOTHING_TO_UNAPPLY: (p: Params) => `Customer ledger entry ${p.entryNo} has no application to unapply.`,
  UNAPPLY_POSTING_DATE_TOO_EARLY: (p: Params) => `The posting date ${p.postingDate} of the unapply must not be before the application's posting date ${p.applicationDate}.`,
  INSUFFICIENT_INVENTORY: (p: Params) => `You have insufficient quantity of item ${p.itemNo} on inventory${p.locationCode ? ` at location ${p.locationCode}` : ''}: ${p.available} available, ${p.requested} needed.`,
  GET_SHIPMENT_LINES_INVALID: (p: Params) => `${p.reason}.`,
  PURCHASING_CODE_NOT_ALLOWED: (p: Params) => `A purchasing code (drop shipment, special order) can be set on item lines of sales orders only, not on ${p.where}.`,
  SALES_LINE_LINKED_TO_PURCHASE: (p: Params) => `${p.fieldCaption} of sales order line ${p.lineNo} cannot be changed: the line is linked to line ${p.purchaseLineNo} of purchase order ${p.purchaseOrderNo} (${p.kind}).`,
  SALES_LINE_LINKED_TO_PURCHASE_DELETE: (p: Params) => `Sales order line ${p.lineNo} cannot be deleted: it is associated with line ${p.purchaseLineNo} of purchase order ${p.purchaseOrderNo} (${p.kind}); delete that purchase line first.`,
  PURCHASE_LINE_LINKED_TO_SALES_DELETE: (p: Params) => `Purchase line ${p.lineNo} cannot be deleted: it buys for line ${p.salesLineNo} of sales order ${p.salesOrderNo} (${p.kind}), which is not yet fully handled.`,
  PURCHASE_LINE_LINKED_TO_SALES: (p: Params) => `${p.fieldCaption} of purchase line ${p.lineNo} cannot be changed: the line buys for line ${p.salesLineNo} of sales order ${p.salesOrderNo} (${p.kind}).`,
  NO_SALES_LINES_TO_PURCHASE: (p: Params) => `Sales order ${p.salesOrderNo} has no ${p.kind} line that is not yet linked to a purchase order.`,
  PURCHASE_SHIP_TO_DIFFERS: (p: Params) => `Purchase order ${p.no} ${p.reason}: drop shipments go to the customer's address, special orders and stock to our location, so they need separate purchase orders.`,
  DROP_SHIPMENT_RECEIVE_AND_INVOICE: (p: Params) => `Purchase order line ${p.lineNo} (${p.itemNo}) is a drop shipment for sales order ${p.salesOrderNo}: receive it first (which ships the sale), then invoice it, in separate postings.`,
  DROP_SHIPMENT_PURCHASE_ORDERING: (p: Params) => `Purchase order line ${p.lineNo} (${p.itemNo}) is a drop shipment: invoice line ${p.salesLineNo} of sales order ${p.salesOrderNo} first (${p.salesInvoiced} of it invoiced, ${p.purchaseInvoiced} would be on the purchase side).`,
  DROP_SHIPMENT_NOT_LINKED: (p: Params) => `Sales order line ${p.lineNo} (${p.itemNo}) cannot be shipped: it is a drop shipment not yet linked to a purchase order; create the purchase order first (Requisition Worksheet or Get Sales Orders).`,
  NOTHING_TO_CREATE: (p: Params) => `There is nothing to create: no line of blanket order ${p.no} has a Qty. to Ship.`,
  BLANKET_QTY_EXCEEDED: (p: Params) =>
    `Qty. to Ship (Base) ${p.value} of ${p.type} ${p.itemNo} in line ${p.lineNo} of blanket order ${p.no} cannot be more than ${p.possible}: `
    + `Outstanding Qty. (Base) ${p.outstanding} − Unposted Qty. on orders (Base) ${p.onOrders} = ${p.possible}.`,
  BLANKET_SHIPPED_EXCEEDED: (p: Params) =>
    `Quantity Shipped in the associated blanket order ${p.blanketOrderNo} (line ${p.blanketOrderLineNo}) must not be greater than Quantity ${p.quantity}: `
    + `posting ${p.documentCaption} ${p.no} would make it ${p.quantityShipped}.`,
  BLANKET_ORDER_LINE_LINKED: (p: Params) =>
    `${p.what} cannot be ${p.action}: line ${p.blanketOrderLineNo} of blanket order ${p.blanketOrderNo} is linked to line ${p.linkedLineNo} of ${p.linkedCaption} ${p.linkedNo}`
    + `${p.others ? ` (and ${p.others} more)` : ''}; delete or post that line first.`,
  BLANKET_LINE_MISMATCH: (p: Params) =>
    `This line cannot be linked to line ${p.blanketOrderLineNo} of blanket order ${p.blanketOrderNo}: its ${p.fieldCaption} (${p.value || 'blank'}) must be the blanket line's (${p.expected || 'blank'}).`,
  BLANKET_LINK_NOT_ALLOWED: (p: Params) => `${p.reason}.`,
  PREPAYMENT_OUTSTANDING: (p: Params) => p.unpaid
    ? `Order ${p.no} cannot be released: unpaid prepayment invoices exist (${p.invoices}); its status is Pending Prepayment until they are paid.`
    : `Order ${p.no} cannot be released: there are unposted prepayment amounts (${p.amount}); post the prepayment invoice first.`,
  PREPAYMENT_NOT_INVOICED: (p: Params) => `${p.what} cannot be posted: the prepayment of line ${p.lineNo} of order ${p.no} is not fully invoiced (Prepmt. Line Amount ${p.required}, invoiced ${p.invoiced}); post the prepayment invoice first.`,
  PREPAYMENT_UNPAID: (p: Params) => `Order ${p.no} cannot be posted: prepayment invoice ${p.invoiceNo} is not fully paid (remaining ${p.remaining}) and Check Prepmt. when Posting is on.`,
  PREPAYMENT_ONLY_ON_ORDERS: (p: Params) => `Prepayments exist only on sales orders (and the percentage on quotes), not on a ${p.documentTypeCaption}.`,
  PREPAYMENT_PCT_RANGE: (p: Params) => `Prepayment % must be between 0 and 100, not ${p.value}.`,
  PREPAYMENT_NEGATIVE_LINE: (p: Params) => `Line ${p.lineNo} has a Prepayment %, so its Quantity and Unit Price must not be negative.`,
  PREPMT_LINE_AMOUNT_INVALID: (p: Params) => `Prepmt. Line Amount of line ${p.lineNo} ${p.reason}.`,
  PREPMT_BELOW_INVOICED: (p: Params) => `This change would make Prepmt. Line Amount of line ${p.lineNo} ${p.required}, less than the ${p.invoiced} already invoiced as prepayment; post a prepayment credit memo first, or raise the Prepayment %.`,
  PREPMT_INV_DISCOUNT_AFTER_PREPAYMENT: (p: Params) => `The invoice discount would make Prepmt. Line Amount of line ${p.lineNo} ${p.required}, less than the ${p.invoiced} already invoiced as prepayment; cancel the prepayment first (post a prepayment credit memo).`,
  PREPMT_TOTAL_OUT_OF_RANGE: (p: Params) => p.lines === 0
    ? `No line has a Prepayment % and a Line Amount to spread a prepayment amount over.`
    : `The new prepayment amount must be between ${p.minimum} and ${p.maximum}, not ${p.value}.`,
  PREPMT_DEDUCT_INVALID: (p: Params) => `Prepmt Amt to Deduct ${p.value} of line ${p.lineNo} is not allowed: it must lie between 0 and the ${p.remaining} invoiced and not yet deducted, fit into the amount invoiced now, and leave no more than the rest of the line can take.`,
  LINE_HAS_INVOICED_PREPAYMENT: (p: Params) => `${p.what} cannot be ${p.action}: line ${p.lineNo} of order ${p.no} has an invoiced prepayment (${p.invoiced}); post a prepayment credit memo first.`,
  PREPAYMENT_VAT_CHANGED: (p: Params) => `The prepayment VAT % of line ${p.lineNo} is now ${p.now}, but ${p.invoiced} % was invoiced; post a prepayment credit memo first.`,
  PREPAYMENT_ACCOUNT_IN_USE: (p: Params) => `Sales Prepayments Account cannot be changed: line ${p.lineNo} of order ${p.no} has invoiced prepayment not yet deducted.`,
  PREPAYMENT_NO_SERIES_MISSING: (p: Params) => `Sales & Receivables Setup has no ${p.field}; set up a number series for posted prepayment documents.`,
  PREPAYMENT_EXCEEDS_ORDER: (p: Params) => `The prepayment documents of order ${p.no} would total ${p.prepayment} incl. VAT, more than the order's ${p.order}.`,
  PREPAYMENT_SETUP_INVALID: (p: Params) => `${p.detail}`,
  PREPAYMENT_DOC_NOT_COPYABLE: (p: Params) => `Posted ${p.caption} ${p.no} is a prepayment document; it cannot be copied or reversed. Post a prepayment credit memo from order ${p.orderNo} instead.`,
  CANNOT_CORRECT_PREPAYMENT_INVOICE: (p: Params) =>
    `You cannot ${p.action === 'createCorrectiveCreditMemo' ? 'create a corrective credit memo for' : p.action} posted invoice ${p.no} because it is a prepayment invoice; post a prepayment credit memo from its order instead.`,
  REQUESTED_DATE_FIXED_BY_PROMISED: (p: Params) => `Requested Delivery Date cannot be changed while Promised Delivery Date is ${p.promisedDeliveryDate}; clear the promised date first.`,
  NO_DATE_IN_PROMISING_WINDOW: (p: Params) => `No date within the look-ahead window (until ${p.windowEnd}) can be promised for line ${p.lineNo} (${p.itemNo}); nothing was accepted.`,
  LINE_NOT_RESERVABLE: (p: Params) => `Line ${p.lineNo} of order ${p.no} cannot be reserved: ${p.reason}.`,
  NOTHING_TO_RESERVE: (p: Params) => `Line ${p.lineNo} of order ${p.no} is reserved in full (or has nothing left to ship).`,
  RESERVE_QUANTITY_INVALID: (p: Params) => `The quantity to reserve must be more than 0 and at most the ${p.open} not yet reserved, not ${p.quantity}.`,
  RESERVATION_NOT_POSSIBLE: (p: Params) => `Only ${p.available} of item ${p.itemNo} can be reserved from that supply, not ${p.quantity}.`,
  RESERVED_FOR_OTHER_DEMAND: (p: Params) => `Item ${p.itemNo}${p.locationCode ? ` at ${p.locationCode}` : ''}: ${p.toShip} would ship, but of the ${p.inventory} in inventory ${p.reserved} are reserved for other orders; ${p.free} can ship. Cancel or move those reservations first.`,
  QTY_TO_ASSEMBLE_TO_ORDER_INVALID: (p: Params) => `Qty. to Assemble to Order must have the same sign as Quantity (${p.quantity}) and cannot be more than it, not ${p.value}.`,
  QTY_TO_ASSEMBLE_OUT_OF_RANGE: (p: Params) => `Quantity to Assemble must be between ${p.minimum} and ${p.maximum} (what is shipped now and not taken from inventory), not ${p.value}.`,
  ASSEMBLE_TO_ORDER_NOT_ALLOWED: (p: Params) => `Line ${p.lineNo} cannot be assembled to order: ${p.reason}.`,
  ASSEMBLY_ORDER_LINKED: (p: Params) => `Assembly ${p.documentType} ${p.no} is assembled to order for sales ${p.salesDocumentType} ${p.salesDocumentNo} line ${p.salesLineNo}: ${p.reason}.`,
  ASSEMBLY_POSTING_NOT_READY: (p: Params) => `Assembly order ${p.no} cannot be posted: ${p.reason}.`,
  LINE_FROM_SHIPMENT_FIXED: (p: Params) => `${p.fieldCaption} cannot be changed while ${p.line} comes from ${p.source}; delete that line (and get the ${p.what} line again) instead.`,
  POSTING_NOT_BALANCED: (p: Params) => `The posting does not balance: its G/L entries add up to ${p.difference} instead of 0, so nothing was posted.`,
  JOURNAL_AMOUNT_ZERO: (p: Params) => `Journal line ${p.lineNo} (document ${p.documentNo}) has no amount: Amount must not be 0.`,
  JOURNAL_CURRENCY_FACTOR_INVALID: (p: Params) => `Journal line ${p.lineNo}: the currency factor ${p.currencyFactor} is not valid: ${p.reason}.`,
  JOURNAL_BALANCING_ACCOUNT_INVALID: (p: Params) => `Journal line ${p.lineNo}: ${p.reason}.`,
  JOURNAL_NOT_BALANCED: (p: Params) => `Document ${p.documentNo} of ${p.postingDate} does not balance: its lines add up to ${p.difference} (LCY) instead of 0, so nothing was posted.`,
  JOURNAL_APPLIES_TO_NOT_FOUND: (p: Params) => `Journal line ${p.lineNo}: ${p.accountCaption} ${p.accountNo} has no open ${p.documentTypeCaption} ${p.documentNo} to apply to.`,
  JOURNAL_APPLICATION_NOT_SUPPORTED: (p: Params) => `Journal line ${p.lineNo}: ${p.what} is not supported yet; ${p.remedy}.`,
  JOURNAL_DOCUMENT_NO_NOT_NEXT: (p: Params) => `Journal line ${p.lineNo}: document no. ${p.documentNo} is not the next number of series ${p.series}, which is ${p.expected}; number the batch's documents in the order of the series.`,
  JOURNAL_BATCH_EMPTY: (p: Params) => `There is nothing to post: journal batch ${p.templateName} ${p.batchName} has no lines.`,
  VENDOR_BLOCKED: (p: Params) => `You cannot post ${p.documentTypeText} for vendor ${p.vendorNo}: the vendor is blocked for ${p.blockedText}.`,
  BANK_ACCOUNT_BLOCKED: (p: Params) => `Bank account ${p.bankAccountNo} is blocked.`,
  BANK_ACCOUNT_CURRENCY_MISMATCH: (p: Params) => `Journal line ${p.lineNo}: bank account ${p.bankAccountNo} is kept in ${p.bankCurrency || 'local currency'}, so the line must be in that currency too (it is in ${p.lineCurrency || 'local currency'}).`,
  STATEMENT_FORMAT_UNKNOWN: (p: Params) => `${p.fileName} is not a bank statement Ledgerline can read: ${p.reason}; nothing was imported.`,
  STATEMENT_FILE_MALFORMED: (p: Params) => `${p.fileName} is damaged: ${p.reason}; nothing was imported.`,
  STATEMENT_FILE_EMPTY: (p: Params) => `${p.fileName} contains no ${p.what}; nothing was imported.`,
  STATEMENT_FIELD_MISSING: (p: Params) => `${p.fileName}: ${p.where} has no ${p.field}; nothing was imported.`,
  STATEMENT_FIELD_INVALID: (p: Params) => `${p.fileName}: ${p.where}: ${p.field} '${p.value}' is not ${p.expected}; nothing was imported.`,
  STATEMENT_NOT_BALANCED: (p: Params) =>
    `${p.fileName}: statement ${p.statement} does not balance: opening balance ${p.openingBalance} + transactions ${p.transactionTotal} = ${p.expectedClosingBalance}, but the closing balance is ${p.closingBalance}; nothing was imported.`,
  STATEMENT_CSV_MAPPING_INVALID: (p: Params) => `The CSV column mapping cannot read ${p.fileName}: ${p.reason}; nothing was imported.`,
  BLOCKED: (p: Params) => `${p.entity} ${p.key} is blocked.`,
  APPLICATION_SIGN_MISMATCH: (p: Params) => `Statement line ${p.lineNo} cannot be applied to entry ${p.entryNo}: money received pays invoices, money paid out pays credit memos and refunds.`,
  APPLIED_AMOUNT_TOO_LARGE: (p: Params) => `Entry ${p.entryNo} has only ${p.remaining} left to pay (after any payment discount), less than the applied amount ${p.appliedAmount}.`,
  ENTRY_OF_OTHER_CUSTOMER: (p: Params) => `Entry ${p.entryNo} is not an entry of customer ${p.customerNo}; a line pays the entries of one account.`,
  ENTRY_NOT_OPEN: (p: Params) => `Entry ${p.entryNo} is closed; only open entries can be applied.`,
  ENTRY_ALREADY_APPLIED: (p: Params) => `Entry ${p.entryNo} is already applied by ${p.by}; remove that application first.`,
  RECONCILIATION_LINE_NOT_APPLIED: (p: Params) => `Statement line ${p.lineNo} ('${p.transactionText}') is not applied to any account or entry; apply it, transfer it to an account, or delete it.`,
  RECONCILIATION_NO_DIFFERENCE: (p: Params) => `Statement line ${p.lineNo} has no difference to transfer.`,
  RECONCILIATION_LINE_DIFFERENCE: (p: Params) => `Statement line ${p.lineNo} ('${p.transactionText}') has a difference of ${p.difference}; apply it fully or transfer the difference to an account before posting.`,
  RECONCILIATION_EMPTY: (p: Params) => `There is nothing to post: payment reconciliation journal ${p.bankAccountNo} ${p.statementNo} has no lines.`,
  RECONCILIATION_ENDING_BALANCE: (p: Params) => `The statement ending balance ${p.statementEndingBalance} must equal the balance of bank account ${p.bankAccountNo} after posting, ${p.balanceAfterPosting}; correct the ending balance or post payments only.`,
  STATEMENT_OTHER_ACCOUNT: (p: Params) => `${p.fileName} is a statement of account ${p.fileAccount}, not of bank account ${p.bankAccountNo} (${p.bankAccount}); nothing was imported.`,
  STATEMENT_OTHER_CURRENCY: (p: Params) => `${p.fileName} is in ${p.fileCurrency}, but bank account ${p.bankAccountNo} is kept in ${p.bankCurrency}; nothing was imported.`,
  STATEMENT_CSV_MAPPING_MISSING: (p: Params) => `${p.fileName} looks like a CSV file, but bank account ${p.bankAccountNo} has no CSV column mapping; set statementCsvMapping on the bank account first.`,
  EINVOICE_FIELD_MISSING: (p: Params) => `${p.document} cannot be sent as a Peppol e-invoice: ${p.field} is missing (${p.record}); fill it in first.`,
  APPROVAL_USER_SETUP_MISSING: (p: Params) => `User ${p.userId} does not exist in the Approval User Setup; add the user there first.`,
  NO_SUITABLE_APPROVER: (p: Params) => `No suitable approver was found for the request of ${p.requesterId} (${p.amountLcy} LCY): ${p.reason}; correct the Approval User Setup.`,
  APPROVER_CHAIN_LOOP: (p: Params) => `The approver chain of ${p.requesterId} runs in a loop (${p.chain}); correct the Approver IDs in the Approval User Setup.`,
  SALESPERSON_APPROVER_MISSING: (p: Params) => `No user in the Approval User Setup has salesperson code '${p.salespersonCode}', the document's salesperson, so nobody can approve it.`,
  WORKFLOW_USER_GROUP_EMPTY: (p: Params) => `Workflow user group ${p.groupCode ?? ''} has no members, so nobody can approve the request.`,
  SELF_APPROVAL_ABOVE_LIMIT: (p: Params) => `${p.userId} cannot approve their own request: ${p.amountLcy} (LCY) is above their sales amount approval limit (${p.limit}).`,
  APPROVAL_WORKFLOW_NOT_ENABLED: (p: Params) => `No approval workflow for this record type is enabled: none applies to ${p.documentTypeCaption} ${p.no}.`,
  APPROVAL_NOT_COMPLETE: (p: Params) => `${p.documentTypeCaption} ${p.no} can only be released when the approval process is complete${p.reason ? ` (${p.reason})` : ''}.`,
  APPROVAL_REQUIRED: (p: Params) => `${p.documentTypeCaption} ${p.no} must be approved and released before you can perform this action (${p.action}): ${p.reason}.`,
  APPROVAL_ENTRY_NOT_OPEN: (p: Params) => `Approval entry ${p.entryNo} is ${p.status}; only an open entry can be ${p.action}.`,
  APPROVAL_NOT_APPROVER: (p: Params) => `${p.userId} is neither the approver of approval entry ${p.entryNo} (${p.approverId}) nor an approval administrator.`,
  APPROVAL_NO_SUBSTITUTE: (p: Params) => `Approval entry ${p.entryNo} cannot be delegated: ${p.approverId} has no substitute and no approver, and no approval administrator is set up.`,
  APPROVAL_CANCEL_NOT_ALLOWED: (p: Params) => `Only the sender of the approval request (${p.senderId}) or an approval administrator may cancel it, not ${p.userId}.`,
  APPROVAL_REQUEST_NOT_PENDING: (p: Params) => `${p.documentTypeCaption} ${p.no} has no approval request pending to ${p.action}.`,
  APPROVAL_NOTHING_TO_APPROVE: (p: Params) => `${p.documentTypeCaption} ${p.no} has no line with a type and a quantity other than 0, so there is nothing to approve.`,
  WORKFLOW_OVERLAP: (p: Params) => `Workflow ${p.code} cannot be enabled: enabled workflow ${p.other} already reacts to approval requests of the same ${p.documentTypeCaption}s with conditions that overlap.`,
  WORKFLOW_CREDIT_LIMIT_VARIANT: (p: Params) => `There is no credit-limit approval workflow for ${p.documentTypeCaption}s: it exists for orders and invoices.`,
  WORKFLOW_ENABLED: (p: Params) => `Workflow ${p.code} is enabled; disable it before you change or delete it.`,
  // A message takes Params, or the exact parameters its code always carries (listed in its type).
  INVALID_EMAIL: (p: Params) => `'${p.address}' is not a valid email address${p.field ? ` (${p.field})` : ''}.`,
  EMAIL_RECIPIENT_MISSING: (p: Params) => `${p.document} has no email address to send to: fill in the customer's E-Mail or enter one.`,
  SMTP_SECRET_KEY_MISSING: () => `The SMTP password cannot be saved: set LEDGERLINE_SECRET_KEY (a long random secret, e.g. 64 hex digits) in the server's environment first.`,
  SMTP_NOT_SET_UP: () => `No SMTP server is set up: enter the host in the SMTP setup first.`,
  EMAIL_MESSAGE_STATUS: (p: Params) => `Email ${p.id} is ${p.status}: only ${p.allowed} messages can be ${p.action}.`,
  EMAIL_NOT_ALLOWED_BY_PROFILE: (p: Params) => `Document sending profile ${p.profile} does not send by email (E-Mail is No).`,
  PAYMENT_SERVICE_NOT_ENABLED: (p: Params) => `Payment service ${p.service} is not enabled; enable it (with its account ID) in the payment services setup first.`,
  PAYMENT_SERVICE_NOT_ON_DOCUMENT: (p: Params) => `A ${p.documentTypeCaption} shows no payment link: only quotes, orders and invoices have a Payment Service Set.`,
  PAYMENT_SERVICE_SETUP_INCOMPLETE: (p: Params) => `${p.service} cannot be enabled: ${p.reason}.`,
  PAYMENT_NOTIFICATION_REFUSED: (p: Params) => `The payment notification was refused: ${p.reason}. Nothing was posted.`,
  PAYMENT_NOTIFICATION_UNVERIFIED: (p: Params) => `The payment notification could not be verified with PayPal: ${p.reason}. Nothing was posted; PayPal sends it again.`,
} satisfies Record<string, (p: never) => string>;

export type DomainErrorCode = keyof typeof messages;

/** The parameters a code's message reads: its own listed type, or any Params. */
export type DomainErrorParams<C extends DomainErrorCode> = C extends DomainErrorCode
  ? (typeof messages)[C] extends (p: infer P) => string ? (unknown extends P ? Params : P) : Params
  : never;

/**
 * One stable code per reason, always SCREAMING_SNAKE (`^[A-Z][A-Z0-9_]*$`): a variant of a reason
 * is a code of its own, and the field or entry it concerns travels in `field` and `params`.
 */
export class DomainError<C extends DomainErrorCode = DomainErrorCode> extends Error {
  readonly code: DomainErrorCode;
  readonly params: Params;
  /** Dotted path of the input field the error concerns, e.g. `lines.2.quantity`. */
  readonly field: string | undefined;

  constructor(code: C, params: DomainErrorParams<C> = {} as DomainErrorParams<C>, field?: string) {
    super((messages[code] as (p: DomainErrorParams<C>) => string)(params));
    this.name = 'DomainError';
    this.code = code;
    this.params = params as Params;
    this.field = field;
  }
}

export const domainErrorCodes = Object.keys(messages) as DomainErrorCode[];
