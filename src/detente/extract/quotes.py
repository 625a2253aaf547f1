"""Direct, mixed and indirect quotes with their speakers, from one parsed ``Doc``.

Quotation marks find direct speech (``quote_marks``); the dependency parse finds the cue
(a reporting verb of ``cues.REPORTING_VERBS`` or "according to") next to it and the cue's
subject is the speaker (``actors.resolve_mention``). A quote fragment inside a reported
clause ("Trump said such a meeting should be held “as soon as we can.”") is *mixed*; a
reported clause without marks is *indirect*. Scare quotes ("progress") count only when a
reporting verb governs them: precision first.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from detente.extract.actors import noun_phrase, resolve_mention
from detente.extract.context import ArticleContext
from detente.extract.cues import ACCORDING_TO, BODY_NOUNS, CLAUSE_VERBS, FRAGMENT_CUES, OBJECT_VERBS, REPORTING_VERBS, ROLE_NOUNS, WEAK_VERBS
from detente.extract.quote_marks import Marked, find_marked
from detente.records import Quote, Speaker

_SENT_END = {".", "!", "?"}
_WINDOW = 40
_FRAGMENT_WORDS = 5


@dataclass
class _Layout:
    """Where quotes and paragraphs are, per token, for window searches."""

    doc: Doc
    quoted: list[bool]      # token lies inside (or is) a quotation mark span
    para_starts: list[int]  # char offsets where paragraphs start

    def para(self, char: int) -> int:
        return bisect_right(self.para_starts, char) - 1


def find_quotes(ctx: ArticleContext) -> list[Quote]:
    """All quotes of the article, in text order."""
    layout = _layout(ctx)
    quotes = _marked_quotes(ctx, layout)
    covered = [(q.start, q.end) for q in quotes]
    quotes += _indirect_quotes(ctx, layout, covered)
    return sorted(quotes, key=lambda q: (q.start, q.end))


def _layout(ctx: ArticleContext) -> _Layout:
    doc, text = ctx.doc, ctx.text
    quoted = [False] * len(doc)
    marks = find_marked(text)
    ctx.scratch["quotes.marked"] = marks
    for m in marks:
        span = doc.char_span(m.open, m.stop, alignment_mode="expand")
        if span is not None:
            for i in range(span.start, span.end):
                quoted[i] = True
    starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]
    return _Layout(doc=doc, quoted=quoted, para_starts=starts)


# --- direct and mixed ----------------------------------------------------------------------
def _marked_quotes(ctx: ArticleContext, layout: _Layout) -> list[Quote]:
    out: list[Quote] = []
    for m in ctx.scratch["quotes.marked"]:
        quote = _attribute(m, ctx, layout, out[-1] if out else None)
        if quote is not None:
            out.append(quote)
    return out


def _attribute(m: Marked, ctx: ArticleContext, layout: _Layout, prev: Quote | None) -> Quote | None:
    doc, text = ctx.doc, ctx.text
    outer_end = m.stop
    span = doc.char_span(m.open, outer_end, alignment_mode="expand")
    if span is None:
        return None
    fragment = _is_fragment(doc, span)
    if fragment and _is_title(text[m.start:m.end]):
        return None
    left = _window(layout, span.start - 1, -1, m.open)
    right = _window(layout, span.end, +1, m.open)
    if not any(t.is_alpha for t in right) and _trails_comma(text, outer_end):
        nxt = _next_line_token(doc, outer_end)
        right = _window(layout, nxt, +1, doc[nxt].idx) if nxt < len(doc) else []
    if not left and _opens_paragraph(text, m.open):
        left = _colon_intro(layout, m.open)
    cue = _pick_cue(left, right, span, fragment)
    if cue is None:
        return _without_cue(m, ctx, layout, prev, fragment, span)
    speaker = _speaker_of(cue, ctx, layout.quoted)
    if speaker.name is None and speaker.party == "NONE" and prev is not None \
            and layout.para(m.open) - layout.para(prev.start) <= 2:
        speaker = prev.speaker.model_copy(update={"start": speaker.start, "end": speaker.end})
    start, end, kind = m.start, m.end, "direct"
    if cue.i < span.start:
        clause = _mixed_start(cue, span, layout)
        if clause is not None:
            start, kind = clause, "mixed"
            end = max(outer_end, _clause_end(cue, span, layout))
    return Quote(text=text[start:end], start=start, end=end, kind=kind, cue=_cue_text(cue), speaker=speaker)


def _without_cue(m: Marked, ctx: ArticleContext, layout: _Layout, prev: Quote | None,
                 fragment: bool, span) -> Quote | None:
    """A quote with no cue beside it: a headline "Name: ...", the previous speaker, or nobody."""
    text = ctx.text
    headline = _headline_speaker(ctx, layout, m)
    if headline is not None:
        return Quote(text=text[m.start:m.end], start=m.start, end=m.end, kind="direct", cue=None, speaker=headline)
    if fragment:
        return None
    speaker = Speaker(name=None)
    if prev is not None and prev.speaker.name is not None and _continues(prev, m, text, layout):
        speaker = prev.speaker.model_copy()
    elif not _speech_like(text[m.start:m.end]):
        return None
    return Quote(text=text[m.start:m.end], start=m.start, end=m.end, kind="direct", cue=None, speaker=speaker)


def _window(layout: _Layout, i: int, step: int, anchor: int) -> list[Token]:
    """Tokens beside a quote within its sentence and paragraph, outside any other quote."""
    doc, para = layout.doc, layout.para(anchor)
    out: list[Token] = []
    while 0 <= i < len(doc) and len(out) < _WINDOW:
        tok = doc[i]
        if layout.quoted[i] or layout.para(tok.idx) != para or tok.text in _SENT_END:
            break
        out.append(tok)
        i += step
    return out


def _colon_intro(layout: _Layout, open_char: int) -> list[Token]:
    """"…said in a comment to Sky News:" ⏎ “We see…”: the cue sits in the paragraph before."""
    doc = layout.doc
    p = layout.para(open_char)
    if p == 0:
        return []
    span = doc.char_span(layout.para_starts[p - 1], layout.para_starts[p], alignment_mode="expand")
    if span is None:
        return []
    toks = [t for t in span if not t.is_space]
    if not toks or toks[-1].text != ":":
        return []
    return _window(layout, toks[-1].i - 1, -1, toks[-1].idx)


def _pick_cue(left: list[Token], right: list[Token], span, fragment: bool) -> Token | None:
    """The nearest reporting verb, before the quote if its sentence has one, else after."""
    for side in (left, right):
        for tok in side:
            if _is_cue(tok) and (not fragment or _governs(tok, span)):
                return tok
    if not fragment:
        for tok in left:
            if _according(tok) is not None:
                return tok
    return None


def _is_cue(tok: Token) -> bool:
    lemma = tok.lemma_.lower()
    if tok.pos_ in ("VERB", "AUX") and lemma in REPORTING_VERBS["en"]:
        return lemma not in WEAK_VERBS["en"] or tok.dep_ in ("ROOT",)
    if tok.pos_ == "NOUN" and tok.i > 0 and tok.doc[tok.i - 1].pos_ in ("PROPN", "PRON"):
        word = tok.lower_
        return word.endswith("s") and (word[:-1] in REPORTING_VERBS["en"] or word[:-2] in REPORTING_VERBS["en"])
    return False


def _governs(cue: Token, span) -> bool:
    """The cue is an ancestor of the quoted words: "labeled him “illegitimate”"."""
    lemma = cue.lemma_.lower()
    if lemma in WEAK_VERBS["en"]:
        return False
    for tok in span:
        if not tok.is_punct and cue in tok.ancestors:
            return True
    return lemma in FRAGMENT_CUES["en"] and any(cue in t.ancestors for t in span)


def _according(tok: Token) -> Token | None:
    """The object of "according to X", when ``tok`` is "according"."""
    word, prep = ACCORDING_TO["en"]
    if tok.lower_ != word:
        return None
    for child in tok.children:
        if child.lower_ == prep:
            objs = [c for c in child.children if c.dep_ == "pobj"]
            return objs[0] if objs else None
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if nxt is not None and nxt.lower_ == prep:
        objs = [c for c in nxt.children if c.dep_ == "pobj"]
        return objs[0] if objs else None
    return None


def _speaker_of(cue: Token, ctx: ArticleContext, quoted: list[bool]) -> Speaker:
    subj = _according(cue) if cue.lower_ == ACCORDING_TO["en"][0] else subject_of(cue, quoted)
    if subj is None:
        return Speaker(name=None)
    return resolve_mention(noun_phrase(subj), ctx)


def subject_of(cue: Token, quoted: list[bool] | None = None) -> Token | None:
    """Who speaks through ``cue``: its subject, the subject of the verb it depends on, or the
    name right beside it (the small model often leaves "Yagodzinsky notes" without a subject)."""
    inside = (lambda t: quoted[t.i]) if quoted else (lambda t: False)
    v = cue
    for _ in range(4):
        if inside(v):
            break
        subj = [c for c in v.children if c.dep_ in ("nsubj", "nsubjpass") and not inside(c)]
        if subj and subj[0].tag_ in ("WP", "WDT") and v.dep_ == "relcl":
            return v.head  # "the candidate who said …": the speaker is the candidate
        if subj:
            if v.i != cue.i and v.dep_ == "ccomp" and _is_cue(v.head) and not inside(v.head):
                return subject_of(v.head, quoted) or subj[0]
            return subj[0]
        comp = [c for c in v.children if c.dep_ == "compound" and c.pos_ in ("PROPN", "PRON", "NOUN")]
        if comp and v.pos_ == "NOUN":
            return comp[-1]
        if v.dep_ not in ("xcomp", "advcl", "conj", "pcomp", "prep", "acl") or v.head.i == v.i:
            break
        v = v.head
    return _beside(cue, inside) or _earlier_cue_subject(cue, quoted, inside)


def _beside(cue: Token, inside) -> Token | None:
    """"… Katarina Mathernova wrote:" or "… wrote the Belgian Foreign Minister"."""
    doc = cue.doc
    before = doc[cue.i - 1] if cue.i > 0 else None
    if before is not None and before.pos_ in ("PROPN", "PRON") and not inside(before) and before.is_alpha:
        return before
    j = cue.i + 1
    head = None
    while j < len(doc) and doc[j].pos_ in ("DET", "ADJ", "PROPN", "NOUN") and not inside(doc[j]):
        head = doc[j] if doc[j].pos_ in ("PROPN", "NOUN") else head
        j += 1
    if head is None or not head.is_alpha:
        return None
    if head.pos_ == "NOUN" and head.lemma_.lower() not in ROLE_NOUNS["en"] | BODY_NOUNS["en"]:
        return None
    return head


def _earlier_cue_subject(cue: Token, quoted, inside) -> Token | None:
    """"Trump warned, “…,” and separately declared that …": the sentence's earlier cue speaks."""
    for tok in reversed(list(cue.doc[cue.sent.start:cue.i])):
        if not inside(tok) and _is_cue(tok):
            subj = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass") and not inside(c)]
            if subj:
                return subj[0]
    return None


def _mixed_start(cue: Token, span, layout: _Layout) -> int | None:
    """Start of the reported clause when words besides the speaker stand between cue and quote."""
    doc = cue.doc
    subj = subject_of(cue, layout.quoted)
    skip = {t.i for t in subj.subtree} if subj is not None else set()
    between = [t for t in doc[cue.i + 1:span.start] if t.i not in skip and not t.is_space]
    while between and between[0].is_punct:
        between.pop(0)
    words = [t for t in between if not t.is_punct]
    if not words:
        return None
    return between[0].idx


def _clause_end(cue: Token, span, layout: _Layout) -> int:
    """End of the reported clause that holds a quoted fragment, within its sentence."""
    head = span.root
    while head.head.i != head.i and head.head.i != cue.i and head.head.i > cue.i:
        head = head.head
    end = head.right_edge.i
    while end > span.end and (layout.doc[end].is_punct or layout.quoted[end]):
        end -= 1
    tok = layout.doc[end]
    return tok.idx + len(tok.text)


def _cue_text(cue: Token) -> str:
    if cue.lower_ == ACCORDING_TO["en"][0]:
        return f"{cue.text} {ACCORDING_TO['en'][1]}"
    parts = [c for c in cue.children if c.dep_ == "prt"]
    return " ".join([cue.text] + [p.text for p in parts])


def _is_fragment(doc: Doc, span) -> bool:
    """A few words without a verb ("progress", "gesture of goodwill"): speech only when attributed."""
    words = [t for t in span if t.is_alpha]
    return len(words) < _FRAGMENT_WORDS and not any(t.pos_ in ("VERB", "AUX") for t in words)


def _is_title(quoted: str) -> bool:
    """“Fox News Sunday”, ‘The Dealmaker’: every word capitalised names a title, not speech."""
    words = [w for w in quoted.split() if w[:1].isalpha()]
    return len(words) >= 2 and all(w[:1].isupper() for w in words)


def _speech_like(quoted: str) -> bool:
    """An unattributed quote counts only if it reads as a statement: capitalised, several words."""
    words = quoted.split()
    return len(words) >= 4 and quoted.lstrip()[:1].isupper()


def _trails_comma(text: str, end: int) -> bool:
    """"…we will see results",⏎⏎Steve Witkoff reported.": the cue is on the next line."""
    rest = text[end:end + 4]
    return rest[:1] == "," and "\n" in rest and "\n" in text[end:]


def _next_line_token(doc: Doc, char: int) -> int:
    span = doc.char_span(doc.text.index("\n", char), len(doc.text), alignment_mode="expand")
    for tok in span:
        if not tok.is_space:
            return tok.i
    return len(doc)


def _opens_paragraph(text: str, pos: int) -> bool:
    j = pos - 1
    while j >= 0 and text[j] in " \t":
        j -= 1
    return j < 0 or text[j] == "\n"


def _continues(prev: Quote, m: Marked, text: str, layout: _Layout) -> bool:
    """A new quote right after an attributed one, same paragraph or the next, is the same voice."""
    p_prev, p_this = layout.para(prev.start), layout.para(m.open)
    if p_prev == p_this:
        return True
    gap = text[prev.end:m.open]
    return p_this - p_prev <= 2 and _opens_paragraph(text, m.open) and gap.count("\n") <= 2 \
        and not any(c in gap[1:] for c in "“\"«")


def _headline_speaker(ctx: ArticleContext, layout: _Layout, m: Marked) -> Speaker | None:
    """"Umerov: Russia only today hands over ‘its document’": a name and a colon open the line."""
    p = layout.para(m.open)
    span = ctx.doc.char_span(layout.para_starts[p], m.open, alignment_mode="expand")
    if span is None:
        return None
    toks = [t for t in span if not t.is_space]
    colon = next((k for k, t in enumerate(toks) if t.text == ":"), None)
    if colon is None or not 1 <= colon <= 3 or not all(t.pos_ == "PROPN" for t in toks[:colon]):
        return None
    return resolve_mention(ctx.doc[toks[0].i:toks[colon - 1].i + 1], ctx)


# --- indirect ------------------------------------------------------------------------------
def _indirect_quotes(ctx: ArticleContext, layout: _Layout, covered: list[tuple[int, int]]) -> list[Quote]:
    out: list[Quote] = []
    for tok in ctx.doc:
        if layout.quoted[tok.i]:
            continue
        found = _reported_clause(tok, layout.quoted) or _according_clause(tok) or _headline_clause(tok, layout)
        if found is None:
            continue
        speaker_tok, first, last = found
        start, end = _trimmed(ctx.doc, first, last)
        if end - start < 8 or any(s < end and start < e for s, e in covered):
            continue
        speaker = resolve_mention(noun_phrase(speaker_tok), ctx)
        out.append(Quote(text=ctx.text[start:end], start=start, end=end, kind="indirect",
                         cue=_cue_text(tok), speaker=speaker))
        covered.append((start, end))
    return out


def _reported_clause(tok: Token, quoted: list[bool]) -> tuple[Token, int, int] | None:
    """"X said (that) …": the subject and the token range of the content clause."""
    if tok.pos_ not in ("VERB", "AUX") or tok.lemma_.lower() not in CLAUSE_VERBS["en"]:
        return None
    comps = [c for c in tok.children if c.dep_ == "ccomp"] or _object_content(tok)
    subj = subject_of(tok, quoted)
    if subj is None or subj.dep_ == "expl" or subj.lower_ in ("this", "that", "what", "which"):
        return None
    if not comps:
        return _parenthetical(tok, subj)
    comp = comps[0]
    return subj, comp.left_edge.i, comp.right_edge.i


def _parenthetical(tok: Token, subj: Token) -> tuple[Token, int, int] | None:
    """"…, he said, local officials should be vigilant": the clause around the cue is the content."""
    head = tok.head
    if tok.dep_ not in ("parataxis", "advcl") or head.i == tok.i or head.pos_ not in ("VERB", "AUX"):
        return None
    own = {t.i for t in tok.subtree}
    rest = [t.i for t in head.subtree if t.i not in own]
    return (subj, rest[0], rest[-1]) if len(rest) > 3 else None


def _headline_clause(tok: Token, layout: _Layout) -> tuple[Token, int, int] | None:
    """"Politifact: Donald Trump Is Right …": a name and a colon open the line, a claim follows."""
    doc = tok.doc
    if tok.text != ":" or not 1 <= tok.i - _line_first(doc, tok.i) <= 3:
        return None
    name = doc[_line_first(doc, tok.i):tok.i]
    if not all(t.pos_ == "PROPN" for t in name):
        return None
    end = tok.i + 1
    while end < len(doc) and "\n" not in doc[end].text:
        end += 1
    if end - tok.i < 4 or any(layout.quoted[i] for i in range(tok.i + 1, end)):
        return None
    return name.root, tok.i + 1, end - 1


def _line_first(doc: Doc, i: int) -> int:
    while i > 0 and "\n" not in doc[i - 1].text_with_ws:
        i -= 1
    return i


def _object_content(tok: Token) -> list[Token]:
    """"cited the remarks", "urged supporters to vote", "called for a ceasefire"."""
    if tok.lemma_.lower() not in OBJECT_VERBS["en"]:
        return []
    objs = [c for c in tok.children if c.dep_ in ("dobj", "xcomp")]
    objs += [g for c in tok.children if c.dep_ == "prep" and c.lower_ in ("for", "about", "on")
             for g in c.children if g.dep_ == "pobj"]
    objs = [o for o in objs if not (o.pos_ == "PRON" and len(list(o.subtree)) == 1)]
    return objs[:1]


def _according_clause(tok: Token) -> tuple[Token, int, int] | None:
    """"According to X, …": X and the clause it attributes (the rest of the head's subtree)."""
    obj = _according(tok)
    if obj is None or tok.head.i == tok.i:
        return None
    head = tok.head
    own = {t.i for t in tok.subtree}
    rest = [t.i for t in head.subtree if t.i not in own]
    after = [i for i in rest if i > tok.right_edge.i]
    before = [i for i in rest if i < tok.left_edge.i]
    part = after if len(after) >= len(before) else before
    if not part:
        return None
    return obj, part[0], part[-1]


def _trimmed(doc: Doc, first: int, last: int) -> tuple[int, int]:
    while first < last and (doc[first].is_punct or doc[first].is_space):
        first += 1
    while last > first and (doc[last].is_punct or doc[last].is_space):
        last -= 1
    return doc[first].idx, doc[last].idx + len(doc[last].text)
