"""The officer's search (selectors.search, issue 19): every word, each as the start of a word,
on an index — PostgreSQL's stored Dutch vector, SQLite's FTS5 table (fulltext.py)."""

import io

import pytest
from django.core.management import call_command
from django.db import connection

from klachtenregeling.audit import record_guards
from klachtenregeling.complaints import fulltext
from klachtenregeling.complaints.models import Complaint
from klachtenregeling.complaints.selectors import complaints_handled_by, search
from klachtenregeling.handling.services import complaint_withdraw_by_complainant
from klachtenregeling.handling.tests import steps
from klachtenregeling.retention.erasure import complaint_destroy

sqlite_only = pytest.mark.skipif(connection.vendor != "sqlite", reason="the FTS5 index")


def found(officer, query: str) -> set[int]:
    return set(search(complaints_handled_by(officer), query).values_list("pk", flat=True))


def index_is_consistent() -> bool:
    """FTS5's own check that the index holds exactly the complaints' texts (SQLite)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO complaint_search (complaint_search, rank) VALUES ('integrity-check', 1)"
        )
    return True


@pytest.fixture
def filed(submit):
    return {
        "janssen": submit(
            complainant_name="Willemijn Janssen", description="De factuur was te hoog."
        ),
        "post": submit(
            complainant_name="Pieter Post",
            description="De zaal was te klein en de koffie koud.",
            desired_outcome="Korting op de factuur.",
        ),
        "cafe": submit(
            complainant_name="Sanne de Wit",
            description="Het café bij de Zaal was gesloten.",
            is_representative=True,
            on_behalf_of="Stichting Overleg",
        ),
    }


def test_search_finds_a_word_by_its_start_in_every_text(officer, filed):
    assert found(officer, "jan") == {filed["janssen"].pk}  # the name
    assert found(officer, "koff") == {filed["post"].pk}  # the description
    assert found(officer, "korting") == {filed["post"].pk}  # the desired outcome
    assert found(officer, "stichting") == {filed["cafe"].pk}  # on behalf of


def test_search_needs_every_word(officer, filed):
    assert found(officer, "factuur") == {filed["janssen"].pk, filed["post"].pk}
    assert found(officer, "factuur koffie") == {filed["post"].pk}
    assert found(officer, "factuur koffie café") == set()


def test_search_ignores_case(officer, filed):
    assert found(officer, "JANSSEN") == found(officer, "janssen") == {filed["janssen"].pk}
    assert found(officer, "zaal") == {filed["post"].pk, filed["cafe"].pk}


@sqlite_only
def test_search_folds_diacritics_on_sqlite(officer, filed):
    # PostgreSQL's `dutch` configuration keeps accents; SQLite's tokenizer folds them.
    assert found(officer, "cafe") == {filed["cafe"].pk}
    assert found(officer, "CAFÉ") == {filed["cafe"].pk}
    assert found(officer, "fáctuur") == {filed["janssen"].pk, filed["post"].pk}


def test_search_by_reference_still_finds_that_complaint(officer, filed):
    complaint = filed["post"]
    assert found(officer, complaint.reference.lower()) == {complaint.pk}
    assert found(officer, f"  {complaint.reference} ") == {complaint.pk}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ('"', set()),
        ("*", set()),
        ("-", set()),
        ("AND", set()),
        ("NEAR(", set()),
        ("NEAR(jan post)", set()),  # "near" is a word to find, not an operator
        ("jan OR post", set()),  # "or" too: no complaint has it
        ("jan -post", set()),  # not "jan without post": both words
        ('"jan" "post"', set()),
        ("jan*", {"janssen"}),
        ("description: koffie", set()),  # no column filter
        ("{name} : ^ ( ) + ' ; --", set()),
        ("jan' OR 1=1 --", set()),
        ("factuur AND", set()),  # no word in these complaints starts with "and"
        ("_", set()),
    ],
)
def test_search_of_hostile_input_gives_no_error_and_nothing_it_should_not(
    officer, filed, query, expected
):
    assert found(officer, query) == {filed[name].pk for name in expected}


def test_search_only_narrows_the_officers_own_complaints(
    officer, second_officer, other_org, other_officer, submit, filed
):
    # R-5.4: a complaint about the officer goes to the second officer; R-6.1: another
    # organisation's complaint is never in the list.
    about_officer = submit(description="Factuur van Amber klopt niet.", respondent_id=officer.pk)
    elsewhere = submit(organisation=other_org, description="Factuur klopt niet.")
    assert found(officer, "factuur") == {filed["janssen"].pk, filed["post"].pk}
    assert found(second_officer, "factuur") == {about_officer.pk}
    assert found(other_officer, "factuur") == {elsewhere.pk}


def test_search_follows_a_changed_text(officer, filed):
    # The record refuses a changed text (record_guards.py); the index follows whoever
    # changes it anyway, e.g. a DBA correcting a row with the guards off.
    complaint = filed["janssen"]
    record_guards.uninstall(connection)
    try:
        Complaint.objects.filter(pk=complaint.pk).update(
            complainant_name="Willemijn Bakker", description="De lunch was koud."
        )
    finally:
        record_guards.install(connection)
    assert found(officer, "janssen") == set()
    assert found(officer, "bakker lunch") == {complaint.pk}
    if connection.vendor == "sqlite":
        assert index_is_consistent()


def test_r8_5_a_destroyed_complaint_is_not_found(officer, filed):
    complaint = filed["cafe"]
    complaint_withdraw_by_complainant(
        complaint=complaint, reason="Ingetrokken.", link=steps.link_for(complaint)
    )
    complaint_destroy(complaint=complaint)
    assert found(officer, "stichting") == set()
    assert found(officer, "zaal") == {filed["post"].pk}
    if connection.vendor == "sqlite":
        assert index_is_consistent()
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT COUNT(*) FROM complaint_search_docsize WHERE id = %s", [complaint.pk]
            )
            assert cursor.fetchone()[0] == 0


@sqlite_only
def test_r8_5_a_destroyed_complaints_words_leave_the_index_on_sqlite(officer, submit):
    # FTS5 marks a deleted entry and drops its words only when segments merge; destruction
    # merges them, so the words are not left in the index's blocks either.
    complaint = submit(complainant_name="Zqxfts Vermeer", description="Zqxfts was er niet.")
    submit(description="De training begon laat.")
    complaint_withdraw_by_complainant(
        complaint=complaint, reason="Ingetrokken.", link=steps.link_for(complaint)
    )
    complaint_destroy(complaint=complaint)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT COUNT(*) FROM complaint_search_data WHERE instr(CAST(block AS TEXT), %s) > 0",
            ["zqxfts"],
        )
        assert cursor.fetchone()[0] == 0


@sqlite_only
def test_search_reads_the_fulltext_index_not_every_complaint(officer, filed):
    queryset = search(complaints_handled_by(officer), "factuur")
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
        plan = [row[-1] for row in cursor.fetchall()]
    assert any("VIRTUAL TABLE INDEX" in step for step in plan), plan
    assert not any(step.startswith("SCAN complaints_complaint") for step in plan), plan


@sqlite_only
@pytest.mark.django_db(transaction=True)
def test_fulltext_triggers_and_index_come_back_after_a_table_rebuild(officer, submit):
    complaint = submit(complainant_name="Willemijn Janssen")
    # What a later migration that changes a column of the complaint does on SQLite.
    record_guards.uninstall(connection)
    with connection.schema_editor() as editor:
        editor._remake_table(Complaint)
    assert fulltext.installed_triggers(connection) == set()
    call_command("migrate", verbosity=0, stdout=io.StringIO())
    assert fulltext.installed_triggers(connection) == fulltext.TRIGGERS
    assert index_is_consistent()
    assert found(officer, "jans") == {complaint.pk}
