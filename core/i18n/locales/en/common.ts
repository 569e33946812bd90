/** Words shared by every surface. */
export default {
  appName: 'Layerboard',
  language: { en: 'English', ko: '한국어' },
} as const;
