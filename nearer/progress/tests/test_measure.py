"""The CSI-4 as published: four items, their options, and scoring from 0 to 21."""

import pytest

from nearer.progress.measure import InvalidAnswers, csi4


def answers(happiness, warm, rewarding, satisfied):
    return {"happiness": happiness, "warm": warm, "rewarding": rewarding, "satisfied": satisfied}


def test_the_published_items_and_options():
    scale = csi4()
    assert [i.key for i in scale.items] == ["happiness", "warm", "rewarding", "satisfied"]
    assert scale.items[0].text == (
        "Please indicate the degree of happiness, all things considered, of your relationship."
    )
    assert scale.items[0].options == (
        "Extremely unhappy",
        "Fairly unhappy",
        "A little unhappy",
        "Happy",
        "Very happy",
        "Extremely happy",
        "Perfect",
    )
    assert [i.max_score for i in scale.items] == [6, 5, 5, 5]
    assert scale.max_score == 21
    assert scale.cutoff == 13.5
    assert "Funk" in scale.citation and "Rogge" in scale.citation and "2007" in scale.citation


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        (answers(0, 0, 0, 0), 0),  # the lowest possible
        (answers(6, 5, 5, 5), 21),  # the highest possible
        (answers(3, 4, 2, 3), 12),  # Happy, Almost completely true, Somewhat, Mostly
        (answers(4, 3, 3, 4), 14),  # Very happy, Mostly true, Mostly, Almost completely
        (answers(1, 0, 5, 2), 8),
        (answers("5", "5", "4", "4"), 18),  # form posts arrive as text
    ],
)
def test_scoring_against_hand_computed_examples(given, expected):
    assert csi4().score(given) == expected


@pytest.mark.parametrize(
    "given",
    [
        answers(7, 0, 0, 0),  # happiness goes to 6 only
        answers(0, 6, 0, 0),  # the others go to 5
        answers(-1, 0, 0, 0),
        answers(0, 0, 0, None),
        {"happiness": 3, "warm": 3, "rewarding": 3},
        answers(True, 0, 0, 0),
        answers("three", 0, 0, 0),
        answers(2.5, 0, 0, 0),
    ],
)
def test_incomplete_or_out_of_range_answers_are_refused(given):
    with pytest.raises(InvalidAnswers):
        csi4().score(given)
