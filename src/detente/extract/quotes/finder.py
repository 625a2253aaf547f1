"""Direct, mixed and indirect quotes with their speakers, from one parsed ``Doc``.

Quotation marks find direct speech (``quote_marks``); the dependency parse finds the cue
(a reporting verb of ``cues.REPORTING_VERBS`` or "according to") next to it and the cue's
subject is the speaker (``actors.resolve_mention``). A quote fragment inside a reported
clause ("Trump said a summit ought to take place “as soon as possible.”") is *mixed*; a
reported clause without marks is *indirect*. Scare quotes ("progress") count only when a
reporting verb governs them: precision first.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from detente.extract.mentions.actors import is_body, leader_of, resolve_mention
from detente.extract.mentions.people import is_person_name
from detente.extract.context import ArticleContext
from detente.extract.quotes.attribution import (according_object, attributes_by_phrase, can_speak, cue_text, is_cue,
                                                main_subject, mention_of, outer_cue, subject_of)
from detente.extract.mentions.vocabulary import (ANONYMOUS_HEADS, COMPANY_NOUNS, FIRST_PERSON, FRAGMENT_CUES, IN_OPINION,
                                                 ISSUED_NOUNS, MUTE_PRONOUNS, QUOTING_NOUNS, RELAY_VERBS, REPORTING_VERBS,
                                                 ROLE_NOUNS, SENTENCE_END, TITLE_MINOR_WORDS, WEAK_VERBS)
from detente.extract.quotes.marks import Marked, find_marked
from detente.extract.quotes.reported import find_reported
from detente.extract.quotes.signatures import dash_speaker, signed_speaker
from detente.records import Quote, Speaker

_WINDOW = 40
_FRAGMENT_WORDS = 5
_SUBJECT_POS = frozenset({"DET", "ADJ", "NOUN", "PROPN", "PRON", "PART"})


@dataclass
class _Layout:
    """Where quotes and paragraphs are, per token, for window searches."""

    doc: Doc
    text: str               # the article text (Doc.text would rebuild it on every call)
    quoted: list[bool]      # token lies inside (or is) a quotation mark span
    para_starts: list[int]  # char offsets where paragraphs start

    def para(self, char: int) -> int:
        return bisect_right(self.para_starts, char) - 1


def find_quotes(ctx: ArticleContext) -> list[Quote]:
    """All quotes of the article, in text order."""
    layout = _layout(ctx)
    quotes = _marked_quotes(ctx, layout)
    quotes += find_reported(ctx, layout.quoted, [(q.start, q.end) for q in quotes])
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
    return _Layout(doc=doc, text=text, quoted=quoted, para_starts=starts)


# --- direct and mixed ----------------------------------------------------------------------


def _marked_quotes(ctx: ArticleContext, layout: _Layout) -> list[Quote]:
    out: list[Quote] = []
    for m in ctx.scratch["quotes.marked"]:
        quote = _attribute(m, ctx, layout, out[-1] if out else None)
        if quote is None:
            continue
        if out and quote.kind == "mixed" and quote.start < out[-1].end < quote.end:
            quote = _after(out[-1], quote, ctx.text)
        out.append(quote)
    return out


def _after(prev: Quote, quote: Quote, text: str) -> Quote:
    """"called the plan “outrageous” and called for sanctions to be “tightened”": two fragments of
    one clause are two quotes that do not overlap; the second starts where the first ends."""
    start = prev.end
    while start < quote.end and text[start] in " ,;\n\t\u00a0":
        start += 1
    return quote.model_copy(update={"start": start, "text": text[start:quote.end]})


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
    right = [] if _closes_sentence(text, m, doc, span) else _window(layout, span.end, +1, m.open)
    if not any(t.is_alpha for t in right) and _trails_comma(text, m):
        nxt = _next_line_token(doc, text, outer_end)
        right = _window(layout, nxt, +1, doc[nxt].idx) if nxt < len(doc) else []
    elif not any(t.is_alpha for t in right):
        signed = _dash_signature(doc, text, outer_end)
        right = _window(layout, signed, +1, doc[signed].idx) if signed is not None else right
    intro = False
    if not left and _opens_paragraph(text, m.open):
        left = _colon_intro(layout, m.open)
        intro = bool(left)
    signed = dash_speaker(ctx, m)
    if signed is not None and _a_person(signed, ctx):  # "US wants «a deal by May», — Zelensky": the signature
        return Quote(text=text[m.start:m.end], start=m.start, end=m.end, kind="direct", cue=None, speaker=signed)
    cue = _pick_cue(left, right, span, fragment)
    if cue is None and (intro or not fragment and left and left[0].text == ":"):
        cue = _intro_verb(left)
    if cue is None:
        return _without_cue(m, ctx, layout, prev, fragment, span)
    cue = outer_cue(cue)
    speaker = _speaker_of(cue, ctx, layout.quoted)
    empty = speaker.name is None and speaker.party == "NONE" and speaker.role is None
    said_it = speaker.start is not None and text[speaker.start:speaker.end].lower() == "it"
    if prev is not None and layout.para(m.open) - layout.para(prev.start) <= 2 \
            and (empty and not (said_it and not _a_body(prev.speaker, ctx))
                 or _names_the_body_again(speaker, prev.speaker, ctx)):
        here = {"start": speaker.start, "end": speaker.end} if speaker.start is not None else {}
        speaker = prev.speaker.model_copy(update=here)  # "it added": this mention, the earlier name
    elif empty and not said_it:  # "it" is no person: not whoever the sentence before names
        speaker = _voice_before(ctx, layout, cue) or speaker
    elif _a_country(speaker):
        speaker = _voice_after(ctx, layout, cue, speaker.party) or speaker
    if _first_person(span):
        speaker = leader_of(speaker, cue.i, ctx) or speaker
    start, end, kind = m.start, m.end, "direct"
    if cue.i < span.start:
        clause = _mixed_start(cue, span, layout)
        if clause is not None:
            start, kind = clause, "mixed"
            end = max(outer_end, _clause_end(cue, span, layout))
    return Quote(text=text[start:end], start=start, end=end, kind=kind, cue=cue_text(cue), speaker=speaker)


def _names_the_body_again(speaker: Speaker, before: Speaker, ctx: ArticleContext) -> bool:
    """"Naftogaz said … “…,” the company added": a definite common noun with no side, right after
    an organisation spoke, is that organisation again (a person is taken up by "he" or a title)."""
    if speaker.party != "NONE" or speaker.actor_id or speaker.start is None or not before.name or before.actor_id:
        return False
    span = ctx.doc.char_span(speaker.start, speaker.end, alignment_mode="expand")
    root = span.root if span is not None else None
    if root is None or root.tag_ != "NN" or span[0].lower_ != "the" or any(t.pos_ == "PROPN" for t in span) \
            or root.lemma_.lower() in ROLE_NOUNS["en"] | ANONYMOUS_HEADS["en"] | ISSUED_NOUNS["en"]:
        return False
    # "Ukrenergo said … “…,” the operator added": the text calls a one-word name tagged as a person a company
    company = root.lemma_.lower() in COMPANY_NOUNS["en"] and len(before.name.split()) == 1
    return company or not is_person_name(before.name, ctx)


def _a_body(speaker: Speaker, ctx: ArticleContext) -> bool:
    """The speaker is an organisation or a side ("Naftogaz", "the ministry"), which "it" may take up."""
    if speaker.name is None or speaker.start is None or is_person_name(speaker.name, ctx):
        return False
    span = ctx.doc.char_span(speaker.start, speaker.end, alignment_mode="expand")
    return span is not None and is_body(span, ctx, countries=True)


def _first_person(span) -> bool:
    """The quoted words speak as "I": one person's words, whoever issued them."""
    return any(t.lower_ in FIRST_PERSON["en"] and t.pos_ == "PRON" for t in span)


def _without_cue(m: Marked, ctx: ArticleContext, layout: _Layout, prev: Quote | None,
                 fragment: bool, span) -> Quote | None:
    """A quote with no cue beside it: one its layout signs (``signatures``), the speaker of the
    sentence before or of the quote before, or nobody."""
    text = ctx.text
    signed = signed_speaker(ctx, m, layout.para_starts[layout.para(m.open)])
    if signed is not None:
        return Quote(text=text[m.start:m.end], start=m.start, end=m.end, kind="direct", cue=None, speaker=signed)
    if fragment and _same_clause_again(prev, span, ctx):
        return Quote(text=text[m.open:m.stop], start=m.open, end=m.stop, kind="mixed", cue=prev.cue,
                     speaker=prev.speaker.model_copy())
    if fragment and not _exclaims_again(m, span, text, layout, prev):
        return None
    speaker = Speaker(name=None)
    before = _previous_sentence_speaker(ctx, layout, m, span, prev)
    later = _later_cue(span, layout)
    if later is not None:
        speaker = _speaker_of(later, ctx, layout.quoted)
    elif before is not None:
        speaker = before
    elif prev is not None and (prev.speaker.name or prev.speaker.role) and _continues(prev, m, text, layout):
        speaker = prev.speaker.model_copy()
    elif not _speech_like(text[m.start:m.end]):
        return None
    cue = cue_text(later) if later is not None else None
    return Quote(text=text[m.start:m.end], start=m.start, end=m.end, kind="direct", cue=cue, speaker=speaker)


def _same_clause_again(prev: Quote | None, span, ctx: ArticleContext) -> bool:
    """"said the proposal was “interesting” but “far from enough”": a second quoted fragment of the
    clause a mixed quote opened, with nothing to cue it between them, is that speaker's too."""
    if prev is None or prev.kind != "mixed" or prev.end > span.start_char:
        return False
    between = ctx.doc.char_span(prev.end, span.start_char, alignment_mode="expand")
    return span.sent.start <= ctx.doc.char_span(prev.start, prev.end, alignment_mode="expand").start \
        and between is not None and len(between) <= 3 and not any(t.pos_ in ("VERB", "AUX") for t in between)


def _exclaims_again(m: Marked, span, text: str, layout: _Layout, prev: Quote | None) -> bool:
    """"“We will never sign this,” Zelensky said. “Never again.”": a verbless sentence of its own,
    right after the speaker's quote in the same paragraph, is more of the same voice."""
    return prev is not None and prev.speaker.name is not None and layout.para(prev.start) == layout.para(m.open) \
        and _opens_sentence(span.doc, span.start) and text[m.start:m.end].rstrip().endswith((".", "!", "?"))


def _later_cue(span, layout: _Layout) -> Token | None:
    """"Putin has “praised” Trump in the hope he would “back away …,” the Times said": the
    reporting verb that closes the sentence, past a later quote, covers every quote in it."""
    sent = span.sent
    for tok in layout.doc[span.end:sent.end]:
        if not layout.quoted[tok.i] and tok.dep_ == "ROOT" and is_cue(tok) and subject_of(tok, layout.quoted) is not None:
            return tok
    return None


def _previous_sentence_speaker(ctx: ArticleContext, layout: _Layout, m: Marked, span,
                               prev: Quote | None) -> Speaker | None:
    """"…over Syria, Schiff said. ⏎ “The other factor …”": a quote that opens a sentence after one
    whose reporting verb (or, failing one, main subject) names a speaker continues that speaker,
    if no quote came in between."""
    doc = ctx.doc
    if span.start == 0 or not _opens_sentence(doc, span.start):
        return None
    sent = doc[span.start - 1].sent
    if layout.para(m.open) - layout.para(sent.start_char) > 2 or (prev is not None and prev.end > sent.end_char):
        return None
    return _sentence_voice(ctx, layout, sent)


def _sentence_voice(ctx: ArticleContext, layout: _Layout, sent) -> Speaker | None:
    """The named speaker of a sentence: the subject of its reporting verb, else its main subject."""
    cues = [t for t in sent if not layout.quoted[t.i] and is_cue(t) and t.lemma_.lower() not in WEAK_VERBS["en"]]
    cues = [t for t in cues if t.lemma_.lower() not in RELAY_VERBS["en"]] or cues  # the one relayed speaks
    outer = {t.i for t in cues}  # "…, X wrote, after saying Moscow had observed …": "observed" is what was said
    cues = [t for t in cues if not any(a.i in outer for a in t.ancestors)] or cues
    main = main_subject(sent, layout.quoted) if sent.root.lemma_.lower() not in RELAY_VERBS["en"] else None
    subj = subject_of(cues[-1], layout.quoted) if cues and (main is None or cues[-1].dep_ == "ROOT") else main
    if subj is None or subj.lower_ in MUTE_PRONOUNS["en"]:
        return None  # "This suggests the talks will drag on.": a finding, not a voice
    speaker = resolve_mention(mention_of(subj), ctx)
    return speaker if speaker.name is not None or speaker.role is not None else None


def _voice_before(ctx: ArticleContext, layout: _Layout, cue: Token) -> Speaker | None:
    """"Peskov spoke on Friday. The plan was described as “premature.”": a quote whose cue has
    no speaker (a passive, a lost subject) is the words of whom the sentence before names, in
    the same paragraph or the one before."""
    start = cue.sent.start
    if start == 0:
        return None
    sent = ctx.doc[start - 1].sent
    if layout.para(cue.idx) - layout.para(sent.start_char) > 1:
        return None
    return _sentence_voice(ctx, layout, sent)


def _a_country(speaker: Speaker) -> bool:
    """A side speaking as a whole ("Russia said"): its party, no name, no role."""
    return speaker.name is None and speaker.role is None and speaker.party not in (None, "NONE")


def _voice_after(ctx: ArticleContext, layout: _Layout, cue: Token, party: str) -> Speaker | None:
    """"Russia said … “legitimate targets”. ⏎ Foreign Minister Lavrov told reporters …": a lead
    that gives a country's words, followed at once by the one of its people who said them, is
    that person's quote."""
    end = cue.sent.end
    if end >= len(ctx.doc):
        return None
    sent = ctx.doc[end].sent
    if layout.para(sent.start_char) - layout.para(cue.idx) > 2 or any(layout.quoted[t.i] for t in sent):
        return None
    voice = _sentence_voice(ctx, layout, sent)
    if voice is None or voice.party != party or not _a_person(voice, ctx):
        return None
    return voice.model_copy(update={"start": None, "end": None})


def _a_person(speaker: Speaker, ctx: ArticleContext) -> bool:
    """A named person, one of the article's people or the case's, not a body or an outlet."""
    if not speaker.name:
        return False
    known = ctx.codebook.find_actor(speaker.name)
    return is_person_name(speaker.name, ctx) or known is not None and known.kind == "person"


def _opens_sentence(doc: Doc, i: int) -> bool:
    """The quote's opening mark starts its sentence (or follows only a line break)."""
    j = i - 1
    while j >= 0 and doc[j].is_space:
        j -= 1
    return j < 0 or doc[j].text in SENTENCE_END or doc[j].is_punct and doc[j].text in "”\"’"


def _window(layout: _Layout, i: int, step: int, anchor: int) -> list[Token]:
    """Tokens beside a quote within its sentence and paragraph, outside any other quote."""
    doc, para = layout.doc, layout.para(anchor)
    out: list[Token] = []
    while 0 <= i < len(doc) and len(out) < _WINDOW:
        tok = doc[i]
        if layout.quoted[i] or layout.para(tok.idx) != para or tok.text in SENTENCE_END:
            break
        out.append(tok)
        i += step
    return out


def _colon_intro(layout: _Layout, open_char: int) -> list[Token]:
    """"…told Sky News in an interview:" ⏎ “The talks…”: the cue sits in the paragraph before."""
    doc, text = layout.doc, layout.text
    p = layout.para(open_char) - 1
    while p > 0 and not text[layout.para_starts[p]:layout.para_starts[p + 1]].strip():
        p -= 1  # "He said:" ⏎ ⏎ “…”: blank lines between
    if p < 0:
        return []
    span = doc.char_span(layout.para_starts[p], layout.para_starts[p + 1], alignment_mode="expand")
    if span is None:
        return []
    toks = [t for t in span if not t.is_space]
    if not toks or not toks[-1].text.endswith(":"):  # "…on X (formerly Twitter):" ends in one token "):"
        return []
    return _window(layout, toks[-1].i - 1, -1, toks[-1].idx)


def _intro_verb(left: list[Token]) -> Token | None:
    """"Caddell continued:" ⏎ “…”, "Clinton shot back: “…”": a clause that ends in a colon before
    a quote introduces it, whatever its verb, when that verb has a subject that could speak."""
    for tok in left:
        if tok.pos_ in ("VERB", "AUX") and any(c.dep_ in ("nsubj", "nsubjpass") and can_speak(c) for c in tok.children):
            return tok  # "Umerov was more upbeat: “…”": a copula introduces too
    return None


def _closes_sentence(text: str, m: Marked, doc: Doc, span) -> bool:
    """"“We are ready.” He added that …": a quote that ends its sentence with a full stop takes
    no cue from the sentence after it (a lower-case "“….” he said" still does)."""
    if m.close is None or text[m.start:m.end].rstrip()[-1:] != ".":
        return False
    nxt = next((t for t in doc[span.end:span.end + 3] if not t.is_space and not t.is_punct), None)
    return nxt is not None and nxt.text[:1].isupper()


def _pick_cue(left: list[Token], right: list[Token], span, fragment: bool) -> Token | None:
    """The reporting verb that governs the quote, else the nearest one: before the quote if its
    sentence has one, else after ("anybody who complains about …, saying “…”" is "saying")."""
    cues = [t for side in (left, right) for t in side if is_cue(t)]
    governing = [t for t in cues if _governs(t, span)] or [t for t in left if _attributes_clause(t, span)]
    if governing:
        return _nearer(governing[0], cues, span)
    if cues and not fragment:
        return cues[0]
    if not fragment:
        trailing = _trailing_verb(right)
        if trailing is not None:
            return trailing
        for tok in left + right[:2]:  # "“…,” according to Smith."
            if according_object(tok) is not None:
                return tok
    return None


def _attributes_clause(tok: Token, span) -> bool:
    """"In the words of Mayor Koval, the night was “the worst yet”": "in X's words" on the verb
    whose clause holds the quoted words quotes them ("according to X" may frame a scare quote)."""
    quoting = any(c.dep_ == "pobj" and c.lower_ in QUOTING_NOUNS["en"] for c in tok.children)
    return tok.lower_ == IN_OPINION["en"][0] and quoting and according_object(tok) is not None \
        and any(tok.head in t.ancestors for t in span if not t.is_punct)


def _nearer(cue: Token, cues: list[Token], span) -> Token:
    """"The advert ends on footage of Kovalenko saying, “…”": a reporting verb between the
    governing one and the quote is the nearer report (the parse often hangs the quote too high);
    not one in a relative clause ("told reporters who asked …, “…”") nor one the governing verb
    reports ("Kovalenko said she remembered thinking, “…”": the outermost source speaks), unless
    that verb only relays ("TASS reported that Peskov called it “…”": Peskov speaks)."""
    between = [t for t in cues if (cue.i < t.i < span.start or span.end <= t.i < cue.i)
               and t.dep_ != "relcl" and t.lemma_.lower() not in WEAK_VERBS["en"]
               and not (t.dep_ in ("ccomp", "xcomp") and cue in t.ancestors
                        and cue.lemma_.lower() not in RELAY_VERBS["en"])]
    return min(between, key=lambda t: abs(t.i - span.start)) if between else cue


def _trailing_verb(right: list[Token]) -> Token | None:
    """"“…,” she continued.", "“…,” the letter reads.": a weak reporting verb counts right after a
    whole quote, its subject beside it (the parse of a long paragraph may not make it the root)."""
    words = [t for t in right[:6] if not t.is_space]
    while words and words[0].is_punct:
        words.pop(0)
    k = next((k for k, t in enumerate(words) if t.pos_ == "VERB"), None)
    if not k or any(t.pos_ not in _SUBJECT_POS for t in words[:k]):
        return None
    verb = words[k]
    ends = k + 1 == len(words) or words[k + 1].is_punct
    return verb if ends and verb.lemma_.lower() in REPORTING_VERBS["en"] else None


def _governs(cue: Token, span) -> bool:
    """The cue is an ancestor of the quoted words: "labeled him “illegitimate”"."""
    lemma = cue.lemma_.lower()
    if lemma in WEAK_VERBS["en"]:
        return False
    for tok in span:
        if not tok.is_punct and cue in tok.ancestors:
            return True
    return lemma in FRAGMENT_CUES["en"] and any(cue in t.ancestors for t in span)


def _speaker_of(cue: Token, ctx: ArticleContext, quoted: list[bool]) -> Speaker:
    subj = according_object(cue) if attributes_by_phrase(cue) else subject_of(cue, quoted)
    if subj is None:
        subj = _sentence_subject(cue, quoted)
    if subj is None:
        return Speaker(name=None)
    return resolve_mention(mention_of(subj), ctx)


def _sentence_subject(cue: Token, quoted: list[bool]) -> Token | None:
    """"Mr. Trump hardly clarified the matter, treating … -- ''That makes me smart'' -- and …
    asserting, ''…''": when the parse hangs the cue on a verb inside a quote, the subject that
    opens its sentence (outside any quote) speaks."""
    doc = cue.doc
    i = cue.i
    while i > 0 and not (doc[i - 1].text in SENTENCE_END and not quoted[i - 1]) and "\n" not in doc[i - 1].text:
        i -= 1
    for tok in doc[i:cue.i]:
        if tok.dep_ == "nsubj" and not quoted[tok.i] and can_speak(tok) and tok.pos_ in ("PROPN", "PRON", "NOUN"):
            return tok
    return None


def _mixed_start(cue: Token, span, layout: _Layout) -> int | None:
    """Start of the reported clause when words besides the speaker stand between cue and quote."""
    doc = cue.doc
    subj = cue if attributes_by_phrase(cue) else subject_of(cue, layout.quoted)  # "according to X, …"
    skip = {t.i for t in subj.subtree} if subj is not None else set()
    between = [t for t in doc[cue.i + 1:span.start] if t.i not in skip and not t.is_space]
    while between and between[0].is_punct:
        between.pop(0)
    words = [t for t in between if not t.is_punct]
    if not words or between[-1].text == "," or between[-1].text.endswith(":") or between[-1].text in SENTENCE_END:
        return None  # "wrote on Telegram: “…”" (or "on X (formerly Twitter): “…”", one token "):"):
        # a whole utterance after the cue's own modifiers; "… wrote on X. “Never.”": a sentence of its own
    return _clause_start(cue, span, between[0]).idx


def _clause_start(cue: Token, span, first: Token) -> Token:
    """"said on Monday that progress …", "told reporters in Brussels that …": the reported clause
    starts after the cue's own time, place and addressee, at its "that"."""
    comp = next((c for c in cue.children if c.dep_ == "ccomp" and c.left_edge.i <= span.start), None)
    if comp is None or comp.left_edge.i < first.i:
        return first
    return comp.left_edge


def _clause_end(cue: Token, span, layout: _Layout) -> int:
    """End of the reported clause that holds a quoted fragment, within its sentence."""
    head = span.root
    while head.head.i != head.i and head.head.i != cue.i and head.head.i > cue.i:
        head = head.head
    end = head.right_edge.i
    while end >= span.end and (layout.doc[end].is_punct or layout.doc[end].is_space or layout.quoted[end]):
        end -= 1
    tok = layout.doc[end]
    return tok.idx + len(tok.text)


def _is_fragment(doc: Doc, span) -> bool:
    """A few words without a verb ("progress", "gesture of goodwill"): speech only when attributed."""
    words = [t for t in span if t.is_alpha]
    return len(words) < _FRAGMENT_WORDS and not any(t.pos_ in ("VERB", "AUX") for t in words)


def _is_title(quoted: str) -> bool:
    """“Fox News Sunday”, “Fox and Friends”: capitalised words (small words aside) name a title, not speech."""
    words = [w for w in quoted.split() if w[:1].isalpha()]
    return len(words) >= 2 and words[0][:1].isupper() and all(
        w[:1].isupper() or w.lower() in TITLE_MINOR_WORDS["en"] for w in words)


def _speech_like(quoted: str) -> bool:
    """An unattributed quote counts only if it reads as a statement: capitalised, several words."""
    words = quoted.split()
    return len(words) >= 4 and quoted.lstrip()[:1].isupper()


def _trails_comma(text: str, m: Marked) -> bool:
    """"…we will see results",⏎⏎Steve Witkoff reported." (or "…results,”⏎Putin said."): a
    comma that ends the quote leaves the sentence open, so the cue is on the next line."""
    rest = text[m.stop:m.stop + 4]
    inside = m.close is not None and text[m.start:m.end].rstrip().endswith(",")
    return (rest[:1] == "," or inside and rest[:1] in "\n ") and "\n" in rest


_DASH_SIGNATURE = re.compile(r"[ \t]*(?:\n[ \t]*){0,2}[–—-][ \t]*(?=[A-Z])")


def _dash_signature(doc: Doc, text: str, end: int) -> int | None:
    """"“… very soon.” ⏎ – Olena Koval said, …": a line opening with a dash after the quote
    signs it, as some outlets lay quotes out; the first token after the dash."""
    sign = _DASH_SIGNATURE.match(text, end)
    if sign is None:
        return None
    span = doc.char_span(sign.end(), len(text), alignment_mode="expand")
    return span.start if span is not None and len(span) else None


def _next_line_token(doc: Doc, text: str, char: int) -> int:
    span = doc.char_span(text.index("\n", char), len(text), alignment_mode="expand")
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
