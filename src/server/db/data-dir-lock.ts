import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { DomainError } from '../../core/errors.ts';

/**
 * PGlite has no lock of its own on its data directory: two processes opening it would corrupt it.
 * A lock file holding the owner's pid keeps a second process out; a stale file (dead pid, or our own
 * pid reused after a restart, as pid 1 in a container is) is taken over.
 */
const heldByThisProcess = new Set<string>();

export function lockDataDir(dataDir: string): { release: () => void } {
  mkdirSync(dataDir, { recursive: true });
  const lockPath = join(dataDir, 'ledgerline.lock');
  if (heldByThisProcess.has(lockPath)) throw new DomainError('DATABASE_LOCKED', { dataDir, pid: process.pid });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      heldByThisProcess.add(lockPath);
      return {
        release: () => {
          heldByThisProcess.delete(lockPath);
          rmSync(lockPath, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number.parseInt(readFileSync(lockPath, 'utf8'), 10);
      if (Number.isInteger(owner) && owner !== process.pid && isAlive(owner)) {
        throw new DomainError('DATABASE_LOCKED', { dataDir, pid: owner });
      }
      rmSync(lockPath, { force: true });
    }
  }
  throw new DomainError('DATABASE_LOCKED', { dataDir, pid: 'unknown' });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
