/**
 * The CSVs bundled with the app (assets/samples), offered as sample data: fetched from the
 * renderer's own bundle, so they work the same in Electron and in a browser.
 */
import bostonUrl from '../../assets/samples/boston-housing.csv?url';
import diabetesUrl from '../../assets/samples/diabetes.csv?url';
import irisUrl from '../../assets/samples/iris.csv?url';
import wineUrl from '../../assets/samples/wine.csv?url';
import { appI18n } from '../i18n/i18n.ts';

export interface SampleData {
  file: string;
  /** Its name in the sample list: `dataset:samples.<label>`. */
  label: 'iris' | 'wine' | 'diabetes' | 'boston';
  url: string;
}

export const SAMPLE_DATA: readonly SampleData[] = [
  { file: 'iris.csv', label: 'iris', url: irisUrl },
  { file: 'wine.csv', label: 'wine', url: wineUrl },
  { file: 'diabetes.csv', label: 'diabetes', url: diabetesUrl },
  { file: 'boston-housing.csv', label: 'boston', url: bostonUrl },
];

export async function fetchSampleData(sample: SampleData): Promise<Uint8Array> {
  const response = await fetch(sample.url);
  if (!response.ok) throw new Error(appI18n().t('host:fetchFailed', { file: sample.file, status: response.status }));
  return new Uint8Array(await response.arrayBuffer());
}
