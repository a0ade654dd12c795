"""A person's part of partners in their download, and erasure in one organisation. Partner
contacts are not users of Lerend: they are removed by hand or on their keep-until date."""

from .models import Agreement, Partner, Pulse


def own_data(person):
    return {
        "partners_worked_with": list(
            Partner.objects.filter(colleagues=person).values_list("name", flat=True)
        ),
        "agreements_to_review": list(
            Agreement.objects.filter(owner=person).values("title", "review_on")
        ),
    }


def erase(person, organisation):
    partners = Partner.objects.filter(organisation=organisation)
    colleague_links = 0
    for partner in partners.filter(colleagues=person):
        partner.colleagues.remove(person)
        colleague_links += 1
    agreements = Agreement.objects.filter(partner__organisation=organisation, owner=person).update(
        owner=None
    )
    partners.filter(created_by=person).update(created_by=None)
    Pulse.objects.filter(organisation=organisation, created_by=person).update(created_by=None)
    return {"partner links": colleague_links, "partner agreements": agreements}
