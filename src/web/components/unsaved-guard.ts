import { useEffect, useRef } from 'react';

/**
 * What is typed and not yet saved is never lost silently (issue 19): fields save when they are
 * left, as in BC, so leaving a page in the app saves them; a reload, closing the tab or typing
 * another address asks first while an editor holds text it has not begun to save.
 */
const editors = new Set<{ current: () => boolean }>();

function askBeforeLeaving(event: BeforeUnloadEvent) {
  if (![...editors].some((hasUnsaved) => hasUnsaved.current())) return;
  event.preventDefault();
  // Chromium asks only when returnValue is set.
  event.returnValue = '';
}

if (typeof window !== 'undefined') window.addEventListener('beforeunload', askBeforeLeaving);

/** Leaving the page asks first while `hasUnsaved()` says so (read when the page is about to go). */
export function useUnsavedGuard(hasUnsaved: () => boolean): void {
  const latest = useRef(hasUnsaved);
  latest.current = hasUnsaved;
  useEffect(() => {
    editors.add(latest);
    return () => { editors.delete(latest); };
  }, []);
}
