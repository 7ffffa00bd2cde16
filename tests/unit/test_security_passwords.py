"""Password rules and masking, without a database."""
from __future__ import annotations

import pytest

from desk.services.auth import hash_password, password_matches, password_problems
from desk.services.pii import mask_id_number, mask_phone


@pytest.mark.parametrize("password, ok", [
    ("Yuanling-2026", True), ("yuanling-2026", True), ("YUANLING2026", False), ("Yl-26", False),
    ("abcdefghij", False), ("网格员值班室2026ab", True), ("Aa1!Aa1!Aa", True),
])
def test_the_password_rules(password, ok):
    assert (password_problems(password, "duty1") == []) == ok


def test_a_password_is_stored_as_an_argon2id_hash_and_only_the_right_one_matches():
    stored = hash_password("Yuanling-2026")
    assert stored.startswith("$argon2id$") and "Yuanling" not in stored
    assert password_matches(stored, "Yuanling-2026")
    assert not password_matches(stored, "Yuanling-2027")
    assert not password_matches("not a hash", "Yuanling-2026") and not password_matches(None, "x")


def test_numbers_are_masked_as_people_expect():
    assert mask_phone("13812345678") == "138****5678"
    assert mask_id_number("410481199001011234") == "4104**********1234"
