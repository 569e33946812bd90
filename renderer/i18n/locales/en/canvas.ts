/** The network canvas: nodes, edges, their labels for screen readers. */
export default {
  label: 'Network canvas',
  node: {
    label: '{{title}} {{name}}',
    labelError: '{{title}} {{name}}, has an error',
    labelWarning: '{{title}} {{name}}, has a warning',
    note: 'Note: {{text}}',
    idTitle: 'id: {{id}}',
    outputWidth: ', output width {{width}}',
    fixTitle: '{{code}}: apply this fix (undo with Ctrl+Z)',
  },
  edge: {
    label: 'Edge from {{from}} to {{to}}',
    inputOf: 'Input {{index}} of {{target}}',
  },
} as const;
