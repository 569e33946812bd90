// electron-vite: builds the main process, the training utility process, the preload and the
// renderer into out/ (package.json "main" points at out/main/main.js). The renderer reuses renderer/vite.config.ts (React, its
// CSP meta, relative asset URLs) and only moves its output to out/renderer, which app:// serves.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'electron-vite';
import type { UserConfig } from 'vite';
import rendererConfig from './renderer/vite.config.ts';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const renderer = rendererConfig as UserConfig;

export default defineConfig({
  main: {
    build: {
      outDir: here('out/main'),
      // Everything bundled: the packaged app then needs no node_modules for main or the trainer
      // (zod is bundled). What both entries use (zod, core's project limits) lands in one shared
      // chunk under out/main/chunks (electron-vite 6 has no isolatedEntries for main).
      externalizeDeps: false,
      sourcemap: true,
      rolldownOptions: {
        input: {
          main: here('electron/main/main.ts'),
          // The utility process main forks for training (main.ts: join(here, 'trainer-worker.js')).
          'trainer-worker': here('electron/worker/trainer.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: here('out/preload'),
      // A sandboxed preload cannot require anything but electron, and cannot be an ES module.
      externalizeDeps: false,
      rolldownOptions: {
        input: { preload: here('electron/preload/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    ...renderer,
    root: here('renderer'),
    build: {
      ...renderer.build,
      outDir: here('out/renderer'),
      emptyOutDir: true,
      rolldownOptions: { input: { index: here('renderer/index.html') } },
    },
  },
});
