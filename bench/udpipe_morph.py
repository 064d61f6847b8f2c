#!/usr/bin/env python3
"""UDPipe 1 next to hadath's Arabic word analyser, trained and scored on the same data, in one run.

    cargo xtask morph-conllu /tmp/padt          # PADT UD v1.3 as hadath sees it (not committed: CC BY-NC-SA)
    pip install ufal.udpipe
    python3 bench/udpipe_morph.py /tmp/padt [--split heldout|test]

Trains UDPipe 1 (PyPI ufal.udpipe: its tokenizer on the rebuilt written text with multiword tokens,
its tagger and lemmatiser; no parser) on train.conllu with heldout.conllu for its own tuning, then
scores it on the chosen split with hadath's definitions (crates/hadath-morph/src/train.rs):
- gold segmentation: the tagger on the gold syntactic words; UPOS, UFeats, both, lemma accuracy;
- predicted segmentation: each gold sentence's written text tokenized by UDPipe (sentence bounds
  given); a gold token counts when UDPipe produced a token over the same characters with the same
  words, and only those words can be right; the rest of the gold words count as wrong.
Speed is one thread, words per second of the pass. Then runs `hadath eval morph` on the same split
for the figures side by side. UDPipe is a peer baseline: nothing of it is part of hadath.
"""
import argparse
import os
import subprocess
import sys
import time

from ufal.udpipe import InputFormat, Model, ProcessingError, Sentence, Sentences, Trainer


def read(path):
    fmt = InputFormat.newConlluInputFormat()
    fmt.setText(open(path, encoding="utf-8").read())
    out, err = [], ProcessingError()
    while True:
        s = Sentence()
        if not fmt.nextSentence(s, err):
            break
        out.append(s)
    if err.occurred():
        sys.exit(f"{path}: {err.message}")
    return out


def words(s):
    return [(w.form, w.upostag, w.feats, w.lemma) for w in list(s.words)[1:]]


def tokens(s):
    """Written tokens as (text, [word indexes]) from a UDPipe sentence."""
    ws = list(s.words)[1:]
    mwts = {m.idFirst: m for m in s.multiwordTokens}
    out, i = [], 1
    while i <= len(ws):
        if i in mwts:
            m = mwts[i]
            out.append((m.form, list(range(m.idFirst - 1, m.idLast))))
            i = m.idLast + 1
        else:
            out.append((ws[i - 1].form, [i - 1]))
            i += 1
    return out


def right(g, p):
    u = g[1] == p[1]
    f = (g[2] or "_") == (p[2] or "_")
    return [u, f, u and f, g[3] == p[3]]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dir")
    ap.add_argument("--split", default="heldout", choices=["heldout", "test"])
    ap.add_argument("--hadath", default="target/release/hadath")
    ap.add_argument("--model", default="/tmp/udpipe-padt.model", help="where the UDPipe model is written")
    ap.add_argument("--reuse", action="store_true", help="load --model instead of training again")
    args = ap.parse_args()

    train = read(f"{args.dir}/train.conllu")
    held = read(f"{args.dir}/heldout.conllu")
    gold = read(f"{args.dir}/{args.split}.conllu")

    err = ProcessingError()

    def vec(xs):
        v = Sentences()
        for x in xs:
            v.append(x)
        return v

    path = args.model
    started = time.time()
    if args.reuse and os.path.exists(path):
        print(f"UDPipe model reused from {path} (--reuse)")
        train_secs = None
    else:
        model_bytes = Trainer.train("morphodita_parsito", vec(train), vec(held), "", "", "none", err)
        if err.occurred():
            sys.exit(f"UDPipe training: {err.message}")
        train_secs = time.time() - started
        data = model_bytes if isinstance(model_bytes, bytes) else model_bytes.encode("utf-8", "surrogateescape")
        open(path, "wb").write(data)
    model = Model.load(path)
    if model is None:
        sys.exit(f"UDPipe could not load {path}")
    model_size = os.path.getsize(path)

    # Gold segmentation: tag the gold words.
    n, ok = 0, [0, 0, 0, 0]
    tagged = []
    for s in gold:
        t = Sentence()
        for form, *_ in words(s):
            t.addWord(form)
        tagged.append(t)
    started = time.time()
    for t in tagged:
        model.tag(t, Model.DEFAULT)
    tag_secs = time.time() - started
    for s, t in zip(gold, tagged):
        for g, p in zip(words(s), words(t)):
            n += 1
            for k, r in enumerate(right(g, p)):
                ok[k] += r

    # Predicted segmentation: tokenize each sentence's text, then tag.
    texts = [s.getText() for s in gold]
    started = time.time()
    predicted = []
    for text in texts:
        tok = model.newTokenizer(Model.TOKENIZER_PRESEGMENTED)
        tok.setText(text)
        got = []
        s = Sentence()
        while tok.nextSentence(s, err):
            model.tag(s, Model.DEFAULT)
            got.append(s)
            s = Sentence()
        predicted.append(got)
    full_secs = time.time() - started
    n_tok = tok_right = 0
    ok2 = [0, 0, 0, 0]
    for s, got in zip(gold, predicted):
        gw = words(s)
        # Gold tokens keyed by their character span over the text without spaces.
        spans, at = {}, 0
        for text, idx in tokens(s):
            spans[(at, at + len(text))] = idx
            at += len(text)
        pred, at = {}, 0
        for p in got:
            pw = words(p)
            for text, idx in tokens(p):
                pred[(at, at + len(text))] = [pw[i] for i in idx]
                at += len(text)
        for span, idx in spans.items():
            n_tok += 1
            pws = pred.get(span)
            if pws is not None and [w[0] for w in pws] == [gw[i][0] for i in idx]:
                tok_right += 1
                for i, pwd in zip(idx, pws):
                    for k, r in enumerate(right(gw[i], pwd)):
                        ok2[k] += r

    pct = lambda a, b: f"{100 * a / max(b, 1):.2f}"  # noqa: E731
    trained = f"trained in {train_secs:.0f} s" if train_secs is not None else "model reused"
    print(f"UDPipe 1 ({args.split}: {len(gold)} sentences, {n} words), {trained}, model {model_size / 1e6:.1f} MB")
    print(f"segmentation: tokens split right {pct(tok_right, n_tok)}%")
    print("| segmentation | UPOS | UFeats | UPOS+UFeats | lemma |")
    print("|---|---|---|---|---|")
    print("| gold | " + " | ".join(pct(x, n) for x in ok) + " |")
    print("| predicted | " + " | ".join(pct(x, n) for x in ok2) + " |")
    print(f"speed, one thread: tagging {n / tag_secs:,.0f} words/s; tokenizing + tagging {n / full_secs:,.0f} words/s")
    print()
    print("hadath, same split:")
    sys.stdout.flush()
    subprocess.run([args.hadath, "eval", "morph", "--split", args.split], check=True)


if __name__ == "__main__":
    main()
