// The renderer's build: one bundle for the browser (npm run web) and for Electron, which loads
// it from a custom protocol, hence relative asset URLs (`base: './'`).
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

// The built page runs no inline script and talks to no other origin. (Not in dev: the React
// refresh preamble is an inline script.) React Flow positions nodes with inline styles.
const CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self' blob: data:; object-src 'none'; base-uri 'self'";

function contentSecurityPolicy(): Plugin {
  return {
    name: 'layerboard-csp',
    apply: 'build',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' }],
  };
}

// Cross-origin isolation: without it a browser gives a page no SharedArrayBuffer, and the trainer
// worker's matrix products stay on one thread (renderer/train/kernel-threads.ts). Every response
// carries the headers, the workers' scripts included. The page loads nothing from another
// origin, so `require-corp` blocks nothing (`credentialless` would only matter for cross-origin
// loads). Hosts of the static build send the same headers (docs/performance.md, "Threads").
export const CROSS_ORIGIN_ISOLATION = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
} as const;

export default defineConfig({
  root,
  base: './',
  plugins: [react(), contentSecurityPolicy()],
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    // Keep the bundled sample as separate files (fetched on first start), not inlined data URLs.
    assetsInlineLimit: 0,
    sourcemap: true,
    // The performance budget for initial JS is 1.5 MB minified (see docs/ui.md).
    chunkSizeWarningLimit: 1500,
    target: 'es2022',
  },
  server: {
    headers: CROSS_ORIGIN_ISOLATION,
  },
  preview: {
    headers: CROSS_ORIGIN_ISOLATION,
    host: '127.0.0.1',
    port: Number(process.env.PORT ?? 4173),
    strictPort: true,
  },
});
