"""Joining the hub: an institution applies in public, a moderator accepts or declines.

- ``models``: ``JoinApplication``, what the applicant sent and what was decided;
- ``pages``: ``JoinPage``, the public application form and its thank-you page;
- ``forms``: the public form and the moderators' accept and decline forms;
- ``applications``: receiving, accepting (the partner onboarding of ``partners.onboarding``)
  and declining an application, each all or nothing;
- ``emails``: the acknowledgement, the moderators' notice, the decision, each in its
  reader's language;
- ``views`` (public) and ``admin`` (the moderators' review under *Partners*).

See docs/joining.md.
"""
