"""Phone numbers as people write them (CONTRACTS.md §2, C8.1): parsing, storage form, display.

A Tunisian number is stored as E.164 (`+21671563500`), a short number (3–5 digits) as dialled
(`1899`). Real directories are messy: spaces, dots, dashes, non-breaking spaces, direction marks,
Arabic-Indic digits, `Fax :` in front, `216`/`00216`/`+216`/`(+216)` prefixes, Excel integers and
floats (also as CSV text, `71563500.0`), `poste 214` and `(poste 214)` extensions, and several
numbers in one cell separated by `/`, `;`, the Arabic `؛` or `, ` (`Tél/Fax : 71…` is one label).
Short numbers (3–5 digits) only for the kinds that have them (short, call centre); a green number
is a full 80 xxx xxx one; any other count of digits is an error naming the text. Tunisia's
numbering metadata knows only some green (8010xxxx) and short (190, 197, 198) ranges, so an unknown
green or short number of a plausible length is accepted with a warning, not refused.

`match_key()` / `same_number()` let other areas (call records from the PBX) compare a dialled
number, possibly without country code or with a trunk prefix, with an inventory number.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from desktop_app.i18n import translate
from desktop_app.services.errors import UserError

COUNTRY_CODE = "216"
NATIONAL_LENGTH = 8
SHORT_LENGTHS = range(3, 6)
# The kinds whose number may be a short one kept as dialled (CONTRACTS §2: "3–5 digit short numbers
# for the kinds that have them"); a green number is a full 80 xxx xxx number, and any other kind
# with 3–5 digits is a wrong digit count, not a short number.
SHORT_KINDS = frozenset({"short", "call_centre"})
GREEN_PREFIX = "80"

_MARKS = re.compile(r"[\u200b-\u200f\u202a-\u202e\u2066-\u2069\u061c\ufeff]")
_SPACES = re.compile(r"[\s\u00a0\u202f\u2007]+")
_EXTENSION = re.compile(
    r"\(?\s*(?:\b(?:poste|post|ext|extension|p|x)|#|داخلي|الداخلي)\s*[.:]?\s*[.:]?\s*(\d{1,6})"
    r"\s*\)?\s*$",
    re.IGNORECASE,
)
# `/`, `;`, the Arabic semicolon `؛`, and a comma followed by a space (`71 563 974, 71 563 975`);
# a comma between digits stays inside the number.
_SEPARATORS = re.compile(r"[/;\u061b]|,(?=\s)")
_DIGITS_AND_PUNCTUATION = re.compile(r"^\(?\+?[\d\s().,\-]+$")
_ALLOWED = re.compile(r"[\d\s().,+\-]")
# A number that a CSV or a text cell holds as Excel wrote a float: `71563500.0`, `1899,00`.
_FLOAT_TEXT = re.compile(r"^(\+?\d+)[.,]0+$")


class PhoneError(UserError):
    """One cell's text is not a phone number; the message names the text found."""


@dataclass(frozen=True)
class ParsedNumber:
    """One number found in a cell: its stored form, extension, and an optional warning."""

    number: str  # E.164 for a full number, digits as dialled for a short one
    extension: str = ""
    short: bool = False
    warning: str = ""

    @property
    def display(self) -> str:
        return display_number(self.number)


def clean_text(value: object) -> str:
    """Excel numbers to digits, Arabic-Indic digits to Latin, marks gone, spaces single."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    text = unicodedata.normalize("NFKC", str(value))
    out = []
    for ch in text:
        digit = unicodedata.decimal(ch, None)
        out.append(str(digit) if digit is not None else ch)
    text = _SPACES.sub(" ", _MARKS.sub("", "".join(out))).strip()
    whole = _FLOAT_TEXT.match(text)
    return whole.group(1) if whole else text


def _err(message: str) -> PhoneError:
    return PhoneError(message)


def _split_extension(part: str) -> tuple[str, str]:
    m = _EXTENSION.search(part)
    if m is None or not re.search(r"\d", part[: m.start()]):
        return part, ""
    return part[: m.start()].strip(" ,-–"), m.group(1)


def _strip_label(part: str) -> str:
    """`Fax : 71 563 500`, `Tél. 71…`, `هاتف: 71…` → the number alone."""
    first = re.search(r"[\d+(]", part)
    if first is None or first.start() == 0:
        return part
    head = part[: first.start()]
    if re.search(r"[^\W\d_]", head):  # a word in front: drop it with its colon
        return part[first.start() :]
    return part


def _is_green(digits: str) -> bool:
    return len(digits) == NATIONAL_LENGTH and digits.startswith(GREEN_PREFIX)


def _not_a_number(original: str, part: str) -> PhoneError:
    """Letters inside the digits, or another character that cannot be in a number: say which."""
    bad = next((ch for ch in part if not _ALLOWED.match(ch)), "")
    if bad and unicodedata.category(bad).startswith("L"):
        return _err(
            translate(
                "phones", "“{text}” is not a phone number: it has letters among the digits."
            ).format(text=original)
        )
    return _err(
        translate(
            "phones", "“{text}” is not a phone number: “{char}” cannot be part of one."
        ).format(text=original, char=bad)
    )


def _count_error(original: str, count: int, kind: str | None) -> PhoneError:
    """A wrong digit count; 3 to 5 digits on a kind without short numbers says which kinds have."""
    if count in SHORT_LENGTHS and kind is not None and kind not in SHORT_KINDS:
        return _err(
            translate(
                "phones",
                "Digits in “{text}”: %n; a Tunisian number has 8 (e.g. 71 563 500). Only a "
                "short number or a call centre may have 3 to 5 digits.",
                None,
                count,
            ).format(text=original)
        )
    return _err(
        translate(
            "phones",
            "Digits in “{text}”: %n; a Tunisian number has 8 (e.g. 71 563 500).",
            None,
            count,
        ).format(text=original)  # fmt: skip
    )


def _green_error(original: str) -> PhoneError:
    return _err(
        translate(
            "phones",
            "“{text}” is not a green number: a green number has 8 digits beginning with 80 "
            "(e.g. 80 100 321).",
        ).format(text=original)
    )


def parse_one(text: str, kind: str | None = None) -> ParsedNumber:
    """One number (no separators); raises PhoneError naming `text` when it is not one.

    `kind` None accepts any form (a citizen's contact); a line's kind decides whether 3–5 digits
    are a short number (short, call_centre) or a wrong digit count, and a green line must be an
    80 xxx xxx number."""
    original = text
    part, extension = _split_extension(clean_text(text))
    part = _strip_label(part).strip()
    if not part:
        if not original.strip():
            raise _err(translate("phones", "The phone number is empty."))
        raise _err(translate("phones", "“{text}” contains no phone number.").format(text=original))
    if not re.search(r"\d", part):
        raise _err(translate("phones", "“{text}” contains no phone number.").format(text=original))
    if not _DIGITS_AND_PUNCTUATION.match(part):
        raise _not_a_number(original, part)
    international = part.lstrip("(").startswith("+")
    digits = re.sub(r"\D", "", part)
    if digits.startswith("00"):
        digits, international = digits[2:], True
    if not international and len(digits) in SHORT_LENGTHS:
        if kind is not None and kind not in SHORT_KINDS:
            raise _count_error(original, len(digits), kind)
        return _short(digits, extension, kind, original)
    if international or (len(digits) > NATIONAL_LENGTH and digits.startswith(COUNTRY_CODE)):
        if digits.startswith(COUNTRY_CODE):
            national = digits[len(COUNTRY_CODE) :]
        elif kind == "green":
            raise _green_error(original)
        else:
            return _foreign(digits, extension, original)
    else:
        national = digits
    if len(national) != NATIONAL_LENGTH:
        raise _count_error(original, len(national), kind)
    if kind == "green" and not _is_green(national):
        raise _green_error(original)
    return _tunisian(national, extension, original)


def _tunisian(national: str, extension: str, original: str) -> ParsedNumber:
    import phonenumbers  # lazily: start-up time

    number = f"+{COUNTRY_CODE}{national}"
    if phonenumbers.is_valid_number(phonenumbers.parse(number)):
        return ParsedNumber(number, extension)
    if _is_green(national):
        return ParsedNumber(
            number,
            extension,
            warning=translate(
                "phones",
                "“{text}” is not in Tunisia's known green-number ranges; check it is right.",
            ).format(text=original),
        )
    raise _err(
        translate("phones", "“{text}” is not a valid Tunisian phone number.").format(text=original)
    )


def _foreign(digits: str, extension: str, original: str) -> ParsedNumber:
    import phonenumbers

    try:
        parsed = phonenumbers.parse("+" + digits)
    except phonenumbers.NumberParseException:
        parsed = None
    if parsed is None or not phonenumbers.is_valid_number(parsed):
        raise _err(
            translate("phones", "“{text}” is not a valid phone number.").format(text=original)
        )
    return ParsedNumber("+" + digits, extension)


def _short(digits: str, extension: str, kind: str | None, original: str) -> ParsedNumber:
    import phonenumbers

    known = phonenumbers.is_valid_short_number_for_region(phonenumbers.parse(digits, "TN"), "TN")
    warning = (
        ""
        if known
        else translate(
            "phones",
            "“{text}” is not a short number Tunisia's numbering plan lists; check it is right.",
        ).format(text=original)
    )
    return ParsedNumber(digits, extension, short=True, warning=warning)


def _parts(text: str) -> list[str]:
    """The cell split at its separators; a part without digits (`Tél` of `Tél/Fax : 71…`) is a
    label of the next part, joined back to it."""
    parts: list[str] = []
    pending = ""
    for piece in _SEPARATORS.split(text):
        if not piece.strip():
            continue
        if not re.search(r"\d", piece):
            pending += piece + "/"
            continue
        parts.append((pending + piece).strip())
        pending = ""
    if pending:
        parts.append(pending.rstrip("/").strip())
    return parts


def parse_cell(value: object, kind: str | None = None) -> list[ParsedNumber]:
    """Every number in a cell (`71 563 500 / 71 563 520`), duplicates inside the cell merged."""
    text = clean_text(value)
    if not text:
        raise _err(translate("phones", "The phone number is empty."))
    found: list[ParsedNumber] = []
    for part in _parts(text):
        parsed = parse_one(part, kind)
        if all((p.number, p.extension) != (parsed.number, parsed.extension) for p in found):
            found.append(parsed)  # the same number with two extensions: the caller says so
    if not found:
        raise _err(translate("phones", "“{text}” contains no phone number.").format(text=text))
    return found


def normalise(value: object, kind: str | None = None) -> ParsedNumber:
    """Exactly one number (the add/edit dialog): several in the text is an error."""
    numbers = parse_cell(value, kind)
    if len(numbers) > 1:
        raise _err(
            translate("phones", "“{text}” holds several numbers; enter one line at a time.").format(
                text=clean_text(value)
            )
        )
    return numbers[0]


def display_number(number: str) -> str:
    """National format for Tunisian numbers (`71 563 500`), short as dialled, foreign spaced."""
    if number.startswith("+" + COUNTRY_CODE) and len(number) == 1 + 3 + NATIONAL_LENGTH:
        d = number[4:]
        return f"{d[:2]} {d[2:5]} {d[5:]}"
    if number.startswith("+"):
        import phonenumbers

        try:
            parsed = phonenumbers.parse(number)
        except phonenumbers.NumberParseException:
            return number
        return str(phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.INTERNATIONAL))
    return number


def match_key(text: object) -> str:
    """The digits two spellings of one number share: `0021671563500`, `+216 71 563 500`,
    `071563500` (a trunk prefix) and `71563500` all give `71563500`; `1899` stays `1899`.

    Other areas compare a PBX's dialled number with the inventory through this key.
    """
    digits = re.sub(r"\D", "", clean_text(text))
    if digits.startswith("00"):
        digits = digits[2:]
    if len(digits) == len(COUNTRY_CODE) + NATIONAL_LENGTH and digits.startswith(COUNTRY_CODE):
        return digits[len(COUNTRY_CODE) :]
    if len(digits) == NATIONAL_LENGTH + 1 and digits[0] in "09":  # a trunk prefix (0 or 9)
        return digits[1:]
    return digits


def same_number(dialled: object, inventory_number: str) -> bool:
    """True when a dialled number (as a PBX logs it) reaches the inventory number."""
    key = match_key(dialled)
    return bool(key) and key == match_key(inventory_number)
