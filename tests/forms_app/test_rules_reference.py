import random

from forms_app.rules.reference import ALPHABET, is_well_formed, new_reference, normalise


def test_alphabet_leaves_out_characters_that_are_misread():
    for character in "IOQZ01":
        assert character not in ALPHABET
    assert set("23456789") <= set(ALPHABET)


def test_reference_has_prefix_and_eight_unambiguous_characters():
    reference = new_reference("EHE")
    head, code = reference.split("-")
    assert head == "EHE" and len(code) == 8 and set(code) <= set(ALPHABET)
    assert is_well_formed(reference, "EHE")


def test_references_are_random():
    assert len({new_reference("CEP") for _ in range(1000)}) == 1000


def test_chosen_source_makes_it_repeatable():
    rng = random.Random(4)
    first = new_reference("CPL", rng.choice)
    rng = random.Random(4)
    assert new_reference("CPL", rng.choice) == first


def test_what_people_type_is_normalised_and_checked():
    assert normalise(" ehe-7kd4 mwx2 ") == "EHE-7KD4MWX2"
    assert is_well_formed("ehe-7kd4 mwx2", "EHE")
    assert not is_well_formed("EHE-7KD4MWXO", "EHE")  # O is not in the alphabet
    assert not is_well_formed("CEP-7KD4MWX2", "EHE")
    assert not is_well_formed("EHE-7KD4MWX", "EHE")
