"""desktop/content/thematic_index/numbering.py: each Part A meeting's report numbering derived from the index's pairs, and the report paragraph numbers it gives."""


from __future__ import annotations


from desktop.content import thematic_index


def test_report_paragraph_numbers(content_db):
    def rp(pid):
        return content_db.conn.execute(
            "SELECT report_paragraph, report_paragraph_certain FROM paragraphs WHERE id = ?",
            [pid]).fetchone()
    assert rp("A07/30") == ("34", 1)          # named by the index (34 <-> سابعاً-30)
    assert rp("A07/2") == ("6", 0)            # numbered by meeting 7's rule only
    assert rp("A04/1.l6.q1") == ("2 (و) '1'", 1)     # line 864: 2 (و) '1' <-> رابعاً-1 (و) '1'
    assert rp("A04/1.l6.q2") == ("2 (و) '2'", 0)     # never paired in the index
    assert rp("A05/l9") == ("4 (ط)", 1)
    assert rp("A02/13") == ("13", 0)
    assert rp("A11/l5") == ("5 (هـ)", 1)
    assert rp("A01/n1")[0] is None              # a note has no number


def test_numbering_rules_are_derived_from_the_index(content_db):
    rules = {r["unit_id"]: (r["rule"], r["value"], r["agreeing"], r["pairs"])
             for r in content_db.query("SELECT * FROM index_numbering")}
    assert rules["A07"][:2] == ("offset", 4)       # سابعاً-30 <-> 34
    assert rules["A04"][:2] == ("offset", 1)       # رابعاً-1 <-> 2
    assert rules["A02"][:2] == ("offset", 0)
    assert rules["A05"][:2] == ("prefix", 4)       # خامساً-(ب) <-> 4 (ب)
    assert rules["A11"][:2] == ("prefix", 5)
    # line 712 prints report "5" for حادي عشر-(ج): the one pair that disagrees
    assert rules["A11"][2:] == (7, 8)
    assert rules["B8-r4/annex"][:2] == ("annex_offset", 1)
    assert rules["B7-r3/annex1"][:2] == ("annex_offset", 0)
    warnings = [f.message for f in thematic_index.check(content_db) if f.severity == "warning"]
    assert any(m.startswith("line 712: numbering") for m in warnings)


def test_an_offset_rule_adds_to_the_first_number_both_ways():
    from desktop.content.thematic_index.numbering import apply_transform, invert_transform

    rule = ("offset", 4)
    assert apply_transform(rule, ("30",)) == ("34",)
    assert apply_transform(rule, ("3", "(ب)")) == ("7", "(ب)")
    assert apply_transform(rule, ("(ب)",)) is None          # a lettered item has no offset
    assert invert_transform(rule, ("34",)) == ("30",)
    assert invert_transform(rule, ("(ب)",)) is None


def test_a_prefix_rule_puts_the_report_number_before_the_letter_both_ways():
    from desktop.content.thematic_index.numbering import apply_transform, invert_transform

    rule = ("prefix", 4)
    assert apply_transform(rule, ("(ب)",)) == ("4", "(ب)")
    assert apply_transform(rule, ("3",)) is None            # a numbered paragraph: no prefix
    assert apply_transform(rule, ("ف.د 1",)) is None        # a preamble paragraph
    assert invert_transform(rule, ("4", "(ب)")) == ("(ب)",)
    assert invert_transform(rule, ("5", "(ب)")) is None     # another report paragraph
    assert invert_transform(rule, ("4",)) is None
