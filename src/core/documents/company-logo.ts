/**
 * The company logo printed on the letterhead (issue 17): a PNG or JPEG of at most 1 MB, recognised
 * by its first bytes (never by a file name or a content type the client claims). Pure: the structure
 * of the file is read here; the server also inflates a PNG's pixel data before it stores it, since
 * the PDF renderer decodes some PNGs and a broken one must be refused at upload, not at printing.
 */
import { DomainError } from '../errors.ts';

export const companyLogoMimeTypes = ['image/png', 'image/jpeg'] as const;
export type CompanyLogoMimeType = (typeof companyLogoMimeTypes)[number];

export const maxCompanyLogoBytes = 1024 * 1024;
/** Larger images print no better in a 150 × 60 pt box; the limit keeps decoding cheap. */
const maxLogoPixels = 4096;
/** The PDF renderer unpacks a transparent PNG in memory on every print: its pixel data is kept small. */
const maxPngDecodedBytes = 16 * 1024 * 1024;

/** What a PNG's pixel data must decode to: read from its header chunk. */
export interface PngLayout {
  width: number; height: number; bitDepth: number; colorType: number; interlaced: boolean;
  /** The IDAT chunks' contents, in order: one zlib stream together. */
  imageData: Uint8Array[];
}

export interface CompanyLogoFile {
  mimeType: CompanyLogoMimeType;
  width: number;
  height: number;
  /** Only for a PNG: what the server checks the pixel data against. */
  png?: PngLayout;
}

const pngSignature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

const refuse = (detail: string): never => { throw new DomainError('INVALID_INPUT', { detail }, 'file'); };

/** The media type the bytes are, by their magic bytes; null for anything but PNG and JPEG. */
export function detectLogoMimeType(bytes: Uint8Array): CompanyLogoMimeType | null {
  if (pngSignature.every((byte, index) => bytes[index] === byte)) return 'image/png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  return null;
}

/** Checks an uploaded logo and tells what it is; refuses (INVALID_INPUT, field `file`) with a message a user can act on. */
export function inspectCompanyLogo(bytes: Uint8Array): CompanyLogoFile {
  if (bytes.length === 0) refuse('The logo file is empty.');
  if (bytes.length > maxCompanyLogoBytes) refuse(`The logo is ${formatSize(bytes.length)}; it may be at most 1 MB.`);
  const mimeType = detectLogoMimeType(bytes);
  if (mimeType === null) refuse('The logo must be a PNG or JPEG image; this file is neither.');
  const file = mimeType === 'image/png' ? inspectPng(bytes) : inspectJpeg(bytes);
  if (file.width < 1 || file.height < 1) refuse('The logo image has no pixels.');
  if (file.width > maxLogoPixels || file.height > maxLogoPixels) {
    refuse(`The logo is ${file.width} × ${file.height} pixels; it may be at most ${maxLogoPixels} pixels wide and high.`);
  }
  return file;
}

function formatSize(byteCount: number): string {
  return `${(byteCount / (1024 * 1024)).toFixed(1)} MB`;
}

const readUint32 = (bytes: Uint8Array, at: number) => ((bytes[at]! << 24) >>> 0) + (bytes[at + 1]! << 16) + (bytes[at + 2]! << 8) + bytes[at + 3]!;
const readUint16 = (bytes: Uint8Array, at: number) => (bytes[at]! << 8) + bytes[at + 1]!;

/** Allowed bit depths per PNG colour type (PNG specification, table 11.1). */
const pngBitDepths: Record<number, readonly number[]> = { 0: [1, 2, 4, 8, 16], 2: [8, 16], 3: [1, 2, 4, 8], 4: [8, 16], 6: [8, 16] };

function inspectPng(bytes: Uint8Array): CompanyLogoFile {
  const broken = (why: string) => refuse(`The logo is not a valid PNG image: ${why}.`);
  let at = 8;
  let header: Omit<PngLayout, 'imageData'> | undefined;
  let palette = false;
  let transparency = false;
  let ended = false;
  const imageData: Uint8Array[] = [];
  while (!ended) {
    if (at + 12 > bytes.length) broken('the file ends before its last chunk');
    const length = readUint32(bytes, at);
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    const end = at + 12 + length;
    if (end > bytes.length) broken(`chunk ${type} runs past the end of the file`);
    if (crc32(bytes.subarray(at + 4, at + 8 + length)) !== readUint32(bytes, at + 8 + length)) broken(`chunk ${type} is damaged (checksum)`);
    const data = bytes.subarray(at + 8, at + 8 + length);
    if (header === undefined && type !== 'IHDR') broken('it does not start with a header chunk');
    if (type === 'IHDR') header = pngHeader(data, broken);
    else if (type === 'PLTE') palette = true;
    else if (type === 'tRNS') transparency = true;
    else if (type === 'IDAT') imageData.push(data);
    else if (type === 'IEND') ended = true;
    at = end;
  }
  if (!header) return broken('it has no header chunk');
  if (imageData.length === 0) broken('it has no image data');
  if (header.colorType === 3 && !palette) broken('an indexed-colour image without a palette');
  // The PDF renderer unpacks interlaced and transparent indexed images byte by byte, which it cannot do below 8 bits.
  if (header.bitDepth < 8 && (header.interlaced || (header.colorType === 3 && transparency))) {
    refuse('The logo is an interlaced or transparent PNG with fewer than 8 bits per pixel, which cannot be printed; save it as a normal 8-bit PNG.');
  }
  if (header.width > 0 && header.width <= maxLogoPixels && header.height > 0 && header.height <= maxLogoPixels
    && pngDecodedBytes(header) > maxPngDecodedBytes) {
    refuse(`The logo is ${header.width} × ${header.height} pixels with ${header.bitDepth}-bit channels, too large to print; scale it down (a few hundred pixels wide is plenty).`);
  }
  return { mimeType: 'image/png', width: header.width, height: header.height, png: { ...header, imageData } };
}

function pngHeader(data: Uint8Array, broken: (why: string) => never): Omit<PngLayout, 'imageData'> {
  if (data.length !== 13) broken('its header chunk has the wrong length');
  const [bitDepth, colorType, compression, filter, interlace] = [data[8]!, data[9]!, data[10]!, data[11]!, data[12]!];
  if (!pngBitDepths[colorType]?.includes(bitDepth)) broken(`colour type ${colorType} with ${bitDepth} bits is not a PNG format`);
  if (compression !== 0 || filter !== 0 || interlace > 1) broken('unknown compression, filter or interlace method');
  return { width: readUint32(data, 0), height: readUint32(data, 4), bitDepth, colorType, interlaced: interlace === 1 };
}

/** Start-of-frame markers (baseline, extended, progressive, lossless; Huffman and arithmetic): they carry the image size. */
const startOfFrameMarkers = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

function inspectJpeg(bytes: Uint8Array): CompanyLogoFile {
  const broken = (why: string) => refuse(`The logo is not a valid JPEG image: ${why}.`);
  let at = 2;
  for (;;) {
    if (at + 4 > bytes.length) return broken('the file ends before the image size');
    if (bytes[at] !== 0xff) broken('a segment does not start where the previous one ends');
    const marker = bytes[at + 1]!;
    if (marker === 0xff) { at += 1; continue; } // fill byte
    if (marker === 0xd9 || marker === 0xda) broken('the image data starts before the image size is given');
    const length = readUint16(bytes, at + 2);
    if (length < 2 || at + 2 + length > bytes.length) broken('a segment runs past the end of the file');
    if (startOfFrameMarkers.has(marker)) {
      if (length < 8) broken('the frame header is too short');
      const components = bytes[at + 9]!;
      // A PDF shows 8-bit grey, RGB and CMYK JPEGs (DCTDecode).
      if (bytes[at + 4] !== 8 || ![1, 3, 4].includes(components)) broken('only 8-bit greyscale, colour and CMYK JPEGs can be printed');
      return { mimeType: 'image/jpeg', height: readUint16(bytes, at + 5), width: readUint16(bytes, at + 7) };
    }
    at += 2 + length;
  }
}

let crcTable: Uint32Array | undefined;

function crc32(bytes: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (const byte of bytes) crc = crcTable[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** The PNG's scanlines per interlace pass (Adam7, or one pass): the filter byte plus the row's bytes. */
export function pngScanlines(layout: Pick<PngLayout, 'width' | 'height' | 'bitDepth' | 'colorType' | 'interlaced'>): Array<{ rows: number; rowBytes: number }> {
  const channels = ({ 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 } as Record<number, number>)[layout.colorType]!;
  const bitsPerPixel = channels * layout.bitDepth;
  const passes: Array<[number, number, number, number]> = layout.interlaced
    ? [[0, 0, 8, 8], [4, 0, 8, 8], [0, 4, 4, 8], [2, 0, 4, 4], [0, 2, 2, 4], [1, 0, 2, 2], [0, 1, 1, 2]]
    : [[0, 0, 1, 1]];
  return passes
    .map(([x0, y0, dx, dy]) => ({ columns: Math.ceil((layout.width - x0) / dx), rows: Math.ceil((layout.height - y0) / dy) }))
    .filter((pass) => pass.columns > 0 && pass.rows > 0)
    .map((pass) => ({ rows: pass.rows, rowBytes: Math.ceil((pass.columns * bitsPerPixel) / 8) }));
}

/** The size of a PNG's inflated pixel data: every scanline with its filter byte. */
export function pngDecodedBytes(layout: Pick<PngLayout, 'width' | 'height' | 'bitDepth' | 'colorType' | 'interlaced'>): number {
  return pngScanlines(layout).reduce((total, pass) => total + pass.rows * (1 + pass.rowBytes), 0);
}

/** The letterhead's image source: a data: URL, the only kind the PDF renderer may read. */
export function logoDataUrl(mimeType: string, base64: string): string | null {
  if (!base64 || !(companyLogoMimeTypes as readonly string[]).includes(mimeType)) return null;
  return `data:${mimeType};base64,${base64}`;
}
