/**
 * A page's error banner shows the last refusal of one of its actions. `onError` is the page's
 * banner setter: null clears it (as the Print and Send buttons do), an error shows it.
 */
export type BannerSetter = (error: unknown) => void;

/**
 * Runs one action of a page with an error banner: the banner is cleared as the action starts — a
 * retry, or another action, makes the old refusal history, so a successful retry leaves no stale
 * message — and a new refusal shows its own. Resolves to the action's answer, or undefined when refused.
 */
export async function runWithBanner<T>(onError: BannerSetter, action: () => Promise<T>): Promise<T | undefined> {
  onError(null);
  try {
    return await action();
  } catch (error) {
    onError(error);
    return undefined;
  }
}
