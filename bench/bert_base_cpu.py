#!/usr/bin/env python3
"""What a BERT-base encoder costs on this CPU, one thread: the speed side of issue 5's goal
("≥ 100× what a BERT-base model does on CPU").

No trained BERT model is reachable here, but its speed does not depend on its weights: this
runs BERT-base's forward pass (12 layers, hidden 768, 12 heads, feed-forward 3072, GELU, layer
norm) with random float32 weights in NumPy, whose matrix products are BLAS calls — the same work
a framework does, without tokenisation or a classification layer (which would only slow it).
It prints tokens per second at sequence length 128, one sequence at a time and in batches of 8.

    pip install numpy
    OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 MKL_NUM_THREADS=1 python3 bench/bert_base_cpu.py
"""
import os
import time

for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(var, "1")

import numpy as np  # noqa: E402  (after the thread limits)

HIDDEN, HEADS, FFN, LAYERS, SEQ = 768, 12, 3072, 12, 128
rng = np.random.default_rng(0)


def weights(*shape):
    return (rng.standard_normal(shape) * 0.02).astype(np.float32)


LAYER_WEIGHTS = [
    {
        "qkv": weights(HIDDEN, 3 * HIDDEN),
        "out": weights(HIDDEN, HIDDEN),
        "up": weights(HIDDEN, FFN),
        "down": weights(FFN, HIDDEN),
    }
    for _ in range(LAYERS)
]


def layer_norm(x):
    mean = x.mean(-1, keepdims=True)
    var = x.var(-1, keepdims=True)
    return (x - mean) / np.sqrt(var + 1e-12)


def gelu(x):
    return 0.5 * x * (1.0 + np.tanh(0.7978845608 * (x + 0.044715 * x**3)))


def encoder(x):
    """x: (batch, SEQ, HIDDEN) → same shape, through the 12 layers."""
    b = x.shape[0]
    d = HIDDEN // HEADS
    for w in LAYER_WEIGHTS:
        qkv = x @ w["qkv"]
        q, k, v = np.split(qkv, 3, axis=-1)
        q = q.reshape(b, SEQ, HEADS, d).transpose(0, 2, 1, 3)
        k = k.reshape(b, SEQ, HEADS, d).transpose(0, 2, 3, 1)
        v = v.reshape(b, SEQ, HEADS, d).transpose(0, 2, 1, 3)
        scores = (q @ k) / np.sqrt(d)
        scores = np.exp(scores - scores.max(-1, keepdims=True))
        scores /= scores.sum(-1, keepdims=True)
        context = (scores @ v).transpose(0, 2, 1, 3).reshape(b, SEQ, HIDDEN)
        x = layer_norm(x + context @ w["out"])
        x = layer_norm(x + gelu(x @ w["up"]) @ w["down"])
    return x


def tokens_per_second(batch, seconds=10.0):
    x = weights(batch, SEQ, HIDDEN)
    encoder(x)  # warm up
    runs, started = 0, time.perf_counter()
    while time.perf_counter() - started < seconds:
        encoder(x)
        runs += 1
    return runs * batch * SEQ / (time.perf_counter() - started)


if __name__ == "__main__":
    print(f"numpy {np.__version__}, one thread, sequence length {SEQ}")
    for batch in (1, 8):
        print(f"BERT-base encoder, batch {batch}: {tokens_per_second(batch):,.0f} tokens/s")
