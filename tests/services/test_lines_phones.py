"""Phone numbers as people write them (CONTRACTS.md §2, C8.1): every form, every refusal."""

from __future__ import annotations

import pytest

from desktop_app.services import phones
from desktop_app.services.phones import PhoneError

# (cell as found in a directory, kind, [(stored number, extension)], warning expected)
ACCEPTED = [
    ("71 563 500", None, [("+21671563500", "")], False),
    ("(+216) 71.563.500", None, [("+21671563500", "")], False),
    ("(216) 71 563 500", None, [("+21671563500", "")], False),
    ("0021671563500", None, [("+21671563500", "")], False),
    ("00216 71 563 500", None, [("+21671563500", "")], False),
    ("+216 71 563 500", None, [("+21671563500", "")], False),
    ("216 71 563 500", None, [("+21671563500", "")], False),
    ("21671563500", None, [("+21671563500", "")], False),
    ("71-563-500", None, [("+21671563500", "")], False),
    ("71.563.500", None, [("+21671563500", "")], False),
    ("71\u00a0563\u00a0500", None, [("+21671563500", "")], False),
    ("\u200f71 563 500\u200e", None, [("+21671563500", "")], False),
    ("\u202b71 563 500\u202c", None, [("+21671563500", "")], False),
    ("٧١ ٥٦٣ ٥٢٠", None, [("+21671563520", "")], False),
    ("۷۱۵۶۳۵۲۰", None, [("+21671563520", "")], False),
    ("Fax : 71 563 501", "fax", [("+21671563501", "")], False),
    ("Tél. 71 563 500", None, [("+21671563500", "")], False),
    ("هاتف: 71 563 500", None, [("+21671563500", "")], False),
    (71563500, None, [("+21671563500", "")], False),
    (71563500.0, None, [("+21671563500", "")], False),
    (21671563500, None, [("+21671563500", "")], False),
    (21671563500.0, None, [("+21671563500", "")], False),
    ("71 563 500 poste 214", "switchboard", [("+21671563500", "214")], False),
    ("71 563 500 ext. 214", None, [("+21671563500", "214")], False),
    ("71 563 500 p. 214", None, [("+21671563500", "214")], False),
    ("71 563 500 / 71 563 520", None, [("+21671563500", ""), ("+21671563520", "")], False),
    ("71 563 500; 80 100 321", None, [("+21671563500", ""), ("+21680100321", "")], False),
    ("71 563 500 / 71 563 500", None, [("+21671563500", "")], False),
    ("80 100 321", "green", [("+21680100321", "")], False),
    ("80 201 234", "green", [("+21680201234", "")], True),  # green, unknown to phonenumbers
    ("98 123 456", "mobile", [("+21698123456", "")], False),
    ("1899", "short", [("1899", "")], True),  # plausible short number, not in the metadata
    ("190", "short", [("190", "")], False),
    ("197", "short", [("197", "")], False),
    ("198", None, [("198", "")], False),
    (1899, "call_centre", [("1899", "")], True),
    (1899.0, "short", [("1899", "")], True),
    # Real directory cells (CONTRACTS §2 "as people write them"):
    ("Tél/Fax : 71 563 970", "fax", [("+21671563970", "")], False),
    ("(+216) 71 563 500 (poste 214)", "switchboard", [("+21671563500", "214")], False),
    ("71 563 500 (p. 12)", None, [("+21671563500", "12")], False),
    ("71 563 974؛ 71 563 975", None, [("+21671563974", ""), ("+21671563975", "")], False),
    ("71 563 974, 71 563 975", None, [("+21671563974", ""), ("+21671563975", "")], False),
    ("71,563,500", None, [("+21671563500", "")], False),  # commas inside one number
    ("71563500.0", None, [("+21671563500", "")], False),  # a float as CSV text
    ("21671563500.0", None, [("+21671563500", "")], False),
    ("1899.0", "short", [("1899", "")], True),
    (71563500.0, "direct", [("+21671563500", "")], False),
    # The same number with two extensions stays two entries: the import warns about it.
    (
        "71 563 701 poste 5 / 71 563 701 poste 6",
        None,
        [("+21671563701", "5"), ("+21671563701", "6")],
        False,
    ),
]


@pytest.mark.parametrize(
    ("cell", "kind", "expected", "warns"), ACCEPTED, ids=[repr(c[0]) for c in ACCEPTED]
)
def test_every_written_form_of_a_number_is_accepted_c8_1(
    cell: object, kind: str | None, expected: list[tuple[str, str]], warns: bool
) -> None:
    found = phones.parse_cell(cell, kind)
    assert [(p.number, p.extension) for p in found] == expected
    assert all(bool(p.warning) == warns for p in found)


REFUSED = [
    ("7156350", "7156350", "”: 7;"),
    ("71 563 5000", "71 563 5000", "”: 9;"),
    ("71 56a 500", "71 56a 500", "letters"),
    ("7I 563 500", "7I 563 500", "letters"),
    ("61 234 567", "61 234 567", "not a valid"),
    ("abc", "abc", "no phone number"),
    ("71 563 500 *", "71 563 500 *", "“*” cannot be part of one"),  # not a letter
]


@pytest.mark.parametrize(("cell", "named", "why"), REFUSED)
def test_a_bad_number_is_refused_naming_the_text_found_c8_1(
    cell: str, named: str, why: str
) -> None:
    with pytest.raises(PhoneError) as exc:
        phones.parse_cell(cell)
    assert named in exc.value.message
    assert why in exc.value.message
    if why != "letters":
        assert "letters" not in exc.value.message


# 3–5 digits are a short number only for the kinds that have them (CONTRACTS §2): for every other
# kind they are a wrong digit count, named with the text found.
WRONG_COUNT = [
    ("214", "direct"),
    ("7156", "other"),
    ("71 563", "other"),
    ("71 563", "switchboard"),
    ("1899", "green"),
    ("1234", "fax"),
    ("98123", "mobile"),
]


@pytest.mark.parametrize(("cell", "kind"), WRONG_COUNT)
def test_a_short_digit_count_is_an_error_outside_short_kinds_c8_1(cell: str, kind: str) -> None:
    with pytest.raises(PhoneError) as exc:
        phones.parse_cell(cell, kind)
    count = len(cell.replace(" ", ""))
    assert f"Digits in “{cell}”: {count};" in exc.value.message
    assert "short number or a call centre" in exc.value.message


@pytest.mark.parametrize("kind", ["short", "call_centre"])
def test_short_numbers_belong_to_the_short_and_call_centre_kinds_c8_1(kind: str) -> None:
    (found,) = phones.parse_cell("1899", kind)
    assert found.short and found.number == "1899"


@pytest.mark.parametrize("cell", ["71 563 500", "+33 1 42 68 53 00"])
def test_a_green_line_must_be_an_80_number_c8_1(cell: str) -> None:
    with pytest.raises(PhoneError, match="not a green number") as exc:
        phones.parse_cell(cell, "green")
    assert cell in exc.value.message


@pytest.mark.parametrize("cell", ["", "   ", None, "\u200f"])
def test_an_empty_cell_is_an_error(cell: object) -> None:
    with pytest.raises(PhoneError, match="empty"):
        phones.parse_cell(cell)


def test_normalise_refuses_two_numbers_in_the_dialog() -> None:
    with pytest.raises(PhoneError, match="several numbers"):
        phones.normalise("71 563 500 / 71 563 520")


@pytest.mark.parametrize(
    ("stored", "shown"),
    [
        ("+21671563500", "71 563 500"),
        ("+21680100321", "80 100 321"),
        ("1899", "1899"),
        ("+33142685300", "+33 1 42 68 53 00"),
    ],
)
def test_numbers_show_in_the_national_format(stored: str, shown: str) -> None:
    assert phones.display_number(stored) == shown


@pytest.mark.parametrize(
    "dialled",
    [
        "71563500",
        "+21671563500",
        "21671563500",
        "0021671563500",
        "071563500",
        "971563500",
    ],
)
def test_a_dialled_pbx_number_matches_its_inventory_line(dialled: str) -> None:
    assert phones.same_number(dialled, "+21671563500")


def test_different_numbers_do_not_match() -> None:
    assert not phones.same_number("71563501", "+21671563500")
    assert not phones.same_number("", "+21671563500")
    assert phones.same_number("1899", "1899")
    assert not phones.same_number("11899", "1899")
