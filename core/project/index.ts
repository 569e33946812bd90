/**
 * The `.layerboard` project file: schema, migrations, restore-with-defaults and limits.
 * Everything the rest of the app needs is exported here.
 */
export { parseProject, loadProject, serializeProject, createProject } from './project-file.ts';
export type { ParseOptions, ProjectResult, ProjectInit } from './project-file.ts';
export {
  CURRENT_VERSION, FORMAT_NAME, DEFAULT_LEARNING_RATES, defaultTrainingSettings, defaultPreprocessing, projectSchema,
} from './schema.ts';
export type { Project, ProjectData, ProjectInput, Preprocessing, DataHash, DataTask } from './schema.ts';
export { PROJECT_LIMITS, estimateParameterCount } from './limits.ts';
export type { ProjectLimits } from './limits.ts';
export { migrations } from './migrations.ts';
export type { Migration } from './migrations.ts';
export type { ProjectIssue } from './issues.ts';
export { projectJsonSchema } from './json-schema.ts';
