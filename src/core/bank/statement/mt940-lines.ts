/**
 * MT940/MT942 text → messages → tags. Banks wrap the file in SWIFT blocks ({1:…}{2:…}{4: … -}),
 * put their own lines before :20: (ABNANL2A, 940, 0000 01INGB…), end messages with '-' or not at
 * all, and wrap long fields over several lines; a line that only looks like a tag (':26:37 Fo' in
 * a wrapped :86:) continues the field before it.
 */
export interface Mt940Tag {
  readonly tag: string;
  /** The field's lines joined with '\n', the tag itself left out. */
  readonly value: string;
  /** 1-based line of the tag in the file, for refusals. */
  readonly line: number;
}

export interface Mt940Message {
  readonly tags: readonly Mt940Tag[];
}

const knownTags = new Set(['13', '13D', '20', '21', '25', '25P', '28', '28C', '34F', '60F', '60M', '61', '62F', '62M', '64', '65', '86', '90C', '90D', 'NS']);
const tagLine = /^:(\d{2}[A-Z]?|NS):(.*)$/;

/** A line without the SWIFT envelope: '{1:…}{2:…}{4:' before and '-}{5:…}' after the message text. */
function withoutEnvelope(line: string): string {
  const body = line.replace(/^(\{\d:[^{}]*\})*\{4:/, '');
  return body.replace(/^-\}.*$/, '-').replace(/^\{5:.*$/, '');
}

interface OpenTag {
  readonly tag: string;
  readonly lines: string[];
  readonly line: number;
}

export function splitMt940Messages(text: string): Mt940Message[] {
  const messages: Mt940Tag[][] = [];
  let current: Mt940Tag[] | null = null;
  let open: OpenTag | null = null;
  const closeTag = (): void => {
    if (open && current) current.push({ tag: open.tag, value: open.lines.join('\n').trimEnd(), line: open.line });
    open = null;
  };
  const lines = text.split(/\r\n|\r|\n/);
  for (let index = 0; index < lines.length; index += 1) {
    const line = withoutEnvelope(lines[index]!.replace(/\u0000/g, ''));
    const match = tagLine.exec(line);
    if (match && knownTags.has(match[1]!)) {
      closeTag();
      if (match[1] === '20' || current === null) messages.push((current = []));
      open = { tag: match[1]!, lines: [match[2]!], line: index + 1 };
    } else if (line.trim() === '-') {
      closeTag();
      current = null;
    } else if (open) {
      open.lines.push(line);
    }
    // Lines outside a message (bank headers, blank lines between messages) carry nothing.
  }
  closeTag();
  return messages.map((tags) => ({ tags }));
}
