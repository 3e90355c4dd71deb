"""Hypothesis strategies for people's details as people type them: names in many
scripts, postcodes in Royal Mail's format, telephone numbers written every which way."""

from hypothesis import strategies as st

# Letters in many scripts: Latin with accents, Greek, Cyrillic, Arabic (Urdu), Devanagari
# (with its vowel signs, which are marks), Chinese.
letters = st.characters(categories=["Lu", "Ll", "Lo", "Lt", "Lm"])
script_words = st.sampled_from(
    ["Zoë", "Łukasz", "Ștefan", "محمد", "علی", "Ñúñez", "Σοφία", "Дмитрий", "प्रिया", "王", "Siân"]
)
word = st.one_of(script_words, st.text(letters, min_size=1, max_size=12))
between = st.sampled_from([" ", "-", "'", "’", ". ", "  "])


@st.composite
def names(draw):
    parts = draw(st.lists(word, min_size=1, max_size=4))
    name = parts[0]
    for part in parts[1:]:
        name += draw(between) + part
    return name


FIRST = "ABCDEFGHIJKLMNOPRSTUWYZ"  # not Q, V, X
SECOND = "ABCDEFGHKLMNOPQRSTUVWXY"  # not I, J, Z
THIRD = "ABCDEFGHJKPSTUW"  # A9A
FOURTH = "ABEHMNPRVWXY"  # AA9A
UNIT = "ABDEFGHJLNPQRSTUWXYZ"  # not C, I, K, M, O, V
digit = st.sampled_from("0123456789")


@st.composite
def outward_codes(draw):
    first = draw(st.sampled_from(FIRST))
    shape = draw(st.sampled_from(["A9", "A99", "A9A", "AA9", "AA99", "AA9A"]))
    if shape.startswith("AA"):
        code = first + draw(st.sampled_from(SECOND)) + draw(digit)
        end = {"AA9": "", "AA99": draw(digit), "AA9A": draw(st.sampled_from(FOURTH))}[shape]
    else:
        code = first + draw(digit)
        end = {"A9": "", "A99": draw(digit), "A9A": draw(st.sampled_from(THIRD))}[shape]
    return code + end


inward_codes = st.builds(lambda d, a, b: d + a + b, digit, *[st.sampled_from(UNIT)] * 2)


@st.composite
def written(draw, outward, inward):
    """A postcode as people type it: any case, any spacing."""
    text = outward + draw(st.sampled_from(["", " ", "  ", "\t"])) + inward
    lowered = draw(st.lists(st.booleans(), min_size=len(text), max_size=len(text)))
    text = "".join(c.lower() if low else c for c, low in zip(text, lowered, strict=True))
    return draw(st.sampled_from(["", " "])) + text + draw(st.sampled_from(["", " "]))


# UK ranges libphonenumber knows (London and Manchester drama ranges, a freephone number),
# Ofcom's example ranges, and numbers abroad, each with what is kept.
UK_NUMBERS = [
    ("020 7946 0{}", "020 7946 0{}"),
    ("0161 496 0{}", "0161 496 0{}"),
    ("07700 900{}", "07700 900{}"),
    ("01632 960{}", "01632 960{}"),
]
ABROAD = [("+48 512 345 {}", "+48 512 345 {}"), ("+353 1 234 5{}", "+353 1 234 5{}")]


@st.composite
def uk_numbers(draw):
    template, kept = draw(st.sampled_from(UK_NUMBERS))
    last = f"{draw(st.integers(0, 999)):03d}"
    national = template.format(last)
    # As people write one: with +44 or 0, spaces anywhere or none, dashes, brackets.
    digits = national.replace(" ", "")
    style = draw(st.sampled_from(["as is", "no spaces", "+44", "+44 (0)", "dashes", "0044"]))
    typed = {
        "as is": national,
        "no spaces": digits,
        "+44": "+44 " + national[1:],
        "+44 (0)": "+44 (0)" + national[1:],
        "dashes": national.replace(" ", "-"),
        "0044": "0044 " + digits[1:],
    }[style]
    return typed, kept.format(last)
