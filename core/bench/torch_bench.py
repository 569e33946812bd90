"""PyTorch side of `npm run bench`: trains the same workload from the same data and initial
weights as Layerboard and reports the wall time and final loss. Reads a JSON spec on stdin."""
import json
import sys
import time

import numpy as np
import torch


def main():
    spec = json.load(sys.stdin)
    torch.set_num_threads(spec["threads"])
    x = torch.from_numpy(np.fromfile(spec["x"], dtype=np.float32).reshape(spec["n"], -1))
    yraw = np.fromfile(spec["y"], dtype=np.float32)
    classification = spec["loss"] == "crossEntropy"
    y = torch.from_numpy(yraw.astype(np.int64)) if classification else torch.from_numpy(yraw.reshape(spec["n"], -1))
    layers = []
    for i, layer in enumerate(spec["layers"]):
        lin = torch.nn.Linear(layer["in"], layer["out"])
        with torch.no_grad():
            lin.weight.copy_(torch.tensor(layer["weight"], dtype=torch.float32).reshape(layer["out"], layer["in"]))
            lin.bias.copy_(torch.tensor(layer["bias"], dtype=torch.float32))
        layers.append(lin)
        if i < len(spec["layers"]) - 1:
            layers.append(torch.nn.LeakyReLU(spec["slope"]) if spec["activation"] == "leakyRelu" else torch.nn.ReLU())
    model = torch.nn.Sequential(*layers)
    opt = spec["optimizer"]
    if opt["type"] == "sgd":
        optimizer = torch.optim.SGD(model.parameters(), lr=opt["lr"], momentum=opt.get("momentum", 0))
    else:
        optimizer = torch.optim.Adam(model.parameters(), lr=opt["lr"])
    loss_fn = torch.nn.CrossEntropyLoss() if classification else torch.nn.MSELoss()
    n, batch = spec["n"], spec["batch"]
    batches = [(x[s:s + batch], y[s:s + batch]) for s in range(0, n, batch)]
    start = time.perf_counter()
    for _ in range(spec["epochs"]):
        total = 0.0
        for xb, yb in batches:
            loss = loss_fn(model(xb), yb)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            total += loss.item() * xb.shape[0]
    # The final loss over all the data is inside the timing, as in Layerboard's runTraining (which
    # ends with it), so that both sides are timed for the same work.
    with torch.no_grad():
        final = loss_fn(model(x), y).item()
    seconds = time.perf_counter() - start
    json.dump({"seconds": seconds, "finalLoss": final, "lastEpochLoss": total / n, "threads": torch.get_num_threads()}, sys.stdout)


if __name__ == "__main__":
    main()
