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
  reference, as built       the real paragraphs of tests/data/som_reference.toml
                            (read by hand), reconstructed as the build does it:
                            bigram model, order repair, certainty rules; the
                            figures the reader shows (som_report.MEASURED)
  reference, no bigram      the same without the word bigram model (reading by
                            frequency alone, no order repair): what the model adds

The two reference rows also print how many of the reference's lines printed in
visual order were rotated back or marked "order not verified".

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
from desktop.content.related.som_decoder import Decoder  # noqa: E402
from desktop.content.related.som_mapping import (  # noqa: E402
    SEED_ALIGNMENTS, garble, learn_mapping, learned_mapping)


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
    reference_rows(src)


def reference_rows(src):
    from desktop.content.related import som_measure, som_report
    from desktop.content.related.lexicon import CLEAN_SOURCES
    ref_path = Path(__file__).resolve().parent.parent / "tests" / "data" / "som_reference.toml"
    reference = som_measure.load_reference(ref_path)
    visual = som_measure.load_visual_order(ref_path)
    clean = [(src / n).read_text(encoding="utf-8") for n in CLEAN_SOURCES]
    text = (src / som_report.SOURCE).read_text(encoding="utf-8")
    lexicon = Lexicon.from_texts(clean)
    built = som_report.read_report(text, clean, lexicon)
    plain = som_report.parse(text, lexicon)
    som_report.reconstruct(plain, som_report.report_lexicon(text, lexicon))
    print()
    print("| reference (hand-read)      | paras | words  | word acc | cert prec | cert share | order lines handled |")
    print("|----------------------------|-------|--------|----------|-----------|------------|---------------------|")
    for name, rep in (("reference, as built", built), ("reference, no bigram", plain)):
        by_id = {p.id: p for p in rep.paragraphs}
        total, out = som_measure.Score(), 0
        for pid, words in reference.items():
            tokens = som_measure.tokens_of(by_id[pid].text, by_id[pid].uncertain)
            out += sum(bool(WORD.search(t)) for t, _ in tokens)
            total.add(som_measure.score(tokens, words))
        order = som_measure.score_order(visual, {p.id: p.reordered for p in rep.paragraphs},
                                        {p.id: p.order_doubt for p in rep.paragraphs},
                                        {p.id: len(p.lines) for p in rep.paragraphs})
        print(f"| {name:26} | {len(reference):5} | {total.reference:6} | {total.accuracy:8.1%} | "
              f"{total.precision:9.1%} | {total.certain / max(out, 1):10.1%} | "
              f"{order.restored} rotated + {order.marked} marked of {order.lines} |")
        if total.wrong_certain:
            print(f"|   wrong but certain: {', '.join(f'{w} ×{n}' for w, n in total.wrong_certain.most_common())}")


if __name__ == "__main__":
    main()
