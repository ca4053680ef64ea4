"""Exemplars (điển hình tiên tiến) and the vocabularies they are described with.

A package of one module per job, re-exported here so that `from exemplars.models import X` keeps
working for every caller:

- `vocabularies`: places (with validity dates and successors), fields, organisations, award
  types and the choice lists (kinds, levels, categories);
- `pages`: `ExemplarPage`, `ExemplarIndexPage`, the abstract `IndexPage` of the site's lists
  (an exemplar's related public pages, `related_campaigns` and `related_stories`, are defined in
  `exemplars.related` and re-exported here);
- `awards`: the award register (every award, with or without a profile), revocation kept;
- `consent`: consent records, kept outside page revisions;
- `nominations`: citizen nominations (never public);
- `proposals`: award proposals (đề xuất khen thưởng) from review to decision (never public).
- `adoptions`: where a model was taken up (nhân rộng), child records of the exemplar page.
"""

from ..related import related_campaigns, related_stories
from .adoptions import AdopterKind, Adoption, AdoptionPublication, AdoptionSource, AdoptionStatus
from .awards import (
    DIRECT_WORKER_GROUPS,
    Award,
    AwardSource,
    CommendationType,
    Occasion,
    RecipientGroup,
    RecipientKind,
    recipient_kind_of,
)
from .consent import CONSENT_KINDS, ConsentRecord, ConsentStatus
from .nominations import Nomination, NominationStatus
from .pages import (
    ExemplarIndexPage,
    ExemplarPage,
    Gender,
    IndexPage,
    publication_allowed_expression,
)
from .proposals import (
    PROPOSAL_COLLECTION_NAME,
    CouncilResult,
    Proposal,
    ProposalDocument,
    ProposalStatus,
    proposal_collection,
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
    "DIRECT_WORKER_GROUPS",
    "PLACE_TYPE_WORDS",
    "PROPOSAL_COLLECTION_NAME",
    "Award",
    "AwardCategory",
    "AwardLevel",
    "AwardSource",
    "AwardType",
    "CommendationType",
    "ConsentRecord",
    "ConsentStatus",
    "CouncilResult",
    "ExemplarIndexPage",
    "ExemplarPage",
    "Field",
    "Gender",
    "IndexPage",
    "Nomination",
    "NominationStatus",
    "Organisation",
    "Occasion",
    "OrganisationKind",
    "Place",
    "PlaceKind",
    "Proposal",
    "ProposalDocument",
    "ProposalStatus",
    "RecipientGroup",
    "RecipientKind",
    "SubjectKind",
    "proposal_collection",
    "publication_allowed_expression",
    "recipient_kind_of",
    "related_campaigns",
    "related_stories",
]
