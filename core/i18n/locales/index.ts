/**
 * core's catalogs, one module per namespace and language. Add a namespace by adding the pair of
 * files and listing it here; catalog.test.ts checks that both languages have the same keys.
 */
import type { Resources } from '../catalog.ts';
import enCommon from './en/common.ts';
import enDiagnostics from './en/diagnostics.ts';
import koCommon from './ko/common.ts';
import koDiagnostics from './ko/diagnostics.ts';

export const CORE_RESOURCES: Resources = {
  en: { common: enCommon, diagnostics: enDiagnostics },
  ko: { common: koCommon, diagnostics: koDiagnostics },
};
