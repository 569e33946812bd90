/**
 * Regenerates every icon in build/ from the two SVG sources in assets/ (npm run build:icons):
 * the app icon (icon.icns, icon.ico, icon.png, icons/NxN.png for Linux) and the .layerboard
 * document icon (layerboard-document.icns / .ico, document-icons/NxN.png for Linux's hicolor
 * mimetypes). The outputs are committed: CI never runs this, and electron-builder cannot fetch
 * its own icon toolset offline. Each PNG is rendered from the SVG at its own size (crisper than
 * downscaling); the .ico and .icns are built by png2icons from the 1024 px render.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';
import png2icons from 'png2icons';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = (...path: string[]) => join(root, 'build', ...path);

/** The sizes Linux desktops look up in the hicolor theme. */
export const linuxIconSizes = [16, 32, 48, 64, 128, 256, 512] as const;

function render(svgPath: string, size: number): Buffer {
  const svg = readFileSync(join(root, svgPath), 'utf8');
  return Buffer.from(new Resvg(svg, { fitTo: { mode: 'width', value: size }, background: 'rgba(0,0,0,0)' }).render().asPng());
}

function writeIconSet(svgPath: string, baseName: string, pngDir: string): void {
  const master = render(svgPath, 1024);
  // forWinExe: BMP for the small sizes, as rcedit and Explorer expect in an .exe's resources.
  const ico = png2icons.createICO(master, png2icons.BICUBIC2, 0, false, true);
  const icns = png2icons.createICNS(master, png2icons.BICUBIC2, 0);
  if (!ico || !icns) throw new Error(`png2icons could not convert ${svgPath}`);
  writeFileSync(out(`${baseName}.ico`), ico);
  writeFileSync(out(`${baseName}.icns`), icns);
  mkdirSync(out(pngDir), { recursive: true });
  for (const size of linuxIconSizes) writeFileSync(out(pngDir, `${size}x${size}.png`), render(svgPath, size));
}

writeIconSet('assets/icon.svg', 'icon', 'icons');
writeFileSync(out('icon.png'), render('assets/icon.svg', 512));
writeIconSet('assets/icon-document.svg', 'layerboard-document', 'document-icons');
console.log('icons written to build/');
