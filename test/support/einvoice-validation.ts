/**
 * Validates Peppol BIS Billing 3.0 documents the way the network does (issue 17 item 5): against the
 * UBL 2.1 XSD (xmllint-wasm, libxml2 compiled to WebAssembly, offline) and both official rule sets
 * in ../shared/fixtures/einvoicing/validation — EN 16931 and Peppol — compiled to SaxonJS SEF files
 * (see that folder's README). Each stylesheet is loaded once per test file and reused for every
 * document; the XSD run takes a batch of documents in one call.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { validateXML } from 'xmllint-wasm';
import { sharedFixtures } from './shared-fixtures.ts';

interface SaxonApi {
  transform(options: Record<string, unknown>, mode: 'sync'): { principalResult: string };
}

// saxon-js ships no type declarations.
const SaxonJS = createRequire(import.meta.url)('saxon-js') as SaxonApi;

export interface FailedAssert { ruleSet: 'EN16931' | 'Peppol'; id: string; flag: string; text: string; location: string }

export interface EInvoiceValidation {
  /** XSD errors ("line: message"). */
  schemaErrors: string[];
  /** Every failed assert of both rule sets, fatal and warning. */
  failedAsserts: FailedAssert[];
  /** The fatal failed asserts: a valid document has none. */
  fatal: FailedAssert[];
}

const validationDirectory = sharedFixtures('einvoicing', 'validation');
const ruleSets = [
  { ruleSet: 'EN16931', file: 'en16931-1.3.16-ubl.sef.json' },
  { ruleSet: 'Peppol', file: 'peppol-bis-billing-3.0.19-ubl.sef.json' },
] as const;

let stylesheets: Promise<Array<{ ruleSet: FailedAssert['ruleSet']; sef: unknown }>> | undefined;

function loadStylesheets() {
  stylesheets ??= Promise.all(ruleSets.map(async ({ ruleSet, file }) => ({
    ruleSet, sef: JSON.parse(await readFile(join(validationDirectory, file), 'utf8')) as unknown,
  })));
  return stylesheets;
}

let schemaFiles: Array<{ fileName: string; contents: string }> | undefined;

function loadSchemaFiles() {
  if (schemaFiles) return schemaFiles;
  const root = sharedFixtures('einvoicing', 'ubl-2.1-xsd');
  schemaFiles = ['common', 'maindoc'].flatMap((folder) => readdirSync(join(root, folder))
    .filter((name) => name.endsWith('.xsd'))
    .map((name) => ({ fileName: `${folder}/${name}`, contents: readFileSync(join(root, folder, name), 'utf8') })));
  return schemaFiles;
}

const decodeEntities = (text: string) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** The failed asserts of an SVRL report. */
export function failedAssertsOf(svrl: string, ruleSet: FailedAssert['ruleSet']): FailedAssert[] {
  const asserts: FailedAssert[] = [];
  for (const match of svrl.matchAll(/<svrl:failed-assert\b([^>]*)>([\s\S]*?)<\/svrl:failed-assert>/g)) {
    const attribute = (name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(match[1]!)?.[1] ?? '';
    const text = /<svrl:text>([\s\S]*?)<\/svrl:text>/.exec(match[2]!)?.[1] ?? '';
    asserts.push({ ruleSet, id: attribute('id'), flag: attribute('flag'), text: decodeEntities(text).replace(/\s+/g, ' ').trim(), location: decodeEntities(attribute('location')) });
  }
  return asserts;
}

/** Both rule sets over one document. */
export async function schematronAsserts(xml: string): Promise<FailedAssert[]> {
  const loaded = await loadStylesheets();
  return loaded.flatMap(({ ruleSet, sef }) => {
    const result = SaxonJS.transform({ stylesheetInternal: sef, sourceText: xml, destination: 'serialized' }, 'sync');
    return failedAssertsOf(result.principalResult, ruleSet);
  });
}

/** The XSD errors of each document (UBL-Invoice-2.1 or UBL-CreditNote-2.1 by its root element), in one xmllint run per schema. */
export async function schemaErrors(xmls: readonly string[]): Promise<string[][]> {
  const errors: string[][] = xmls.map(() => []);
  for (const root of ['Invoice', 'CreditNote'] as const) {
    const indexes = xmls.map((xml, index) => ({ xml, index })).filter(({ xml }) => new RegExp(`<${root}[\\s>]`).test(xml));
    if (indexes.length === 0) continue;
    const schemaName = `maindoc/UBL-${root}-2.1.xsd`;
    const files = loadSchemaFiles();
    const result = await validateXML({
      xml: indexes.map(({ xml, index }) => ({ fileName: `document-${index}.xml`, contents: xml })),
      schema: files.find((file) => file.fileName === schemaName)!,
      preload: files.filter((file) => file.fileName !== schemaName),
      maxMemoryPages: 4096,
    });
    for (const error of result.errors) {
      const index = Number(/document-(\d+)\.xml/.exec(error.loc?.fileName ?? error.rawMessage)?.[1] ?? -1);
      const target = index >= 0 ? errors[index] : errors[indexes[0]!.index];
      target?.push(`${error.loc?.lineNumber ?? '?'}: ${error.message.trim()}`);
    }
  }
  return errors;
}

export async function validateEInvoices(xmls: readonly string[]): Promise<EInvoiceValidation[]> {
  const schema = await schemaErrors(xmls);
  const results: EInvoiceValidation[] = [];
  for (const [index, xml] of xmls.entries()) {
    const failedAsserts = await schematronAsserts(xml);
    results.push({ schemaErrors: schema[index]!, failedAsserts, fatal: failedAsserts.filter((entry) => entry.flag === 'fatal') });
  }
  return results;
}

export async function validateEInvoice(xml: string): Promise<EInvoiceValidation> {
  return (await validateEInvoices([xml]))[0]!;
}

/** A readable summary for an assertion message. */
export function describeValidation(validation: EInvoiceValidation): string {
  return [...validation.schemaErrors.map((error) => `XSD ${error}`), ...validation.failedAsserts.map((entry) => `${entry.ruleSet} ${entry.flag} ${entry.id}: ${entry.text} @ ${entry.location}`)].join('\n');
}
