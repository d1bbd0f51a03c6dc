// One Ctrl-C, one orderly stop. In a terminal, Ctrl-C reaches every process of the foreground group, and
// wrappers (npm, a tsx CLI) pass it on as well, so the same keypress can arrive two or three times within a
// few milliseconds. Copies inside a short window are that one Ctrl-C; a second press after it forces.
// SIGTERM (a deployment) and SIGHUP (the terminal closed) stop the same way.

const SAME_PRESS_MS = 1_000;

export function onStopSignals(stop: (signal: NodeJS.Signals) => Promise<void>, force: () => void): void {
  let firstAt: number | undefined;
  const handle = (signal: NodeJS.Signals) => {
    const now = Date.now();
    if (firstAt === undefined) {
      firstAt = now;
      stop(signal).catch((error: unknown) => {
        console.error(`stopping failed: ${error instanceof Error ? error.message : String(error)}`);
        force();
      });
      return;
    }
    if (now - firstAt < SAME_PRESS_MS) return;
    force();
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => handle(signal));
}
