"""Print details shared by every workbook Istiqbal writes: the "page N of M" footer."""

from __future__ import annotations

RLM = "\u200f"


def page_footer(text: str, *, rtl: bool) -> str:
    """A footer holding Excel's &P / &N page codes, readable in LibreOffice right to left too.

    LibreOffice lays out a right-to-left footer with the page codes as left-to-right runs and
    loses the spacing around them ("1 من1صفحة", measured with several kinds of space). A
    right-to-left mark before each code and plain spaces keep "1 من 25" whole; so the Arabic
    text starts with the page number rather than with a word."""
    if not rtl:
        return text
    return RLM + text.replace("&P", RLM + "&P").replace("&N", RLM + "&N")
