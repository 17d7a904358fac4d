import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { DomainError } from '../../core/errors.ts';

/**
 * PGlite has no lock of its own on its data directory: two processes opening it would corrupt it.
 * A lock file holding the owner's pid keeps a second process out; a stale file (dead pid, or our own
 * pid reused after a restart, as pid 1 in a container is) is taken over. A process killed outright
 * (SIGKILL, out of memory, power cut) leaves its file behind; on Linux the file also names the boot
 * and the owner's start time, so that another process which got the pid later (after a reboot, or
 * pids wrapping) is not taken for the owner and the restart is not refused.
 */
const heldByThisProcess = new Set<string>();

export function lockDataDir(dataDir: string): { release: () => void } {
  mkdirSync(dataDir, { recursive: true });
  const lockPath = join(dataDir, 'ledgerline.lock');
  if (heldByThisProcess.has(lockPath)) throw new DomainError('DATABASE_LOCKED', { dataDir, pid: process.pid });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx');
      writeSync(fd, ownerLine(process.pid));
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
      const [pid, bootId, startTime] = readFileSync(lockPath, 'utf8').trim().split(/\s+/);
      const owner = Number.parseInt(pid ?? '', 10);
      if (Number.isInteger(owner) && owner !== process.pid && isAlive(owner) && isSameProcess(owner, bootId, startTime)) {
        throw new DomainError('DATABASE_LOCKED', { dataDir, pid: owner });
      }
      rmSync(lockPath, { force: true });
    }
  }
  throw new DomainError('DATABASE_LOCKED', { dataDir, pid: 'unknown' });
}

const addressFile = (dataDir: string) => join(dataDir, 'ledgerline.address');

/**
 * The address a server holding the directory listens on, for a command refused by the lock to name
 * (the port may come from --port or $PORT of the server's own environment). Removed when it stops.
 */
export function recordServerAddress(dataDir: string, address: string): () => void {
  writeFileSync(addressFile(dataDir), `${address}\n`);
  return () => rmSync(addressFile(dataDir), { force: true });
}

/** The recorded address of the server holding the directory, if one says where it listens. */
export function serverAddressOf(dataDir: string): string | undefined {
  try {
    return readFileSync(addressFile(dataDir), 'utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}

/** `pid bootId startTime`; the last two only where /proc tells them (Linux), else just the pid. */
export function ownerLine(pid: number): string {
  const bootId = currentBootId();
  const startTime = startTimeOf(pid);
  return bootId && startTime ? `${pid} ${bootId} ${startTime}` : String(pid);
}

/** A file without the boot and start time (another system, an older version) is trusted on its pid. */
function isSameProcess(pid: number, bootId: string | undefined, startTime: string | undefined): boolean {
  if (!bootId || !startTime) return true;
  const currentBoot = currentBootId();
  const currentStart = startTimeOf(pid);
  if (!currentBoot || !currentStart) return true;
  return bootId === currentBoot && startTime === currentStart;
}

function currentBootId(): string | undefined {
  try {
    return readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}

/** Field 22 of /proc/<pid>/stat: clock ticks after boot at which the process started. */
function startTimeOf(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: count fields after its closing one.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
