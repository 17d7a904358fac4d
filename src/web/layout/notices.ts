import { useSyncExternalStore, type ReactNode } from 'react';

/** A message that outlives the page that raised it (posting may navigate away from the document). */
export interface Notice {
  id: number;
  title: string;
  color: 'teal' | 'red' | 'orange' | 'blue';
  body: ReactNode;
  /**
   * The action the notice reports on (default: its title). A new notice of the same action replaces
   * the old one, so a retried action never leaves its earlier refusal standing beside the new outcome.
   */
  action?: string;
}

const shownAtMost = 4;
/** Long enough to follow a link in it. */
const successShownFor = 20_000;
/** A refusal is read more carefully, so it stays longer; it still goes by itself. */
const refusalShownFor = 60_000;
let notices: readonly Notice[] = [];
let nextId = 1;
const listeners = new Set<() => void>();
const timers = new Map<number, ReturnType<typeof setTimeout>>();

function publish(next: readonly Notice[]) {
  for (const id of timers.keys()) {
    if (!next.some((notice) => notice.id === id)) {
      clearTimeout(timers.get(id));
      timers.delete(id);
    }
  }
  notices = next;
  for (const listener of listeners) listener();
}

const actionOf = (notice: Omit<Notice, 'id'>) => notice.action ?? notice.title;

/** How long a notice stays when nobody holds it (mouse over it, or focus in it). */
export function shownFor(notice: Pick<Notice, 'color'>): number {
  return notice.color === 'red' ? refusalShownFor : successShownFor;
}

function startTimer(notice: Notice) {
  clearTimeout(timers.get(notice.id));
  timers.set(notice.id, setTimeout(() => dismissNotice(notice.id), shownFor(notice)));
}

export function showNotice(notice: Omit<Notice, 'id'>) {
  const id = nextId++;
  const shown = { ...notice, id };
  const others = notices.filter((old) => actionOf(old) !== actionOf(notice));
  publish([...others, shown].slice(-shownAtMost));
  startTimer(shown);
}

export function dismissNotice(id: number) {
  publish(notices.filter((notice) => notice.id !== id));
}

/** An action is tried again: what it said last time no longer holds. */
export function clearNotices(action: string) {
  publish(notices.filter((notice) => actionOf(notice) !== action));
}

/** The user is reading a notice (pointer or focus on it): it stays until let go, then its time starts over. */
export function holdNotice(id: number) {
  clearTimeout(timers.get(id));
  timers.delete(id);
}

export function releaseNotice(id: number) {
  const notice = notices.find((shown) => shown.id === id);
  if (notice) startTimer(notice);
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useNotices(): readonly Notice[] {
  return useSyncExternalStore(subscribe, () => notices);
}
