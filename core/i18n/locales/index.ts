/**
 * core's catalogs, one module per namespace and language. Add a namespace by adding the pair of
 * files and listing it here; catalog.test.ts checks that both languages have the same keys.
 */
import type { Resources } from '../catalog.ts';
import enCli from './en/cli.ts';
import enCommon from './en/common.ts';
import enData from './en/data.ts';
import enDiagnostics from './en/diagnostics.ts';
import enHealth from './en/health.ts';
import enProject from './en/project.ts';
import enTraining from './en/training.ts';
import koCli from './ko/cli.ts';
import koCommon from './ko/common.ts';
import koData from './ko/data.ts';
import koDiagnostics from './ko/diagnostics.ts';
import koHealth from './ko/health.ts';
import koProject from './ko/project.ts';
import koTraining from './ko/training.ts';
import enMenu from './en/menu.ts';
import koMenu from './ko/menu.ts';
import enDesktop from './en/desktop.ts';
import koDesktop from './ko/desktop.ts';
import enModel from './en/model.ts';
import koModel from './ko/model.ts';

export const CORE_RESOURCES: Resources = {
  en: { cli: enCli, common: enCommon, data: enData, diagnostics: enDiagnostics, health: enHealth, project: enProject, training: enTraining, menu: enMenu, desktop: enDesktop, model: enModel },
  ko: { cli: koCli, common: koCommon, data: koData, diagnostics: koDiagnostics, health: koHealth, project: koProject, training: koTraining, menu: koMenu, desktop: koDesktop, model: koModel },
};
