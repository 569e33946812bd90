/**
 * The desktop app's own words from Electron's main process (electron/main): the close and quit
 * prompts, main's error boxes, the file dialogs' titles and filters, and the file errors main
 * hands back to the page. They follow the window's language, like the native menu (menu.ts).
 */
export default {
  unsaved: {
    message: 'Do you want to save the changes you made to “{{name}}”?',
    detail: 'Your changes will be lost if you don’t save them.',
    save: 'Save', dontSave: 'Don’t Save', cancel: 'Cancel',
    /** The document's name when the window has no title yet. */
    untitled: 'this project',
  },
  training: {
    messageClose: 'Training is running — stop it and close?',
    messageQuit: 'Training is running — stop it and quit?',
    detail: '“{{name}}” is training. Stopping ends the run; what it learned since it started is lost.',
    stopAndClose: 'Stop and Close', stopAndQuit: 'Stop and Quit', cancel: 'Cancel',
  },
  error: {
    ok: 'OK',
    openFile: 'Could not open {{name}}',
    openProject: 'Could not open the project',
    unknownProject: 'Unknown project; open it again.',
  },
  dialog: { openProject: 'Open Project', saveProject: 'Save Project', saveProjectAs: 'Save Project As', importCsv: 'Import CSV', export: 'Export' },
  filter: { project: 'Layerboard project', csv: 'CSV data', all: 'All files' },
  files: {
    notRegular: 'Could not open “{{name}}”: it is not a regular file.',
    tooLarge: 'Could not open “{{name}}”: it is {{size}} bytes, more than the {{max}} allowed.',
    openFailed: 'Could not open “{{name}}”: {{reason}}.',
    saveFailed: 'Could not save “{{name}}”: {{reason}}.',
    projectTooLarge: 'The project is {{size}} bytes, more than the {{max}} a project file may have.',
    notSaved: 'This project has not been saved, so it has no folder to read its data from; use File › Import CSV.',
    dataPath: 'Data path {{problem}}.',
    outside: 'Data path “{{path}}” leads outside the project folder (a link); import the CSV with File › Import CSV instead.',
  },
  fsError: {
    notFound: 'the file does not exist (any more)',
    denied: 'permission denied',
    folder: 'it is a folder, not a file',
    diskFull: 'the disk is full',
    readOnly: 'the disk is read-only',
    tooManyFiles: 'too many open files',
    unknown: 'unknown error',
  },
  /** Why main refuses a project's data path (electron/main/relative-path.ts); shown after `files.dataPath`'s "Data path". */
  relativePath: {
    empty: '“{{path}}” is empty',
    control: '“{{path}}” contains control characters',
    backslash: '“{{path}}” uses backslashes; project files name their CSV with forward slashes',
    absolute: '“{{path}}” is absolute; it must be relative to the project file',
    colon: '“{{path}}” contains ":" (a drive letter or stream name)',
    emptySegment: '“{{path}}” has an empty or "." segment',
    parent: '“{{path}}” leaves the project folder (".."); import the CSV with File › Import CSV instead',
  },
  /** Recovery copies of unsaved work (electron/main/recovery.ts). */
  recovery: {
    unreadable: 'The recovery copy “{{name}}” could not be read: {{problem}}. It was left in the app\'s recovery folder.',
    notFile: 'it is not a regular file',
    tooLarge: 'it is {{size}} bytes, more than a project may have',
    notJson: 'it is not valid JSON ({{error}})',
    notOurs: 'it is not a Layerboard recovery copy',
    readFailed: '{{name}}: {{reason}}',
    otherWindow: 'That recovery copy belongs to another window.',
    writeFailed: 'Could not write the recovery copy: {{reason}}.',
    removeFailed: 'Could not remove the recovery copy {{file}}: {{reason}}.',
    unknown: 'Unknown recovery copy.',
  },
  /** Why the training process ended or could not start (electron/main/trainer-process.ts); the page adds what happens next. */
  trainer: {
    outOfMemoryFatal: 'The training process ran out of memory ({{error}}).',
    fatal: 'The training process stopped on a fatal error ({{error}}).',
    oom: 'The training process ran out of memory.',
    memoryEviction: 'The system ended the training process to free memory.',
    crashed: 'The training process crashed.',
    killed: 'The training process was ended from outside Layerboard.',
    launchFailed: 'The training process could not be started.',
    integrityFailure: 'The training process failed a code integrity check.',
    endedUnexpectedly: 'The training process ended unexpectedly.',
    exitCode: 'The training process stopped unexpectedly (exit code {{code}}).',
    startFailed: 'The training process could not be started: {{error}}',
    connectFailed: 'The training process could not be connected to this window.',
  },
} as const;
