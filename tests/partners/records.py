"""Partners records naming one person (a partner they work with and created, an agreement
they review, a pulse they sent), for the tenancy matrix and the erasure test."""

import datetime

from lerend.partners import services
from lerend.partners.models import Activity, Agreement, Contact, Partner


def make_records(org, person) -> dict[str, int]:
    today = datetime.date.today()
    partner = services.save_partner(
        partner=Partner(organisation=org, name="Basisschool", kind="primary_school"),
        actor=person,
        colleagues=[person],
    )
    contact = services.save_contact(
        contact=Contact(partner=partner, name="Contact", email="c@example.org"), actor=person
    )
    agreement = services.save_agreement(
        agreement=Agreement(
            partner=partner,
            title="Convenant",
            kind="covenant",
            starts_on=today,
            review_on=today,
            owner=person,
        ),
        actor=person,
    )
    Activity.objects.create(partner=partner, kind="meeting", title="Overleg", held_on=today)
    pulse = services.create_pulse(
        organisation=org,
        actor=person,
        title="Puls",
        partners=[partner],
        closes_on=today + datetime.timedelta(days=7),
    )
    return {
        "partner": partner.pk,
        "contact": contact.pk,
        "agreement": agreement.pk,
        "pulse": pulse.pk,
    }
