"""/api/claims: each party's demands, proposals, rejections, acceptances and assessments per issue."""
import datetime as dt
from typing import get_args

from fastapi import Query, Request

from detente.api.records import router
from detente.codebook.codes import known
from detente.records import SourceType, Stance


def criteria(request: Request,
             party: str | None = Query(None, description="RUS, UKR, USA, EU, NONE, ... (any case)"),
             issue: str | None = Query(None, description="an issue id of the codebook (any case)"),
             stance: str | None = Query(None, min_length=1, description=f"{', '.join(get_args(Stance))} (any case)"),
             source_type: str | None = Query(None, min_length=1,
                                             description=f"{', '.join(get_args(SourceType))} (any case)"),
             hedged: bool | None = Query(None, description="true: only hedged claims; false: only firm ones"),
             search: str | None = Query(None, description="words in the evidence"),
             document: str | None = None, outlet: str | None = None,
             since: dt.date | None = None, until: dt.date | None = None) -> dict:
    """A party, issue, stance or source type that does not exist is a 400 naming the known ones, as in
    the CLI."""
    return known(request.app.state.ledger.codebook,
                 {"party": party, "issue": issue, "stance": stance, "source_type": source_type, "hedged": hedged,
                  "text": search, "document": document, "outlet": outlet, "since": since, "until": until},
                 unattributed=True)


api = router("claim", criteria)
