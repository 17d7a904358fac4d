/**
 * Reading camt XML namespace- and version-agnostically: fast-xml-parser drops the prefixes and
 * keeps every value as text (no number guessing, so amounts reach Decimal as written). An element
 * that occurs once is a value and a repeated one an array; the readers below accept both, so a
 * path reads the same either way.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';

type XmlValue = XmlElement | string;

export interface XmlElement {
  readonly [name: string]: ReadonlyArray<XmlValue> | XmlValue | undefined;
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true,
  // Decodes numeric character references (&#228;) as well as the five XML entities.
  htmlEntities: true,
  // No element path is read, so none need be built for every tag.
  jPath: false,
});

/** The parsed document, or the validator's complaint ('line 3: …') when the text is not well-formed XML. */
export function parseXml(text: string): { document: XmlElement } | { problem: string } {
  const validation = XMLValidator.validate(text);
  if (validation !== true) {
    const { line, msg } = validation.err;
    // Several elements left open (a file cut short) come as a JSON list of their names.
    const unclosed = /^Invalid '\[([\s\S]*)\]' found/.exec(msg);
    if (unclosed) {
      const names = unclosed[1]!.split(',').map((name) => `<${name.trim().replace(/^"|"$/g, '')}>`);
      return { problem: `it is not well-formed XML: it ends before ${names.join(', ')} are closed (is it cut short?)` };
    }
    return { problem: `it is not well-formed XML (line ${line ?? 1}: ${msg})` };
  }
  return { document: parser.parse(text) as XmlElement };
}

function asElement(value: XmlValue): XmlElement {
  return typeof value === 'string' ? { '#text': value } : value;
}

function isChild(name: string): boolean {
  return !name.startsWith('@_') && name !== '#text';
}

/** The child elements called name (none when absent). */
export function elements(node: XmlElement | undefined, name: string): XmlElement[] {
  const value = isChild(name) ? node?.[name] : undefined;
  if (value === undefined) return [];
  return Array.isArray(value) ? (value as readonly XmlValue[]).map(asElement) : [asElement(value as XmlValue)];
}

/** The first element along path, e.g. element(entry, 'BookgDt', 'Dt'). */
export function element(node: XmlElement | undefined, ...path: string[]): XmlElement | undefined {
  let current = node;
  for (const name of path) {
    const value = isChild(name) ? current?.[name] : undefined;
    const first = Array.isArray(value) ? (value as readonly XmlValue[])[0] : (value as XmlValue | undefined);
    current = first === undefined ? undefined : asElement(first);
  }
  return current;
}

/** The text of the first element along path, '' when it is absent or empty. */
export function textOf(node: XmlElement | undefined, ...path: string[]): string {
  const value = element(node, ...path)?.['#text'];
  return typeof value === 'string' ? value : '';
}

/** The texts of every element called name under the element at path (Ustrd, AdrLine …). */
export function textsOf(node: XmlElement | undefined, ...path: string[]): string[] {
  const name = path[path.length - 1]!;
  const parent = path.length > 1 ? element(node, ...path.slice(0, -1)) : node;
  return elements(parent, name).map((child) => (typeof child['#text'] === 'string' ? child['#text'] : '')).filter((text) => text !== '');
}

export function attributeOf(node: XmlElement | undefined, name: string): string {
  const value = node?.[`@_${name}`];
  return typeof value === 'string' ? value : '';
}

/** The names of a node's child elements, without attributes, text or the XML declaration. */
export function childNames(node: XmlElement): string[] {
  return Object.keys(node).filter((name) => !name.startsWith('@_') && !name.startsWith('?') && name !== '#text');
}
