/**
 * Two structural rules from the style guide, checked on every .ts/.tsx file under src/ with the
 * TypeScript parser (not regular expressions, so comments and strings cannot fool it):
 * - no function (declaration, method, accessor, constructor, arrow or function expression) is longer
 *   than 70 lines, counted from its first token to its closing brace, nested functions included;
 * - no import cycle among src/ files, counting type-only imports, `export … from`, `import('…')`
 *   types and dynamic imports: a cycle of types still means two modules that cannot be read alone.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const repositoryRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const sourceDirectory = join(repositoryRoot, 'src');
const maximumFunctionLines = 70;

interface LongFunction {
  file: string;
  line: number;
  length: number;
}

function parse(file: string, text: string): ts.SourceFile {
  const kind = file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  return ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, kind);
}

function isFunctionLike(node: ts.Node): node is ts.FunctionLikeDeclaration {
  return (
    ts.isFunctionDeclaration(node) ||
    ts.isMethodDeclaration(node) ||
    ts.isConstructorDeclaration(node) ||
    ts.isGetAccessorDeclaration(node) ||
    ts.isSetAccessorDeclaration(node) ||
    ts.isArrowFunction(node) ||
    ts.isFunctionExpression(node)
  );
}

function findLongFunctions(file: string, text: string, limit = maximumFunctionLines): LongFunction[] {
  return longFunctionsIn(parse(file, text), limit);
}

function longFunctionsIn(source: ts.SourceFile, limit = maximumFunctionLines): LongFunction[] {
  const file = source.fileName;
  const found: LongFunction[] = [];
  const visit = (node: ts.Node): void => {
    // Overload signatures and abstract methods have no body and no length worth counting.
    if (isFunctionLike(node) && node.body) {
      const first = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
      const last = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      const length = last - first + 1;
      if (length > limit) found.push({ file, line: first + 1, length });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** Every module specifier the file depends on, type-only ones included. */
function importedSpecifiers(file: string, text: string): string[] {
  return specifiersIn(parse(file, text));
}

function specifiersIn(source: ts.SourceFile): string[] {
  const specifiers: string[] = [];
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier) {
      if (ts.isStringLiteral(node.moduleSpecifier)) specifiers.push(node.moduleSpecifier.text);
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      const expression = node.moduleReference.expression;
      if (ts.isStringLiteral(expression)) specifiers.push(expression.text);
    } else if (ts.isImportTypeNode(node)) {
      const argument = node.argument;
      if (ts.isLiteralTypeNode(argument) && ts.isStringLiteral(argument.literal)) specifiers.push(argument.literal.text);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [argument] = node.arguments;
      if (argument && ts.isStringLiteralLike(argument)) specifiers.push(argument.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return specifiers;
}

/** The src/ file a relative specifier names, or null for packages and files outside the graph. */
function resolveSpecifier(fromFile: string, specifier: string, known: ReadonlySet<string>): string | null {
  if (!specifier.startsWith('.')) return null;
  const base = resolve(dirname(fromFile), specifier);
  const withoutJs = base.replace(/\.(m|c)?jsx?$/, '');
  const candidates = [base, `${withoutJs}.ts`, `${withoutJs}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')];
  return candidates.find((candidate) => known.has(candidate)) ?? null;
}

type ImportGraph = ReadonlyMap<string, readonly string[]>;

function buildImportGraph(sources: ReadonlyMap<string, ts.SourceFile>): ImportGraph {
  const known = new Set(sources.keys());
  const graph = new Map<string, string[]>();
  for (const [file, source] of sources) {
    const targets = specifiersIn(source)
      .map((specifier) => resolveSpecifier(file, specifier, known))
      .filter((target): target is string => target !== null);
    graph.set(file, [...new Set(targets)]);
  }
  return graph;
}

/**
 * Tarjan's strongly connected components, iterative so a deep import chain cannot overflow the
 * stack. A component of more than one file, or a file importing itself, is a cycle.
 */
function findImportCycles(graph: ImportGraph): string[][] {
  let nextIndex = 0;
  const index = new Map<string, number>();
  const lowLink = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];

  const closeComponent = (root: string): void => {
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== root);
    if (component.length > 1 || (graph.get(root) ?? []).includes(root)) cycles.push(component.sort());
  };

  const strongConnect = (start: string): void => {
    const work: Array<{ node: string; next: number }> = [{ node: start, next: 0 }];
    index.set(start, nextIndex);
    lowLink.set(start, nextIndex++);
    stack.push(start);
    onStack.add(start);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const targets = graph.get(frame.node) ?? [];
      if (frame.next < targets.length) {
        const target = targets[frame.next++]!;
        if (!index.has(target)) {
          index.set(target, nextIndex);
          lowLink.set(target, nextIndex++);
          stack.push(target);
          onStack.add(target);
          work.push({ node: target, next: 0 });
        } else if (onStack.has(target)) {
          lowLink.set(frame.node, Math.min(lowLink.get(frame.node)!, index.get(target)!));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) lowLink.set(parent.node, Math.min(lowLink.get(parent.node)!, lowLink.get(frame.node)!));
      if (lowLink.get(frame.node) === index.get(frame.node)) closeComponent(frame.node);
    }
  };

  for (const node of graph.keys()) if (!index.has(node)) strongConnect(node);
  return cycles;
}

function typeScriptFilesUnder(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    if (statSync(path).isDirectory()) return typeScriptFilesUnder(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

const fromRoot = (file: string) => relative(repositoryRoot, file);

/** Parsed once for both checks: about 250 files, a second or two on a busy machine. */
const parseAll = (texts: ReadonlyMap<string, string>) => new Map([...texts].map(([file, text]) => [file, parse(file, text)]));
const structureTimeout = 60_000;

describe('src/ structure', () => {
  const sources = parseAll(new Map(typeScriptFilesUnder(sourceDirectory).map((file) => [file, readFileSync(file, 'utf8')])));

  it('scans the sources, server and web (not an empty directory)', () => {
    const names = [...sources.keys()].map(fromRoot);
    expect(names).toContain('src/core/errors.ts');
    expect(names.some((name) => name.endsWith('.tsx'))).toBe(true);
  });

  it(`has no function longer than ${maximumFunctionLines} lines`, () => {
    const long = [...sources.values()].flatMap((source) => longFunctionsIn(source));
    const report = long.map(({ file, line, length }) => `${fromRoot(file)}:${line}: function of ${length} lines`);
    expect(report).toEqual([]);
  }, structureTimeout);

  it('has no import cycle (type-only imports and re-exports included)', () => {
    const cycles = findImportCycles(buildImportGraph(sources));
    const report = cycles.map((cycle) => `cycle: ${cycle.map(fromRoot).join(' ⇄ ')}`);
    expect(report).toEqual([]);
  }, structureTimeout);
});

describe('the structure checks themselves', () => {
  const lines = (count: number) => Array.from({ length: count }, (_, i) => `  const v${i} = ${i};`).join('\n');

  it.each([
    ['a function declaration', (body: string) => `export function f() {\n${body}\n}`],
    ['an arrow function', (body: string) => `const f = () => {\n${body}\n};`],
    ['a function expression', (body: string) => `const f = function () {\n${body}\n};`],
    ['a method', (body: string) => `class C {\n  m() {\n${body}\n  }\n}`],
    ['a constructor', (body: string) => `class C {\n  constructor() {\n${body}\n  }\n}`],
    ['an object-literal method', (body: string) => `const o = {\n  m() {\n${body}\n  },\n};`],
  ])('measures %s: 70 lines pass, 71 fail with its line and length', (_, wrap) => {
    const fits = wrap(lines(68));
    expect(findLongFunctions('/src/a.ts', fits)).toEqual([]);
    const tooLong = wrap(lines(69));
    const [found] = findLongFunctions('/src/a.ts', tooLong);
    expect(found?.length).toBe(71);
    expect(found?.line).toBe(tooLong.split('\n').findIndex((line) => /function|=>|m\(|constructor/.test(line)) + 1);
  });

  it('counts a nested function inside its parent and on its own', () => {
    const source = `function outer() {\n  const inner = () => {\n${lines(70)}\n  };\n}`;
    expect(findLongFunctions('/src/a.ts', source)).toEqual([
      { file: '/src/a.ts', line: 1, length: 74 },
      { file: '/src/a.ts', line: 2, length: 72 },
    ]);
  });

  it('starts counting at the first token, not at a leading comment, and parses TSX', () => {
    const comment = Array.from({ length: 10 }, () => '// why').join('\n');
    const source = `${comment}\nexport function View() {\n  return (\n    <div>\n${lines(60)}\n    </div>\n  );\n}`;
    expect(findLongFunctions('/src/view.tsx', source)).toEqual([]);
    expect(findLongFunctions('/src/view.tsx', source, 60)).toEqual([{ file: '/src/view.tsx', line: 11, length: 66 }]);
  });

  it('collects every kind of module reference, type-only ones included', () => {
    const source = [
      "import { a } from './a.ts';",
      "import type { B } from './b.ts';",
      "import { type C } from './c.ts';",
      "export { d } from './d.ts';",
      "export type { E } from './e.ts';",
      "export * from './f.ts';",
      "import './g.ts';",
      "let h: import('./h.ts').H;",
      "const i = await import('./i.ts');",
      "import j = require('./j.ts');",
      "import { z } from 'zod';",
      "// import { k } from './k.ts';",
      "const text = \"import { l } from './l.ts'\";",
    ].join('\n');
    expect(importedSpecifiers('/src/x.ts', source)).toEqual([
      './a.ts', './b.ts', './c.ts', './d.ts', './e.ts', './f.ts', './g.ts', './h.ts', './i.ts', './j.ts', 'zod',
    ]);
  });

  it('resolves relative specifiers to known files and ignores packages', () => {
    const known = new Set(['/src/server/a.ts', '/src/web/b.tsx', '/src/core/index.ts']);
    expect(resolveSpecifier('/src/server/x.ts', './a.ts', known)).toBe('/src/server/a.ts');
    expect(resolveSpecifier('/src/server/x.ts', './a.js', known)).toBe('/src/server/a.ts');
    expect(resolveSpecifier('/src/web/x.tsx', './b', known)).toBe('/src/web/b.tsx');
    expect(resolveSpecifier('/src/server/x.ts', '../core', known)).toBe('/src/core/index.ts');
    expect(resolveSpecifier('/src/server/x.ts', 'zod', known)).toBeNull();
  });

  it('finds a cycle through a type-only import and reports its files', () => {
    const files = new Map([
      ['/src/a.ts', "import { b } from './b.ts';"],
      ['/src/b.ts', "import type { C } from './c.ts';\nexport const b = 1;"],
      ['/src/c.ts', "export type { A } from './a.ts';\nexport type C = 1;"],
      ['/src/d.ts', "import { b } from './b.ts';"],
    ]);
    expect(findImportCycles(buildImportGraph(parseAll(files)))).toEqual([['/src/a.ts', '/src/b.ts', '/src/c.ts']]);
  });

  it('finds a file that imports itself, and no cycle in a diamond', () => {
    const selfImport = new Map([['/src/a.ts', "export * from './a.ts';"]]);
    expect(findImportCycles(buildImportGraph(parseAll(selfImport)))).toEqual([['/src/a.ts']]);
    const diamond = new Map([
      ['/src/a.ts', "import './b.ts';\nimport './c.ts';"],
      ['/src/b.ts', "import './d.ts';"],
      ['/src/c.ts', "import './d.ts';"],
      ['/src/d.ts', ''],
    ]);
    expect(findImportCycles(buildImportGraph(parseAll(diamond)))).toEqual([]);
  });
});
