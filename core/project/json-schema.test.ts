import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NODE_TYPES } from '../graph/types.ts';
import { CURRENT_VERSION, projectJsonSchema } from './index.ts';

const schemaFile = new URL('../../docs/layerboard.schema.json', import.meta.url);
const expected = `${JSON.stringify(projectJsonSchema(), null, 2)}\n`;

describe('docs/layerboard.schema.json', () => {
  it('is up to date with the zod schema (rerun with LAYERBOARD_WRITE_SCHEMA=1 to rewrite it)', () => {
    if (process.env.LAYERBOARD_WRITE_SCHEMA === '1') writeFileSync(schemaFile, expected);
    const committed = readFileSync(schemaFile, 'utf8');
    expect(committed, 'docs/layerboard.schema.json is stale: run LAYERBOARD_WRITE_SCHEMA=1 npx vitest run core/project/json-schema.test.ts').toBe(expected);
  });

  it('describes the file as written: required fields, defaults, every node type, number arrays', () => {
    const schema = JSON.parse(expected);
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.required).toEqual(['format', 'version', 'data', 'graph']);
    expect(schema.properties.version).toEqual({ type: 'number', const: CURRENT_VERSION });
    expect(schema.properties.training.properties.epochs.default).toBe(100);
    const nodeTypes = schema.properties.graph.properties.nodes.items.oneOf.map((s: { properties: { type: { const: string } } }) => s.properties.type.const);
    expect(nodeTypes.sort()).toEqual([...NODE_TYPES].sort());
    const tensor = schema.properties.weights.additionalProperties.properties.weight;
    expect(tensor.properties.data).toEqual({ type: 'array', items: { type: 'number' } });
    expect(schema.properties.history.properties.valLoss).toEqual({ type: 'array', items: { type: ['number', 'null'] } });
  });
});
