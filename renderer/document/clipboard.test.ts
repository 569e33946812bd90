import { describe, expect, it } from 'vitest';
import { sampleProject } from '../testing/sample.ts';
import { copySelection, parseClip, planPaste, serializeClip } from './clipboard.ts';
import { insertSubgraph } from './commands.ts';

describe('clipboard', () => {
  const doc = sampleProject();

  it('copies the selected nodes and only the edges between them', () => {
    const clip = copySelection(doc.graph, ['linear2', 'act2', 'output']);
    expect(clip.nodes.map((n) => n.id)).toEqual(['linear2', 'act2', 'output']);
    expect(clip.edges).toEqual([{ from: 'linear2', to: 'act2' }]);
  });

  it('pastes with fresh ids continuing the numbering, moved by the offset, inner edges kept', () => {
    const clip = copySelection(doc.graph, ['linear2', 'act2', 'output']);
    const plan = planPaste(doc.graph, clip, { x: 40, y: 40 });
    expect(plan.ids).toEqual(['linear5', 'act4', 'output1']);
    expect(plan.edges).toEqual([{ from: 'linear5', to: 'act4' }]);
    expect(plan.nodes[0].position).toEqual({ x: 580, y: 160 });
    const next = insertSubgraph(doc, plan);
    expect(next.graph.nodes).toHaveLength(12);
    expect(planPaste(next.graph, clip, { x: 0, y: 0 }).ids).toEqual(['linear6', 'act5', 'output2']);
  });

  it('round-trips through clipboard text and refuses text that is not a clip', () => {
    const clip = copySelection(doc.graph, ['linear1', 'act1']);
    expect(parseClip(serializeClip(clip))).toEqual(clip);
    expect(parseClip('hello')).toBeNull();
    expect(parseClip('{"nodes": []}')).toBeNull();
    expect(parseClip(JSON.stringify({ format: 'layerboard/clip', nodes: [{ id: 'x', type: 'bogus', position: { x: 0, y: 0 } }], edges: [] }))).toBeNull();
  });
});
