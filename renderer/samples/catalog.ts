/**
 * The guided samples (assets/samples, issue 9) in the order File › Open sample… lists them:
 * each a project and its CSV, fetched from the renderer's own bundle (as the sample data is), so
 * they open the same way in Electron and in a browser. Titles and "what to try" paragraphs are
 * in the `samples` i18n namespace under the sample's id (`samples:items.<id>.title`,
 * `.description`).
 */
import bostonUrl from '../../assets/samples/boston-housing.csv?url';
import irisUrl from '../../assets/samples/iris.csv?url';
import sineUrl from '../../assets/samples/sine.csv?url';
import wineUrl from '../../assets/samples/wine.csv?url';
import deepRegressionUrl from '../../assets/samples/deep-regression.layerboard?url';
import outputWidthUrl from '../../assets/samples/deep-regression-output-width.layerboard?url';
import sineLinearUrl from '../../assets/samples/sine-linear.layerboard?url';
import sineReluUrl from '../../assets/samples/sine-relu.layerboard?url';
import vanishingSigmoidUrl from '../../assets/samples/vanishing-sigmoid.layerboard?url';
import vanishingReluUrl from '../../assets/samples/vanishing-relu.layerboard?url';
import dyingReluUrl from '../../assets/samples/dying-relu.layerboard?url';
import dyingLeakyUrl from '../../assets/samples/dying-relu-leaky.layerboard?url';
import irisProjectUrl from '../../assets/samples/iris-classifier.layerboard?url';
import wineProjectUrl from '../../assets/samples/wine-classifier.layerboard?url';
import type { OpenedFile } from '../host/host.ts';
import { appI18n } from '../i18n/i18n.ts';

export type SampleGroup = 'lecture' | 'linear' | 'vanishing' | 'dying' | 'classification';

export interface GuidedSample {
  /** Also the key of its words in the `samples` namespace. */
  id: string;
  group: SampleGroup;
  /** The project's file name in assets/samples. */
  file: string;
  projectUrl: string;
  /** The CSV's file name, as the project's `data.path` names it. */
  csvFile: string;
  csvUrl: string;
}

const CSV: Record<string, string> = { 'boston-housing.csv': bostonUrl, 'iris.csv': irisUrl, 'sine.csv': sineUrl, 'wine.csv': wineUrl };

function sample(id: string, group: SampleGroup, projectUrl: string, csvFile: string): GuidedSample {
  return { id, group, file: `${id}.layerboard`, projectUrl, csvFile, csvUrl: CSV[csvFile] };
}

export const GUIDED_SAMPLES: readonly GuidedSample[] = [
  sample('deep-regression', 'lecture', deepRegressionUrl, 'boston-housing.csv'),
  sample('deep-regression-output-width', 'lecture', outputWidthUrl, 'boston-housing.csv'),
  sample('sine-linear', 'linear', sineLinearUrl, 'sine.csv'),
  sample('sine-relu', 'linear', sineReluUrl, 'sine.csv'),
  sample('vanishing-sigmoid', 'vanishing', vanishingSigmoidUrl, 'boston-housing.csv'),
  sample('vanishing-relu', 'vanishing', vanishingReluUrl, 'boston-housing.csv'),
  sample('dying-relu', 'dying', dyingReluUrl, 'boston-housing.csv'),
  sample('dying-relu-leaky', 'dying', dyingLeakyUrl, 'boston-housing.csv'),
  sample('iris-classifier', 'classification', irisProjectUrl, 'iris.csv'),
  sample('wine-classifier', 'classification', wineProjectUrl, 'wine.csv'),
];

export const SAMPLE_GROUPS: readonly SampleGroup[] = ['lecture', 'linear', 'vanishing', 'dying', 'classification'];

async function fetchBytes(url: string, file: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(appI18n().t('host:fetchFailed', { file, status: response.status }));
  return new Uint8Array(await response.arrayBuffer());
}

/**
 * The sample's project and CSV as files. Neither has a ref: Save asks where, so the bundled
 * copy is never overwritten, and the CSV arrives with the project instead of being looked up
 * beside it.
 */
export async function fetchGuidedSample(sample: GuidedSample): Promise<{ project: OpenedFile; csv: OpenedFile }> {
  const [project, csv] = await Promise.all([fetchBytes(sample.projectUrl, sample.file), fetchBytes(sample.csvUrl, sample.csvFile)]);
  return { project: { name: sample.file, ref: null, bytes: project }, csv: { name: sample.csvFile, ref: null, bytes: csv } };
}
