"""Publishing the regulation (R-4.1): versions, the check, and one transaction per change."""

from datetime import date

import pytest

from klachtenregeling.core.errors import NotPermitted, StaleObject
from klachtenregeling.regulation import rendering, selectors, services
from klachtenregeling.regulation.constants import Article
from klachtenregeling.regulation.errors import PublicationRefused
from klachtenregeling.regulation.models import ArticleText, RegulationVersion
from klachtenregeling.regulation.rules.publication import Wording
from klachtenregeling.regulation.selectors import default_wording


def test_r4_1_first_publication_keeps_text_values_and_fingerprint(org, officer, org_admin, at):
    with at("2026-03-02 09:30"):
        result = services.regulation_publish(organisation=org, by=org_admin)
    version = result.version
    assert result.created
    assert (version.number, version.term_days, version.published_by) == (1, 28, org_admin)
    assert version.published_by_name == org_admin.display_name
    assert version.reason == "Eerste publicatie"
    assert version.parameters["officers"] == [
        {"name": officer.display_name, "email": officer.email}
    ]
    assert version.parameters["disputes_body_address"] == "Postbus 90600, 2509 LP Den Haag"
    assert "binnen vier weken (28 dagen) na ontvangst" in version.text
    assert "within four weeks (28 days) of its receipt" in version.text
    assert version.sha256 == rendering.sha256(version.text)
    assert "{" not in version.text


def test_r4_1_the_same_regulation_is_not_published_twice(org, officer, publish):
    first = publish()
    again = services.regulation_publish(organisation=org)
    assert (again.created, again.version) == (False, first)
    assert RegulationVersion.objects.count() == 1


def test_r4_1_a_refused_publication_stores_nothing(org, officer):
    officer.email = ""
    officer.save()
    with pytest.raises(PublicationRefused) as refused:
        services.regulation_publish(organisation=org)
    assert [p.code for p in refused.value.problems] == ["officer_without_email"]
    assert "officers" in refused.value.errors
    assert not RegulationVersion.objects.exists()


def test_r4_1_versions_are_kept_and_never_changed(org, officer, publish):
    first = publish()
    with pytest.raises(Exception, match="cannot be changed"):
        first.save()
    with pytest.raises(Exception, match="cannot be deleted"):
        RegulationVersion.objects.filter(pk=first.pk).delete()


def test_r4_1_changing_an_article_publishes_a_new_version(org, officer, org_admin, publish):
    publish()
    body = default_wording(Article.SCOPE, "nl").body + "\n3. Ook voor workshops."
    result = services.article_update(
        organisation=org,
        article=Article.SCOPE,
        wordings={"nl": Wording("Toepassingsbereik", body)},
        by=org_admin,
        expected_version=1,
    )
    assert (result.created, result.version.number) == (True, 2)
    assert result.version.reason == "Artikel 2 gewijzigd"
    assert "3. Ook voor workshops." in result.version.text
    assert ArticleText.objects.get(article=Article.SCOPE, language="nl").updated_by == org_admin


def test_r4_1_an_article_the_check_refuses_is_not_saved(org, officer, org_admin, publish):
    publish()
    with pytest.raises(PublicationRefused) as refused:
        services.article_update(
            organisation=org,
            article=Article.PROCEDURE,
            wordings={"nl": Wording("Interne klachtprocedure", "1. Binnen vier weken. TODO")},
            by=org_admin,
        )
    problems = refused.value.problems
    assert {(p.article, p.language, p.code) for p in problems} >= {
        ("procedure", "nl", "editorial_note"),
    }
    assert not ArticleText.objects.exists()
    assert selectors.current_version(org).number == 1


def test_r4_1_the_default_wording_is_stored_as_the_default(org, officer, org_admin, publish):
    publish()
    services.article_update(
        organisation=org,
        article=Article.AIMS,
        wordings={"en": Wording("Aims", "With this regulation we aim to:\n1. do better.")},
        by=org_admin,
    )
    assert ArticleText.objects.count() == 1
    services.article_update(
        organisation=org,
        article=Article.AIMS,
        wordings={"en": default_wording(Article.AIMS, "en")},
        by=org_admin,
    )
    assert not ArticleText.objects.exists()
    assert selectors.current_version(org).number == 3


def test_r4_1_an_editor_who_saw_an_older_version_is_refused(org, officer, org_admin, publish):
    publish()
    services.article_update(
        organisation=org,
        article=Article.AIMS,
        wordings={"en": Wording("Aims", "We aim:\n1. to improve.")},
        by=org_admin,
        expected_version=1,
    )
    with pytest.raises(StaleObject):
        services.article_update(
            organisation=org,
            article=Article.AIMS,
            wordings={"en": Wording("Aims", "We aim:\n1. to learn.")},
            by=org_admin,
            expected_version=1,
        )
    assert "to improve" in selectors.current_version(org).text


def test_r4_1_only_the_organisations_administrator_edits_the_regulation(
    org, officer, other_org, publish
):
    from tests.factories import UserFactory

    publish()
    foreign_admin = UserFactory(organisation=other_org, admin=True)
    for user in (officer, foreign_admin):
        with pytest.raises(NotPermitted):
            services.article_update(
                organisation=org,
                article=Article.AIMS,
                wordings={"en": Wording("Aims", "x")},
                by=user,
            )


def test_r4_1_complaint_records_the_version_in_force_when_received(
    org, officer, org_admin, publish, submit, draft, upload, at
):
    """A complaint gets the regulation — and the term — that applied at receipt,
    also when an officer registers it later with an earlier date of receipt."""
    from klachtenregeling.complaints import services as complaint_services
    from klachtenregeling.complaints.constants import Channel
    from tests import samples

    with at("2026-02-01 09:00"):
        first = publish()
    org.term_days = 42
    with at("2026-03-02 10:00"):
        from klachtenregeling.organisations.services import organisation_update

        organisation_update(organisation=org, by=org_admin)
    second = selectors.current_version(org)
    assert (first.term_days, second.number, second.term_days) == (28, 2, 42)

    with at("2026-03-03 11:00"):
        online = submit()
    with at("2026-03-05 14:00"):
        letter = complaint_services.complaint_register(
            by=officer,
            draft=draft(),
            channel=Channel.LETTER,
            received_on=date(2026, 2, 20),
            original=upload("brief.pdf", samples.pdf()),
        ).complaint
    assert (online.regulation_version, online.deadline) == (second, date(2026, 4, 14))
    assert (letter.regulation_version, letter.deadline) == (first, date(2026, 3, 20))


def test_r4_1_a_change_made_around_the_services_shows_as_unpublished(org, officer, publish):
    publish()
    assert not selectors.unpublished_changes(org)
    type(org).objects.filter(pk=org.pk).update(disputes_body_address="Elders 1, Utrecht")
    org.refresh_from_db()
    assert selectors.unpublished_changes(org)
    services.regulation_publish(organisation=org)
    assert not selectors.unpublished_changes(org)
