/**
 * What app.asar may hold, as data: the built app (out/main, out/preload, out/renderer), the
 * bundled samples and electron-builder's trimmed package.json. Nothing else ships: main and the
 * preload are self-contained bundles, so no node_modules; no sources, tests or source maps.
 */
import { getRawHeader } from '@electron/asar';

/** Every path that may ship, each as a pattern over the asar's forward-slash paths. */
export const ALLOWED_IN_ASAR: readonly RegExp[] = [
  /^package\.json$/,
  /^out\/main\/[\w-]+\.js$/,
  /^out\/main\/chunks\/[\w-]+\.js$/,
  /^out\/preload\/preload\.cjs$/,
  /^out\/renderer\/index\.html$/,
  /^out\/renderer\/assets\/[\w.-]+\.(js|css|csv|layerboard|svg|png|woff2?|wasm)$/,
  /^assets\/samples\/[\w.-]+\.(csv|layerboard|md)$/,
];

/**
 * The guided samples (File › Open sample…, assets/samples/README.md) and their CSVs. The
 * renderer fetches them from its own bundle, so each must ship there too, as Vite's hashed copy.
 */
export const GUIDED_SAMPLE_FILES: readonly string[] = [
  'deep-regression.layerboard', 'deep-regression-output-width.layerboard', 'sine-linear.layerboard', 'sine-relu.layerboard',
  'vanishing-sigmoid.layerboard', 'vanishing-relu.layerboard', 'dying-relu.layerboard', 'dying-relu-leaky.layerboard',
  'iris-classifier.layerboard', 'wine-classifier.layerboard',
  'boston-housing.csv', 'sine.csv', 'iris.csv', 'wine.csv',
];

/** What the app cannot start without. */
export const REQUIRED_IN_ASAR: readonly string[] = [
  'package.json',
  'out/main/main.js',
  'out/main/trainer-worker.js',
  'out/preload/preload.cjs',
  'out/renderer/index.html',
  ...GUIDED_SAMPLE_FILES.map((file) => `assets/samples/${file}`),
];

/** Vite's copy of a bundled file in the renderer's assets: `name-<8-character hash>.ext`. */
export function rendererCopyPattern(file: string): RegExp {
  const dot = file.lastIndexOf('.');
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^out/renderer/assets/${escape(file.slice(0, dot))}-[\\w-]{8}${escape(file.slice(dot))}$`);
}

/** Named so a failure says what leaked, not only that a path was unexpected. */
const FORBIDDEN: readonly [RegExp, string][] = [
  [/(^|\/)node_modules\//, 'a dependency folder'],
  [/\.map$/, 'a source map'],
  [/\.(ts|tsx|mts|cts)$/, 'a TypeScript source'],
  [/\.(test|spec)\.[cm]?[jt]sx?$/, 'a test'],
];

interface AsarNode { files?: Record<string, AsarNode> }

/** Every file (not folder) in an archive, as forward-slash paths without a leading slash. */
export function listAsarFiles(archive: string): string[] {
  const files: string[] = [];
  const walk = (node: AsarNode, prefix: string) => {
    for (const [name, child] of Object.entries(node.files ?? {})) {
      if (child.files) walk(child, `${prefix}${name}/`);
      else files.push(`${prefix}${name}`);
    }
  };
  walk(getRawHeader(archive).header as AsarNode, '');
  return files.sort();
}

/** Problems with an archive's file list; empty when it holds exactly what must ship. */
export function asarContentProblems(files: readonly string[]): string[] {
  const problems: string[] = [];
  for (const file of files) {
    const forbidden = FORBIDDEN.find(([pattern]) => pattern.test(file));
    if (forbidden) problems.push(`${file}: ${forbidden[1]} must not ship`);
    else if (!ALLOWED_IN_ASAR.some((pattern) => pattern.test(file))) problems.push(`${file}: not part of the built app or its assets`);
  }
  for (const file of REQUIRED_IN_ASAR) if (!files.includes(file)) problems.push(`${file}: missing`);
  for (const file of GUIDED_SAMPLE_FILES) {
    if (!files.some((f) => rendererCopyPattern(file).test(f))) problems.push(`out/renderer/assets/${file}: missing (the sample list fetches it from the renderer's bundle)`);
  }
  return problems;
}

/** Problems with the package.json electron-builder wrote into the archive. */
export function packagedManifestProblems(manifest: Record<string, unknown>, source: Record<string, unknown>): string[] {
  const problems: string[] = [];
  for (const key of ['name', 'productName', 'version', 'main'] as const) {
    if (manifest[key] !== source[key]) problems.push(`package.json ${key}: ${String(manifest[key])}, expected ${String(source[key])}`);
  }
  for (const key of ['devDependencies', 'scripts'] as const) if (key in manifest) problems.push(`package.json still has ${key}`);
  return problems;
}

/** An inline source map (`sourceMappingURL=data:`) would ship the sources inside a bundle. */
export function hasInlineSourceMap(text: string): boolean {
  return /[#@]\s*sourceMappingURL=data:/.test(text);
}
