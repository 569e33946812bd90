/** The window's frame: tabs, title, language menu. */
export default {
  tabs: { network: 'Network', data: 'Data', training: 'Training' },
  language: { label: 'Language', system: 'System ({{language}})' },
} as const;
