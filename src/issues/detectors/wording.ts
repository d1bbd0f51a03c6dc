// How the detectors' titles say a duration: minutes from one minute on, seconds below (tests run in seconds).
export function spokenDuration(ms: number): string {
  return ms >= 60_000 ? `${Math.round(ms / 60_000)} min` : `${Math.round(ms / 1_000)} s`;
}
