"""Factories for settings-like rows. Complaints are made through the service (see conftest)."""

import factory

from klachtenregeling.accounts.models import User
from klachtenregeling.engagements.models import Client, Engagement
from klachtenregeling.organisations.models import Organisation, Subject


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Organisatie {n}")
    slug = factory.Sequence(lambda n: f"org{n}")
    contact_email = factory.LazyAttribute(lambda o: f"klachten@{o.slug}.example")
    # The product's default moves a term that ends on a day off (R-5.5); the tests' dates
    # were chosen as calendar days, so the factory keeps them. The days-off tests
    # (complaints/tests/rules/test_days_off.py, test_days_off_setting.py) switch it on.
    deadline_moves_off_days = False


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = factory.Faker("first_name", locale="nl_NL")
    last_name = factory.Faker("last_name", locale="nl_NL")
    email = factory.LazyAttribute(lambda u: f"{u.username}@staff.example")
    organisation = factory.SubFactory(OrganisationFactory)
    password = factory.django.Password("correct horse battery")

    class Params:
        officer = factory.Trait(is_officer=True)
        admin = factory.Trait(is_org_admin=True, is_employee=False)
        board = factory.Trait(is_board=True)


class SubjectFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Subject

    organisation = factory.SubFactory(OrganisationFactory)
    name = factory.Sequence(lambda n: f"Onderwerp {n}")


class ClientFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Client

    organisation = factory.SubFactory(OrganisationFactory)
    name = factory.Sequence(lambda n: f"Opdrachtgever {n}")


class EngagementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Engagement

    organisation = factory.SubFactory(OrganisationFactory)
    client = factory.SubFactory(ClientFactory, organisation=factory.SelfAttribute("..organisation"))
    reference = factory.Sequence(lambda n: f"OPD-{n:04d}")
    title = factory.Sequence(lambda n: f"Training {n}")
