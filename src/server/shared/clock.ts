/** The shell's only clock: core functions receive dates as arguments. */
export function todayIsoDate(): string {
  return new Date().toISOString().slice(0, 10);
}
