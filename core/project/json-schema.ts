/**
 * The JSON Schema of the current file format, generated from the zod schema so the two cannot
 * disagree. docs/layerboard.schema.json holds a copy; json-schema.test.ts fails when it is
 * stale and rewrites it when run with LAYERBOARD_WRITE_SCHEMA=1.
 */
import { z } from 'zod';
import { CURRENT_VERSION, JSON_SCHEMA_OVERRIDES, projectSchema } from './schema.ts';

/**
 * The JSON Schema (draft 2020-12) of a version-`CURRENT_VERSION` file as it may be written:
 * fields with defaults are optional and carry `default`. Checks that JSON Schema cannot express
 * (a tensor's data length against its shape, equal history lengths, one role per column, the
 * limits) are described in docs/project-format.md instead.
 */
export function projectJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(projectSchema, {
    target: 'draft-2020-12',
    io: 'input',
    unrepresentable: 'any',
    override: (ctx) => {
      const replacement = JSON_SCHEMA_OVERRIDES.get(ctx.zodSchema as unknown as z.ZodType);
      if (replacement === undefined) return;
      for (const key of Object.keys(ctx.jsonSchema)) delete (ctx.jsonSchema as Record<string, unknown>)[key];
      Object.assign(ctx.jsonSchema, replacement);
    },
  }) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  return {
    $schema,
    title: `Layerboard project, format version ${CURRENT_VERSION}`,
    description: 'A .layerboard file: data source, network graph, training settings and, optionally, trained weights and loss history. See docs/project-format.md.',
    ...rest,
  };
}
