/**
 * Domain errors: a stable code, the parameters that explain it, and the field it concerns.
 * The messages live here, next to the codes; the HTTP status of each code lives in server/http.
 */
type Params = Record<string, string | number | boolean | null | undefined>;

const messages = {
  INVALID_DECIMAL: (p: Params) => `'${p.value}' is not a decimal number.`,
  INVALID_DATE: (p: Params) => `'${p.value}' is not a valid date (YYYY-MM-DD).`,
  INVALID_DATE_FORMULA: (p: Params) => `'${p.formula}' is not a valid date formula${p.reason ? `: ${p.reason}` : ''}.`,
  NUMBER_NOT_INCREMENTABLE: (p: Params) => `The number '${p.number}' contains no digits and cannot be incremented.`,
  NUMBER_TOO_LONG: (p: Params) => `The number '${p.number}' is longer than ${p.maxLength} characters.`,
  NUMBER_SERIES_NO_LINE: (p: Params) => `Number series ${p.series} has no open line that starts on or before ${p.date}.`,
  NUMBER_SERIES_EXHAUSTED: (p: Params) => `Number series ${p.series} cannot assign new numbers: ${p.number} is past the ending number ${p.endingNo}.`,
  NUMBER_SERIES_DATE_ORDER: (p: Params) => `Number series ${p.series} requires dates in order: ${p.date} is before the last date used, ${p.lastDateUsed}.`,
  NUMBER_SERIES_NOT_DEFAULT: (p: Params) => `Number series ${p.series} does not assign numbers automatically (Default Nos. is off); enter a number.`,
  MANUAL_NUMBERS_NOT_ALLOWED: (p: Params) => `Number series ${p.series} does not allow numbers to be entered manually.`,
  NUMBER_SERIES_NOT_SET_UP: (p: Params) => `No number series is set up for ${p.what}; enter a number or set the series in ${p.setup}.`,
  NOT_FOUND: (p: Params) => `${p.entity} ${p.key} does not exist.`,
  ALREADY_EXISTS: (p: Params) => `${p.entity} ${p.key} already exists.`,
  RECORD_IN_USE: (p: Params) => `${p.entity} ${p.key} cannot be deleted because it is used by ${p.usedBy}.`,
  RELATED_RECORD_NOT_FOUND: (p: Params) => `${p.entity} '${p.value}' does not exist (field ${p.field}).`,
  VERSION_CONFLICT: (p: Params) => `${p.entity} ${p.key} was changed by someone else (version ${p.currentVersion}, you sent ${p.sentVersion}); reload and try again.`,
  KEY_IMMUTABLE: (p: Params) => `The key field ${p.field} cannot be changed.`,
  ACCOUNT_NOT_POSTING: (p: Params) => `G/L account ${p.accountNo} must be a posting account to be used in ${p.field}.`,
  ACCOUNT_BLOCKED: (p: Params) => `G/L account ${p.accountNo} is blocked.`,
  BASE_UNIT_OF_MEASURE_QUANTITY: (p: Params) => `The base unit of measure ${p.unitOfMeasure} of item ${p.itemNo} must have quantity per unit of measure 1.`,
  BASE_UNIT_OF_MEASURE_IN_USE: (p: Params) => `Unit of measure ${p.unitOfMeasure} is the base unit of measure of item ${p.itemNo}.`,
  ITEM_UNIT_OF_MEASURE_MISSING: (p: Params) => `Item ${p.itemNo} has no unit of measure ${p.unitOfMeasure}; add it to the item's units of measure first.`,
  INVALID_CREDENTIALS: () => `Unknown username or wrong password.`,
  UNAUTHENTICATED: () => `Sign in first: send 'Authorization: Bearer <token>' (POST /api/v1/auth/token returns one).`,
  FORBIDDEN: (p: Params) => `Your role (${p.role}) may not ${p.action}.`,
  USER_BLOCKED: (p: Params) => `User ${p.username} is blocked.`,
  LAST_ADMIN: () => `At least one active admin user must remain.`,
  DATABASE_LOCKED: (p: Params) => `The database in ${p.dataDir} is in use by another Ledgerline process (pid ${p.pid}).`,
  INVALID_INPUT: (p: Params) => `${p.detail ?? 'The input is not valid.'}`,
  INVALID_ROUNDING_PRECISION: (p: Params) => `The rounding precision ${p.precision} must be greater than 0.`,
  ALLOCATION_IMPOSSIBLE: (p: Params) => `${p.total} cannot be allocated: ${p.reason}.`,
} satisfies Record<string, (p: Params) => string>;

export type DomainErrorCode = keyof typeof messages;

export class DomainError extends Error {
  readonly code: DomainErrorCode;
  readonly params: Params;
  /** Dotted path of the input field the error concerns, e.g. `lines.2.quantity`. */
  readonly field: string | undefined;

  constructor(code: DomainErrorCode, params: Params = {}, field?: string) {
    super(messages[code](params));
    this.name = 'DomainError';
    this.code = code;
    this.params = params;
    this.field = field;
  }
}

export const domainErrorCodes = Object.keys(messages) as DomainErrorCode[];
