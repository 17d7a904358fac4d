/**
 * The retry schedule of background sends (spec §21.1: "retry up to a fixed number of times for
 * background sends"): after the n-th failed attempt the next one waits retryDelaysSeconds[n-1];
 * after maxEmailAttempts failures the message is failed and waits for a user's Retry or Cancel.
 */
export const retryDelaysSeconds = [60, 300, 1800, 7200] as const;
export const maxEmailAttempts = retryDelaysSeconds.length + 1;

export type AfterFailure = { status: 'queued'; retryInSeconds: number } | { status: 'failed' };

/** attempts: the attempts made so far, the failed one included. */
export function afterFailedAttempt(attempts: number, permanent: boolean): AfterFailure {
  if (permanent || attempts >= maxEmailAttempts) return { status: 'failed' };
  return { status: 'queued', retryInSeconds: retryDelaysSeconds[Math.max(0, attempts - 1)]! };
}

export const emailStatuses = ['queued', 'sending', 'sent', 'failed', 'cancelled'] as const;
export type EmailStatus = (typeof emailStatuses)[number];
