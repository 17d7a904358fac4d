import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { lockDataDir, ownerLine } from '../../../src/server/db/data-dir-lock.ts';

const lockModule = join(import.meta.dirname, '../../../src/server/db/data-dir-lock.ts');
const directories: string[] = [];
afterEach(() => { for (const directory of directories.splice(0)) rmSync(directory, { recursive: true, force: true }); });

function dataDir() {
  const directory = mkdtempSync(join(tmpdir(), 'ledgerline-lock-'));
  directories.push(directory);
  return directory;
}

/** Another process holding the lock, as a running server does, until it is killed. */
async function lockingProcess(directory: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e',
    `const { lockDataDir } = await import(${JSON.stringify(lockModule)}); lockDataDir(${JSON.stringify(directory)}); console.log('locked'); setInterval(() => {}, 1000);`,
  ], { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, NODE_OPTIONS: '' } });
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk) => { if (String(chunk).includes('locked')) resolve(); });
    child.once('exit', (code) => reject(new Error(`the locking process exited with ${code}`)));
  });
  return child;
}

const onLinux = existsSync('/proc/self/stat');

describe('the lock on the embedded data directory', () => {
  it('keeps a second process out while the first runs, and is taken over once it was killed outright', { timeout: 60_000 }, async () => {
    const directory = dataDir();
    const holder = await lockingProcess(directory);
    try {
      expect(() => lockDataDir(directory)).toThrow(expect.objectContaining({ code: 'DATABASE_LOCKED' }));
    } finally {
      const exited = new Promise((resolve) => holder.once('exit', resolve));
      holder.kill('SIGKILL');
      await exited;
    }
    // SIGKILL ran no clean-up: the file is still there, naming a dead process.
    expect(readFileSync(join(directory, 'ledgerline.lock'), 'utf8')).toMatch(new RegExp(`^${holder.pid}\\b`));
    lockDataDir(directory).release();
  });

  // After a reboot (or pids wrapping) the dead owner's pid may belong to a live, unrelated process.
  it.runIf(onLinux)('takes over a lock whose pid now belongs to another process', () => {
    const directory = dataDir();
    const lockPath = join(directory, 'ledgerline.lock');
    const [, bootId, startTime] = ownerLine(process.ppid).split(' ');
    writeFileSync(lockPath, `${process.ppid} ${bootId} ${Number(startTime) + 1}`);
    lockDataDir(directory).release();
    writeFileSync(lockPath, `${process.ppid} 00000000-0000-4000-8000-000000000000 ${startTime}`);
    lockDataDir(directory).release();
    // The same live process, named in full: still locked.
    writeFileSync(lockPath, ownerLine(process.ppid));
    expect(() => lockDataDir(directory)).toThrow(expect.objectContaining({ code: 'DATABASE_LOCKED' }));
  });
});
