/**
 * File-format migrations, numbered without gaps (tldraw's rule): `migrations[n]` takes a
 * version-n document to version n+1, and a file of any older version is brought up to date by
 * running them in order. Each step works on plain JSON that has not been validated yet, so it
 * must tolerate any shape: it rewrites what it recognises and leaves everything else for the
 * schema to report. A step pins down the meaning the old version had, explicitly, rather than
 * leaving it to today's defaults, which may change.
 *
 * Every version has a fixture in fixtures/ (vN.layerboard) that the tests load.
 */
import type { PathSegment, ProjectIssue } from './issues.ts';
import { expectedGot, issueAt, projectText } from './issues.ts';
import { english, type MessageRef } from '../i18n/message.ts';
import type { JsonObject } from './json-text.ts';
import { isJsonObject } from './json-text.ts';
import { CURRENT_VERSION } from './schema.ts';

/** One step of the format's history. */
export interface Migration {
  /** The version this step reads; it writes `from + 1`. */
  from: number;
  /** What changed, in one line, for the format docs and the changelog. */
  description: string;
  /** Returns the upgraded document; never mutates `doc`. Throws `MigrationError` for input it cannot carry over. */
  up(doc: JsonObject): JsonObject;
}

/** A field an old-version file got wrong in a way the migration cannot carry over. */
export class MigrationError extends Error {
  constructor(readonly path: PathSegment[], readonly text: MessageRef) {
    super(english(text.key, text.params));
    this.name = 'MigrationError';
  }
}

const v1ToV2: Migration = {
  from: 1,
  description: 'data.standardize (boolean) becomes data.preprocessing {scaling, scaleTarget, missing}; data.task appears.',
  up(doc) {
    const data = doc.data;
    if (!isJsonObject(data)) return doc;
    const { standardize, ...rest } = data;
    if (standardize !== undefined && typeof standardize !== 'boolean') {
      throw new MigrationError(['data', 'standardize'], expectedGot(projectText('expected.boolean'), standardize));
    }
    return {
      ...doc,
      data: {
        ...rest,
        // Version 1 always inferred the task from the target column.
        task: 'auto',
        preprocessing: {
          // Absent meant the version-1 default, standardising, which is also version 2's.
          scaling: standardize === false ? 'none' : 'standard',
          // Version 1 standardised the feature columns only (the lecture's StandardScaler on X)
          // and dropped rows with missing values.
          scaleTarget: false,
          missing: 'drop',
        },
      },
    };
  },
};

/** The format's migrations, keyed by the version each one reads. */
export const migrations: Readonly<Record<number, Migration>> = Object.freeze({
  1: v1ToV2,
});

export type MigrationResult = { type: 'ok'; doc: JsonObject } | { type: 'error'; errors: ProjectIssue[] };

/** Runs every migration from `version` up to `CURRENT_VERSION`, setting `version` after each step. */
export function migrate(doc: JsonObject, version: number): MigrationResult {
  let current = doc;
  for (let v = version; v < CURRENT_VERSION; v++) {
    const step = migrations[v];
    if (step === undefined) {
      return { type: 'error', errors: [issueAt(['version'], projectText('file.cannotUpgrade', { version: v }))] };
    }
    try {
      current = { ...step.up(current), version: v + 1 };
    } catch (e) {
      if (!(e instanceof MigrationError)) throw e;
      return { type: 'error', errors: [issueAt(e.path, projectText('file.whileUpgrading', { problem: e.text, from: v, to: v + 1 }))] };
    }
  }
  return { type: 'ok', doc: current };
}
