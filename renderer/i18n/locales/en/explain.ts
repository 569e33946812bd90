/**
 * Explanations, keyed by diagnostic code (LB1xx structure, LB2xx parameters, LB3xx widths, LB4xx
 * the lecture's warnings), by training-health code, and `diverged` (a NaN or infinite loss). Each
 * says what it means, why it happens and how to fix it, in the lecture's own concepts.
 * explanations.test.ts fails when a code core can raise has no entry here or in Korean.
 */
export default {
  panel: {
    title: 'Why? {{code}}',
    what: 'What it means',
    why: 'Why it happens',
    fix: 'How to fix it',
    node: 'Concerns',
    wholeGraph: 'the whole network',
    message: 'The message',
    applyFix: 'Fix: {{label}}',
    close: 'Close',
    open: 'Why? Explain {{code}}',
    openShort: 'Why?',
  },
  codes: {
    LB101: {
      title: 'The network has a loop',
      what: 'Following the connections from some node leads back to that node.',
      why: 'A network is a chain of functions applied one after another, y = f3(f2(f1(x))). The forward pass computes each layer once, from the input to the output, and backpropagation walks the same chain backwards; a loop has no first or last step.',
      fix: 'Remove one connection in the loop so that every path runs from the Input to the Output.',
    },
    LB102: {
      title: 'No Input node',
      what: 'Nothing feeds the feature columns into the network.',
      why: 'Every row of data enters through the Input node: it is the x in h = x·W1 + b1. Without it the first layer has nothing to multiply.',
      fix: 'Add an Input node from the palette and connect it to the first layer.',
    },
    LB103: {
      title: 'More than one Input',
      what: 'The network has two or more Input nodes.',
      why: 'All feature columns of a row arrive together as one vector x through one Input. A second Input would have no data to give.',
      fix: 'Delete the extra Input and connect its layers to the first one.',
    },
    LB104: {
      title: 'No Output node',
      what: 'Nothing compares the prediction with the target.',
      why: 'Training is gradient descent on a loss, such as MSE = Σ‖y − ŷ‖². The Output node holds that loss; without it there is nothing to differentiate, so no gradient and no learning.',
      fix: 'Add an Output node after the last layer and choose its loss (mse for regression).',
    },
    LB105: {
      title: 'More than one Output',
      what: 'The network has two or more Output nodes.',
      why: 'One loss drives one backward pass. Several targets are predicted by one last layer with one unit per target, not by several Outputs.',
      fix: 'Delete the extra Output; give the last Linear layer one output per target column.',
    },
    LB106: {
      title: 'Not reached from the input',
      what: 'No path leads from the Input to this node.',
      why: 'The forward pass only computes what the data flows into. A node off that path never gets a value, so it neither predicts nor learns.',
      fix: 'Connect it into the network, or delete it.',
    },
    LB107: {
      title: 'Does not lead to the output',
      what: 'No path leads from this node to the Output.',
      why: 'Backpropagation sends the loss\'s gradient backwards along the connections (the chain rule). A node that does not reach the loss gets gradient 0, so its weights never change.',
      fix: 'Connect it onward towards the Output, or delete it.',
    },
    LB108: {
      title: 'Missing input',
      what: 'This node needs more incoming connections than it has.',
      why: 'Each layer is a function of the layer before it; with no input there is no value to transform.',
      fix: 'Connect the previous layer into it, or delete it.',
    },
    LB109: {
      title: 'Too many inputs',
      what: 'More connections lead into this node than it takes.',
      why: 'A Linear layer or an activation transforms one vector. Joining two vectors is a separate step (Add or Concat).',
      fix: 'Remove the extra connections, or join them first with Add or Concat.',
    },
    LB110: {
      title: 'Connection to a missing node',
      what: 'A connection points to a node id that is not in the graph.',
      why: 'Usually a file edited by hand, or a node deleted outside the app.',
      fix: 'Delete the connection (or restore the node it names).',
    },
    LB111: {
      title: 'Two nodes share an id',
      what: 'Two nodes have the same id.',
      why: 'Connections, weights and messages name nodes by id, so each id must be unique.',
      fix: 'Rename or delete one of them.',
    },
    LB112: {
      title: 'Connected twice',
      what: 'The same two nodes are connected more than once.',
      why: 'One connection already carries the whole vector; a second adds nothing.',
      fix: 'Delete the duplicate connection.',
    },
    LB113: {
      title: 'Connected to itself',
      what: 'A node feeds its own input.',
      why: 'The forward pass computes each layer once, from earlier layers only; a node cannot use its own output.',
      fix: 'Delete the connection.',
    },
    LB114: {
      title: 'Something follows the Output',
      what: 'The Output node connects onward to another node.',
      why: 'The Output is where the prediction ŷ meets the target and the loss is computed: the end of the chain.',
      fix: 'Delete the connections leaving the Output.',
    },
    LB201: {
      title: 'Invalid parameter',
      what: 'A parameter of this node has a value it cannot take.',
      why: 'Widths are whole numbers of units, slopes and rates are numbers in a range, and the loss is one of a fixed list.',
      fix: 'Type a valid value in the inspector, or use the suggested fix.',
    },
    LB202: {
      title: 'Unknown node type',
      what: 'This node\'s type is not one Layerboard knows.',
      why: 'Usually a file from a newer version or edited by hand.',
      fix: 'Delete it and add the layer you meant from the palette.',
    },
    LB301: {
      title: 'Input width does not match',
      what: 'This Linear layer expects a different number of input features than it receives.',
      why: 'h = x·W + b multiplies a vector of n numbers by an n × m matrix: W\'s row count must equal the width coming in.',
      fix: 'Clear inFeatures (Layerboard infers it), or set it to the incoming width.',
    },
    LB302: {
      title: 'Add of unequal widths',
      what: 'The inputs of an Add node have different widths.',
      why: 'Add sums element by element, a + b, so both vectors need the same length. Concat places them side by side instead.',
      fix: 'Make the widths equal, or replace the Add with a Concat.',
    },
    LB303: {
      title: 'The prediction is the wrong width',
      what: 'The last layer predicts a different number of values per row than the target has columns.',
      why: 'This is the lecture\'s own bug: MyModel(x.shape[-1], x.shape[-1]) made the last layer nn.Linear(3, 13), so ŷ was [506, 13] while y was [506, 1]. F.mse_loss only warned and broadcast the two, training on a meaningless loss, and the mistake showed only when plotting y against ŷ failed.',
      fix: 'Set the last Linear layer\'s outFeatures to the number of target columns (1 for one target): in the lecture, MyModel(x.shape[-1], y.shape[-1]).',
    },
    LB304: {
      title: 'Wrong number of class outputs',
      what: 'The last layer\'s width does not match the number of classes.',
      why: 'crossEntropy needs one score (logit) per class; bce on a yes/no target needs exactly one.',
      fix: 'Set the last Linear layer\'s outFeatures to the number of classes (1 for bce).',
    },
    LB305: {
      title: 'Input width unknown',
      what: 'No data is linked, so the number of features is unknown.',
      why: 'The first layer\'s W has one row per feature column; until the columns are known no width downstream can be checked.',
      fix: 'Import a CSV (or pick a sample) and choose the feature and target columns.',
    },
    LB306: {
      title: 'Loss does not suit the target',
      what: 'The loss expects a different kind of target than the data has.',
      why: 'A regression predicts numbers and compares them with MSE = mean((y − ŷ)²); classification compares class scores with labels using cross-entropy. Mixing them compares the wrong things.',
      fix: 'Use mse for a numeric target, crossEntropy for classes, bce for yes/no targets.',
    },
    LB401: {
      title: 'Two linear layers in a row collapse into one',
      what: 'Two Linear layers follow each other with no activation in between.',
      why: 'Stacking linear layers gives another linear layer: W2(W1x + b1) + b2 = (W2W1)x + (W2b1 + b2) = Wx + b. Passing through two linear layers is the same as passing through one, so the network still cannot fit a nonlinear (curved) relationship.',
      fix: 'Insert a nonlinear activation (ReLU, LeakyReLU, tanh) between them.',
    },
    LB402: {
      title: 'Activation after the last layer of a regression',
      what: 'The prediction of a regression goes through an activation.',
      why: 'An activation limits the output range: ReLU cannot go below 0, sigmoid stays in 0…1, tanh in −1…1. A regression must be able to predict any value, so the lecture warns: the last layer takes no activation.',
      fix: 'Remove the activation after the last Linear layer.',
    },
    LB403: {
      title: 'Gradients will vanish in this stack',
      what: 'Several sigmoid/tanh layers are stacked, so the first layers will barely learn.',
      why: 'Backpropagation applies the chain rule: the gradient reaching a layer is a product of one derivative per later layer. sigmoid\'(x) ≤ 0.25 and tanh\'(x) ≤ 1, so each layer multiplies the gradient by a number below 1; after k sigmoid layers it is at most 0.25^k (0.25³ ≈ 0.016). The gradient vanishes near the input.',
      fix: 'Use ReLU (slope 1 for positive inputs) or LeakyReLU instead of sigmoid/tanh in hidden layers.',
    },
    LB404: {
      title: 'Sigmoid or bce on a non-binary target',
      what: 'The output is squeezed into 0…1, or treated as a probability, but the target is not 0/1.',
      why: 'sigmoid(x) = 1 / (1 + e^(−x)) lies between 0 and 1, which suits yes/no targets only; a house price of 24.0 can never be reached.',
      fix: 'Remove the sigmoid and use mse for a numeric target, or crossEntropy for several classes.',
    },
    'dead-relu': {
      title: 'Dead ReLUs',
      what: 'More than half of the ReLU units output 0 for every row of the data.',
      why: 'ReLU(x) = max(0, x) has slope 0 for negative inputs. When a unit\'s input is negative for every sample, the chain rule multiplies its gradient by 0, so the weights feeding it are never updated again: the unit is dead for good. A large learning rate or unscaled inputs can push units there.',
      fix: 'Use LeakyReLU, max(a·x, x) with a small a such as 0.01: it keeps a nonzero slope for negative inputs. Also try a lower learning rate and standardized inputs.',
    },
    'vanishing-gradient': {
      title: 'Vanishing gradient',
      what: 'The gradient reaching the first layers is far smaller than at the last layer, so the layers near the input barely learn.',
      why: 'Backpropagation multiplies one derivative per layer (the chain rule). sigmoid\' ≤ 0.25 and tanh\' ≤ 1, so a product of many factors below 1 shrinks towards 0 layer by layer.',
      fix: 'Use ReLU or LeakyReLU in the hidden layers, make the network less deep, and standardize the inputs.',
    },
    'exploding-gradient': {
      title: 'Exploding gradient',
      what: 'A layer\'s gradient is far larger than its weights.',
      why: 'A gradient descent step is W ← W − lr·dL/dW. When dL/dW is huge (large, unscaled inputs; factors above 1 multiplied by the chain rule; a learning rate too high) one step throws the weights far away and the loss jumps or becomes NaN.',
      fix: 'Lower the learning rate, standardize the inputs, or turn on gradient clipping in the training settings.',
    },
    plateau: {
      title: 'The loss has stopped improving',
      what: 'Over the last epochs the training loss barely changed.',
      why: 'Either the network has learned what it can, or the steps are too small to make progress: the lecture\'s run needed 200,000 epochs at lr 1e-4. A network with too few units, or without activations (linear layers collapse into one), cannot fit curved data at all.',
      fix: 'If the loss is still high: raise the learning rate a little or try Adam, widen or deepen the network, and check that activations sit between the Linear layers.',
    },
    diverged: {
      title: 'Training diverged (NaN or infinite loss)',
      what: 'The loss became NaN or infinite, so training stopped and kept the last finite weights.',
      why: 'Each step moves the weights by lr·gradient. If the steps are too large the loss grows instead of shrinking, each step larger than the last, until the numbers overflow. Unscaled inputs with large values make the gradients large too.',
      fix: 'Lower the learning rate (try a tenth), standardize the inputs, or turn on gradient clipping; then train again.',
    },
  },
} as const;
