/** Frames from another origin than the page (ads, embeds) are skipped quietly. */
export function sameOriginAsTop(): boolean {
  if (window.top === window) return true;
  try {
    return window.top!.location.origin === location.origin;
  } catch {
    return false;
  }
}
