/**
 * Main's tests start here: a main process over fake Electron (fake-electron.ts) with some files on
 * its in-memory disk, started, its first window open and every pending promise settled.
 */
import { createMain, type MainConfig } from '../main/app.ts';
import { createFakeElectron, settle, type FakeElectron } from './fake-electron.ts';

/**
 * `files` (path → text) are put on the fake disk, then `setup` may script the fakes (dialog
 * answers, system languages, argv) before main is created with `config` over the defaults.
 */
export async function bootMain(
  files: Readonly<Record<string, string>>,
  setup: (fake: FakeElectron) => void = () => undefined,
  config: Partial<MainConfig> = {},
) {
  const fake = createFakeElectron(config);
  for (const [path, text] of Object.entries(files)) fake.fs.put(path, text);
  setup(fake);
  const main = createMain(fake.ports, fake.config);
  fake.app.becomeReady();
  await main.ready;
  await settle();
  return { fake, main };
}
