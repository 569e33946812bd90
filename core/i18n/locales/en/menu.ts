/**
 * The menus' words, shared by the browser build's in-window menu bar (renderer/panels/MenuBar.tsx)
 * and Electron's native menu (electron/main/menu.ts), so both say the same thing. `mnemonic` forms
 * carry Windows/Linux access keys (`&File`); macOS and the browser use the plain forms.
 */
export default {
  file: {
    title: 'File', mnemonic: '&File',
    new: 'New Project', newWindow: 'New Window', openSample: 'Open Sample…', open: 'Open…', openRecent: 'Open Recent', clearMenu: 'Clear Menu',
    noRecent: 'No Recent Projects', clearRecent: 'Clear Recently Opened', save: 'Save', saveAs: 'Save As…',
    importCsv: 'Import CSV…', export: 'Export…', closeWindow: 'Close Window', exit: 'E&xit',
  },
  edit: {
    title: 'Edit', mnemonic: '&Edit',
    undo: 'Undo', redo: 'Redo', cut: 'Cut', copy: 'Copy', paste: 'Paste', duplicate: 'Duplicate', delete: 'Delete', selectAll: 'Select All',
  },
  view: {
    title: 'View', mnemonic: '&View',
    autoLayout: 'Auto Layout', fitView: 'Fit to Window', toggleMinimap: 'Show or Hide the Minimap',
    resetZoom: 'Actual Size', zoomIn: 'Zoom In', zoomOut: 'Zoom Out', fullScreen: 'Toggle Full Screen',
    reload: 'Force Reload', devTools: 'Toggle Developer Tools', language: 'Language',
  },
  language: { system: 'System ({{language}})' },
  train: { title: 'Train', mnemonic: '&Train', train: 'Train', stop: 'Stop' },
  app: {
    about: 'About {{appName}}', services: 'Services', hide: 'Hide {{appName}}', hideOthers: 'Hide Others', showAll: 'Show All', quit: 'Quit {{appName}}',
  },
  window: { title: 'Window' },
  help: { title: 'Help', mnemonic: '&Help' },
  bar: { label: 'Main menu' },
} as const;
