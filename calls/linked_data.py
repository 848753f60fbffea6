"""schema.org description of calls (see heritagehub.linked_data and docs/calls.md).

schema.org has no type for "a call with a deadline", so the type follows the kind of call:

- a job or internship is a ``JobPosting``: ``datePosted`` (the opening) and ``validThrough``
  (the deadline) are what job search engines read;
- a training programme is an ``EducationalOccupationalProgram``, whose
  ``applicationStartDate`` and ``applicationDeadline`` say exactly when one may apply;
- every other call (residency, grant, call for proposals or for new partners) is a
  ``CreativeWork`` that ``expires`` at its deadline; a grant is ``about`` a
  ``MonetaryGrant`` funded by the partner.
"""

from heritagehub.linked_data import (
    content_language,
    document,
    hub_organization,
    page_url,
    plain_text,
    thing,
)
from partners.linked_data import partner_of, partner_reference, postal_address

JOB_KINDS = {"job-internship"}
TRAINING_KINDS = {"training"}
GRANT_KINDS = {"grant-funding"}


def call_type(kind):
    slug = kind.slug if kind is not None else ""
    if slug in JOB_KINDS:
        return "JobPosting"
    if slug in TRAINING_KINDS:
        return "EducationalOccupationalProgram"
    return "CreativeWork"


def call_data(call, request, context):
    partner = partner_of(call, request)
    organisation = partner_reference(partner, request) or hub_organization(request)
    schema_type = call_type(call.kind)
    address = postal_address(partner) if partner is not None else None
    # To the second: what an editor typed, without the microseconds of code-made calls.
    opens = call.local_opens_at.replace(microsecond=0)
    deadline = call.local_deadline.replace(microsecond=0)
    common = {
        "name": call.title,
        "url": page_url(call, request),
        "description": call.summary,
        "inLanguage": content_language(call),
        "keywords": [sector.name for sector in call.sectors.all()],
    }
    if schema_type == "JobPosting":
        node = thing(
            schema_type,
            title=call.title,
            datePosted=opens,
            validThrough=deadline,
            hiringOrganization=organisation,
            jobLocation=thing("Place", address=address) if address else None,
            qualifications=plain_text(call.eligibility),
            **common,
        )
    elif schema_type == "EducationalOccupationalProgram":
        node = thing(
            schema_type,
            provider=organisation,
            applicationStartDate=opens.date(),
            applicationDeadline=deadline.date(),
            programPrerequisites=plain_text(call.eligibility),
            **common,
        )
    else:
        grant = None
        if call.kind is not None and call.kind.slug in GRANT_KINDS:
            grant = thing("MonetaryGrant", name=call.title, funder=organisation)
        node = thing(
            schema_type,
            publisher=organisation,
            datePublished=opens,
            expires=deadline,
            about=grant,
            **common,
        )
    return document(node)
