import { describe, expect, it } from 'vitest';
import { detectLogoMimeType, inspectCompanyLogo, logoDataUrl, pngDecodedBytes } from '../../../src/core/documents/company-logo.ts';
import { jpegImage, pngImage } from '../../support/logo-images.ts';

/** The PNG with its IHDR fields changed (and the chunk's checksum left wrong unless fixed). */
function withHeader(png: Buffer, changes: { bitDepth?: number; colorType?: number; interlace?: number }, fixChecksum = true): Buffer {
  const copy = Buffer.from(png);
  if (changes.bitDepth !== undefined) copy[24] = changes.bitDepth;
  if (changes.colorType !== undefined) copy[25] = changes.colorType;
  if (changes.interlace !== undefined) copy[28] = changes.interlace;
  if (fixChecksum) copy.writeUInt32BE(crc(copy.subarray(12, 29)), 29);
  return copy;
}

function crc(bytes: Uint8Array): number {
  let value = 0xffffffff;
  for (const byte of bytes) {
    value ^= byte;
    for (let bit = 0; bit < 8; bit++) value = value & 1 ? 0xedb88320 ^ (value >>> 1) : value >>> 1;
  }
  return (value ^ 0xffffffff) >>> 0;
}

describe('inspectCompanyLogo', () => {
  it('reads the type and size of PNG and JPEG files from their bytes', () => {
    expect(inspectCompanyLogo(pngImage(300, 120))).toMatchObject({ mimeType: 'image/png', width: 300, height: 120 });
    expect(inspectCompanyLogo(jpegImage(640, 200))).toEqual({ mimeType: 'image/jpeg', width: 640, height: 200 });
    expect(detectLogoMimeType(Buffer.from('GIF89a'))).toBeNull();
  });

  it.each([
    ['nothing', Buffer.alloc(0), 'The logo file is empty.'],
    ['a GIF', Buffer.from('GIF89a\u0001\u0000\u0001\u0000'), 'The logo must be a PNG or JPEG image; this file is neither.'],
    ['a PDF', Buffer.from('%PDF-1.7\n'), 'The logo must be a PNG or JPEG image; this file is neither.'],
    ['more than 1 MB', Buffer.concat([jpegImage(10, 10), Buffer.alloc(1024 * 1024)]), 'The logo is 1.0 MB; it may be at most 1 MB.'],
    ['a PNG cut short', pngImage(10, 10).subarray(0, 30), 'The logo is not a valid PNG image: chunk IHDR runs past the end of the file.'],
    ['a PNG with a damaged header', withHeader(pngImage(10, 10), { bitDepth: 4 }, false), 'The logo is not a valid PNG image: chunk IHDR is damaged (checksum).'],
    ['RGB with 4 bits', withHeader(pngImage(10, 10), { bitDepth: 4 }), 'The logo is not a valid PNG image: colour type 2 with 4 bits is not a PNG format.'],
    ['an unknown interlace method', withHeader(pngImage(10, 10), { interlace: 2 }), 'The logo is not a valid PNG image: unknown compression, filter or interlace method.'],
    ['an indexed PNG without palette', withHeader(pngImage(10, 10), { colorType: 3 }), 'The logo is not a valid PNG image: an indexed-colour image without a palette.'],
    ['an interlaced 1-bit PNG', withHeader(pngImage(10, 10), { colorType: 0, bitDepth: 1, interlace: 1 }), /interlaced or transparent PNG with fewer than 8 bits/],
    ['a PNG of 5000 pixels', pngImage(5000, 1), 'The logo is 5000 × 1 pixels; it may be at most 4096 pixels wide and high.'],
    ['a JPEG without frame', Buffer.from([0xff, 0xd8, 0xff, 0xda, 0x00, 0x02, 0xff, 0xd9]), 'The logo is not a valid JPEG image: the image data starts before the image size is given.'],
    ['a 12-bit JPEG', jpegImage(10, 10, { bitsPerSample: 12 }), 'The logo is not a valid JPEG image: only 8-bit greyscale, colour and CMYK JPEGs can be printed.'],
    ['a JPEG of no pixels', jpegImage(0, 10), 'The logo image has no pixels.'],
  ])('refuses %s', (_what, bytes, message) => {
    expect(() => inspectCompanyLogo(bytes)).toThrow(message);
  });
});

describe('pngDecodedBytes', () => {
  it('counts a filter byte per scanline, and the Adam7 passes of an interlaced image', () => {
    expect(pngDecodedBytes({ width: 10, height: 4, bitDepth: 8, colorType: 6, interlaced: false })).toBe(4 * (1 + 40));
    expect(pngDecodedBytes({ width: 9, height: 1, bitDepth: 1, colorType: 0, interlaced: false })).toBe(1 + 2);
    // 8 × 8 RGB, interlaced: passes of 1×1, 1×1, 2×1, 2×2, 4×2, 4×4, 8×4 pixels.
    expect(pngDecodedBytes({ width: 8, height: 8, bitDepth: 8, colorType: 2, interlaced: true }))
      .toBe(1 * 4 + 1 * 4 + 1 * 7 + 2 * 7 + 2 * 13 + 4 * 13 + 4 * 25);
  });
});

describe('logoDataUrl', () => {
  it('is a data: URL only for a stored PNG or JPEG', () => {
    expect(logoDataUrl('image/png', 'iVBORw0K')).toBe('data:image/png;base64,iVBORw0K');
    expect(logoDataUrl('', '')).toBeNull();
    expect(logoDataUrl('image/gif', 'R0lGOD')).toBeNull();
  });
});
