/**
 * What every document command does the same way, sales or purchase: the optimistic version check,
 * constraint errors named after the record, line numbers, and errors of a line named by its index.
 */
import { DomainError } from '../../core/errors.ts';
import type { Executor } from '../db/connection.ts';
import { translateConstraintError } from '../db/constraint-errors.ts';
import { assertManualNumberAllowed, drawNumber } from '../number-series/no-series.commands.ts';

export function checkVersion(header: { no: string; version: number }, entity: string, expectedVersion: number | undefined): void {
  if (expectedVersion !== undefined && header.version !== expectedVersion) {
    throw new DomainError('VERSION_CONFLICT', { entity, key: header.no, currentVersion: header.version, sentVersion: expectedVersion });
  }
}

export async function guarded<T>(entity: string, key: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    translateConstraintError(error, { entity, key, operation: 'write' });
  }
}

/** The error of line `index` of a request, its field named `lines.<index>.<field>`. */
export function prefixField(error: unknown, prefix: string): unknown {
  if (!(error instanceof DomainError)) return error;
  return new DomainError(error.code, error.params, error.field ? `${prefix}.${error.field}` : prefix);
}

/** A typed line number, or the next free one in steps of 10000 (BC's AutoSplitKey). */
export function nextLineNo(lines: readonly { lineNo: number }[], typed: number | undefined, entity: string, documentNo: string): number {
  const lineNo = typed ?? Math.max(0, ...lines.map((line) => line.lineNo)) + 10000;
  if (lines.some((line) => line.lineNo === lineNo)) throw new DomainError('ALREADY_EXISTS', { entity, key: `${documentNo} ${lineNo}` }, 'lineNo');
  return lineNo;
}

/** Where a new document's number comes from: its type's series in the setup, and how to tell a number is taken. */
export interface DocumentNumbering {
  seriesCode: string | null;
  seriesField: string;
  caption: string;
  setupCaption: string;
  exists: (no: string) => Promise<boolean>;
}

/** A typed number (if the series allows manual numbers and it is free), else the next number of the series. */
export async function newDocumentNumber(tx: Executor, numbering: DocumentNumbering, typed: string | undefined, workDate: string): Promise<{ no: string; noSeries: string | null }> {
  const { seriesCode, seriesField, caption, setupCaption } = numbering;
  if (typed !== undefined) {
    if (seriesCode) await assertManualNumberAllowed(tx, seriesCode);
    if (await numbering.exists(typed)) throw new DomainError('ALREADY_EXISTS', { entity: caption, key: typed }, 'no');
    return { no: typed, noSeries: seriesCode };
  }
  if (!seriesCode) throw new DomainError('NO_SERIES_NOT_SET_UP', { what: caption.toLowerCase(), setup: `${setupCaption} (${seriesField})` }, 'no');
  return { no: (await drawNumber(tx, seriesCode, workDate)).number, noSeries: seriesCode };
}
