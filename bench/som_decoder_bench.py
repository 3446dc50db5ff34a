"""How well does the smuggling-report decoder read garbled Arabic?

Rows:
  synthetic, in-lexicon     COP 12 report lines garbled with the learned
                            mapping, decoded with the full lexicon (the
                            words are all known: measures the ambiguity
                            of the garbling alone)
  synthetic, held-out       the same lines decoded with a lexicon of the
                            compendium and COP 10 note only (unseen words
                            count against the decoder, as in the real text)
  real, leave-one-out       each hand-read source phrase decoded with a
                            mapping learned from the other phrases (how well
                            the learned mapping fits the real PDF's garbling)

word accuracy = words of the clean text recovered in order (difflib
matching blocks) / words of the clean text; certain precision = of the
words the decoder marks certain, the share that are right; certain share =
words marked certain / words output.

    python bench/som_decoder_bench.py
"""

from __future__ import annotations

import difflib
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from desktop import paths  # noqa: E402
from desktop.content.related.lexicon import WORD, Lexicon, bare  # noqa: E402
from desktop.content.related.som_decoder import (  # noqa: E402
    SEED_ALIGNMENTS, Decoder, garble, learn_mapping, learned_mapping)


def score(clean_words, tokens):
    out = [bare(t.text) for t in tokens]
    ref = [bare(w) for w in clean_words]
    sm = difflib.SequenceMatcher(a=ref, b=out, autojunk=False)
    matched = sum(b.size for b in sm.get_matching_blocks())
    right = set()
    for b in sm.get_matching_blocks():
        right.update(range(b.b, b.b + b.size))
    certain = [i for i, t in enumerate(tokens) if t.certain]
    return matched, len(ref), sum(i in right for i in certain), len(certain), len(tokens)


def run(lines, decoder, mapping):
    tot = [0, 0, 0, 0, 0]
    for line in lines:
        words = WORD.findall(line)
        if not words:
            continue
        garbled = " ".join(garble(w, mapping) for w in words)
        for k, v in enumerate(score(words, decoder.decode(garbled))):
            tot[k] += v
    return tot


def row(name, tot, n_lines):
    matched, ref, right_certain, certain, out = tot
    print(f"| {name:26} | {n_lines:5} | {ref:6} | {matched / ref:8.1%} | "
          f"{right_certain / max(certain, 1):9.1%} | {certain / max(out, 1):7.1%} |")


def main():
    src = paths.sources_dir()
    random.seed(4)
    cop12 = [l for l in (src / "cop12-report.txt").read_text(encoding="utf-8").split("\n")
             if len(WORD.findall(l)) >= 6]
    sample = random.sample(cop12, min(150, len(cop12)))
    mapping = learned_mapping()
    full = Lexicon.from_sources(src)
    held = Lexicon.from_sources(src, ("compendium.txt", "cop10-note.txt"))
    print("| test                       | lines | words  | word acc | cert prec | cert share |")
    print("|----------------------------|-------|--------|----------|-----------|------------|")
    row("synthetic, in-lexicon", run(sample, Decoder(full, mapping), mapping), len(sample))
    row("synthetic, held-out", run(sample, Decoder(held, mapping), mapping), len(sample))
    tot = [0, 0, 0, 0, 0]
    for k, (garbled, clean) in enumerate(SEED_ALIGNMENTS):
        others = SEED_ALIGNMENTS[:k] + SEED_ALIGNMENTS[k + 1:]
        m = learn_mapping(others)
        dec = Decoder(full, m)
        for i, v in enumerate(score(clean.split(), dec.decode(garbled))):
            tot[i] += v
    row("real, leave-one-out", tot, len(SEED_ALIGNMENTS))


if __name__ == "__main__":
    main()
