"""PyTorch oracle for Layerboard's tests.

Reads one JSON document {"cases": [...]} on stdin and writes {"results": [...]} on stdout, one
result per case in the same order, so a whole test file pays for one torch start-up.
core/testing/torch-oracle.ts is the other side; its types document the case shapes.

Case kinds:
  "op"    one op (an activation, dropout with a given keep-mask, add, concat, linear, or a loss)
          on given inputs: its output and, by autograd, the gradient of every input and
          parameter for a given upstream gradient (for a loss: of the loss itself).
  "train" an nn.Module built from a graph spec (nodes in topological order), loaded with given
          weights (PyTorch layout), trained for a number of epochs of full-batch or fixed-order
          minibatch steps: the weights afterwards and the loss of every step.

Everything runs in float32 (the engine's dtype) unless a case asks for "float64", on one thread
so that reductions are summed in the same order on every run.
"""
import json
import math
import sys

import torch
import torch.nn as nn
import torch.nn.functional as F

torch.set_num_threads(1)

DTYPES = {"float32": torch.float32, "float64": torch.float64}


def activation_module(op, params):
    """The nn module for an activation node, with the engine's parameter names and PyTorch's defaults."""
    if op == "relu":
        return nn.ReLU()
    if op == "leakyRelu":
        return nn.LeakyReLU(params.get("slope", 0.01))
    if op == "sigmoid":
        return nn.Sigmoid()
    if op == "tanh":
        return nn.Tanh()
    if op == "elu":
        return nn.ELU(params.get("alpha", 1.0))
    if op == "gelu":
        return nn.GELU()  # approximate='none': the exact erf form
    if op == "softplus":
        return nn.Softplus(params.get("beta", 1.0), params.get("threshold", 20.0))
    if op == "silu":
        return nn.SiLU()
    return None


def loss_module(loss, delta):
    if loss == "mse":
        return nn.MSELoss()
    if loss == "mae":
        return nn.L1Loss()
    if loss == "huber":
        return nn.HuberLoss(delta=1.0 if delta is None else delta)
    if loss == "crossEntropy":
        return nn.CrossEntropyLoss()
    if loss == "bce":
        return nn.BCEWithLogitsLoss()
    raise ValueError(f"unknown loss {loss!r}")


def tensor(data, shape, dtype, grad=False):
    t = torch.tensor(data, dtype=torch.float64).to(dtype).reshape(shape)
    return t.requires_grad_(grad)


def targets_for(loss, data, shape, dtype):
    """Class indices for crossEntropy (one per row), values otherwise."""
    if loss == "crossEntropy":
        return torch.tensor([int(v) for v in data], dtype=torch.long)
    return tensor(data, shape, dtype)


def finite(v):
    return v if math.isfinite(v) else None


def flat(t):
    """A tensor as a flat list of Python floats (exact float32 values), non-finite as null."""
    return [finite(v) for v in t.detach().to(torch.float64).reshape(-1).tolist()]


def run_op(case):
    dtype = DTYPES[case.get("dtype", "float32")]
    op = case["op"]
    params = case.get("params", {})
    inputs = [tensor(x["data"], x["shape"], dtype, grad=True) for x in case["inputs"]]
    weight = bias = None

    if op in ("mse", "mae", "huber", "crossEntropy", "bce"):
        (pred,) = inputs
        target = targets_for(op, case["target"], pred.shape, dtype)
        out = loss_module(op, params.get("delta"))(pred, target)
        out.backward()
        return {"output": [finite(out.item())], "inputGrads": [flat(pred.grad)]}

    module = activation_module(op, params)
    if module is not None:
        out = module(inputs[0])
    elif op == "dropout":
        # nn.Dropout's training path (aten _dropout_impl): input * (bernoulli mask / (1 - p)),
        # with the engine's mask given, since the two random streams differ.
        p = params.get("p", 0.5)
        mask = tensor(case["mask"], inputs[0].shape, dtype)
        out = inputs[0] * mask.div_(1 - p) if case.get("training", True) and p > 0 else F.dropout(inputs[0], p, training=False)
    elif op == "add":
        out = inputs[0]
        for x in inputs[1:]:
            out = out + x
    elif op == "concat":
        out = torch.cat(inputs, dim=1)
    elif op == "linear":
        weight = tensor(case["weight"]["data"], case["weight"]["shape"], dtype, grad=True)
        if case.get("bias") is not None:
            bias = tensor(case["bias"]["data"], case["bias"]["shape"], dtype, grad=True)
        out = F.linear(inputs[0], weight, bias)
    else:
        raise ValueError(f"unknown op {op!r}")

    out.backward(tensor(case["upstream"], out.shape, dtype))
    result = {"output": flat(out), "inputGrads": [flat(x.grad) for x in inputs]}
    if weight is not None:
        result["weightGrad"] = flat(weight.grad)
        result["biasGrad"] = flat(bias.grad) if bias is not None else None
    return result


class GraphNet(nn.Module):
    """A graph spec (nodes in topological order, each naming its inputs) as an nn.Module."""

    def __init__(self, nodes):
        super().__init__()
        self.nodes = nodes
        self.mods = nn.ModuleDict()
        # Node ids need not be valid module names; index them instead.
        self.key = {node["id"]: f"n{i}" for i, node in enumerate(nodes)}
        for node in nodes:
            t = node["type"]
            if t == "linear":
                m = nn.Linear(node["inFeatures"], node["outFeatures"], bias=node.get("bias", True) is not False)
            elif t == "dropout":
                if node.get("p", 0.5) != 0:
                    # The engine's dropout stream is not torch's: runs with p > 0 cannot be compared.
                    raise ValueError(f"dropout {node['id']} has p = {node.get('p', 0.5)}; a training case needs p = 0")
                m = nn.Dropout(0.0)
            else:
                m = activation_module(t, node)
            if m is not None:
                self.mods[self.key[node["id"]]] = m

    def linears(self):
        return [(node["id"], self.mods[self.key[node["id"]]]) for node in self.nodes if node["type"] == "linear"]

    def forward(self, x):
        values = {}
        for node in self.nodes:
            t = node["type"]
            ins = [values[i] for i in node.get("inputs", [])]
            if t == "input":
                values[node["id"]] = x
            elif t == "add":
                out = ins[0]
                for v in ins[1:]:
                    out = out + v
                values[node["id"]] = out
            elif t == "concat":
                values[node["id"]] = torch.cat(ins, dim=1)
            elif t == "output":
                return ins[0]
            else:
                values[node["id"]] = self.mods[self.key[node["id"]]](ins[0])
        raise ValueError("the graph spec has no output node")


def make_optimizer(settings, params):
    s = dict(settings)
    kind = s.pop("type")
    lr = s.pop("lr")
    # Only the fields the engine's settings give, so PyTorch's own defaults fill the rest.
    names = {"weightDecay": "weight_decay"}
    kwargs = {names.get(k, k): (tuple(v) if k == "betas" else v) for k, v in s.items()}
    # The single-tensor ("for-loop") implementation, whose formulas the engine follows.
    kwargs["foreach"] = False
    cls = {"sgd": torch.optim.SGD, "adam": torch.optim.Adam, "adamw": torch.optim.AdamW, "rmsprop": torch.optim.RMSprop}[kind]
    return cls(params, lr=lr, **kwargs)


def run_train(case):
    dtype = DTYPES[case.get("dtype", "float32")]
    nodes = case["nodes"]
    output = nodes[-1]
    net = GraphNet(nodes).to(dtype)
    with torch.no_grad():
        for node_id, lin in net.linears():
            stored = case["weights"][node_id]
            lin.weight.copy_(tensor(stored["weight"]["data"], stored["weight"]["shape"], dtype))
            if lin.bias is not None:
                lin.bias.copy_(tensor(stored["bias"]["data"], stored["bias"]["shape"], dtype))
    n = case["rows"]
    x = tensor(case["x"], (n, -1), dtype)
    y = targets_for(output["loss"], case["y"], (n, -1), dtype)
    loss_fn = loss_module(output["loss"], output.get("delta"))
    opt = make_optimizer(case["optimizer"], net.parameters())
    batch = case.get("batchSize") or n
    clip = case.get("gradClipNorm")
    net.train()
    step_losses = []
    epoch_losses = []
    for _ in range(case["epochs"]):
        total = 0.0
        for start in range(0, n, batch):
            xb, yb = x[start:start + batch], y[start:start + batch]
            opt.zero_grad()
            loss = loss_fn(net(xb), yb)
            loss.backward()
            if clip is not None:
                torch.nn.utils.clip_grad_norm_(net.parameters(), clip)
            opt.step()
            step_losses.append(finite(loss.item()))
            total += loss.item() * xb.shape[0]
        epoch_losses.append(finite(total / n))
    weights = {}
    for node_id, lin in net.linears():
        weights[node_id] = {"weight": {"shape": list(lin.weight.shape), "data": flat(lin.weight)}}
        if lin.bias is not None:
            weights[node_id]["bias"] = {"shape": list(lin.bias.shape), "data": flat(lin.bias)}
    return {"weights": weights, "stepLosses": step_losses, "epochLosses": epoch_losses}


def main():
    request = json.load(sys.stdin)
    results = []
    for case in request["cases"]:
        try:
            if case["kind"] == "op":
                results.append(run_op(case))
            elif case["kind"] == "train":
                results.append(run_train(case))
            else:
                raise ValueError(f"unknown case kind {case['kind']!r}")
        except Exception as e:  # one bad case must not hide the others' results
            results.append({"error": f"{type(e).__name__}: {e}"})
    json.dump({"torch": torch.__version__, "results": results}, sys.stdout, allow_nan=False)


if __name__ == "__main__":
    main()
