/**
 * The bundled sample's fetch, started as the page's scripts begin to run (main.tsx imports this
 * module first, so it runs before the ~1 MB after it is evaluated, ~120 ms of a cold start), not
 * once the browser host is created after them. The browser host's loadSample() takes it over.
 * Not in Electron (`window.layerboard`, see select-host.ts), where the sample comes from main.
 */
import sampleProjectUrl from '../../assets/samples/deep-regression.layerboard?url';
import sampleCsvUrl from '../../assets/samples/boston-housing.csv?url';

export { sampleProjectUrl, sampleCsvUrl };

let early: Promise<[Response, Response]> | null =
  typeof window !== 'undefined' && !('layerboard' in window) && typeof fetch === 'function'
    ? Promise.all([fetch(sampleProjectUrl), fetch(sampleCsvUrl)])
    : null;
// A failure is the taker's to report (loadSample then fetches again on the next call).
early?.catch(() => {});

/** The early fetch's responses, once: the first caller gets them, later callers null. */
export function takeEarlySampleFetch(): Promise<[Response, Response]> | null {
  const taken = early;
  early = null;
  return taken;
}
