/** File › Export… (renderer/export/use-export.tsx, panels/ExportDialog.tsx). */
export default {
  dialog: {
    title: 'Export',
    format: 'Format',
    weights: 'Starting weights of the script',
    export: 'Export…',
    cancel: 'Cancel',
    needsTraining: 'Train the network first: this format needs trained weights.',
    needsData: 'Link the CSV first: this format needs the data.',
  },
  format: {
    pytorch: { title: 'PyTorch script', about: 'One .py file in the lecture’s style: the data, the preprocessing, the model as nn.Module and the training loop.' },
    'pytorch-ddp': { title: 'PyTorch script for torchrun', about: 'The same script with DistributedDataParallel, to run on several processes.' },
    onnx: { title: 'ONNX model', about: 'The trained network for inference in ONNX Runtime and other tools.' },
    weights: { title: 'Weights (JSON)', about: 'Each layer’s trained weight and bias, in PyTorch’s [out, in] layout.' },
    predictions: { title: 'Predictions (CSV)', about: 'The data’s input columns and target, with the prediction beside each row, in original units.' },
  },
  weights: {
    trained: 'Trained: the weights in this project',
    initial: 'Initial: Layerboard’s seeded start (the script then shows Layerboard’s losses)',
    fresh: 'Fresh: PyTorch’s own initialisation',
  },
  done: {
    title: 'Exported {{name}}',
    where: 'Saved in {{location}}',
    downloaded: 'Saved to your browser’s downloads folder',
    picked: 'Saved where you chose',
  },
  failed: 'Could not export “{{name}}”',
  cannotSave: 'This build cannot save files.',
} as const;
