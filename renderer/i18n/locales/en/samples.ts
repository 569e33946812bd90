/** File › Open sample…: the guided samples (renderer/samples/catalog.ts), each with what to try. */
export default {
  dialog: {
    title: 'Open a sample',
    intro: 'Each sample is a project with its data, ready to train. The pairs show one lesson from the lecture side by side: open one, train it, then open the other.',
    open: 'Open',
    openNamed: 'Open {{title}}',
    close: 'Close',
    failed: 'Could not open the sample {{file}}',
  },
  groups: {
    lecture: 'The lecture example',
    linear: 'Why a non-linearity: linear collapse',
    vanishing: 'Vanishing gradients',
    dying: 'Dying ReLU',
    classification: 'Classification',
  },
  items: {
    'deep-regression': {
      title: 'Deep regression on Boston housing',
      description: 'The lecture\'s 13-3-3-3-1 network with LeakyReLU and no activation after the last layer, trained full-batch with SGD (learning rate 1e-4) on standardized features to predict MEDV, the median home value in $1000s. Try: train it and watch the loss fall; then set linear4\'s output width to 13 (the lecture\'s mistake) and see the check catch it. Column B encodes the proportion of Black residents by town; it is kept only so the numbers match the lecture, and you can set it to ignored.',
    },
    'deep-regression-output-width': {
      title: 'The output-width mistake',
      description: 'The lecture\'s network as the notebook built it, MyModel(input_dim, input_dim): the last Linear outputs 13 numbers for the 1-column MEDV target. PyTorch only warns and broadcasts the loss, and the mistake surfaces later as a (506, 13) prediction; here the shape check stops it before training. Try: read the error on linear4 and in the problems list, apply its one-click fix (output width 1), and train.',
    },
    'sine-linear': {
      title: 'Linear → Linear on y = sin(x)',
      description: 'Two Linear layers with nothing between them, fitted to y = sin(x) for x in [−3, 3] (400 points). Two linear layers compose into one linear function, so however long it trains, the loss stays near 0.165: the error of the best straight line. Try: train it and watch the loss flatten; look at the predicted-against-actual scatter; then insert a ReLU between linear1 and linear2 (or open the next sample) and train again.',
    },
    'sine-relu': {
      title: 'Linear → ReLU → Linear on y = sin(x)',
      description: 'The same two layers with a ReLU between them: the network is now piecewise linear with up to 16 bends and can follow the curve. Its loss falls far below the straight line\'s 0.165 (below 0.001). Try: compare its loss curve with the linear-only sample; make linear1 narrower (2 or 4 units) and see how many bends the curve needs.',
    },
    'vanishing-sigmoid': {
      title: 'Vanishing gradients: 8 sigmoid layers',
      description: 'Eight Linear(16) + Sigmoid layers on Boston housing (target scaled). Backpropagation multiplies one derivative per layer and the sigmoid\'s is at most 0.25, so the gradient reaching linear1 is over a million times smaller than at linear9, and the loss stays near 1: the network predicts little more than the mean. Try: train it and open the Training tab: on the gradient-norm chart (log scale) the layers fan out by orders of magnitude, and the run warns about vanishing gradients. Then open the ReLU version and compare linear1\'s line.',
    },
    'vanishing-relu': {
      title: 'The same 8 layers with ReLU',
      description: 'The same eight-layer stack with ReLU instead of Sigmoid. ReLU\'s derivative is 1 wherever it is active, so linear1 gets a gradient thousands of times larger than in the sigmoid stack, and the loss falls well below 1. Try: compare the gradient-norm chart with the sigmoid version\'s; the layers still differ a little, because PyTorch\'s default initialisation shrinks the signal a bit per layer.',
    },
    'dying-relu': {
      title: 'Dying ReLU at a high learning rate',
      description: 'Two ReLU layers (16 and 32 units) on Boston housing, trained full-batch with Adam at a learning rate of 0.5, far too high. The first steps throw the weights far off; a unit whose input is negative for every row outputs 0, gets no gradient and never recovers. Here two thirds of the units die, the whole second layer among them, so the network can only predict the mean: the loss stays near 84, the variance of MEDV. Try: train it and look at the dead-ReLU chart and the warning; then open the LeakyReLU version, or lower the learning rate and train again.',
    },
    'dying-relu-leaky': {
      title: 'The same network with LeakyReLU',
      description: 'The same network, data and learning rate with LeakyReLU (slope 0.01). A unit pushed into the negative region still passes 1% of the gradient, so it can come back: few units stay negative for every row, and the loss falls to about 4 while the ReLU network is stuck near 84. Try: compare the two loss curves; set both slopes to 0 (which makes them ReLUs) and train again.',
    },
    'iris-classifier': {
      title: 'Iris classification',
      description: 'Fisher\'s iris flowers: 4 measurements → Linear(16) → ReLU → Linear(3), cross-entropy, Adam, with 20% of the rows held out. Chance is one in three; it gets well over 90% of the held-out flowers right. Try: train it and read the confusion matrix (which two species does it mix up?); then remove the ReLU and see how far a linear model gets here.',
    },
    'wine-classifier': {
      title: 'Wine classification',
      description: 'Wines from three cultivars: 13 chemical measurements → Linear(16) → ReLU → Linear(3), cross-entropy, with 20% of the rows held out. The features have very different scales (proline in the hundreds, hue near 1), which standard scaling evens out. Try: train it and check the held-out accuracy and the confusion matrix; then set scaling to none in the Data panel and train again to compare.',
    },
  },
} as const;
