/**
 * Small JSON files in userData (window state, recent projects). Reads never throw: a missing or
 * damaged file reads as undefined and the caller falls back to defaults (each caller validates
 * what it reads). Writes are atomic, so a crash mid-write leaves the previous file.
 */
import { join } from 'node:path';

export interface JsonStoreFs {
  readText(path: string): Promise<string>;
  mkdir(path: string, options: { recursive: true }): Promise<unknown>;
  writeFileAtomic(path: string, data: string): Promise<void>;
}

export interface JsonStore {
  read(name: string): Promise<unknown>;
  write(name: string, value: unknown): Promise<void>;
}

export function createJsonStore(dir: string, fs: JsonStoreFs): JsonStore {
  // Writes to one file run one after another, so an older state never lands after a newer one.
  const queues = new Map<string, Promise<void>>();
  return {
    async read(name) {
      try {
        return JSON.parse(await fs.readText(join(dir, name))) as unknown;
      } catch {
        return undefined;
      }
    },
    write(name, value) {
      const text = `${JSON.stringify(value, null, 2)}\n`;
      const previous = queues.get(name) ?? Promise.resolve();
      const next = previous.then(async () => {
        await fs.mkdir(dir, { recursive: true });
        await fs.writeFileAtomic(join(dir, name), text);
      });
      const settled = next.catch(() => undefined);
      queues.set(name, settled);
      void settled.then(() => { if (queues.get(name) === settled) queues.delete(name); });
      return next;
    },
  };
}
