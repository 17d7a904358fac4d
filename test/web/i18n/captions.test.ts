// Every caption of the web app has a Dutch translation, and none is written where it cannot be
// translated. Read with the TypeScript parser, not patterns: JSX text, string attributes that users
// read (label, title, placeholder, aria-label, description), t('…') / caption('…') calls and the
// caption properties of page and field specs (label, title, caption, plural, heading).
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { dutchCaptionAreas, dutchCaptions } from '../../../src/web/i18n/nl/index.ts';

const webRoot = join(import.meta.dirname, '../../../src/web');
const userReadAttributes = new Set(['label', 'title', 'placeholder', 'aria-label', 'description', 'alt', 'error']);
const captionProperties = new Set(['label', 'title', 'caption', 'plural', 'heading']);
const captionFunctions = new Set(['t', 'caption']);
/** Text with no letters (separators, symbols) needs no translation. */
const hasWords = (text: string) => /\p{L}{2,}/u.test(text);

interface Findings { untranslatable: string[]; missing: string[] }

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return entry.name === 'i18n' ? [] : sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

function inspect(path: string, findings: Findings): void {
  const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true, path.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const where = (node: ts.Node) => `${relative(webRoot, path)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  const needsDutch = (text: string, node: ts.Node) => {
    if (hasWords(text) && dutchCaptions[text] === undefined) findings.missing.push(`${where(node)} '${text}'`);
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && hasWords(node.text)) findings.untranslatable.push(`${where(node)} text '${node.text.trim()}'`);
    if (ts.isJsxAttribute(node) && userReadAttributes.has(node.name.getText()) && node.initializer && ts.isStringLiteral(node.initializer) && hasWords(node.initializer.text)) {
      findings.untranslatable.push(`${where(node)} ${node.name.getText()}="${node.initializer.text}"`);
    }
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && captionFunctions.has(node.expression.text)) {
      const [first] = node.arguments;
      if (first && (ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first))) needsDutch(first.text, first);
    }
    if (ts.isPropertyAssignment(node) && captionProperties.has(node.name.getText()) && ts.isStringLiteral(node.initializer)) {
      needsDutch(node.initializer.text, node.initializer);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
}

const areas = readdirSync(webRoot, { withFileTypes: true }).filter((entry) => entry.isDirectory() && entry.name !== 'i18n').map((entry) => entry.name);

describe('captions', () => {
  it.each([...areas, '.'])('are translatable and have Dutch in src/web/%s', (area) => {
    const findings: Findings = { untranslatable: [], missing: [] };
    const files = area === '.' ? readdirSync(webRoot).filter((name) => /\.tsx?$/.test(name)).map((name) => join(webRoot, name)) : sourceFiles(join(webRoot, area));
    for (const file of files) inspect(file, findings);
    expect(findings.untranslatable, 'captions written where t() cannot translate them').toEqual([]);
    expect(findings.missing, 'captions without a Dutch translation in src/web/i18n/nl').toEqual([]);
  });

  it('gives one English caption the same Dutch in every area', () => {
    const seen = new Map<string, string>();
    const conflicts: string[] = [];
    for (const [area, captions] of Object.entries(dutchCaptionAreas)) {
      for (const [english, dutch] of Object.entries(captions)) {
        const earlier = seen.get(english);
        if (earlier !== undefined && earlier !== dutch) conflicts.push(`${area}: '${english}' is '${dutch}' here, '${earlier}' elsewhere`);
        seen.set(english, dutch);
      }
    }
    expect(conflicts).toEqual([]);
  });
});
