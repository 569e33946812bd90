import { describe, expect, it } from 'vitest';
import type { Graph, GraphNode } from '../graph/types.ts';
import { checkFileSize, estimateParameterCount, PROJECT_LIMITS, utf8ByteLength } from './limits.ts';
import { groupDigits } from '../i18n/number.ts';

const at = { x: 0, y: 0 };
type WithoutPosition<N> = N extends GraphNode ? Omit<N, 'position'> : never;
const node = (n: WithoutPosition<GraphNode>): GraphNode => ({ ...n, position: at }) as GraphNode;
const edges = (...pairs: [string, string][]) => pairs.map(([from, to]) => ({ from, to }));

describe('estimateParameterCount', () => {
  it('counts the lecture model 13-3-3-3-1 like torch: sum of out * (in + 1)', () => {
    const graph: Graph = {
      nodes: [
        node({ id: 'in', type: 'input' }),
        node({ id: 'l1', type: 'linear', outFeatures: 3 }), node({ id: 'a1', type: 'leakyRelu' }),
        node({ id: 'l2', type: 'linear', outFeatures: 3 }), node({ id: 'a2', type: 'leakyRelu' }),
        node({ id: 'l3', type: 'linear', outFeatures: 3 }), node({ id: 'a3', type: 'leakyRelu' }),
        node({ id: 'l4', type: 'linear', outFeatures: 1 }),
        node({ id: 'out', type: 'output', loss: 'mse' }),
      ],
      edges: edges(['in', 'l1'], ['l1', 'a1'], ['a1', 'l2'], ['l2', 'a2'], ['a2', 'l3'], ['l3', 'a3'], ['a3', 'l4'], ['l4', 'out']),
    };
    expect(estimateParameterCount(graph, 13)).toBe(3 * 14 + 3 * 4 + 3 * 4 + 1 * 4);
  });

  it('adds widths at concat, honours inFeatures and bias: false, and skips dangling edges', () => {
    const graph: Graph = {
      nodes: [
        node({ id: 'in', type: 'input' }),
        node({ id: 'a', type: 'linear', outFeatures: 4 }),
        node({ id: 'b', type: 'linear', outFeatures: 6, bias: false }),
        node({ id: 'cat', type: 'concat' }),
        node({ id: 'c', type: 'linear', outFeatures: 2 }),
        node({ id: 'd', type: 'linear', outFeatures: 5, inFeatures: 7 }),
      ],
      edges: edges(['in', 'a'], ['in', 'b'], ['a', 'cat'], ['b', 'cat'], ['cat', 'c'], ['ghost', 'd']),
    };
    expect(estimateParameterCount(graph, 3)).toBe((4 * 3 + 4) + 6 * 3 + (2 * 10 + 2) + (5 * 7 + 5));
  });

  it('terminates on a cycle, counting what it can', () => {
    const graph: Graph = {
      nodes: [node({ id: 'a', type: 'linear', outFeatures: 2 }), node({ id: 'b', type: 'linear', outFeatures: 3 })],
      edges: edges(['a', 'b'], ['b', 'a']),
    };
    expect(estimateParameterCount(graph, 10)).toBe(2 + 3);
  });
});

describe('sizes', () => {
  it('measures UTF-8 bytes, surrogate pairs as 4', () => {
    expect(utf8ByteLength('aé€😀')).toBe(1 + 2 + 3 + 4);
    expect(utf8ByteLength('😀')).toBe(new TextEncoder().encode('😀').length);
  });

  it('reports sizes in MiB past one MiB', () => {
    const text = 'x'.repeat(3 * 1024 * 1024 + 1);
    expect(checkFileSize(text, { ...PROJECT_LIMITS, maxFileBytes: 2 * 1024 * 1024 })?.message)
      .toBe('the file is too big: 3 MiB (3,145,729 bytes), more than the limit of 2 MiB (2,097,152 bytes)');
    expect(checkFileSize(text, PROJECT_LIMITS)).toBeUndefined();
  });

  it('groups digits the same in every locale', () => {
    expect([0, 999, 1000, 1234567, 12.5].map(groupDigits)).toEqual(['0', '999', '1,000', '1,234,567', '12.5']);
  });

  it('keeps the limits consistent: a model at the parameter limit fits in a file with an embedded CSV at its limit', () => {
    const bytesPerStoredNumber = 22; // "-0.012345678359270096, "
    expect(PROJECT_LIMITS.maxParameters * bytesPerStoredNumber + PROJECT_LIMITS.maxEmbeddedCsvBytes).toBeLessThan(PROJECT_LIMITS.maxFileBytes);
    expect(PROJECT_LIMITS.maxFileBytes).toBeLessThan(2 ** 29 - 24);
  });
});
