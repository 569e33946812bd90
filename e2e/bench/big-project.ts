/**
 * The UI benches' 200-node project (ui-bench.ts, ui-trace.ts): input → (linear, relu) × 98 →
 * linear → dropout → output, laid out in a grid so all nodes are on screen, on the bundled
 * sample's data and settings from the checkout at `root`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export function bigProject(root: string): string {
  const sample = JSON.parse(readFileSync(join(root, 'assets/samples/deep-regression.layerboard'), 'utf8'));
  const nodes: Record<string, unknown>[] = [{ id: 'input', type: 'input', position: { x: 0, y: 0 } }];
  for (let i = 1; i <= 99; i++) {
    nodes.push({ id: `linear${i}`, type: 'linear', outFeatures: i === 99 ? 1 : 8, position: { x: 0, y: 0 } });
    if (i < 99) nodes.push({ id: `act${i}`, type: 'relu', position: { x: 0, y: 0 } });
    else nodes.push({ id: 'act99', type: 'dropout', p: 0, position: { x: 0, y: 0 } });
  }
  nodes.push({ id: 'output', type: 'output', loss: 'mse', position: { x: 0, y: 0 } });
  nodes.forEach((n, i) => (n.position = { x: (i % 20) * 220, y: Math.floor(i / 20) * 120 }));
  const edges = nodes.slice(1).map((n, i) => ({ from: nodes[i].id, to: n.id }));
  return JSON.stringify({ ...sample, name: '200 nodes', graph: { nodes, edges } });
}
