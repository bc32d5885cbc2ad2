/**
 * Screen-reader announcements for things that happen off-focus (a copy succeeded). One polite
 * live region, rendered by the layout, so the page never holds a crowd of status regions.
 */
export const ANNOUNCER_ID = 'ccc-announcer';

export function announce(message: string): void {
  const region = document.getElementById(ANNOUNCER_ID);
  if (!region) return;
  // Clearing first makes a repeated message ("Copied") announce again.
  region.textContent = '';
  window.setTimeout(() => {
    region.textContent = message;
  }, 50);
}
