"""Exemplars (điển hình tiên tiến) and the vocabularies they are described with.

A package of one module per job, re-exported here so that `from exemplars.models import X` keeps
working for every caller:

- `vocabularies`: places (with validity dates and successors), fields, organisations, award
  types and the choice lists (kinds, levels, categories);
- `pages`: `ExemplarPage`, `ExemplarIndexPage`, the abstract `IndexPage` of the site's lists
  (an exemplar's related public pages, `related_campaigns` and `related_stories`, are defined in
  `exemplars.related` and re-exported here);
- `awards`: award decisions, with revocation kept;
- `consent`: consent records, kept outside page revisions;
- `nominations`: citizen nominations (never public);
- `adoptions`: where a model was taken up (nhân rộng), child records of the exemplar page.
"""

from ..related import related_campaigns, related_stories
from .adoptions import AdopterKind, Adoption, AdoptionPublication, AdoptionSource, AdoptionStatus
from .awards import Award, CommendationType
from .consent import CONSENT_KINDS, ConsentRecord, ConsentStatus
from .nominations import Nomination, NominationStatus
from .pages import (
    ExemplarIndexPage,
    ExemplarPage,
    Gender,
    IndexPage,
    publication_allowed_expression,
)
from .vocabularies import (
    PLACE_TYPE_WORDS,
    AwardCategory,
    AwardLevel,
    AwardType,
    Field,
    Organisation,
    OrganisationKind,
    Place,
    PlaceKind,
    SubjectKind,
)

__all__ = [
    "AdopterKind",
    "Adoption",
    "AdoptionPublication",
    "AdoptionSource",
    "AdoptionStatus",
    "CONSENT_KINDS",
    "PLACE_TYPE_WORDS",
    "Award",
    "AwardCategory",
    "AwardLevel",
    "AwardType",
    "CommendationType",
    "ConsentRecord",
    "ConsentStatus",
    "ExemplarIndexPage",
    "ExemplarPage",
    "Field",
    "Gender",
    "IndexPage",
    "Nomination",
    "NominationStatus",
    "Organisation",
    "OrganisationKind",
    "Place",
    "PlaceKind",
    "SubjectKind",
    "publication_allowed_expression",
    "related_campaigns",
    "related_stories",
]
