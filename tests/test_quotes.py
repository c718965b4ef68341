"""quotes(): the DESIGN.md contract (Quote fields, offsets, str and column forms, pickling),
property tests on offsets, and the PolNeAR dev evaluation with floors just under what the
rules reach (skipped when the data is absent)."""

from __future__ import annotations

import json
import os
import pickle
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import copydesk as cd

ARTICLE = (
    "Clinton Rallies Supporters.\n\n"
    '"We will win this state," said Jane Doe, a spokeswoman for the campaign. '
    '"There is no doubt."\n\n'
    "Sen. Bernie Sanders told reporters: \u201cThe younger people are sick of it.\u201d\n\n"
    "He called the plan \u201ca disaster\u201d on Monday.\n\n"
    "Officials said the two raised $350 million through the program.\n\n"
    'Rep. Robert C. "Bobby" Scott watched CNN\'s "State of the Union."'
)

FIELDS = [
    "text",
    "start",
    "end",
    "fragments",
    "speaker",
    "speaker_start",
    "speaker_end",
    "speaker_name",
    "cue",
    "cue_start",
    "cue_end",
    "kind",
]


def by_text(found):
    return {q.text: q for q in found}


def test_direct_quote_with_split_and_appositive():
    q = by_text(cd.quotes(ARTICLE))["We will win this state, There is no doubt."]
    assert q.kind == "direct"
    assert q.speaker == "Jane Doe" and q.speaker_name == "Jane Doe"
    assert q.cue == "said" and ARTICLE[q.cue_start : q.cue_end] == "said"
    assert [ARTICLE[s:e] for s, e in q.fragments] == [
        "We will win this state,",
        "There is no doubt.",
    ]
    assert (q.start, q.end) == (q.fragments[0][0], q.fragments[-1][1])


def test_titles_stripped_pronouns_resolved_partial_and_indirect():
    found = by_text(cd.quotes(ARTICLE))
    sanders = found["The younger people are sick of it."]
    assert sanders.speaker == "Sen. Bernie Sanders" and sanders.speaker_name == "Bernie Sanders"
    partial = found["a disaster"]
    assert partial.kind == "partial" and partial.speaker == "He"
    assert partial.speaker_name == "Bernie Sanders"
    indirect = found["the two raised $350 million through the program"]
    assert indirect.kind == "indirect" and indirect.speaker == "Officials"


def test_a_participle_after_a_closing_mark_opens_its_own_clause():
    text = (
        "Trump hailed the vote as \u201cfantastic,\u201d telling reporters in Scotland that he"
        " thinks Brexit is \u201ca great thing.\u201d"
    )
    got = [(q.cue, q.kind) for q in cd.quotes(text)]
    # Both reports are mixed quotations: the clause around each partial quote is given too,
    # under the same verb.
    assert got == [
        ("hailed", "indirect"),
        ("hailed", "partial"),
        ("thinks", "indirect"),
        ("thinks", "partial"),
    ]


def test_nicknames_and_titles_of_works_are_not_quotes():
    texts = by_text(cd.quotes(ARTICLE))
    assert "Bobby" not in texts and "State of the Union." not in texts


def test_offsets_are_str_indices_with_non_ascii_text():
    text = "Caf\u00e9 \U0001f600 na\u00efve. \u00abNous gagnerons\u00bb, a dit Marie. \u201cWe will,\u201d she said."
    found = cd.quotes(text)
    assert found, "expected quotes"
    for q in found:
        assert q.text == " ".join(text[s:e] for s, e in q.fragments)
        if q.cue is not None:
            assert text[q.cue_start : q.cue_end] == q.cue
        if q.speaker is not None:
            assert text[q.speaker_start : q.speaker_end] == q.speaker


def sample_text(article_id):
    from copydesk.__main__ import sample_path

    with open(sample_path(), encoding="utf-8") as f:
        rows = [json.loads(line) for line in f]
    return next(r["text"] for r in rows if r["id"] == article_id)


def test_sample_appositive_name_is_the_speaker_name():
    found = cd.quotes(sample_text("school-1"))
    parent = next(q for q in found if q.speaker == "A parent")
    assert parent.kind == "indirect" and parent.speaker_name == "Dan Whitlow"
    assert parent.text == "the trial had not been explained"


def test_sample_pronoun_resolves_to_a_name_after_a_job_title():
    found = cd.quotes(sample_text("school-1"))
    trial = next(q for q in found if q.text.startswith("It is a trial"))
    assert trial.speaker == "she" and trial.speaker_name == "Maria Osei"
    told = next(q for q in found if q.cue == "told")
    assert told.speaker == "Head teacher Maria Osei" and told.speaker_name == "Maria Osei"
    assert told.text == "the change was temporary"


def test_missing_and_empty():
    assert cd.quotes(None) == []
    assert cd.quotes("") == []
    assert cd.quotes('Unbalanced "marks everywhere\n\n" and \u201c more') is not None


def test_quote_pickles_and_compares():
    q = cd.quotes(ARTICLE)[0]
    assert pickle.loads(pickle.dumps(q)) == q
    assert isinstance(q, cd.Quote) and type(q).__module__ == "copydesk._core"
    found = cd.quotes(ARTICLE)
    again = pickle.loads(pickle.dumps(found))
    assert list(again) == list(found) and again.source == ARTICLE
    assert "Jane Doe" in repr(q)


def test_list_display_highlights_quotes():
    html = cd.quotes(ARTICLE)._repr_html_()
    assert "<span" in html and "We will win this state," in html


def test_column_gives_long_dataframe_with_row_labels():
    series = pd.Series([ARTICLE, None, "nothing quoted here"], index=["a", "b", "c"])
    frame = cd.quotes(series)
    assert isinstance(frame, pd.DataFrame)
    assert list(frame.columns) == ["row", *FIELDS]
    assert set(frame["row"]) == {"a"}
    singles = cd.quotes(ARTICLE)
    assert len(frame) == len(singles)
    assert frame["fragments"].iloc[0] == singles[0].fragments


def test_list_column_and_type_errors():
    frame = cd.quotes([ARTICLE, ARTICLE])
    assert sorted(set(frame["row"])) == [0, 1]
    with pytest.raises(TypeError, match="row 1"):
        cd.quotes(["ok", 3])


QUOTE_MARKS = st.sampled_from(
    list("\"'\u201c\u201d\u2018\u2019\u00ab\u00bb\u201e\u201f\u2039\u203a`\n .,:;?!-\u2014")
)


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_offsets_index_any_text(text):
    check_offsets(text)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.one_of(
            QUOTE_MARKS, st.sampled_from(["said", "He", "Jane Doe", "w\u00f6rd", "\U0001f600"])
        ),
        max_size=60,
    ).map("".join)
)
def test_offsets_index_strings_of_marks(text):
    check_offsets(text)


def check_offsets(text):
    n = len(text)
    for q in cd.quotes(text):
        assert q.fragments and 0 <= q.start <= q.end <= n
        for s, e in q.fragments:
            assert 0 <= s <= e <= n
        assert q.text == " ".join(text[s:e] for s, e in q.fragments)
        for s, e, value in [
            (q.speaker_start, q.speaker_end, q.speaker),
            (q.cue_start, q.cue_end, q.cue),
        ]:
            if value is not None:
                assert text[s:e] == value
        assert q.kind in ("direct", "partial", "indirect")


# ---- the PolNeAR evaluation -------------------------------------------------------------

REPO = Path(__file__).resolve().parents[1]
DATA = Path(os.environ.get("COPYDESK_DATA", REPO.parent / "shared" / "data"))
EVAL = Path(os.environ.get("COPYDESK_EVAL", REPO.parent / "shared" / "eval" / "quotes.py"))

# Floors just under what the rules reach on dev: a drop below any of them is a regression.
# Session 6 earned precision back (editor's notes give no reported speech; mixed quotations,
# the clause around a partial quote, are 97% inside gold content) and spent none of it.
FLOORS = {
    "precision": 0.965,
    "recall50": 0.978,
    "recall80": 0.97,
    "speaker": 0.94,
    "cue": 0.93,
    "indirect_recall": 0.391,
}


@pytest.mark.skipif(
    not (DATA / "polnear" / "data" / "dev").is_dir() or not EVAL.is_file(),
    reason="PolNeAR dev data or the evaluation script is absent",
)
def test_polnear_dev_evaluation():
    out = subprocess.run(
        [sys.executable, str(EVAL), "--data", str(DATA), "--split", "dev", "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    figures = json.loads(out.stdout.strip().splitlines()[-1])
    assert figures["docs_failed"] == 0
    for name, floor in FLOORS.items():
        assert figures[name] >= floor, (name, figures[name])
