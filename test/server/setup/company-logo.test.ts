import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { runCli } from '../../../src/server/cli/program.ts';
import type { DatabaseHandle } from '../../../src/server/db/connection.ts';
import { testApi, type TestApi } from '../../support/api.ts';
import { givenPostingCompany } from '../../support/given-posting.ts';
import { jpegImage, pngImage } from '../../support/logo-images.ts';

const workDate = { 'x-work-date': '2026-01-15' };
const logoPath = '/api/v1/companyInformation/logo';

describe('the company logo on Company Information and the letterhead (issue 17)', () => {
  let api: TestApi;
  let quoteNo: string;

  beforeEach(async () => {
    api = await testApi();
    const admin = await givenPostingCompany(api);
    const quote = await admin('POST', '/api/v1/salesQuotes', { sellToCustomerNo: 'C', lines: [{ type: 'glAccount', no: '6100', quantity: '1', unitPrice: '10' }] }, workDate);
    expect(quote.statusCode, quote.body).toBe(201);
    quoteNo = quote.json().no;
  });
  afterEach(async () => api.close());

  const token = (role: string) => (inject('apiTokens') as Record<string, string>)[role]!;
  const upload = (content: Buffer, contentType: string, role = 'admin') => api.app.inject({
    method: 'PUT', url: logoPath, payload: content, headers: { authorization: `Bearer ${token(role)}`, 'content-type': contentType },
  });
  const uploadMultipart = (content: Buffer, fileName: string) => {
    const boundary = '----ledgerline-logo';
    const payload = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
      content, Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    return api.app.inject({
      method: 'PUT', url: logoPath, payload, headers: { authorization: `Bearer ${token('admin')}`, 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
  };
  const quotePdf = async () => {
    const response = await api.as('viewer')('GET', `/api/v1/salesQuotes/${quoteNo}/pdf`);
    expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
    return response.rawPayload.toString('latin1');
  };
  const companyInformation = async () => (await api.as('viewer')('GET', '/api/v1/companyInformation')).json();

  it('stores an uploaded PNG, answers it back, prints it on the letterhead and removes it again', async () => {
    expect(await quotePdf()).not.toContain('/Subtype /Image');
    const png = pngImage(300, 120, { colorType: 6 });

    const uploaded = await upload(png, 'image/png');
    expect(uploaded.statusCode, uploaded.body).toBe(200);
    expect(uploaded.json()).toMatchObject({ mimeType: 'image/png', width: 300, height: 120, size: png.length });

    const company = await companyInformation();
    expect(company.logoMimeType).toBe('image/png');
    expect(company).not.toHaveProperty('logo');
    expect(company.version).toBe(uploaded.json().version);

    const download = await api.as('viewer')('GET', logoPath);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('image/png');
    expect(Buffer.compare(download.rawPayload, png)).toBe(0);

    const pdf = await quotePdf();
    expect(pdf).toContain('/Subtype /Image');
    expect(pdf).toContain('/Width 300');
    // The RGBA logo prints with its alpha channel as a soft mask.
    expect(pdf).toContain('/SMask');

    const removed = await api.as('admin')('DELETE', logoPath);
    expect(removed.statusCode).toBe(204);
    expect((await companyInformation()).logoMimeType).toBe('');
    const gone = await api.as('viewer')('GET', logoPath);
    expect(gone.statusCode).toBe(404);
    expect(gone.json().code).toBe('NOT_FOUND');
    expect(await quotePdf()).not.toContain('/Subtype /Image');
    expect((await api.as('admin')('DELETE', logoPath)).statusCode).toBe(204);
  });

  it('takes a JPEG sent as multipart/form-data, recognised by its bytes, not its name', async () => {
    const uploaded = await uploadMultipart(jpegImage(640, 200), 'logo.bin');
    expect(uploaded.statusCode, uploaded.body).toBe(200);
    expect(uploaded.json()).toMatchObject({ mimeType: 'image/jpeg', width: 640, height: 200 });
    expect((await api.as('viewer')('GET', logoPath)).headers['content-type']).toBe('image/jpeg');
    const pdf = await quotePdf();
    expect(pdf).toContain('/Subtype /Image');
    expect(pdf).toContain('/DCTDecode');
  });

  it('refuses files that are not a printable PNG or JPEG, and keeps the logo it had', async () => {
    const good = pngImage(40, 20);
    expect((await upload(good, 'image/png')).statusCode).toBe(200);

    const cases: Array<[string, Buffer, string, RegExp]> = [
      ['a text file', Buffer.from('this is not an image'), 'application/octet-stream', /must be a PNG or JPEG image/],
      ['a GIF sent as image/png', Buffer.from('GIF89a\u0001\u0000\u0001\u0000', 'latin1'), 'image/png', /must be a PNG or JPEG image/],
      ['an empty body', Buffer.alloc(0), 'image/png', /empty|Send the logo/],
      ['a PNG whose image data is not zlib', pngImage(40, 20, { imageData: Buffer.from('not compressed pixels') }), 'image/png', /image data is damaged/],
      ['a PNG with an unknown scanline filter', pngImage(40, 20, { colorType: 6, filterByte: 9 }), 'image/png', /unknown filter type/],
      ['a truncated PNG', good.subarray(0, 40), 'image/png', /not a valid PNG image/],
      ['a 12-bit JPEG', jpegImage(10, 10, { bitsPerSample: 12 }), 'image/jpeg', /only 8-bit/],
      ['a file over 1 MB', Buffer.concat([pngImage(10, 10).subarray(0, 8), Buffer.alloc(1024 * 1024 + 10)]), 'image/png', /at most 1 MB/],
    ];
    for (const [what, content, contentType, message] of cases) {
      const refused = await upload(content, contentType);
      expect(refused.statusCode, what).toBe(400);
      expect(refused.json().code, what).toBe('INVALID_INPUT');
      expect(refused.json().detail, what).toMatch(message);
    }
    const wrongType = await upload(Buffer.from('logo.png'), 'text/plain');
    expect(wrongType.statusCode).toBe(400);
    expect(wrongType.json().detail).toMatch(/Send the logo as the request body with content-type image\/png or image\/jpeg/);
    expect((await upload(good, 'application/pdf')).statusCode).toBe(415);

    expect(Buffer.compare((await api.as('viewer')('GET', logoPath)).rawPayload, good)).toBe(0);
    expect(await quotePdf()).toContain('/Subtype /Image');
  });

  it('lets only users who may change setup upload or remove the logo', async () => {
    const refused = await upload(pngImage(10, 10), 'image/png', 'viewer');
    expect(refused.statusCode).toBe(403);
    expect((await api.as('viewer')('DELETE', logoPath)).statusCode).toBe(403);
    expect((await companyInformation()).logoMimeType).toBe('');
  });

  it('uploads, downloads and removes the logo from the command line', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'ledgerline-logo-'));
    const output: string[] = [];
    const errors: string[] = [];
    const database: DatabaseHandle = { db: api.db, kind: 'pglite', location: 'test', migrate: async () => undefined, close: async () => undefined };
    const io = { stdout: { write: (text: string) => output.push(text) }, stderr: { write: (text: string) => errors.push(text) }, env: {}, openDatabase: async () => database };
    try {
      const png = pngImage(120, 48);
      writeFileSync(join(directory, 'logo.png'), png);
      expect(await runCli(['company-logo', 'upload', join(directory, 'logo.png')], io), errors.join('')).toBe(0);
      expect(JSON.parse(output.join(''))).toMatchObject({ mimeType: 'image/png', width: 120, height: 48 });
      expect(await quotePdf()).toContain('/Subtype /Image');

      const out = join(directory, 'saved.png');
      expect(await runCli(['company-logo', 'download', '--out', out], io), errors.join('')).toBe(0);
      expect(Buffer.compare(readFileSync(out), png)).toBe(0);

      writeFileSync(join(directory, 'notes.txt'), 'not a logo');
      expect(await runCli(['company-logo', 'upload', join(directory, 'notes.txt')], io)).toBe(1);
      expect(errors.join('')).toContain('The logo must be a PNG or JPEG image');

      expect(await runCli(['company-logo', 'remove'], io), errors.join('')).toBe(0);
      expect(output.join('')).toContain('Removed the company logo.');
      expect((await companyInformation()).logoMimeType).toBe('');
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });

  it('documents the logo routes in the OpenAPI document', async () => {
    const openApi = (await api.as('none')('GET', '/api/v1/openapi.json')).json();
    const operations = openApi.paths['/api/v1/companyInformation/logo'];
    expect(Object.keys(operations).sort()).toEqual(['delete', 'get', 'put']);
    expect(Object.keys(operations.put.requestBody.content)).toEqual(expect.arrayContaining(['image/png', 'image/jpeg', 'multipart/form-data']));
  });
});
