/** What the hosts (browser, Electron) say about files and the training process. */
export default {
  projectType: 'Layerboard project',
  saveFailed: 'Could not save {{name}}: {{why}}',
  readFailed: 'Could not read {{name}}: {{why}}',
  cannotReadNextTo: 'In the browser, Layerboard can read only the files you pick, so it cannot open "{{path}}" next to the project by itself. Use File › Import CSV… and pick {{name}} to link it.',
  cannotWrite: 'this browser cannot write to files',
  noPermission: 'permission to write the file was not given',
  trainerUnreadable: 'The training process sent a message that could not be read.',
  trainerStopped: 'the training worker stopped unexpectedly',
  fetchFailed: 'could not load {{file}} (HTTP {{status}})',
  trainerNotStarted: 'The training process was not started.',
  trainerStartFailed: 'The training process could not be started: {{why}}',
  sampleFailed: 'Could not load the sample project: {{why}}',
  sampleCancelled: 'Loading the sample project was cancelled',
  startFailed: 'Layerboard could not start: {{why}}',
  csvType: 'CSV table',
  /** Recovery copies in the browser's storage (host/browser-recovery.ts). */
  recovery: {
    name: 'recovery copy {{id}}',
    unreadable: "The recovery copy {{id}} in this browser's storage is not one Layerboard can read. It was left where it is.",
    offeredNotRestored: 'That recovery copy was offered, not restored.',
    otherTab: 'That recovery copy belongs to another tab.',
    writeFailed: 'Could not keep a recovery copy: {{why}}',
    damagedKept: 'A damaged recovery copy is left where it is.',
    removeFailed: 'Could not remove the recovery copy: {{why}}',
    unknown: 'Unknown recovery copy.',
  },
} as const;
