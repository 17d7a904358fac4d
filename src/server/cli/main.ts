/** The `ledgerline` process: bin/ledgerline.js and `npm start` run this file. */
import { processIo } from './cli-io.ts';
import { runCli } from './program.ts';

process.exitCode = await runCli(process.argv.slice(2), processIo());
