"""/api/claims: each party's demands, proposals, rejections, acceptances and assessments per issue."""
import datetime as dt

from fastapi import Query

from detente.api.records import router
from detente.records import SourceType, Stance


def criteria(party: str | None = Query(None, description="RUS, UKR, USA, EU, NONE, ..."),
             issue: str | None = Query(None, description="an issue id of the codebook"),
             stance: Stance | None = None, source_type: SourceType | None = None,
             hedged: bool | None = Query(None, description="true: only hedged claims; false: only firm ones"),
             search: str | None = Query(None, description="words in the evidence"),
             document: str | None = None, outlet: str | None = None,
             since: dt.date | None = None, until: dt.date | None = None) -> dict:
    return {"party": party, "issue": issue, "stance": stance, "source_type": source_type, "hedged": hedged,
            "text": search, "document": document, "outlet": outlet, "since": since, "until": until}


api = router("claim", criteria)
