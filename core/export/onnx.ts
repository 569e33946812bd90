/**
 * The trained network as an ONNX model for inference. Each Layerboard node becomes the ONNX ops
 * with PyTorch's (and so Layerboard's) semantics:
 * linear → Gemm (transB = 1, weight [out, in] as stored); relu, sigmoid, tanh, leakyRelu, elu →
 * their ops; silu → x · Sigmoid(x); gelu → the exact erf form 0.5 · x · (1 + Erf(x / √2));
 * softplus → Softplus(β·x) / β, switching to x where β·x > threshold (as nn.Softplus);
 * dropout → Identity (inference); add → Sum; concat → Concat(axis 1); output → Identity to
 * "prediction". The input "input" is the encoded features (scaled, one-hot); the output is the
 * network's output in training units (logits for classification). The preprocessing that makes
 * the input and undoes the target scaling is written into the model's metadata_props.
 */
import type { StoredPreprocessing } from '../data/preprocessing.ts';
import type { GraphNode } from '../graph/types.ts';
import { onnx } from './proto/onnx-subset.js';
import { orderedNodes, type ExportModel } from './source.ts';

/** TensorProto.DataType.FLOAT. */
export const ONNX_FLOAT = 1;
/** AttributeProto.AttributeType. */
export const ATTRIBUTE_TYPE = { FLOAT: 1, INT: 2, STRING: 3 } as const;

/** ai.onnx opset 13: Gemm without C, Erf, Sum, Where; read by every current runtime. */
export const ONNX_OPSET = 13;
const IR_VERSION = 7;

interface OnnxNode {
  input: string[];
  output: string[];
  name: string;
  opType: string;
  attribute?: { name: string; type: number; f?: number; i?: number }[];
}

interface OnnxTensor {
  name: string;
  dims: number[];
  dataType: number;
  floatData: number[];
}

function floatAttribute(name: string, f: number): { name: string; type: number; f: number } {
  return { name, type: ATTRIBUTE_TYPE.FLOAT, f };
}

/** The inputs the model expects and how to make them, in words, for metadata_props. */
function describeInput(p: StoredPreprocessing): string {
  const parts = p.features.map((f) => (f.kind === 'numeric'
    ? `${f.column}: (value - ${f.offset}) / ${f.scale}`
    : `${f.column}: one-hot over [${f.categories.map((c) => JSON.stringify(c)).join(', ')}] (unseen: all zeros)`));
  return `float32 [batch, ${p.featureNames.length}], columns in this order: ${parts.join('; ')}.`;
}

function describeOutput(p: StoredPreprocessing, width: number): string {
  const t = p.target;
  if (t.task === 'classification') {
    return width === 1
      ? `float32 [batch, 1]: the logit of class ${JSON.stringify(t.classes[1])} (sigmoid > 0.5, i.e. logit > 0, predicts it; else ${JSON.stringify(t.classes[0])}).`
      : `float32 [batch, ${width}]: logits for the classes [${t.classes.map((c) => JSON.stringify(c)).join(', ')}] (softmax for probabilities, argmax for the class).`;
  }
  const scaled = t.columns.some((c) => c.offset !== 0 || c.scale !== 1);
  return `float32 [batch, ${width}]: ${t.columns.map((c) => c.column).join(', ')}${scaled ? `, scaled; original units = value * scale + offset with ${t.columns.map((c) => `${c.column}: scale ${c.scale}, offset ${c.offset}`).join('; ')}` : ', in original units'}.`;
}

/** The ONNX ModelProto, as plain data, from the plan's current weights. Pure. */
export function onnxModelMessage(model: ExportModel): onnx.ModelProto.$Properties {
  const { plan, structure, preprocessing, project } = model;
  const inputId = structure.inputId!;
  const nodes: OnnxNode[] = [];
  const initializers: OnnxTensor[] = [];
  // Tensor names are node ids where possible (readable in a viewer such as Netron), made unique.
  const taken = new Set<string>(['input', 'prediction']);
  const claim = (wanted: string): string => {
    let name = wanted;
    for (let k = 2; taken.has(name); k++) name = `${wanted}_${k}`;
    taken.add(name);
    return name;
  };
  const tensorNames = new Map<string, string>([[inputId, 'input']]);
  const tensorOf = (id: string): string => tensorNames.get(id)!;
  const constants = new Map<string, string>();
  const constant = (value: number): string => {
    const key = String(value);
    let name = constants.get(key);
    if (!name) {
      name = claim(`const_${key}`);
      constants.set(key, name);
      initializers.push({ name, dims: [], dataType: ONNX_FLOAT, floatData: [value] });
    }
    return name;
  };
  let counter = 0;
  const op = (opType: string, input: string[], output: string, node: GraphNode, attribute?: OnnxNode['attribute']): string => {
    nodes.push({ input, output: [output], name: `${node.id}/${opType}_${counter++}`, opType, ...(attribute ? { attribute } : {}) });
    return output;
  };
  const weights = plan.exportWeights();

  for (const { node, inputs } of orderedNodes(model)) {
    if (node.type === 'input') continue;
    const x = inputs.length > 0 ? tensorOf(inputs[0]) : '';
    const y = node.type === 'output' ? 'prediction' : claim(node.id);
    tensorNames.set(node.id, y);
    const tmp = (suffix: string): string => claim(`${node.id}/${suffix}`);
    switch (node.type) {
      case 'linear': {
        const w = weights[node.id];
        const gemmInputs = [x, claim(`${node.id}.weight`)];
        initializers.push({ name: gemmInputs[1], dims: w.weight.shape, dataType: ONNX_FLOAT, floatData: w.weight.data });
        if (w.bias) {
          gemmInputs.push(claim(`${node.id}.bias`));
          initializers.push({ name: gemmInputs[2], dims: w.bias.shape, dataType: ONNX_FLOAT, floatData: w.bias.data });
        }
        op('Gemm', gemmInputs, y, node, [{ name: 'transB', type: ATTRIBUTE_TYPE.INT, i: 1 }]);
        break;
      }
      case 'relu': op('Relu', [x], y, node); break;
      case 'sigmoid': op('Sigmoid', [x], y, node); break;
      case 'tanh': op('Tanh', [x], y, node); break;
      case 'leakyRelu': op('LeakyRelu', [x], y, node, [floatAttribute('alpha', node.slope ?? 0.01)]); break;
      case 'elu': op('Elu', [x], y, node, [floatAttribute('alpha', node.alpha ?? 1)]); break;
      case 'silu': op('Mul', [x, op('Sigmoid', [x], tmp('sigmoid'), node)], y, node); break;
      case 'gelu': {
        const erf = op('Erf', [op('Mul', [x, constant(Math.SQRT1_2)], tmp('scaled'), node)], tmp('erf'), node);
        const onePlus = op('Add', [erf, constant(1)], tmp('one_plus'), node);
        op('Mul', [op('Mul', [x, onePlus], tmp('x_times'), node), constant(0.5)], y, node);
        break;
      }
      case 'softplus': {
        const beta = node.beta ?? 1;
        const threshold = node.threshold ?? 20;
        const bx = beta === 1 ? x : op('Mul', [x, constant(beta)], tmp('beta_x'), node);
        const soft = op('Softplus', [bx], tmp('softplus'), node);
        const smooth = beta === 1 ? soft : op('Div', [soft, constant(beta)], tmp('over_beta'), node);
        const linear = op('Greater', [bx, constant(threshold)], tmp('above_threshold'), node);
        op('Where', [linear, x, smooth], y, node);
        break;
      }
      case 'dropout': op('Identity', [x], y, node); break;
      case 'add': op('Sum', inputs.map(tensorOf), y, node); break;
      case 'concat': op('Concat', inputs.map(tensorOf), y, node, [{ name: 'axis', type: ATTRIBUTE_TYPE.INT, i: 1 }]); break;
      case 'output': op('Identity', [x], y, node); break;
    }
  }

  const tensorType = (width: number) => ({ tensorType: { elemType: ONNX_FLOAT, shape: { dim: [{ dimParam: 'batch' }, { dimValue: width }] } } });
  const t = preprocessing.target;
  const metadata: Record<string, string> = {
    'layerboard.project': project.name,
    'layerboard.task': t.task,
    'layerboard.input': describeInput(preprocessing),
    'layerboard.output': describeOutput(preprocessing, plan.outputWidth),
    'layerboard.feature_names': JSON.stringify(preprocessing.featureNames),
    ...(t.task === 'classification' ? { 'layerboard.classes': JSON.stringify(t.classes) } : {}),
    'layerboard.loss': plan.outputNode.loss,
    'layerboard.preprocessing': JSON.stringify(preprocessing),
  };
  const message = {
    irVersion: IR_VERSION,
    producerName: 'Layerboard',
    docString: `${project.name}: the trained network for inference. Input "input": ${metadata['layerboard.input']} Output "prediction": ${metadata['layerboard.output']}`,
    // No domain: an absent one is ai.onnx, the default (and encodes the same in proto2 and proto3 readers).
    opsetImport: [{ version: ONNX_OPSET }],
    metadataProps: Object.entries(metadata).map(([key, value]) => ({ key, value })),
    graph: {
      name: 'layerboard',
      node: nodes,
      initializer: initializers,
      input: [{ name: 'input', type: tensorType(plan.inputWidth), docString: metadata['layerboard.input'] }],
      output: [{ name: 'prediction', type: tensorType(plan.outputWidth), docString: metadata['layerboard.output'] }],
    },
  };
  return message;
}

/**
 * The trained network as an ONNX model's bytes. Encoded by the static encoder pbjs generated from
 * proto/onnx-subset.proto (ONNX's own messages and field numbers): plain code, no `new Function`,
 * so it runs under the app's Content-Security-Policy as well as in Node.
 */
export function onnxModel(model: ExportModel): Uint8Array {
  return onnx.ModelProto.encode(onnxModelMessage(model)).finish();
}
