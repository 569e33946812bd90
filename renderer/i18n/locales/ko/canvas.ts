export default {
  label: '신경망 캔버스',
  node: {
    label: '{{title}} {{name}}',
    labelError: '{{title}} {{name}}, 오류 있음',
    labelWarning: '{{title}} {{name}}, 경고 있음',
    note: '참고: {{text}}',
    idTitle: 'id: {{id}}',
    outputWidth: ', 출력 너비 {{width}}',
    fixTitle: '{{code}}: 이 수정을 적용합니다 (Ctrl+Z로 되돌리기)',
  },
  edge: {
    label: '{{from}}에서 {{to}}(으)로 가는 연결',
    inputOf: '{{target}}의 입력 {{index}}',
  },
} as const;
