/**
 * `ledgerline company-logo upload <file> | download [--out file] | remove` (issue 17): the logo
 * Company Information prints on the letterhead of documents, a PNG or JPEG of at most 1 MB.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { detectLogoMimeType } from '../../core/documents/company-logo.ts';
import type { CliCommandKit } from './command-kit.ts';

const path = '/api/v1/companyInformation/logo';

export function registerCompanyLogoCommands(program: Command, kit: CliCommandKit): void {
  const logo = program.command('company-logo')
    .description('The company logo printed on the letterhead of documents (Company Information): upload, download or remove it');

  logo.command('upload <file>')
    .description('Upload a PNG or JPEG (at most 1 MB) as the company logo, e.g. `company-logo upload logo.png`')
    .addOption(kit.serverOption)
    .action(async (file: string, options: { server?: string }) => kit.withApi(options.server, async (api) => {
      let content: Buffer;
      try {
        content = readFileSync(file === '-' ? 0 : file);
      } catch (error) {
        throw new Error(`Cannot read the logo file ${file}: ${(error as Error).message}`);
      }
      // The server decides by the bytes; the content type only has to be one it takes.
      const contentType = detectLogoMimeType(content) ?? 'application/octet-stream';
      kit.print(kit.expectOk(await api.request('PUT', path, content, { 'content-type': contentType })));
    }));

  logo.command('download')
    .description('Save the company logo to a file, e.g. `company-logo download --out logo.png`')
    .option('--out <file>', 'the file to write (default: logo.png or logo.jpg in the current directory)')
    .addOption(kit.serverOption)
    .action(async (options: { out?: string; server?: string }) => kit.withApi(options.server, async (api) => {
      const body = kit.expectOk(await api.request('GET', path));
      if (!Buffer.isBuffer(body)) throw new Error('The server did not answer with an image.');
      const file = options.out ?? (detectLogoMimeType(body) === 'image/jpeg' ? 'logo.jpg' : 'logo.png');
      writeFileSync(file, body);
      kit.io.stdout.write(`${file} (${body.length} bytes)\n`);
    }));

  logo.command('remove')
    .description('Remove the company logo: documents print without one')
    .addOption(kit.serverOption)
    .action(async (options: { server?: string }) => kit.withApi(options.server, async (api) => {
      kit.expectOk(await api.request('DELETE', path));
      kit.io.stdout.write('Removed the company logo.\n');
    }));
}
