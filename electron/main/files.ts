/**
 * Files, the way main handles them for the renderer: every path comes from main's own dialogs
 * (or from the OS opening a file with the app); the renderer gets bytes and an opaque ref.
 * Saving is atomic (core/cli/atomic-write.ts). Expected failures are results, never thrown.
 */
import * as nodePath from 'node:path';
import type {
  FilePayload, IpcResult, SamplePayload, SavedExportPayload, SavedFilePayload, SaveExportRequest, SaveProjectRequest, ReadRelativeRequest,
} from '../../core/protocol.ts';
import { englishTranslator, renderMessage, type TFunction } from '../../core/i18n/index.ts';
import { PROJECT_LIMITS } from '../../core/project/limits.ts';
import type { FileRefs } from './file-refs.ts';
import { checkRelativePath, isInside, MAX_RELATIVE_FILE_BYTES } from './relative-path.ts';

/** File-system calls the service makes; main passes node:fs/promises and writeFileAtomic. */
export interface FilesFs {
  readFile(path: string): Promise<Uint8Array>;
  stat(path: string): Promise<{ size: number; isFile(): boolean }>;
  realpath(path: string): Promise<string>;
  writeFileAtomic(path: string, data: string | Uint8Array): Promise<void>;
}

export interface FileFilter {
  name: string;
  extensions: string[];
}

/** The part of Electron's dialog module the service uses; `Parent` is the window the dialog belongs to. */
export interface FilesDialog<Parent> {
  showOpenDialog(parent: Parent, options: { title?: string; properties: ('openFile')[]; filters: FileFilter[] }): Promise<{ canceled: boolean; filePaths: string[] }>;
  showSaveDialog(parent: Parent, options: { title?: string; defaultPath?: string; filters: FileFilter[]; properties?: ('createDirectory' | 'showOverwriteConfirmation')[] }): Promise<{ canceled: boolean; filePath?: string }>;
}

export interface FilesOptions<Parent> {
  dialog: FilesDialog<Parent>;
  fs: FilesFs;
  refs: FileRefs;
  /** Folder of the bundled samples (assets/samples inside the app). */
  samplesDir: string;
  /** Where the Save dialog starts for a project that has never been saved. */
  documentsDir: string;
  /** node:path for this platform; tests pass path.posix or path.win32. */
  path?: typeof nodePath;
  /**
   * The translator for the language in effect now (asked at each use: the window can switch
   * language at any time); dialog titles and error messages use core's `desktop` words. English if absent.
   */
  t?: () => TFunction;
}


export const PROJECT_EXTENSION = 'layerboard';
export const SAMPLE_PROJECT = 'deep-regression.layerboard';
export const SAMPLE_CSV = 'boston-housing.csv';
/** The largest CSV the Import dialog reads (same bound as readRelative). */
export const MAX_CSV_BYTES = MAX_RELATIVE_FILE_BYTES;

const projectFilters = (t: TFunction): FileFilter[] => [{ name: t('desktop:filter.project'), extensions: [PROJECT_EXTENSION] }];
const csvFilters = (t: TFunction): FileFilter[] => [
  { name: t('desktop:filter.csv'), extensions: ['csv', 'tsv', 'txt'] }, { name: t('desktop:filter.all'), extensions: ['*'] },
];

/** A project main read, with the path it keeps to itself. */
export interface OpenedProject {
  file: FilePayload;
  path: string;
}

export interface SavedProject {
  saved: SavedFilePayload;
  path: string;
}

/** Why a read failed, in words for the user (in `t`'s language; the OS's own text otherwise); never the full path. */
export function describeFsError(e: unknown, t: TFunction = englishTranslator()): string {
  const code = typeof e === 'object' && e !== null && 'code' in e ? String((e as { code: unknown }).code) : '';
  switch (code) {
    case 'ENOENT': return t('desktop:fsError.notFound');
    case 'EACCES': case 'EPERM': return t('desktop:fsError.denied');
    case 'EISDIR': return t('desktop:fsError.folder');
    case 'ENOSPC': return t('desktop:fsError.diskFull');
    case 'EROFS': return t('desktop:fsError.readOnly');
    case 'EMFILE': case 'ENFILE': return t('desktop:fsError.tooManyFiles');
    default: return (e instanceof Error ? e.message.replace(/'[^']*'/g, '').trim() : '') || t('desktop:fsError.unknown');
  }
}

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;

/**
 * A file name from a project title: characters no file system allows become "-", control
 * characters go, Windows' reserved device names get a prefix, the length is capped, and the
 * `.layerboard` extension is added once.
 */
export function projectFileName(suggested: string): string {
  let base = suggested
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .replace(/[\\/:*?"<>|]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
  if (base.toLowerCase().endsWith(`.${PROJECT_EXTENSION}`)) base = base.slice(0, -(PROJECT_EXTENSION.length + 1));
  base = base.replace(/^[.\s]+|[.\s]+$/g, '').slice(0, 100).trim();
  if (base === '') base = 'Untitled';
  if (WINDOWS_RESERVED.test(base)) base = `_${base}`;
  return `${base}.${PROJECT_EXTENSION}`;
}

/**
 * A file name for an export: the same cleaning as a project's name, with the export's extension
 * (added once) instead of `.layerboard`.
 */
export function exportFileName(suggested: string, extension: string): string {
  const withoutExtension = suggested.toLowerCase().endsWith(`.${extension}`) ? suggested.slice(0, -(extension.length + 1)) : suggested;
  return `${projectFileName(withoutExtension).slice(0, -(PROJECT_EXTENSION.length + 1))}.${extension}`;
}

export interface FileService<Parent> {
  /** Open dialog for a project; the caller decides which window shows it. */
  openProjectDialog(parent: Parent): Promise<IpcResult<OpenedProject>>;
  /** Reads a project main was asked to open (command line, open-file, Open Recent). */
  readProject(path: string): Promise<IpcResult<OpenedProject>>;
  /** Saves to the ref, or asks where (no ref, a ref that is not a project, or saveAs). */
  saveProject(parent: Parent, request: SaveProjectRequest): Promise<IpcResult<SavedProject>>;
  openCsvDialog(parent: Parent): Promise<IpcResult<FilePayload>>;
  readRelative(request: ReadRelativeRequest): Promise<IpcResult<FilePayload>>;
  loadSample(): Promise<IpcResult<SamplePayload>>;
  /** Asks where to save an export (starting in `folder`, else Documents) and writes it there atomically. */
  saveExport(parent: Parent, request: SaveExportRequest, folder: string | null): Promise<IpcResult<SavedExportPayload>>;
}

export function createFileService<Parent>(options: FilesOptions<Parent>): FileService<Parent> {
  const { dialog, fs, refs } = options;
  const path = options.path ?? nodePath;
  const words = options.t ?? englishTranslator;

  async function readBounded(filePath: string, maxBytes: number): Promise<IpcResult<Uint8Array>> {
    const name = path.basename(filePath);
    try {
      const info = await fs.stat(filePath);
      if (!info.isFile()) return { type: 'error', message: words()('desktop:files.notRegular', { name }) };
      if (info.size > maxBytes) return { type: 'error', message: words()('desktop:files.tooLarge', { name, size: info.size, max: maxBytes }) };
      return { type: 'ok', value: await fs.readFile(filePath) };
    } catch (e) {
      const t = words();
      return { type: 'error', message: t('desktop:files.openFailed', { name, reason: describeFsError(e, t) }) };
    }
  }

  async function readProject(filePath: string): Promise<IpcResult<OpenedProject>> {
    const bytes = await readBounded(filePath, PROJECT_LIMITS.maxFileBytes);
    if (bytes.type !== 'ok') return bytes;
    const file = { name: path.basename(filePath), ref: refs.issue(filePath, 'project'), bytes: bytes.value };
    return { type: 'ok', value: { file, path: filePath } };
  }

  async function readCsv(filePath: string): Promise<IpcResult<FilePayload>> {
    const bytes = await readBounded(filePath, MAX_CSV_BYTES);
    if (bytes.type !== 'ok') return bytes;
    return { type: 'ok', value: { name: path.basename(filePath), ref: refs.issue(filePath, 'csv'), bytes: bytes.value } };
  }

  return {
    async openProjectDialog(parent) {
      const picked = await dialog.showOpenDialog(parent, { title: words()('desktop:dialog.openProject'), properties: ['openFile'], filters: projectFilters(words()) });
      if (picked.canceled || picked.filePaths.length === 0) return { type: 'cancelled' };
      return readProject(picked.filePaths[0]);
    },

    readProject,

    async saveProject(parent, request) {
      const bytes = Buffer.byteLength(request.text, 'utf8');
      if (bytes > PROJECT_LIMITS.maxFileBytes) {
        return { type: 'error', message: words()('desktop:files.projectTooLarge', { size: bytes, max: PROJECT_LIMITS.maxFileBytes }) };
      }
      const existing = request.ref === null ? null : refs.resolve(request.ref, 'project');
      let target = existing;
      if (target === null || request.saveAs) {
        const defaultPath = existing !== null
          ? path.join(path.dirname(existing), projectFileName(request.suggestedName || path.basename(existing)))
          : path.join(options.documentsDir, projectFileName(request.suggestedName));
        const picked = await dialog.showSaveDialog(parent, {
          title: words()(request.saveAs ? 'desktop:dialog.saveProjectAs' : 'desktop:dialog.saveProject'),
          defaultPath,
          filters: projectFilters(words()),
          properties: ['createDirectory', 'showOverwriteConfirmation'],
        });
        if (picked.canceled || !picked.filePath) return { type: 'cancelled' };
        target = picked.filePath;
        // GTK's dialog does not add the extension; add it unless that would silently replace another file.
        if (path.extname(target) === '') {
          const withExtension = `${target}.${PROJECT_EXTENSION}`;
          const taken = await fs.stat(withExtension).then(() => true, () => false);
          if (!taken) target = withExtension;
        }
      }
      try {
        await fs.writeFileAtomic(target, request.text);
      } catch (e) {
        const t = words();
        return { type: 'error', message: t('desktop:files.saveFailed', { name: path.basename(target), reason: describeFsError(e, t) }) };
      }
      const name = path.basename(target);
      return { type: 'ok', value: { saved: { name, ref: refs.issue(target, 'project') }, path: target } };
    },

    async openCsvDialog(parent) {
      const picked = await dialog.showOpenDialog(parent, { title: words()('desktop:dialog.importCsv'), properties: ['openFile'], filters: csvFilters(words()) });
      if (picked.canceled || picked.filePaths.length === 0) return { type: 'cancelled' };
      return readCsv(picked.filePaths[0]);
    },

    async readRelative(request) {
      if (request.projectRef === null) {
        return { type: 'error', message: words()('desktop:files.notSaved') };
      }
      const projectPath = refs.resolve(request.projectRef, 'project');
      if (projectPath === null) return { type: 'error', message: words()('desktop:error.unknownProject') };
      const checked = checkRelativePath(request.relativePath);
      if (checked.type === 'error') {
        const t = words();
        return { type: 'error', message: t('desktop:files.dataPath', { problem: renderMessage(t, `desktop:${checked.messageKey}`, checked.params) }) };
      }
      const folder = path.dirname(projectPath);
      const candidate = path.join(folder, ...checked.segments);
      let realFolder: string;
      let realFile: string;
      try {
        realFolder = await fs.realpath(folder);
        realFile = await fs.realpath(candidate);
      } catch (e) {
        const t = words();
        return { type: 'error', message: t('desktop:files.openFailed', { name: request.relativePath, reason: describeFsError(e, t) }) };
      }
      if (!isInside(realFolder, realFile, path)) {
        return { type: 'error', message: words()('desktop:files.outside', { path: request.relativePath }) };
      }
      return readCsv(realFile);
    },

    async loadSample() {
      const project = await readBounded(path.join(options.samplesDir, SAMPLE_PROJECT), PROJECT_LIMITS.maxFileBytes);
      if (project.type !== 'ok') return project;
      const csv = await readBounded(path.join(options.samplesDir, SAMPLE_CSV), MAX_CSV_BYTES);
      if (csv.type !== 'ok') return csv;
      // No refs: the sample lives inside the app; Save asks where, and its CSV arrives with it.
      return { type: 'ok', value: { project: { name: SAMPLE_PROJECT, ref: null, bytes: project.value }, csv: { name: SAMPLE_CSV, ref: null, bytes: csv.value } } };
    },

    async saveExport(parent, request, folder) {
      const picked = await dialog.showSaveDialog(parent, {
        title: words()('desktop:dialog.export'),
        defaultPath: path.join(folder ?? options.documentsDir, exportFileName(request.suggestedName, request.extension)),
        filters: [{ name: request.filterName, extensions: [request.extension] }],
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      });
      if (picked.canceled || !picked.filePath) return { type: 'cancelled' };
      let target = picked.filePath;
      if (path.extname(target) === '') {
        const withExtension = `${target}.${request.extension}`;
        const taken = await fs.stat(withExtension).then(() => true, () => false);
        if (!taken) target = withExtension;
      }
      try {
        await fs.writeFileAtomic(target, request.bytes);
      } catch (e) {
        const t = words();
        return { type: 'error', message: t('desktop:files.saveFailed', { name: path.basename(target), reason: describeFsError(e, t) }) };
      }
      return { type: 'ok', value: { name: path.basename(target), location: path.dirname(target) } };
    },
  };
}
