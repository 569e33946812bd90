// Lint enforces the layering in STYLE.md: renderer -> core <- electron.
// Pure core imports nothing outside core and no runtime (node:*, electron, DOM libraries).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const runtimeModules = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'worker_threads', 'url', 'electron', 'electron/*', 'react', 'react-dom', 'react-dom/*', '@xyflow/*'];

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'out/', '.tsbuild/', 'test-results/', '**/*.d.ts', 'core/export/proto/*.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/vite.config.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['node:*', 'fs', 'path', 'os', 'child_process', 'electron', 'electron/*'], message: 'The renderer reaches the outside only through its Host (renderer/host/host.ts).' },
          { group: ['../electron/*', '../../electron/*', '../../../electron/*'], message: 'renderer -> core <- electron: the renderer never imports electron/.' },
        ],
      }],
    },
  },
  {
    // The preload runs with Electron's sandbox: it may import electron's contextBridge/ipcRenderer,
    // and only types from anywhere else.
    files: ['electron/preload/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        patterns: [{ group: ['../*', '../../*', '../../../*'], allowTypeImports: true, message: 'The preload takes `import type` only from the rest of the code.' }],
      }],
    },
  },
  {
    files: ['core/**/*.ts'],
    ignores: ['core/cli/**', 'core/bench/**', 'core/testing/**', 'core/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: runtimeModules, message: 'core/ is pure TypeScript: it runs in a Web Worker, Node and an Electron utility process alike.' },
          { group: ['../../../*', '../../electron/*', '../../renderer/*', '../electron/*', '../renderer/*'], message: 'core/ imports nothing outside core/.' },
        ],
      }],
    },
  },
);
