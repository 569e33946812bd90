/**
 * The Content-Security-Policy of every page. Production: scripts only from our own origin, no
 * eval, nothing fetched from anywhere else, no frames, no plugins, no forms. Styles allow
 * 'unsafe-inline' because React Flow and Recharts position elements with inline style
 * attributes; that lets a style through, never a script.
 *
 * Development (electron-vite dev server) additionally allows the inline React Refresh preamble
 * and the dev server's HMR websocket; it is never used in a packaged app.
 */
export function contentSecurityPolicy(devServerOrigin: string | null = null): string {
  const dev = devServerOrigin !== null;
  const websocket = dev ? devServerOrigin.replace(/^http/, 'ws') : '';
  const directives: Record<string, string[]> = {
    'default-src': ["'none'"],
    'script-src': ["'self'", ...(dev ? ["'unsafe-inline'"] : [])],
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'", 'data:'],
    // blob: and data: as renderer/vite.config.ts's meta policy allows (reading a file the user dropped, the bundled sample).
    'connect-src': ["'self'", 'blob:', 'data:', ...(dev ? [websocket] : [])],
    'worker-src': ["'self'", 'blob:'],
    'manifest-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'none'"],
    'form-action': ["'none'"],
    'frame-ancestors': ["'none'"],
  };
  return Object.entries(directives).map(([name, values]) => `${name} ${values.join(' ')}`).join('; ');
}
