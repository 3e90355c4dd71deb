"""How much room a line of chart text takes, worked out without a browser, so a chart's
labels can be wrapped and placed on the server: the width of each letter in Arial (the
portal's font, `--app-font-family`), and for Arabic script the height and a generous width
of Noto Naskh Arabic, which Urdu pages draw Arabic letters in.

Widths are Arial Bold's advance widths in ems (bold is never narrower than regular, so a
measure is never short for either); a letter with an accent is as wide as its base letter
(Welsh ŵ, Polish ł, Romanian ș); anything else counts as a capital W. The tests in a real
browser (tests/browser/test_charts.py) check the measure against the drawn text."""

import unicodedata

_WIDTHS = {
    **dict.fromkeys(" !'.,:;|ijlIíìïîłſ", 0.278),
    **dict.fromkeys("ftr()[]-/", 0.389),
    **dict.fromkeys('"*Jczksvxy?–', 0.556),
    **dict.fromkeys("0123456789$#_abdeghnopqu", 0.611),
    **dict.fromkeys("EFLPSTVXYZ", 0.667),
    **dict.fromkeys("ABCDHKNRU&", 0.722),
    **dict.fromkeys("GOQw", 0.778),
    **dict.fromkeys("mM%", 0.889),
}
_WIDEST = 0.944  # W, and any letter not listed
ARABIC_WIDTH = 0.6  # Noto Naskh Arabic averages about 0.5 em a letter, unjoined


def is_arabic(character):
    return "\u0600" <= character <= "\u06ff" or "\ufb50" <= character <= "\ufeff"


def has_arabic_script(text):
    return any(is_arabic(character) for character in text)


def letter_width(character):
    if is_arabic(character):
        return ARABIC_WIDTH
    if character in _WIDTHS:
        return _WIDTHS[character]
    base = unicodedata.normalize("NFD", character)[0]
    return _WIDTHS.get(base, _WIDEST)


def text_width(text, size):
    """The width of `text` drawn at `size` units, rounded up to a whole unit."""
    return int(sum(letter_width(character) for character in text) * size) + 1


def ascent_descent(text, size):
    """How far the text's box reaches above and below its baseline: Arial's, or Noto Naskh
    Arabic's, whose marks above and below Arabic letters make it much taller."""
    if has_arabic_script(text):
        return 1.069 * size, 0.634 * size
    return 0.905 * size, 0.212 * size


def wrap(text, width, size):
    """`text` in lines no wider than `width`, broken between words; a word longer than a
    line is kept whole on its own line (the caller makes the line wide enough)."""
    lines = []
    for word in text.split():
        candidate = f"{lines[-1]} {word}" if lines else word
        if lines and text_width(candidate, size) <= width:
            lines[-1] = candidate
        else:
            lines.append(word)
    return lines or [""]
