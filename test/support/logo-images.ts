/** Small PNG and JPEG files built byte by byte, for the company logo tests. */
import { crc32, deflateSync } from 'node:zlib';

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const checksum = Buffer.alloc(4);
  checksum.writeUInt32BE(crc32(typeAndData) >>> 0);
  return Buffer.concat([length, typeAndData, checksum]);
}

export const pngSignature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export interface PngOptions {
  /** 2: RGB, 6: RGBA (the PDF renderer unpacks the alpha channel). */
  colorType?: 2 | 6;
  /** Replaces the compressed pixel data (with correct chunk checksums). */
  imageData?: Buffer;
  /** Pixel rows as stored: a filter byte and the row's bytes; the default is filter 0 and a colour gradient. */
  filterByte?: number;
}

/** A valid (unless the options break it) 8-bit PNG of width × height pixels. */
export function pngImage(width: number, height: number, options: PngOptions = {}): Buffer {
  const colorType = options.colorType ?? 2;
  const channels = colorType === 6 ? 4 : 3;
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8;
  header[9] = colorType;
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * channels);
    row[0] = options.filterByte ?? 0;
    for (let x = 0; x < width; x++) {
      row[1 + x * channels] = (x * 7) % 256;
      row[2 + x * channels] = (y * 11) % 256;
      row[3 + x * channels] = 128;
      if (channels === 4) row[4 + x * channels] = 200;
    }
    rows.push(row);
  }
  const imageData = options.imageData ?? deflateSync(Buffer.concat(rows));
  return Buffer.concat([pngSignature, chunk('IHDR', header), chunk('IDAT', imageData), chunk('IEND', Buffer.alloc(0))]);
}

/**
 * A JPEG's markers up to and including its frame header (SOI, APP0 JFIF, SOF0 with the size and
 * three components), then a stub scan and EOI: enough for the size to be read and for a PDF to
 * carry it as DCTDecode data.
 */
export function jpegImage(width: number, height: number, options: { bitsPerSample?: number } = {}): Buffer {
  const app0 = Buffer.from([0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00]);
  const sof0 = Buffer.from([
    0xff, 0xc0, 0x00, 0x11, options.bitsPerSample ?? 8, height >> 8, height & 0xff, width >> 8, width & 0xff, 0x03,
    0x01, 0x22, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01,
  ]);
  const scan = Buffer.from([0xff, 0xda, 0x00, 0x0c, 0x03, 0x01, 0x00, 0x02, 0x11, 0x03, 0x11, 0x00, 0x3f, 0x00, 0x12, 0x34]);
  return Buffer.concat([Buffer.from([0xff, 0xd8]), app0, sof0, scan, Buffer.from([0xff, 0xd9])]);
}
