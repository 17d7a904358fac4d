import { useSyncExternalStore, type ReactNode } from 'react';

/** A message that outlives the page that raised it (posting may navigate away from the document). */
export interface Notice {
  id: number;
  title: string;
  color: 'teal' | 'red' | 'orange' | 'blue';
  body: ReactNode;
}

const shownAtMost = 4;
/** Long enough to follow a link in it; a refusal stays until closed. */
const successShownFor = 20_000;
let notices: readonly Notice[] = [];
let nextId = 1;
const listeners = new Set<() => void>();

function publish(next: readonly Notice[]) {
  notices = next;
  for (const listener of listeners) listener();
}

export function showNotice(notice: Omit<Notice, 'id'>) {
  const id = nextId++;
  publish([...notices, { ...notice, id }].slice(-shownAtMost));
  if (notice.color !== 'red') setTimeout(() => dismissNotice(id), successShownFor);
}

export function dismissNotice(id: number) {
  publish(notices.filter((notice) => notice.id !== id));
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useNotices(): readonly Notice[] {
  return useSyncExternalStore(subscribe, () => notices);
}
