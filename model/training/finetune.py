#!/usr/bin/env python3
# Annals: fine-tunes the base sentence encoder with the classifier's heads and writes a model file.
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Run by `annals train` (see model/training/README.md), which writes the examples (word-piece ids,
# rule features and label sets, produced by the same Java code that classifies at run time) and the
# header (labels, feature names, base encoder and its digest). Needs Python 3 with PyTorch and onnx
# (Debian: apt-get install python3-torch python3-onnx). Deterministic: the same examples, settings
# and seed give the same bytes.
#
# The encoder is all-MiniLM-L6-v2 in the int8 form it runs in (per-column int8 weights): training
# starts from those weights dequantised, keeps the embeddings fixed, fine-tunes every transformer
# layer with a mean-pooled sentence vector (plus the rule features) feeding three linear heads
# (PLOVER, ACLED, CAMEO), and writes each trained weight matrix back as int8 with its per-column
# scale, under the base graph's initializer names, so ONNX Runtime runs the base graph with them.
# A head's loss is -log of the probability of its set of right labels (one label, or several where
# a data set's label is coarser).

import argparse
import hashlib
import json
import math
import random
import struct
import sys
import time

import numpy as np
import onnx
import torch
import torch.nn.functional as F
from onnx import numpy_helper

MAGIC = b"ANNALS-MODEL 1\n"
HEADS = ("plover", "acled", "cameo")


def log(*a):
    print("finetune:", *a, file=sys.stderr, flush=True)


class Encoder(torch.nn.Module):
    """BERT as in the base ONNX graph (post-layer-norm, GELU, 12 heads), weights from its initializers."""

    def __init__(self, path):
        super().__init__()
        g = onnx.load(path).graph
        init = {i.name: numpy_helper.to_array(i) for i in g.initializer}
        self.matrices = {}  # parameter key -> base initializer name (without _quantized)
        params = {}
        for n in g.node:
            if n.op_type != "MatMulInteger" or not n.input[1].endswith("_quantized"):
                continue
            base = n.input[1][: -len("_quantized")]
            key = n.name.strip("/").replace("/MatMul_quant", "").replace("/", ".")
            q = init[base + "_quantized"].astype(np.float32)
            zp = init[base + "_zero_point"].astype(np.float32)
            scale = init[base + "_scale"].astype(np.float32)
            params[key + ".w"] = (q - zp) * scale
            self.matrices[key + ".w"] = base
        for name, a in init.items():
            if a.dtype == np.float32 and (name.endswith(".bias") or "LayerNorm" in name) and name.startswith(("encoder.", "embeddings.LayerNorm")):
                params[name] = a
        self.emb = {}
        for e in ("word", "position", "token_type"):
            base = "embeddings.%s_embeddings.weight" % e
            q = init[base + "_quantized"].astype(np.float32)
            self.emb[e] = torch.tensor((q - init[base + "_zero_point"].astype(np.float32)) * init[base + "_scale"].astype(np.float32))
        self.layers = 1 + max(int(k.split(".")[2]) for k in params if k.startswith("encoder.layer."))
        self.hidden = self.emb["word"].shape[1]
        self.p = torch.nn.ParameterDict({k.replace(".", "__"): torch.nn.Parameter(torch.tensor(v.copy())) for k, v in sorted(params.items())})

    def get(self, k):
        return self.p[k.replace(".", "__")]

    def forward(self, ids, mask):
        b, t = ids.shape
        h = self.hidden
        x = self.emb["word"][ids] + self.emb["position"][:t].unsqueeze(0) + self.emb["token_type"][0]
        x = F.layer_norm(x, (h,), self.get("embeddings.LayerNorm.weight"), self.get("embeddings.LayerNorm.bias"), 1e-12)
        heads = 12
        d = h // heads
        bias = (1.0 - mask[:, None, None, :].float()) * -1e9
        for i in range(self.layers):
            pre = "encoder.layer.%d." % i

            def lin(name, inp):
                return inp @ self.get(pre + name + ".w") + self.get(pre + name + ".bias")

            q = lin("attention.self.query", x).view(b, t, heads, d).transpose(1, 2)
            k = lin("attention.self.key", x).view(b, t, heads, d).transpose(1, 2)
            v = lin("attention.self.value", x).view(b, t, heads, d).transpose(1, 2)
            a = torch.softmax(q @ k.transpose(-1, -2) / math.sqrt(d) + bias, -1)
            c = (a @ v).transpose(1, 2).reshape(b, t, h)
            x = F.layer_norm(x + lin("attention.output.dense", c), (h,), self.get(pre + "attention.output.LayerNorm.weight"), self.get(pre + "attention.output.LayerNorm.bias"), 1e-12)
            f = F.gelu(lin("intermediate.dense", x))
            x = F.layer_norm(x + lin("output.dense", f), (h,), self.get(pre + "output.LayerNorm.weight"), self.get(pre + "output.LayerNorm.bias"), 1e-12)
        m = mask.unsqueeze(-1).float()
        return (x * m).sum(1) / m.sum(1).clamp(min=1)


def label_mask(names, labels):
    if names is None:
        return None
    m = torch.zeros(len(labels), dtype=torch.bool)
    for n in names:
        m[labels.index(n)] = True
    return m


def partial_nll(logits, masks):
    """-log P(one of the right labels), over the rows that have labels."""
    rows = [i for i, m in enumerate(masks) if m is not None]
    if not rows:
        return logits.sum() * 0
    lp = F.log_softmax(logits[rows], -1)
    m = torch.stack([masks[i] for i in rows])
    return -(torch.logsumexp(lp.masked_fill(~m, -1e9), -1)).mean()


def batches(examples, size, rng):
    """Batches of similar length (less padding), in random order."""
    order = sorted(range(len(examples)), key=lambda i: (len(examples[i]["ids"]) + rng.random() * 8))
    out = [order[i:i + size] for i in range(0, len(order), size)]
    rng.shuffle(out)
    return out


def quantise(w):
    """Per-column symmetric int8, as the base graph stores its weights."""
    scale = np.abs(w).max(axis=0) / 127.0
    scale[scale == 0] = 1e-8
    q = np.clip(np.round(w / scale), -127, 127).astype(np.int8)
    return q, scale.astype(np.float32)


def write(path, header, tensors):
    data = bytearray()
    index = []
    for name, a in tensors:
        a = np.ascontiguousarray(a)
        dtype = {np.dtype(np.float32): "float32", np.dtype(np.int8): "int8"}[a.dtype]
        raw = a.astype(a.dtype.newbyteorder("<")).tobytes()
        index.append({"name": name, "dtype": dtype, "shape": list(a.shape), "offset": len(data), "bytes": len(raw)})
        data += raw
    header = dict(header)
    header["tensors"] = index
    header["weights_sha256"] = hashlib.sha256(bytes(data)).hexdigest()
    h = json.dumps(header, indent=2, sort_keys=True).encode("utf-8")
    with open(path, "wb") as f:
        f.write(MAGIC)
        f.write(struct.pack(">i", len(h)))
        f.write(h)
        f.write(bytes(data))


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--examples", required=True)
    ap.add_argument("--header", required=True)
    ap.add_argument("--base", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--folds", type=int, default=0, help="with --held-out: the number of folds")
    ap.add_argument("--held-out", type=int, default=-1, help="train without this fold")
    ap.add_argument("--epochs", type=int, default=5)
    ap.add_argument("--lr", type=float, default=8e-5)
    ap.add_argument("--head-lr", type=float, default=2e-3)
    ap.add_argument("--batch", type=int, default=16)
    ap.add_argument("--feature-dropout", type=float, default=0.3)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--limit", type=int, default=0, help="use only the first N examples (tests)")
    a = ap.parse_args()

    torch.set_num_threads(a.threads)
    torch.manual_seed(a.seed)
    torch.use_deterministic_algorithms(True)
    rng = random.Random(a.seed)
    header = json.load(open(a.header, encoding="utf-8"))
    labels = header["labels"]
    features = header["features"]
    examples = [json.loads(l) for l in open(a.examples, encoding="utf-8") if l.strip()]
    if a.held_out >= 0:
        examples = [e for e in examples if e["fold"] != a.held_out]
    if a.limit:
        examples = examples[: a.limit]
    if not examples:
        sys.exit("finetune: no examples to train on in " + a.examples)
    fi = {n: i for i, n in enumerate(features)}
    for e in examples:
        v = torch.zeros(len(features))
        for k, x in e["features"].items():
            if k in fi:
                v[fi[k]] = x
        e["fvec"] = v
        e["masks"] = {h: label_mask(e.get(h), labels[h]) for h in HEADS}

    enc = Encoder(a.base)
    hidden = enc.hidden
    heads = torch.nn.ModuleDict({h: torch.nn.Linear(hidden + len(features), len(labels[h])) for h in HEADS})
    drop = torch.nn.Dropout(0.1)
    opt = torch.optim.AdamW(
        [{"params": list(enc.parameters()), "lr": a.lr}, {"params": list(heads.parameters()), "lr": a.head_lr}],
        weight_decay=0.01)
    steps = a.epochs * math.ceil(len(examples) / a.batch)
    warm = max(1, int(0.1 * steps))
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: (s + 1) / warm if s < warm else max(0.0, (steps - s) / max(1, steps - warm)))
    log("%d examples, %d features, %d epochs, %d steps" % (len(examples), len(features), a.epochs, steps))
    t0 = time.time()
    for epoch in range(a.epochs):
        enc.train()
        total = 0.0
        for bi in batches(examples, a.batch, rng):
            b = [examples[i] for i in bi]
            t = max(len(e["ids"]) for e in b)
            ids = torch.zeros(len(b), t, dtype=torch.long)
            mask = torch.zeros(len(b), t, dtype=torch.long)
            for r, e in enumerate(b):
                ids[r, : len(e["ids"])] = torch.tensor(e["ids"])
                mask[r, : len(e["ids"])] = 1
            fv = torch.stack([e["fvec"] if rng.random() >= a.feature_dropout else torch.zeros(len(features)) for e in b])
            x = torch.cat([drop(enc(ids, mask)), fv], -1)
            loss = sum(partial_nll(heads[h](x), [e["masks"][h] for e in b]) for h in HEADS)
            opt.zero_grad()
            loss.backward()
            opt.step()
            sched.step()
            total += float(loss) * len(b)
        log("epoch %d: loss %.4f (%.0f s)" % (epoch + 1, total / len(examples), time.time() - t0))

    tensors = []
    for key, base in sorted(enc.matrices.items(), key=lambda kv: kv[1]):
        q, scale = quantise(enc.get(key).detach().numpy())
        tensors.append((base + "_quantized", q))
        tensors.append((base + "_scale", scale))
    for key in sorted(enc.p.keys()):
        name = key.replace("__", ".")
        if not name.endswith(".w"):
            tensors.append((name, enc.p[key].detach().numpy().astype(np.float32)))
    for h in HEADS:
        tensors.append(("head.%s.weight" % h, heads[h].weight.detach().numpy().T.astype(np.float32)))
        tensors.append(("head.%s.bias" % h, heads[h].bias.detach().numpy().astype(np.float32)))
    header["format"] = 1
    header["hidden"] = hidden
    header["training"] = {
        "script": "model/training/finetune.py",
        "examples": len(examples),
        "examples_sha256": hashlib.sha256(open(a.examples, "rb").read()).hexdigest(),
        "held_out_fold": a.held_out,
        "folds": a.folds,
        "epochs": a.epochs,
        "lr": a.lr,
        "head_lr": a.head_lr,
        "batch": a.batch,
        "feature_dropout": a.feature_dropout,
        "seed": a.seed,
        "threads": a.threads,
        "torch": torch.__version__,
    }
    write(a.out, header, tensors)
    log("wrote %s (%.0f s)" % (a.out, time.time() - t0))


if __name__ == "__main__":
    main()
