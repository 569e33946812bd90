/**
 * The bundled sample for renderer tests, read the way the app reads it (Vite `?raw`), so tests
 * run in Node without file-system imports in renderer/.
 */
import sampleText from '../../assets/samples/deep-regression.layerboard?raw';
import csvText from '../../assets/samples/boston-housing.csv?raw';
import { inspectCsv, parseProject, type CsvTable, type Project } from '../../core/index.ts';

export { sampleText, csvText };

export function sampleProject(): Project {
  const result = parseProject(sampleText);
  if (result.type !== 'ok') throw new Error(`the bundled sample does not load: ${JSON.stringify(result.errors)}`);
  return result.project;
}

export function sampleTable(): CsvTable {
  const result = inspectCsv(csvText);
  if (result.type !== 'ok') throw new Error(`the bundled CSV does not load: ${result.message}`);
  return result.table;
}
