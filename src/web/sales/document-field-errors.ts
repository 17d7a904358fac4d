/** By field path, as the API names them (kept free of the API client, so node tests can load this). */
type FieldErrors = Readonly<Record<string, string>>;

export interface LineFieldError { lineNo: number; field: string; message: string }

/**
 * A refusal's field errors split by where the document page shows them: header fields by name, and
 * line fields (`lines.<lineNo>.<field>`, as posting names them) on their cell.
 */
export function splitDocumentFieldErrors(errors: FieldErrors): { header: Record<string, string>; lines: LineFieldError[] } {
  const header: Record<string, string> = {};
  const lines: LineFieldError[] = [];
  for (const [path, message] of Object.entries(errors)) {
    const line = /^lines\.(\d+)\.(\w+)$/.exec(path);
    if (line) lines.push({ lineNo: Number.parseInt(line[1]!, 10), field: line[2]!, message });
    else if (!path.includes('.')) header[path] = message;
  }
  return { header, lines };
}

/**
 * The header errors left once a refusal's own are taken away. A field whose message changed since
 * (a later edit of that field was refused on its own) keeps it: only what the refusal put there goes.
 */
export function withoutHeaderErrors(current: FieldErrors, shown: FieldErrors): Record<string, string> {
  return Object.fromEntries(Object.entries(current).filter(([field, message]) => shown[field] !== message));
}

/** The cells' errors left once a refusal's line errors are taken away; as above, a newer message on a cell stays. */
export function withoutLineErrors(current: Readonly<Record<string, FieldErrors>>, shown: readonly LineFieldError[]): Record<string, FieldErrors> {
  const next: Record<string, FieldErrors> = { ...current };
  for (const { lineNo, field, message } of shown) {
    const cells = next[lineNo];
    if (cells?.[field] === message) next[lineNo] = Object.fromEntries(Object.entries(cells).filter(([name]) => name !== field));
  }
  return next;
}
