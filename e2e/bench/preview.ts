/**
 * The UI benches' server: `vite preview` of the browser build in the checkout at `root` (run
 * `npm run build:web` there first), on 127.0.0.1:`port`, started and waited for.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';

export interface Preview {
  /** http://127.0.0.1:port/ */
  base: string;
  stop(): void;
}

export async function startPreview(root: string, port: number): Promise<Preview> {
  const base = `http://127.0.0.1:${port}/`;
  const child = spawn(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'preview', '--config', 'renderer/vite.config.ts', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
  child.stderr?.on('data', (d) => process.stderr.write(`preview: ${d}`));
  const preview = { base, stop: () => void child.kill() };
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(base)).ok) return preview;
    } catch (e) {
      if (i % 50 === 49) console.error('waiting for the preview server:', (e as Error).message, String((e as { cause?: unknown }).cause));
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  preview.stop();
  throw new Error(`the preview server did not start on ${base}`);
}
