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
