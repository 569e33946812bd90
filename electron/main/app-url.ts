/**
 * Where the renderer is served from. The app is never loaded from file:// (Electron's security
 * checklist, item "avoid file://"): a privileged standard scheme gives it a real origin, so CSP
 * 'self', fetch and relative URLs work, and main can tell our pages from anything else.
 */

export const APP_SCHEME = 'app';
export const APP_HOST = 'layerboard';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

/**
 * Whether `url` is one of our pages: app://layerboard/..., or, in development only, the
 * electron-vite dev server's origin. Compares scheme and host rather than URL.origin, which
 * Node reports as "null" for schemes it does not know.
 */
export function isTrustedPageUrl(url: string, devServerOrigin: string | null = null): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol === `${APP_SCHEME}:` && parsed.host.toLowerCase() === APP_HOST && parsed.username === '' && parsed.password === '') return true;
  return devServerOrigin !== null && (parsed.protocol === 'http:' || parsed.protocol === 'https:') && parsed.origin === devServerOrigin;
}

/** The origin of a dev server URL (ELECTRON_RENDERER_URL), or null when unset or unparsable. */
export function devServerOriginOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.origin : null;
  } catch {
    return null;
  }
}
