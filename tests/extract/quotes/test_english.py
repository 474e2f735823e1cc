"""English reports: the same who-said-what, by English rules."""
from __future__ import annotations

from rasid.extract.quotes import extract_quotes

TEXT = ("Iraq's intelligence chief Majid al-Zubaidi met Jordanian officials in Amman on Monday. "
        "Jordan's government spokesman Ahmad al-Sharman said the memorandum would be reviewed every year. "
        "Some 3,000 families have been moved to temporary shelters, he said. "
        "\u201cWe lost everything on the ground floor,\u201d said Lotfi, a 52-year-old shopkeeper. "
        "A Jordanian security official, speaking on condition of anonymity, said the draft would allow "
        "the two countries to share intelligence. The ministry denied that any prisoners had escaped.")


def test_english_attributions():
    got = [(q.speaker_text, q.text, q.direct, q.anonymous) for q in extract_quotes(TEXT)]
    assert ("al-Sharman" in got[0][0]
            and got[0][1] == "the memorandum would be reviewed every year")
    assert got[1][1] == "Some 3,000 families have been moved to temporary shelters" and got[1][0] == got[0][0]
    assert got[2][:3] == ("Lotfi", "We lost everything on the ground floor,", True)
    assert got[3][0] == "A Jordanian security official" and got[3][3] is True
    for q in extract_quotes(TEXT):
        assert TEXT[q.span.start:q.span.end] == q.text


def test_english_text_without_speech_has_no_quotes():
    assert extract_quotes("The flood hit Nabeul on Tuesday. Roads were closed across the region.") == []


def test_according_to_a_statement_and_told_an_outlet():
    from rasid.extract.quotes import extract_quotes

    text = ("According to a statement from Jordan's Interior Ministry, the two men agreed to set up "
            "a joint technical committee. Moncef Hamdi told Levant Monitor that rescue teams were "
            "still searching the area.")
    got = extract_quotes(text)
    assert [(q.speaker_text, q.channel) for q in got] == [("Jordan's Interior Ministry", "statement"),
                                                          ("Moncef Hamdi", "Levant Monitor")]
    assert got[0].text == "the two men agreed to set up a joint technical committee"
