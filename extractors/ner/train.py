"""Retrain the shipped NER model in one command.

    python -m extractors.ner.train --data /work/shared/data/pfr1998 --out extractors/ner/model

Converts ner_train.jsonl / ner_dev.jsonl to DocBin (char tokens) in a temp dir, runs
``spacy train`` with ``config.cfg`` on CPU with one thread, and copies ``model-best`` to
``--out``.  The training JSONL also feeds the gazetteer features (see features.py) and
the post-rule statistics written next to the model (see learn_rules.py, postrules.py).
"""
from __future__ import annotations

import os
import sys

_THREAD_VARS = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")
if __name__ == "__main__" and any(v not in os.environ for v in _THREAD_VARS):
    # `python -m` imported the parent package (and maybe numpy) already: re-exec with one
    # BLAS thread so training stays on one core of a shared machine.
    for _var in _THREAD_VARS:
        os.environ.setdefault(_var, "1")
    os.execv(sys.executable, [sys.executable, "-m", "extractors.ner.train", *sys.argv[1:]])

import argparse
import json
import shutil
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent


def to_docbin(jsonl: Path, out: Path) -> tuple[int, int]:
    """Write a DocBin of char-tokenised docs with gold ents; return (docs, dropped spans)."""
    import spacy
    from spacy.tokens import DocBin

    nlp = spacy.blank("zh")
    db = DocBin(store_user_data=False)
    dropped = 0
    n = 0
    with open(jsonl, encoding="utf-8") as fh:
        for line_no, line in enumerate(fh, 1):
            if not line.strip():
                continue
            rec = json.loads(line)
            doc = nlp.make_doc(rec["text"])
            ents = []
            for s, e, label in rec.get("entities", []):
                span = doc.char_span(int(s), int(e), label=label, alignment_mode="strict")
                if span is None:
                    dropped += 1
                    continue
                ents.append(span)
            try:
                doc.ents = ents
            except ValueError as err:  # overlapping gold spans: keep none rather than guess
                raise ValueError(f"{jsonl}:{line_no}: {err}") from err
            db.add(doc)
            n += 1
    db.to_disk(out)
    return n, dropped


def scrub_paths(model_dir: Path) -> None:
    """Blank the machine-local [paths] in the shipped config (only read at training time)."""
    from thinc.api import Config

    cfg_path = model_dir / "config.cfg"
    cfg = Config().from_disk(cfg_path, interpolate=False)
    cfg["paths"].update({"train": None, "dev": None, "gazetteer": ""})
    cfg.to_disk(cfg_path)


def dir_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, required=True, help="folder with ner_train.jsonl and ner_dev.jsonl")
    ap.add_argument("--out", type=Path, default=HERE / "model")
    ap.add_argument("--config", type=Path, default=HERE / "config.cfg")
    ap.add_argument("--workdir", type=Path, default=None, help="keep DocBins and checkpoints here")
    ap.add_argument("--gpu-id", type=int, default=-1)
    ap.add_argument("--set", action="append", default=[], metavar="KEY=VALUE",
                    help="config override, e.g. training.max_steps=2000 (value parsed as JSON)")
    args = ap.parse_args(argv)

    import extractors.ner.features  # noqa: F401  registers kg.CharFeatureEmbed.v1
    from spacy.cli.train import train as spacy_train

    from extractors.ner.learn_rules import write_rules

    train_jsonl = args.data / "ner_train.jsonl"
    dev_jsonl = args.data / "ner_dev.jsonl"
    tmp = tempfile.TemporaryDirectory(prefix="kg-ner-")
    work = args.workdir or Path(tmp.name)
    work.mkdir(parents=True, exist_ok=True)
    for name, src in (("train", train_jsonl), ("dev", dev_jsonl)):
        n, dropped = to_docbin(src, work / f"{name}.spacy")
        print(f"{name}: {n} docs, {dropped} misaligned spans dropped", flush=True)
    overrides = {
        "paths.train": str(work / "train.spacy"),
        "paths.dev": str(work / "dev.spacy"),
        "paths.gazetteer": str(train_jsonl.resolve()),
    }
    for item in args.set:
        key, _, value = item.partition("=")
        try:
            overrides[key] = json.loads(value)
        except json.JSONDecodeError:
            overrides[key] = value
    spacy_train(args.config, work / "output", use_gpu=args.gpu_id, overrides=overrides)
    best = work / "output" / "model-best"
    if args.out.exists():
        shutil.rmtree(args.out)
    shutil.copytree(best, args.out)
    scrub_paths(args.out)
    rules = write_rules(train_jsonl, args.out)
    print(f"post-rule statistics written to {rules}", flush=True)
    print(f"model copied to {args.out} ({dir_size(args.out) / 1e6:.1f} MB)", flush=True)
    tmp.cleanup()


if __name__ == "__main__":
    main(sys.argv[1:])
