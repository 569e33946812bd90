/**
 * The editor window: palette, canvas, inspector, data and training settings, problems, and the
 * Data and Training tabs. State is one reducer over the project document
 * (renderer/document/editor.ts); everything the canvas shows is derived from it on every change:
 * the data context from the CSV (core/data), then widths and diagnostics (core's analyzeGraph).
 * Training runs in a worker behind the training client (renderer/train/training-client.ts),
 * whose progress reaches only the training bar and the charts. The outside world is reached
 * only through the Host: files, the window title, menu commands, the trainer.
 */
import { ReactFlowProvider, useReactFlow } from '@xyflow/react';
import { useTranslation } from 'react-i18next';
import { LiveAnnouncer } from '../panels/LiveAnnouncer.tsx';
import { useValueAfterPaint } from './after-paint.ts';
import { useRegionCycling } from './region-focus.ts';
import { tablistKeyHandler } from './tablist-keys.ts';
import { lazy, startTransition, Suspense, useCallback, useEffect, useLayoutEffect, useMemo, useReducer, useRef, useState, useSyncExternalStore } from 'react';
import {
  createProject,
  dataIssueText,
  edgeId,
  OPS,
  serializeProject,
  type CsvTable,
  type DataHash,
  type Fix,
  type NodeType,
  type Position,
  type Project,
  type TableReport,
} from '../../core/index.ts';
import { Canvas } from '../canvas/Canvas.tsx';
import { parameterCount } from '../canvas/flow-elements.ts';
import { copySelection, parseClip, PASTE_OFFSET, planPaste, serializeClip, type Clip } from '../document/clipboard.ts';
import { commandTitleKey, createNode, weightsFitGraph, type Command } from '../document/commands.ts';
import { dataHashOf, sameDataHash } from '../data/data-hash.ts';
import { fetchSampleData, type SampleData } from '../data/sample-data.ts';
import { deriveDataStatus, rolesForImport } from '../document/data-context.ts';
import { createGraphAnalyzer } from '../document/graph-analysis.ts';
import { canRedo, canUndo } from '../document/history.ts';
import { createEditorState, editorReducer, isDirty, redoLabel, undoLabel, type ProjectFile, type Selection } from '../document/editor.ts';
import { LAYER_SPACING, ROW_SPACING } from '../document/layout.ts';
import { newNodeId } from '../document/node-ids.ts';
import type { Host, MenuCommand, OpenedFile } from '../host/host.ts';
import { ConfirmDialog, type ConfirmChoice } from '../panels/ConfirmDialog.tsx';
import { DataPanel, type DataFileState } from '../panels/DataPanel.tsx';
import { Inspector } from '../panels/Inspector.tsx';
import { MenuBar } from '../panels/MenuBar.tsx';
import { Notices, type Notice } from '../panels/Notices.tsx';
import { Palette } from '../panels/Palette.tsx';
import { ProblemsPanel, type AppProblem } from '../panels/ProblemsPanel.tsx';
import { TrainingBar } from '../panels/TrainingBar.tsx';
import { TrainingSettings } from '../panels/TrainingSettings.tsx';
import { TrainingClient, type FinishedMessage, type RunContext } from '../train/training-client.ts';
import { isActive } from '../train/training-state.ts';
import { DataView } from '../views/DataView.tsx';
import { fetchGuidedSample, type GuidedSample } from '../samples/catalog.ts';
import { SampleDialog } from '../samples/SampleDialog.tsx';
import { formatNumber } from '../i18n/i18n.ts';
import { chooseLanguage, languageOfCommand, useHostLanguage } from '../i18n/language.ts';
import { EditorActionsContext, type EditorActions } from './editor-actions.ts';
import { ExplainContext } from '../learn/explain-context.ts';
import { useExplanationPanel } from '../learn/use-explanation-panel.tsx';
import { useStepThrough } from '../learn/use-step-through.tsx';
import { readCsvFile, readProjectFile, suggestedFileName } from './file-reading.ts';
import { shortcutFor, shortcutLabel } from './shortcuts.ts';
import { useRecovery } from './use-recovery.tsx';
import { useExport } from '../export/use-export.tsx';
import type { StartupProject } from './startup.ts';

export interface AppProps {
  host: Host;
  /** The browser's in-window menu bar hands its commands here; absent where the menu is native. */
  emitMenuCommand?: (command: MenuCommand) => void;
  /** Called with the current document, so a crash screen can still offer it for download. */
  onDocument?: (doc: Project) => void;
  /** The bundled sample, already read, when the host had it before the first render (startup.ts). */
  preloaded?: StartupProject | null;
}

interface LoadedTable {
  table: CsvTable;
  report: TableReport;
  /** The file's bytes: what the trainer reads, and what the digest is of. */
  bytes: Uint8Array;
  /** SHA-256 of the bytes, once computed (Web Crypto is asynchronous). */
  hash: DataHash | null;
}

/** The charts load with Recharts only when the Training tab is first opened. */
const TrainingView = lazy(() => import('../views/TrainingView.tsx'));

type Tab = 'network' | 'data' | 'training';
const TABS: readonly Tab[] = ['network', 'data', 'training'];

/** CSV-like files dropped on the window are imported; a .layerboard file is opened by the host. */
const CSV_FILE = /\.(csv|tsv|txt)$/i;

/** A host may offer to know whether a run is going on (Electron asks before quitting then). */
type HostWithTrainingState = Host & { setTrainingActive?(active: boolean): void };

const MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.userAgent);
const APP_NAME = 'Layerboard';

/** A project to show before the sample has loaded, or if it cannot load. */
function blankProject(): Project {
  const result = createProject({ name: 'Untitled', data: { path: 'data.csv', features: [], targets: [] } });
  if (result.type !== 'ok') throw new Error('the blank project does not validate');
  return result.project;
}

function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !['button', 'checkbox', 'radio', 'submit', 'reset', 'range', 'color', 'file'].includes(target.type);
}

function hasTextSelection(): boolean {
  const selection = window.getSelection();
  return selection !== null && !selection.isCollapsed && selection.toString().trim() !== '';
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function App(props: AppProps) {
  return (
    <ReactFlowProvider>
      <Editor {...props} />
    </ReactFlowProvider>
  );
}

function Editor({ host, emitMenuCommand, onDocument, preloaded = null }: AppProps) {
  const [state, dispatch] = useReducer(editorReducer, undefined, () => (preloaded ? createEditorState(preloaded.project, preloaded.file) : createEditorState(blankProject())));
  const [ready, setReady] = useState(preloaded !== null);
  const [tables, setTables] = useState<ReadonlyMap<string, LoadedTable>>(() =>
    new Map(preloaded ? [[preloaded.project.data.path, { table: preloaded.table, report: preloaded.report, bytes: preloaded.bytes, hash: null }]] : []));
  const [dataNotices, setDataNotices] = useState<ReadonlyMap<string, string>>(() => new Map());
  const [notices, setNotices] = useState<Notice[]>([]);
  const [showMinimap, setShowMinimap] = useState(true);
  const [projectKey, setProjectKey] = useState(0);
  const [confirm, setConfirm] = useState<{ message: string; resolve(choice: ConfirmChoice): void } | null>(null);
  const [tab, setTab] = useState<Tab>('network');
  const [samplesOpen, setSamplesOpen] = useState(false);
  const { t, i18n } = useTranslation();
  useRegionCycling();
  const [client] = useState(() => new TrainingClient({
    createConnection: typeof host.createTrainer === 'function' ? () => host.createTrainer!() : undefined,
  }));
  const trainingActive = useSyncExternalStore(client.subscribe, () => isActive(client.getState()));
  const flow = useReactFlow();
  const canvasArea = useRef<HTMLDivElement>(null);
  const clipboard = useRef<{ clip: Clip; pastes: number } | null>(null);

  const doc = state.history.present;
  const dirty = isDirty(state);
  const loaded = tables.get(doc.data.path);
  // The table, not its entry: the entry is renewed when the CSV's digest arrives, which changes no width.
  const loadedTable = loaded?.table;
  const dataStatus = useMemo(() => deriveDataStatus(loadedTable, doc.data), [loadedTable, doc.data]);
  // Positions do not change the analysis: a drag reuses it (graph-analysis.ts).
  const [analyze] = useState(createGraphAnalyzer);
  const analysis = useMemo(() => analyze(doc.graph, dataStatus.context), [analyze, doc.graph, dataStatus.context]);

  // Async handlers read the latest state through refs, so they never act on a stale document.
  const latest = useRef({ state, dataStatus, tables, ready, analysis, projectKey });
  useLayoutEffect(() => {
    latest.current = { state, dataStatus, tables, ready, analysis, projectKey };
  });
  /** A file opened from outside (Electron: command line, Finder) before the sample had loaded. */
  const pendingOpen = useRef<OpenedFile | null>(null);

  useEffect(() => onDocument?.(doc), [doc, onDocument]);

  // ---------------------------------------------------------------------------------------------
  // Messages

  const nextNoticeId = useRef(1);
  const notify = useCallback((kind: Notice['kind'], title: string, details: readonly string[] = [], actions?: Notice['actions']) => {
    const id = nextNoticeId.current++;
    setNotices((list) => [...list.filter((n) => n.title !== title), { id, kind, title, details, ...(actions ? { actions } : {}) }]);
  }, []);
  const dismiss = useCallback((id: number) => setNotices((list) => list.filter((n) => n.id !== id)), []);
  const exporter = useExport({ host, doc, table: loaded?.table, notify });
  const openExport = exporter.open;

  // ---------------------------------------------------------------------------------------------
  // Editing

  const run = useCallback((command: Command, options: { mergeKey?: string; select?: Selection } = {}) => {
    dispatch({ type: 'run', command, ...options });
  }, []);
  const closeMerge = useCallback(() => dispatch({ type: 'closeMerge' }), []);

  const selectNode = useCallback((nodeId: string, centre: boolean) => {
    dispatch({ type: 'select', selection: { nodes: [nodeId], edges: [] } });
    if (!centre) return;
    const node = flow.getInternalNode(nodeId);
    if (!node) return;
    const { x, y } = node.internals.positionAbsolute;
    const w = node.measured.width ?? 180;
    const h = node.measured.height ?? 80;
    void flow.setCenter(x + w / 2, y + h / 2, { zoom: Math.max(flow.getZoom(), 0.9), duration: 250 });
  }, [flow]);

  const applyFix = useCallback((fix: Fix, nodeId?: string) => {
    dispatch({ type: 'closeMerge' });
    run({ name: 'applyFix', args: { fix } }, nodeId ? { select: { nodes: [nodeId], edges: [] } } : {});
  }, [run]);

  const actions = useMemo<EditorActions>(() => ({ applyFix, selectNode }), [applyFix, selectNode]);
  const explanation = useExplanationPanel(applyFix);

  /** A spot near the middle of the view that no node occupies yet. */
  const freeSpotInView = useCallback((): Position => {
    const rect = canvasArea.current?.getBoundingClientRect();
    const centre = rect ? flow.screenToFlowPosition({ x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 }) : { x: 0, y: 0 };
    const nodes = latest.current.state.history.present.graph.nodes;
    const spot = { x: Math.round(centre.x - 90), y: Math.round(centre.y - 30) };
    while (nodes.some((n) => Math.abs(n.position.x - spot.x) < 20 && Math.abs(n.position.y - spot.y) < 20)) {
      spot.x += 30;
      spot.y += 30;
    }
    return spot;
  }, [flow]);

  const addNode = useCallback((type: NodeType, position?: Position) => {
    const { state: s, dataStatus: data } = latest.current;
    const graph = s.history.present.graph;
    const id = newNodeId(graph, type);
    const loss = data.context.target?.task === 'classification' ? 'crossEntropy' : 'mse';
    let connectFrom: string | undefined;
    let insert = false;
    let at = position;
    if (!at) {
      // From the keyboard: after the one selected node, so a chain can be built with Enter alone.
      // A one-in, one-out layer goes between that node and what it fed (Dropout after a Linear).
      const anchor = s.selection.nodes.length === 1 ? graph.nodes.find((n) => n.id === s.selection.nodes[0]) : undefined;
      if (anchor && anchor.type !== 'output' && OPS[type].maxInputs > 0) {
        connectFrom = anchor.id;
        insert = OPS[type].maxInputs === 1 && type !== 'output' && graph.edges.some((e) => e.from === anchor.id);
        at = insert ? { x: anchor.position.x + LAYER_SPACING / 2, y: anchor.position.y + ROW_SPACING } : { x: anchor.position.x + LAYER_SPACING, y: anchor.position.y };
      } else {
        at = freeSpotInView();
      }
    }
    dispatch({ type: 'closeMerge' });
    run({ name: 'addNode', args: { node: createNode(type, id, at, { loss }), ...(connectFrom ? { connectFrom, insert } : {}) } }, { select: { nodes: [id], edges: [] } });
  }, [run, freeSpotInView]);

  const addNodeAt = useCallback((type: NodeType, position: Position) => addNode(type, position), [addNode]);

  const deleteSelection = useCallback(() => {
    const { selection } = latest.current.state;
    if (selection.nodes.length === 0 && selection.edges.length === 0) return;
    run({ name: 'deleteElements', args: { nodeIds: selection.nodes, edgeIds: selection.edges } });
  }, [run]);

  const paste = useCallback((clip: Clip, pastes: number) => {
    const graph = latest.current.state.history.present.graph;
    const plan = planPaste(graph, clip, { x: PASTE_OFFSET.x * pastes, y: PASTE_OFFSET.y * pastes });
    dispatch({ type: 'closeMerge' });
    run({ name: 'insertSubgraph', args: { nodes: plan.nodes, edges: plan.edges } }, { select: { nodes: plan.ids, edges: [] } });
  }, [run]);

  const copy = useCallback((): Clip | null => {
    const { state: s } = latest.current;
    if (s.selection.nodes.length === 0) return null;
    const clip = copySelection(s.history.present.graph, s.selection.nodes);
    clipboard.current = { clip, pastes: 0 };
    return clip;
  }, []);

  const pasteFromMemory = useCallback(() => {
    const held = clipboard.current;
    if (!held) return;
    held.pastes += 1;
    paste(held.clip, held.pastes);
  }, [paste]);

  const duplicate = useCallback(() => {
    const { state: s } = latest.current;
    if (s.selection.nodes.length === 0) return;
    paste(copySelection(s.history.present.graph, s.selection.nodes), 1);
  }, [paste]);

  // ---------------------------------------------------------------------------------------------
  // Files

  /** Records the CSV's digest, and says so when it is not the one the project recorded. */
  const checkDataHash = useCallback(async (project: Project, path: string, bytes: Uint8Array) => {
    const hash = await dataHashOf(bytes);
    setTables((m) => {
      const entry = m.get(path);
      return entry && entry.bytes === bytes ? new Map(m).set(path, { ...entry, hash }) : m;
    });
    const recorded = latest.current.state.history.present.data;
    if (recorded.path === path && recorded.hash && !sameDataHash(recorded.hash, hash)) {
      notify('warning', t('notices:changedTitle', { path }), [t(project.weights ? 'notices:changedDetailTrained' : 'notices:changedDetail')], [
        { label: t('notices:relink'), run: () => importCsvRef.current() },
        { label: t('notices:useThisFile'), run: () => run({ name: 'setDataHash', args: { hash } }) },
      ]);
    }
  }, [notify, run, t]);

  const readData = useCallback(async (project: Project, projectRef: string | null, csv?: OpenedFile) => {
    const path = project.data.path;
    let file: OpenedFile | undefined = csv;
    if (!file && project.data.embedded !== undefined) file = { name: path, ref: null, bytes: new TextEncoder().encode(project.data.embedded) };
    if (!file) {
      const result = await host.readRelative(projectRef, path);
      if (result.type !== 'ok') {
        const why = result.type === 'error' ? result.message : t('notices:readCancelled', { path });
        setDataNotices((m) => new Map(m).set(path, why));
        return;
      }
      file = result.value;
    }
    const read = readCsvFile({ name: path, bytes: file.bytes }, t);
    if (read.type === 'error') {
      setDataNotices((m) => new Map(m).set(path, `${read.problem.title}: ${read.problem.details.join(' ')}`));
      notify('error', read.problem.title, read.problem.details);
      return;
    }
    const bytes = file.bytes;
    setTables((m) => new Map(m).set(path, { table: read.table, report: read.report, bytes, hash: null }));
    setDataNotices((m) => {
      const next = new Map(m);
      next.delete(path);
      return next;
    });
    // The digest tells whether this is still the file the project was trained on. Not awaited:
    // the canvas shows as soon as the table has read, and the digest follows.
    checkDataHash(project, path, bytes).catch((error: unknown) => notify('error', t('notices:readFailed', { name: path }), [messageOf(error)]));
  }, [host, notify, checkDataHash, t]);

  const showProject = useCallback(async (project: Project, file: ProjectFile | null, csv?: OpenedFile) => {
    // A run of the project being closed must not write into the one being opened.
    client.abandon();
    dispatch({ type: 'load', doc: project, file, clean: true });
    setTables(new Map());
    setDataNotices(new Map());
    setProjectKey((k) => k + 1);
    await readData(project, file?.ref ?? null, csv);
  }, [readData, client]);

  /** Brings back unsaved work from a recovery copy: dirty, saving back to the file it belongs to. */
  const showRestored = useCallback((project: Project, file: ProjectFile | null) => {
    client.abandon();
    dispatch({ type: 'load', doc: project, file, clean: false });
    setProjectKey((k) => k + 1);
    // The CSV tables read in this session stay: the copy's CSV is usually the one already open.
    if (!latest.current.tables.has(project.data.path)) void readData(project, file?.ref ?? null);
  }, [readData, client]);

  const openFile = useCallback(async (file: OpenedFile, csv?: OpenedFile) => {
    const read = readProjectFile(file, t);
    if (read.type === 'error') {
      notify('error', read.problem.title, read.problem.details);
      return;
    }
    await showProject(read.project, { name: file.name, ref: file.ref }, csv);
    if (read.warnings.length > 0) notify('warning', t('notices:openedWithDrops', { name: file.name }), read.warnings);
  }, [notify, showProject, t]);

  /** Runs `then` once unsaved changes are saved or knowingly dropped. Synchronous when clean, so a file picker opened by `then` still counts as the user's click. */
  const whenSafeToReplace = useCallback((then: () => void) => {
    if (!isDirty(latest.current.state)) {
      then();
      return;
    }
    const name = latest.current.state.history.present.name || t('panels:untitled');
    setConfirm({
      message: t('panels:confirm.message', { name }),
      resolve: (choice) => {
        setConfirm(null);
        if (choice === 'discard') then();
        if (choice === 'save') void saveRef.current(false).then((saved) => saved && then());
      },
    });
  }, [t]);

  const save = useCallback(async (saveAs: boolean): Promise<boolean> => {
    const s = latest.current.state;
    const saving = s.history.present;
    let text: string;
    try {
      text = serializeProject(saving);
    } catch (error) {
      notify('error', t('notices:saveFailed'), [messageOf(error)]);
      return false;
    }
    const suggestedName = s.file?.name ?? suggestedFileName(saving.name);
    let result;
    try {
      result = await host.saveProject(text, { ref: s.file?.ref ?? null, suggestedName, saveAs });
    } catch (error) {
      result = { type: 'error' as const, message: `${t('notices:saveFileFailed', { name: suggestedName })}: ${messageOf(error)}` };
    }
    if (result.type === 'cancelled') return false;
    if (result.type === 'error') {
      notify('error', t('notices:saveFileFailed', { name: suggestedName }), [result.message]);
      return false;
    }
    dispatch({ type: 'saved', doc: saving, file: { name: result.value.name, ref: result.value.ref } });
    if (host.kind === 'browser' && result.value.ref === null) {
      notify('info', t('notices:downloaded', { name: result.value.name }), [t('notices:downloadedDetail')]);
    }
    return true;
  }, [host, notify, t]);
  const saveRef = useRef(save);
  useLayoutEffect(() => {
    saveRef.current = save;
  });

  /** File › Open sample…: the chosen project opens with its CSV linked, after the unsaved-changes question. */
  const openSample = useCallback((sample: GuidedSample) => {
    setSamplesOpen(false);
    whenSafeToReplace(() => {
      fetchGuidedSample(sample).then(async ({ project, csv }) => {
        await openFile(project, csv);
        setTab('network');
      },
        (error: unknown) => notify('error', t('samples:dialog.failed', { file: sample.file }), [messageOf(error)]));
    });
  }, [whenSafeToReplace, openFile, notify, t]);
  const closeSamples = useCallback(() => setSamplesOpen(false), []);

  const pickAndOpen = useCallback(() => {
    host.openProject().then((result) => {
      if (result.type === 'ok') return openFile(result.value);
      if (result.type === 'error') notify('error', t('notices:openFailed'), [result.message]);
    }, (error: unknown) => notify('error', t('notices:openFailed'), [messageOf(error)]));
  }, [host, openFile, notify, t]);

  /**
   * Reads a CSV and links it to the project (File › Import CSV…, a file dropped on the window, a
   * sample): the project changes only once the file has read; a malformed one gets a message
   * naming the file and the line, and nothing else happens.
   */
  const linkCsv = useCallback(async (file: OpenedFile) => {
    const read = readCsvFile(file, t);
    if (read.type === 'error') {
      notify('error', read.problem.title, read.problem.details);
      return;
    }
    const hash = await dataHashOf(file.bytes);
    setTables((m) => new Map(m).set(file.name, { table: read.table, report: read.report, bytes: file.bytes, hash }));
    setDataNotices((m) => {
      const next = new Map(m);
      next.delete(file.name);
      return next;
    });
    const before = latest.current.state.history.present;
    const roles = rolesForImport(read.report, before.data);
    dispatch({ type: 'closeMerge' });
    run({ name: 'linkData', args: { path: file.name, ...roles, hash } });
    notify('info', t('notices:imported', { name: file.name }), [
      t('notices:importedDetail', { rows: t('dataset:panel.rows', { count: read.table.rowCount }), columns: t('dataset:view.columns', { count: read.table.columns.length }) }),
      ...read.warnings.map((w) => dataIssueText(t, w)),
    ]);
    // Relinking the project's CSV: bytes other than the recorded ones are said, not silently taken.
    if (before.data.path === file.name && before.data.hash && !sameDataHash(before.data.hash, hash)) {
      notify('warning', t('notices:relinkedTitle', { name: file.name }), [t(before.weights ? 'notices:relinkedDetailTrained' : 'notices:relinkedDetail')], [
        { label: t('notices:relink'), run: () => importCsvRef.current() },
        { label: t('notices:useThisFile'), run: () => run({ name: 'setDataHash', args: { hash } }) },
      ]);
    }
  }, [notify, run, t]);

  const importCsv = useCallback(() => {
    host.openCsv().then((result) => {
      if (result.type === 'cancelled') return;
      if (result.type === 'error') {
        notify('error', t('notices:importFailed'), [result.message]);
        return;
      }
      return linkCsv(result.value);
    }).catch((error: unknown) => notify('error', t('notices:importFailed'), [messageOf(error)]));
  }, [host, notify, linkCsv, t]);
  const importCsvRef = useRef(importCsv);
  useLayoutEffect(() => {
    importCsvRef.current = importCsv;
  });

  const openSampleData = useCallback((sample: SampleData) => {
    fetchSampleData(sample).then(
      (bytes) => linkCsv({ name: sample.file, ref: null, bytes }),
      (error: unknown) => notify('error', t('notices:sampleFailed', { name: sample.file }), [messageOf(error)]),
    );
  }, [linkCsv, notify, t]);

  const newProject = useCallback(() => {
    const data = latest.current.state.history.present.data;
    // A new network on the same data: the CSV stays linked, the graph starts empty.
    const created = createProject({
      name: t('panels:untitled'),
      data: { path: data.path, features: data.features, targets: data.targets, ...(data.ignored ? { ignored: data.ignored } : {}), task: data.task, preprocessing: data.preprocessing, validationSplit: data.validationSplit },
    });
    if (created.type !== 'ok') {
      notify('error', t('notices:createFailed'), created.errors.map((e) => `${e.path}: ${e.message}`));
      return;
    }
    client.abandon();
    dispatch({ type: 'load', doc: created.project, file: null, clean: true });
    setProjectKey((k) => k + 1);
  }, [notify, client, t]);

  // First start: the bundled sample, with its CSV, ready to train. It reads the words and the
  // callbacks that use them through a ref, so a language switch while it loads does not load it again.
  const startup = useRef({ t, showProject, openFile, checkDataHash });
  useLayoutEffect(() => {
    startup.current = { t, showProject, openFile, checkDataHash };
  });
  const [preloadedAtStart] = useState(preloaded);
  useEffect(() => {
    let stale = false;
    const started = () => {
      // A project opened from outside while starting replaces the sample once that is shown
      // (and only if it loads: a broken file leaves the sample there, with the message).
      const file = pendingOpen.current;
      pendingOpen.current = null;
      if (file) void startup.current.openFile(file);
    };
    if (preloadedAtStart) {
      // Shown from the first frame (startup.ts): what showProject would still do is check the CSV's digest.
      const { project, bytes } = preloadedAtStart;
      startup.current.checkDataHash(project, project.data.path, bytes)
        .catch((error: unknown) => notify('error', startup.current.t('notices:readFailed', { name: project.data.path }), [messageOf(error)]));
      started();
      return;
    }
    host.loadSample().then(
      async ({ project, csv }) => {
        if (stale) return;
        const read = readProjectFile(project, startup.current.t);
        if (read.type === 'error') throw new Error(`${read.problem.title}: ${read.problem.details.join('; ')}`);
        // ref null: Save asks where, so the bundled sample itself is never overwritten.
        await startup.current.showProject(read.project, { name: project.name, ref: null }, csv);
      },
    ).catch((error: unknown) => {
      if (!stale) notify('error', startup.current.t('notices:loadSampleFailed'), [messageOf(error)]);
    }).finally(() => {
      if (stale) return;
      setReady(true);
      started();
    });
    return () => {
      stale = true;
    };
  }, [host, notify, preloadedAtStart]);

  // ---------------------------------------------------------------------------------------------
  // Training

  /** The width flowing into each linear layer, so saved weights are checked against the graph as it is. */
  const inputWidthsOf = useCallback((): Record<string, number> => {
    const { state: s, analysis: a } = latest.current;
    const widths: Record<string, number> = {};
    for (const e of s.history.present.graph.edges) {
      const w = a.edgeWidths[edgeId(e)];
      if (w !== undefined) widths[e.to] = w;
    }
    return widths;
  }, []);

  const startTraining = useCallback(() => {
    const { state: s, tables: byPath, projectKey: key } = latest.current;
    const current = s.history.present;
    const data = byPath.get(current.data.path);
    if (!data) {
      notify('warning', t('notices:linkToTrain', { path: current.data.path }), [t('notices:linkToTrainDetail')]);
      return;
    }
    const fits = current.weights !== undefined && weightsFitGraph(current.graph, current.weights, inputWidthsOf());
    if (current.weights && !fits) {
      notify('info', t('notices:freshStart'), [t('notices:freshStartDetail')]);
    }
    const context: RunContext = { resume: fits, continuedFrom: fits ? current.history ?? null : null, projectKey: key, ...(data.hash ? { hash: data.hash } : {}) };
    if (client.start(current, data.bytes, context)) setTab('training');
  }, [client, notify, inputWidthsOf, t]);

  const resetWeights = useCallback(() => {
    dispatch({ type: 'closeMerge' });
    run({ name: 'resetWeights', args: {} });
  }, [run]);

  // A finished run goes into the project as one undoable step.
  const onRunFinished = useCallback((message: FinishedMessage, context: RunContext) => {
    const { state: s, projectKey: key } = latest.current;
    if (context.projectKey !== key) return;
    const current = s.history.present;
    if (!weightsFitGraph(current.graph, message.weights, inputWidthsOf())) {
      notify('warning', t('notices:changedWhileTraining'), [t('notices:changedWhileTrainingDetail')]);
      return;
    }
    dispatch({ type: 'closeMerge' });
    run({
      name: 'applyTrainingResult',
      args: { weights: message.weights, history: message.result.history, continuedFrom: context.continuedFrom, fitted: message.fitted, ...(context.hash ? { hash: context.hash } : {}) },
    });
  }, [notify, run, inputWidthsOf, t]);
  useLayoutEffect(() => {
    client.onFinished = onRunFinished;
  }, [client, onRunFinished]);
  useEffect(() => () => client.dispose(), [client]);

  // ---------------------------------------------------------------------------------------------
  // Commands from menus and keys

  const handleCommand = useCallback((command: MenuCommand) => {
    const language = languageOfCommand(command);
    if (language) return chooseLanguage(language, host);
    if (confirm) return;
    // A native menu's Undo / Redo / Select All reach us even while a text field has focus (its
    // accelerator takes the key first): they then act on the field, as the key would have.
    const active = document.activeElement;
    if (isTypingTarget(active) && (command === 'undo' || command === 'redo' || command === 'selectAll' || command === 'delete')) {
      if (command === 'selectAll' && active instanceof HTMLInputElement) active.select();
      else if (command === 'undo' || command === 'redo') document.execCommand(command);
      return;
    }
    switch (command) {
      case 'new': return whenSafeToReplace(newProject);
      case 'open': return whenSafeToReplace(pickAndOpen);
      case 'openSample': return setSamplesOpen(true);
      case 'save': return void save(false);
      case 'saveAs': return void save(true);
      case 'importCsv': return importCsv();
      case 'export': return openExport();
      // A transition: undos pressed faster than frames (a held Ctrl+Z repeats every ~33 ms) are
      // rendered once per frame, together, in a pass React can interrupt, instead of each in
      // its own synchronous render.
      case 'undo': return startTransition(() => dispatch({ type: 'undo' }));
      case 'redo': return startTransition(() => dispatch({ type: 'redo' }));
      case 'selectAll': return dispatch({ type: 'selectAll' });
      case 'duplicate': return duplicate();
      case 'delete': return deleteSelection();
      case 'copy': return void copy();
      case 'paste': return pasteFromMemory();
      case 'autoLayout':
        run({ name: 'autoLayout', args: {} });
        setTimeout(() => void flow.fitView({ padding: 0.15, duration: 250 }), 30);
        return;
      case 'fitView': return void flow.fitView({ padding: 0.15, duration: 250 });
      case 'toggleMinimap': return setShowMinimap((v) => !v);
      case 'train': {
        const phase = client.getState().phase;
        if (phase === 'paused') return client.resume();
        if (isActive(client.getState())) return;
        return startTraining();
      }
      case 'stop':
        return client.stop();
      case 'about':
        return notify('info', APP_NAME, [t('notices:about')]);
    }
  }, [host, confirm, whenSafeToReplace, newProject, pickAndOpen, save, importCsv, openExport, duplicate, deleteSelection, copy, pasteFromMemory, run, flow, notify, client, startTraining, t]);

  const handler = useRef(handleCommand);
  useLayoutEffect(() => {
    handler.current = handleCommand;
  });

  useEffect(() => host.onMenuCommand((command) => handler.current(command)), [host]);
  useHostLanguage(host);
  useEffect(() => host.onOpenFile((file) => {
    if (!latest.current.ready) {
      pendingOpen.current = file;
      return;
    }
    whenSafeToReplace(() => void openFile(file));
  }), [host, whenSafeToReplace, openFile]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      const command = shortcutFor(event, { mac: MAC, typing: isTypingTarget(event.target) });
      if (!command) return;
      event.preventDefault();
      handler.current(command);
    };
    const skipClipboard = (event: ClipboardEvent) => isTypingTarget(event.target) || hasTextSelection();
    const onCopy = (event: ClipboardEvent) => {
      if (skipClipboard(event)) return;
      const clip = copy();
      if (!clip || !event.clipboardData) return;
      event.clipboardData.setData('text/plain', serializeClip(clip));
      event.preventDefault();
    };
    const onCut = (event: ClipboardEvent) => {
      if (skipClipboard(event)) return;
      onCopy(event);
      if (event.defaultPrevented) deleteSelection();
    };
    const onPaste = (event: ClipboardEvent) => {
      if (isTypingTarget(event.target)) return;
      const text = event.clipboardData?.getData('text/plain');
      const clip = text ? parseClip(text) : null;
      if (clip) {
        event.preventDefault();
        const held = clipboard.current;
        const same = held !== null && serializeClip(held.clip) === serializeClip(clip);
        const pastes = same ? ++held.pastes : 1;
        if (!same) clipboard.current = { clip, pastes };
        paste(clip, pastes);
      } else if (clipboard.current) {
        event.preventDefault();
        pasteFromMemory();
      }
    };
    window.addEventListener('keydown', onKey);
    document.addEventListener('copy', onCopy);
    document.addEventListener('cut', onCut);
    document.addEventListener('paste', onPaste);
    return () => {
      window.removeEventListener('keydown', onKey);
      document.removeEventListener('copy', onCopy);
      document.removeEventListener('cut', onCut);
      document.removeEventListener('paste', onPaste);
    };
  }, [copy, paste, pasteFromMemory, deleteSelection]);

  // ---------------------------------------------------------------------------------------------
  // Window

  const title = `${doc.name.trim() || t('panels:untitled')} — ${APP_NAME}`;
  useEffect(() => host.setTitle(title, dirty), [host, title, dirty]);

  useEffect(() => {
    // In Electron, main decides about closing (a beforeunload there would silently block it).
    // In a browser, closing the tab asks first while there is unsaved work or a run going on.
    if (host.kind !== 'browser' || (!dirty && !trainingActive)) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [host, dirty, trainingActive]);

  // A host that wants to know (Electron's main asks before quitting during a run) is told.
  useEffect(() => {
    (host as HostWithTrainingState).setTrainingActive?.(trainingActive);
  }, [host, trainingActive]);

  // A CSV dropped anywhere on the window is imported (a .layerboard file is opened by the host).
  useEffect(() => {
    const csvOf = (event: DragEvent): File | null => {
      const file = event.dataTransfer?.files[0];
      return file && CSV_FILE.test(file.name) ? file : null;
    };
    const onDragOver = (event: DragEvent) => {
      if (event.dataTransfer?.types.includes('Files')) event.preventDefault();
    };
    const onDrop = (event: DragEvent) => {
      const file = csvOf(event);
      if (!file) return;
      event.preventDefault();
      if (isActive(client.getState())) {
        notify('warning', t('notices:notImported', { name: file.name }), [t('notices:notImportedDetail')]);
        return;
      }
      file.arrayBuffer().then(
        (buffer) => linkCsv({ name: file.name, ref: null, bytes: new Uint8Array(buffer) }),
        (error: unknown) => notify('error', t('notices:readFailed', { name: file.name }), [messageOf(error)]),
      );
    };
    window.addEventListener('dragover', onDragOver);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragover', onDragOver);
      window.removeEventListener('drop', onDrop);
    };
  }, [client, linkCsv, notify, t]);

  const recoveryDialog = useRecovery({ host, ready, dirty, doc, file: state.file, notify, whenSafeToReplace, showRestored });

  useEffect(() => {
    const onRejection = (event: PromiseRejectionEvent) => {
      event.preventDefault();
      notify('error', t('notices:somethingWrong'), [messageOf(event.reason), t('notices:somethingWrongDetail')]);
    };
    window.addEventListener('unhandledrejection', onRejection);
    return () => window.removeEventListener('unhandledrejection', onRejection);
  }, [notify, t]);

  // ---------------------------------------------------------------------------------------------
  // Derived views

  const fileState: DataFileState = !loaded?.hash || !doc.data.hash ? 'unknown' : sameDataHash(loaded.hash, doc.data.hash) ? 'same' : 'changed';

  const dataProblems = useMemo((): AppProblem[] => {
    if (dataStatus.type === 'missing') {
      return [{ severity: 'warning', message: t('panels:problems.dataMissing', { path: doc.data.path, why: dataNotices.get(doc.data.path) ?? t('panels:problems.dataMissingWhy') }) }];
    }
    const problems: AppProblem[] = [];
    if (dataStatus.type === 'invalid') problems.push({ severity: 'error', message: dataIssueText(t, dataStatus.error) });
    if (fileState === 'changed') problems.push({ severity: 'warning', message: t('panels:problems.dataChanged', { path: doc.data.path }) });
    return problems;
  }, [dataStatus, dataNotices, doc.data.path, fileState, t]);

  // Kept while the same commands are off, so an edit does not render the menu bar again.
  const undoOff = !canUndo(state.history);
  const redoOff = !canRedo(state.history);
  // The inspector follows a selection once the click's frame is painted: a click selects on the
  // canvas at once, and the inspector's form (mounted or unmounted, ~10 ms on a 200-node graph)
  // is rendered after that frame, in a pass React can interrupt; after a press that may begin a
  // drag, once the button is released.
  const inspectedSelection = useValueAfterPaint(state.selection, { afterPress: true });
  const noNodeSelected = state.selection.nodes.length === 0;
  const nothingSelected = noNodeSelected && state.selection.edges.length === 0;
  const disabled = useMemo(() => {
    const off = new Set<MenuCommand>();
    if (undoOff) off.add('undo');
    if (redoOff) off.add('redo');
    if (noNodeSelected) {
      off.add('duplicate');
      off.add('copy');
    }
    if (nothingSelected) off.add('delete');
    if (!trainingActive) off.add('stop');
    return off;
  }, [undoOff, redoOff, noNodeSelected, nothingSelected, trainingActive]);

  const errorCount = analysis.diagnostics.filter((d) => d.severity === 'error').length + dataProblems.filter((p) => p.severity === 'error').length;
  const readyToTrain = errorCount === 0 && dataStatus.type === 'ready' && doc.graph.nodes.length > 0;
  const params = useMemo(() => parameterCount(doc.graph, analysis), [doc.graph, analysis]);
  const undoName = undoLabel(state);
  const redoName = redoLabel(state);
  const undoText = undoName ? t(commandTitleKey(undoName)) : null;
  const redoText = redoName ? t(commandTitleKey(redoName)) : null;
  const onSelectEdge = useCallback((edgeId: string) => dispatch({ type: 'select', selection: { nodes: [], edges: [edgeId] } }), []);
  const onSelectNode = useCallback((nodeId: string) => selectNode(nodeId, true), [selectNode]);
  const onMenu = useCallback((command: MenuCommand) => emitMenuCommand?.(command), [emitMenuCommand]);

  const trainBlocked = !client.available ? t('panels:blocked.unavailable')
    : dataStatus.type === 'missing' ? t('panels:blocked.link', { path: doc.data.path })
    : errorCount > 0 ? t('panels:blocked.fix', { count: errorCount })
    : !readyToTrain ? t('panels:blocked.addLayers')
    : null;
  const canContinue = useMemo(() => {
    if (!doc.weights) return false;
    const widths: Record<string, number> = {};
    for (const e of doc.graph.edges) {
      const w = analysis.edgeWidths[edgeId(e)];
      if (w !== undefined) widths[e.to] = w;
    }
    return weightsFitGraph(doc.graph, doc.weights, widths);
  }, [doc.weights, doc.graph, analysis]);
  const showTraining = useCallback(() => setTab('training'), []);
  const showData = useCallback(() => setTab('data'), []);
  const acceptChangedCsv = useCallback(() => {
    if (loaded?.hash) run({ name: 'setDataHash', args: { hash: loaded.hash } });
  }, [loaded, run]);
  const reportChartError = useCallback((title: string, message: string) => notify('error', title, [message]), [notify]);
  const task = dataStatus.type === 'ready' ? dataStatus.task : null;
  const showNetwork = useCallback(() => setTab('network'), []);
  const outputNode = useMemo(() => doc.graph.nodes.find((n) => n.type === 'output'), [doc.graph.nodes]);
  const stepThrough = useStepThrough(doc, loaded?.table, selectNode, showNetwork);

  return (
    <EditorActionsContext.Provider value={actions}>
      <ExplainContext.Provider value={explanation.explain}>
      <div className="lb-app" data-ready={ready}>
        {emitMenuCommand && <MenuBar mac={MAC} disabled={disabled} onCommand={onMenu} />}
        <header className="lb-toolbar">
          <h1 className="lb-toolbar__title">
            <span className="lb-toolbar__project" data-testid="project-title">{doc.name.trim() || t('panels:untitled')}</span>
            {dirty && <span className="lb-toolbar__dirty" title={t('panels:toolbar.unsaved')} aria-label={t('panels:toolbar.unsaved')}>●</span>}
            {state.file && <span className="lb-toolbar__file lb-muted">{state.file.name}</span>}
          </h1>
          <div className="lb-toolbar__buttons" role="toolbar" aria-label={t('panels:toolbar.label')}>
            <button type="button" className="lb-button" disabled={!undoText} onClick={() => dispatch({ type: 'undo' })}
              aria-label={undoText ? t('panels:toolbar.undoNamed', { action: undoText }) : t('panels:toolbar.undoLabel')}
              title={t('panels:toolbar.withShortcut', { action: undoText ? t('panels:toolbar.undoNamed', { action: undoText }) : t('panels:toolbar.undoLabel'), shortcut: shortcutLabel('undo', MAC) })}>
              {t('panels:toolbar.undo')}</button>
            <button type="button" className="lb-button" disabled={!redoText} onClick={() => dispatch({ type: 'redo' })}
              aria-label={redoText ? t('panels:toolbar.redoNamed', { action: redoText }) : t('panels:toolbar.redoLabel')}
              title={t('panels:toolbar.withShortcut', { action: redoText ? t('panels:toolbar.redoNamed', { action: redoText }) : t('panels:toolbar.redoLabel'), shortcut: shortcutLabel('redo', MAC) })}>
              {t('panels:toolbar.redo')}</button>
            <button type="button" className="lb-button" onClick={() => handleCommand('autoLayout')} title={t('panels:toolbar.autoLayoutTitle')}>{t('panels:toolbar.autoLayout')}</button>
            <button type="button" className="lb-button" onClick={() => handleCommand('fitView')} title={t('panels:toolbar.fitViewTitle')}>{t('panels:toolbar.fitView')}</button>
            <button type="button" className="lb-button" aria-pressed={showMinimap} onClick={() => setShowMinimap((v) => !v)}>{t('panels:toolbar.minimap')}</button>
            {stepThrough.button}
            <button type="button" className="lb-button lb-button--primary" onClick={() => void save(false)} title={t('panels:toolbar.saveTitle', { shortcut: shortcutLabel('save', MAC) })}>
              {t('panels:toolbar.save')}</button>
          </div>
        </header>
        <TrainingBar client={client} blocked={trainBlocked} canContinue={canContinue} hasWeights={doc.weights !== undefined || doc.history !== undefined}
          epochs={doc.training.epochs} onTrain={startTraining} onResetWeights={resetWeights} onShowTraining={showTraining} />
        <main className="lb-main">
          <Palette onAdd={addNode} />
          <div className="lb-center">
            <div className="lb-tabs" role="tablist" aria-label={t('panels:views.label')} onKeyDown={tablistKeyHandler(TABS, tab, setTab, (id) => `lb-tab-${id}`)}>
              {TABS.map((id) => (
                <button key={id} type="button" role="tab" id={`lb-tab-${id}`} aria-selected={tab === id} aria-controls={`lb-view-${id}`} tabIndex={tab === id ? 0 : -1}
                  className="lb-tabs__tab" data-testid={`tab-${id}`} onClick={() => setTab(id)}>{t(`app:tabs.${id}`)}</button>
              ))}
            </div>
            <div className="lb-views">
              {/* The canvas stays mounted under the other views, so React Flow keeps its viewport and measurements. */}
              <div className="lb-view lb-view--network" id="lb-view-network" role="tabpanel" aria-labelledby="lb-tab-network"
                data-hidden={tab !== 'network'} inert={tab !== 'network'}>
                <div className="lb-canvas-area" ref={canvasArea}>
                  {ready ? (
                    <Canvas graph={doc.graph} analysis={analysis} selection={state.selection} showMinimap={showMinimap} projectKey={projectKey}
                      run={run} dispatch={dispatch} addNodeAt={addNodeAt} />
                  ) : (
                    <p className="lb-loading" role="status">{t('panels:loading.sample')}</p>
                  )}
                </div>
                {stepThrough.panel}
                <ProblemsPanel diagnostics={analysis.diagnostics} dataProblems={dataProblems} onSelectNode={onSelectNode} onSelectEdge={onSelectEdge} applyFix={applyFix} />
              </div>
              {tab === 'data' && (
                <div className="lb-view lb-view--overlay" id="lb-view-data" role="tabpanel" aria-labelledby="lb-tab-data">
                  <DataView doc={doc} table={loaded?.table} report={loaded?.report} dataNotice={dataNotices.get(doc.data.path) ?? null}
                    run={run} onImportCsv={importCsv} onOpenSample={openSampleData} locked={trainingActive} />
                </div>
              )}
              {tab === 'training' && (
                <div className="lb-view lb-view--overlay" id="lb-view-training" role="tabpanel" aria-labelledby="lb-tab-training">
                  <Suspense fallback={<p className="lb-loading" role="status">{t('panels:loading.charts')}</p>}>
                    <TrainingView host={host} client={client} doc={doc} csv={loaded?.bytes ?? null} task={task} onError={reportChartError} onStepThrough={stepThrough.open} />
                  </Suspense>
                </div>
              )}
            </div>
          </div>
          <aside className="lb-sidebar" aria-label={t('panels:sidebar')}>
            <Inspector graph={doc.graph} projectName={doc.name} analysis={analysis} selection={inspectedSelection} run={run} closeMerge={closeMerge} applyFix={applyFix}
              onDelete={deleteSelection} onDuplicate={duplicate} />
            <DataPanel data={doc.data} trained={doc.weights !== undefined} status={dataStatus} report={loaded?.report} dataNotice={dataNotices.get(doc.data.path) ?? null} fileState={fileState}
              run={run} closeMerge={closeMerge} onImportCsv={importCsv} onAcceptChangedCsv={acceptChangedCsv} onShowData={showData} locked={trainingActive} />
            <TrainingSettings training={doc.training} validationSplit={doc.data.validationSplit} output={outputNode} run={run} closeMerge={closeMerge} locked={trainingActive} />
          </aside>
        </main>
        <footer className="lb-statusbar" role="status" aria-live="polite">
          <span className={readyToTrain ? 'lb-status lb-status--ok' : 'lb-status lb-status--blocked'} data-testid="train-status">
            {readyToTrain ? t('panels:status.ready') : errorCount > 0 ? t('panels:status.errors', { count: errorCount }) : dataStatus.type !== 'ready' ? t('panels:status.linkData') : t('panels:status.addLayers')}
          </span>
          <span className="lb-muted">{t('panels:status.layers', { count: doc.graph.nodes.length })} · {params === null ? t('panels:status.paramsUnknown') : t('panels:status.params', { count: params })}</span>
          <span className="lb-muted">{doc.training.optimizer.type.toUpperCase()} lr {doc.training.optimizer.lr} · {t('panels:status.epochs', { count: doc.training.epochs })} · {doc.training.batchSize === null ? t('panels:status.fullBatch') : t('panels:status.batch', { size: formatNumber(doc.training.batchSize, i18n.language) })}</span>
        </footer>
        <Notices notices={notices} onDismiss={dismiss} />
        {recoveryDialog}
        <LiveAnnouncer client={client} diagnostics={analysis.diagnostics} projectKey={ready ? projectKey : -1} />
        {samplesOpen && <SampleDialog onOpen={openSample} onClose={closeSamples} />}
        {exporter.dialog}
        {confirm && <ConfirmDialog title={t('panels:confirm.title')} message={confirm.message} onChoose={confirm.resolve} />}
        {explanation.panel}
      </div>
      </ExplainContext.Provider>
    </EditorActionsContext.Provider>
  );
}
