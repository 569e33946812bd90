export default {
  tabs: { network: '네트워크', data: '데이터', training: '학습' },
  language: { label: '언어', system: '시스템 ({{language}})' },
} as const;
