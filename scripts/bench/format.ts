/** How figures are written in the tables and the console. */
export function fmtMs(ms: number): string {
  if (!Number.isFinite(ms)) return '–';
  if (ms >= 10_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms >= 100) return `${Math.round(ms)}`;
  if (ms >= 10) return ms.toFixed(1);
  return ms.toFixed(2);
}

/** For progress lines: "12.3 ms", "14.2 s". */
export const fmtTime = (ms: number): string => (ms >= 10_000 ? fmtMs(ms) : `${fmtMs(ms)} ms`);

export function fmtRatio(ratio: number): string {
  if (!Number.isFinite(ratio)) return '–';
  if (ratio >= 100) return `×${Math.round(ratio)}`;
  if (ratio >= 10) return `×${ratio.toFixed(1)}`;
  return `×${ratio.toFixed(2)}`;
}

export const round = (n: number): number => Math.round(n * 100) / 100;
