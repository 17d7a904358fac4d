/**
 * The company logo on Company Information (issue 17): stored as base64 text with its media type in
 * the one company_information row, so it travels with the company data to every printed document.
 */
import { sql } from 'drizzle-orm';
import { inflateSync } from 'node:zlib';
import { inspectCompanyLogo, pngDecodedBytes, pngScanlines, type CompanyLogoMimeType, type PngLayout } from '../../core/documents/company-logo.ts';
import { DomainError } from '../../core/errors.ts';
import type { Executor } from '../db/connection.ts';
import { companyInformation } from '../db/schema/index.ts';

export interface CompanyLogoView { mimeType: CompanyLogoMimeType; width: number; height: number; size: number; version: number }

export interface StoredCompanyLogo { mimeType: CompanyLogoMimeType; content: Buffer }

/** Checks the file (see core/documents/company-logo.ts) and replaces the logo with it. */
export async function setCompanyLogo(tx: Executor, content: Uint8Array): Promise<CompanyLogoView> {
  const file = inspectCompanyLogo(content);
  if (file.png) checkPngImageData(file.png);
  const [updated] = await tx.update(companyInformation)
    .set({ logo: Buffer.from(content).toString('base64'), logoMimeType: file.mimeType, version: sql`version + 1`, updatedAt: sql`now()` })
    .returning({ version: companyInformation.version });
  return { mimeType: file.mimeType, width: file.width, height: file.height, size: content.length, version: updated!.version };
}

/** Removes the logo; removing none is no error (DELETE is idempotent). */
export async function deleteCompanyLogo(tx: Executor): Promise<void> {
  await tx.update(companyInformation).set({ logo: '', logoMimeType: '', version: sql`version + 1`, updatedAt: sql`now()` })
    .where(sql`${companyInformation.logoMimeType} <> ''`);
}

export async function getCompanyLogo(tx: Executor): Promise<StoredCompanyLogo> {
  const [row] = await tx.select({ logo: companyInformation.logo, mimeType: companyInformation.logoMimeType }).from(companyInformation);
  if (!row || row.mimeType === '') throw new DomainError('NOT_FOUND', { entity: 'Company logo', key: '(none uploaded)' });
  return { mimeType: row.mimeType as CompanyLogoMimeType, content: Buffer.from(row.logo, 'base64') };
}

/**
 * The PDF renderer inflates and unfilters transparent and interlaced PNGs asynchronously, where an
 * error cannot be caught: so the pixel data is checked here, once, the way the renderer reads it —
 * one zlib stream, every scanline a filter byte 0–4 followed by the row's bytes.
 */
function checkPngImageData(png: PngLayout) {
  const broken = (why: string): never => { throw new DomainError('INVALID_INPUT', { detail: `The logo is not a valid PNG image: ${why}.` }, 'file'); };
  const expected = pngDecodedBytes(png);
  let pixels: Buffer;
  try {
    pixels = inflateSync(Buffer.concat(png.imageData), { maxOutputLength: expected + 64 * 1024 });
  } catch {
    return broken('its image data is damaged');
  }
  if (pixels.length < expected) broken('its image data is shorter than the image');
  let at = 0;
  for (const pass of pngScanlines(png)) {
    for (let row = 0; row < pass.rows; row++) {
      if (pixels[at]! > 4) broken(`scanline ${row + 1} has an unknown filter type`);
      at += 1 + pass.rowBytes;
    }
  }
}
