"""Attribution inside one sentence: reporting verbs and their subjects, attribution
phrases ("according to X"), impersonal and agentless attributions, hedged reports.

``find_attributions`` is pure: it reads the parse and the Matcher hits of the
sentence and returns what it found; the component decides what to do with it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from spacy.strings import get_string_id
from spacy.symbols import ADJ, NOUN, VERB
from spacy.tokens import Doc, Span, Token

from .lexicons import Lexicons, lexicons
from .sources import (
    can_be_source,
    is_acronym,
    is_personal_pronoun,
    is_public,
    mention_bounds,
    source_bounds,
    speaks_for_a_profession,
)

_SUBJ = ("nsubj", "nsubjpass", "csubj")
# Opening quotation marks, NYT-style `` and '' included.
_OPEN_QUOTES = ("“", '"', "‘", "``", "''", "„", "«")
# Recordings describe rather than find: "the video shows an officer" is not a finding.
_NOT_FINDINGS = frozenset({"video", "footage", "slide", "slides", "photo", "image"})
_WH = frozenset({"what", "which", "who", "whom", "whatever"})
_TEMPORAL_PREPS = frozenset({"after", "before", "while", "upon", "since"})
# "was quick to say", "is careful to note": the manner of a report made; not "is likely
# to say" (the author's prediction, rule 4) or "is able to say"
_EAGER = frozenset({"quick", "careful", "eager", "keen", "happy", "glad", "swift", "proud"})
_AGENTLESS = frozenset(
    {
        "accuse",
        "allege",
        "report",
        "say",
        "claim",
        "rumor",
        "rumour",
        "believe",
        "suspect",
        "estimate",
        "describe",
        "charge",
        "quote",
        "tell",
        # "are thought to have", "is understood to be", "is feared to have died"
        "think",
        "understand",
        "fear",
    }
)


@dataclass(frozen=True)
class Match:
    """A Matcher hit: pattern id, its label in the JSONL file, token bounds."""

    rule_id: str
    label: str
    start: int
    end: int
    kind: str | None = None


@dataclass(frozen=True)
class Attribution:
    """Who the sentence attributes its content to, and by which words.

    ``source`` are the token bounds of the mention in the sentence (None for an
    impersonal or agentless attribution); ``source_head`` is the token that names the
    source, which for a pronoun is its antecedent, possibly in an earlier sentence.
    """

    cue: tuple[int, int]
    source: tuple[int, int] | None
    source_head: int | None
    rule_id: str
    kind_hint: str | None = None
    hedged: bool = False
    stance: bool = False
    depth: int = 0
    subordinate: bool = False  # inside a relative/adverbial clause or "my view is that ..."
    # "McConnell, who said ...": marked when the sentence is attributed anyway, but it
    # does not make the sentence attributed (the main assertion is elsewhere, rule 1).
    relative: bool = False
    # "Many voters believe ...", "Clinton wants to raise taxes": a private state or an
    # aim held by someone (not a stance the codebook counts, rule 7). Its SOURCE and CUE
    # are marked as evidence, but it never makes the sentence attributed.
    evidence_only: bool = False

    @property
    def aside(self) -> bool:
        """Does the attribution stay out of the sentence's label (``relative`` or
        ``evidence_only``)?"""
        return self.relative or self.evidence_only


def _inflections(form: str) -> list[str]:
    """Candidate lemmas of a regular inflected verb form: "rated" -> rate, "cited" ->
    cite, "slammed" -> slam, "denied" -> deny, "touting" -> tout, "hails" -> hail."""
    out: list[str] = []
    if form.endswith("ied") or form.endswith("ies"):
        out.append(form[:-3] + "y")
    for suffix in ("ed", "es", "s", "ing"):
        if form.endswith(suffix) and len(form) > len(suffix) + 2:
            stem = form[: -len(suffix)]
            out.append(stem)
            if suffix in ("ed", "ing"):
                out.append(stem + "e")
                if len(stem) > 2 and stem[-1] == stem[-2]:
                    out.append(stem[:-1])  # "slammed" -> slam
    if form.endswith("d") and not form.endswith("ed"):
        out.append(form)
    return out


_CLEAR = frozenset({"clear", "plain"})


def make_clear(tok: Token) -> Token | None:
    """The "clear" of "made (it) clear that ...", a speech phrase, when ``tok`` is its
    "make" and a clause follows; None otherwise ("made clear progress" has none)."""
    if tok.lemma_.lower() != "make":
        return None
    clear = next(
        (
            c
            for c in tok.children
            if c.lower_ in _CLEAR and c.dep_ in ("ccomp", "oprd", "acomp", "dobj", "xcomp")
        ),
        None,
    )
    if clear is None:
        return None
    clause = any(c.dep_ == "ccomp" and c is not clear for c in tok.children) or any(
        c.dep_ in ("ccomp", "advcl") for c in clear.children
    )
    return clear if clause else None


def verb_lemma(tok: Token, lex: Lexicons | None = None) -> str:
    """The verb's lemma for lexicon look-ups. The small model lemmatises some past forms
    wrongly ("rated" -> "rat"); when its lemma is in no verb lexicon but a regular
    de-inflection of the lowercased form is, that one is used."""
    lemma = tok.lemma_.lower()
    if lemma == "make" and make_clear(tok) is not None:
        return "make clear"
    if lex is None:
        from .lexicons import lexicons

        lex = lexicons()
    known = lex.reporting_verbs
    if lemma in known or tok.lower_ == lemma:
        return lemma
    for cand in _inflections(tok.lower_):
        if cand in known:
            return cand
    return lemma


def _modal_head(verb: Token) -> bool:
    """Does a hedge modal ("will", "may", "would") go with ``verb`` or a verb above it
    ("will feel that he owns it by ...")?"""
    from .lexicons import lexicons

    modals = lexicons().hedge_modals
    return any(
        c.dep_ == "aux" and c.lower_ in modals for h in (verb, *verb.ancestors) for c in h.children
    )


def _compound_subject(verb: Token) -> Token | None:
    """A plural noun right before a verb that has no subject, which the parser hangs on
    the verb as a compound ("Court records show he was convicted": "records show" read
    as one noun): the subject. Only with a present or past verb form that agrees."""
    if verb.i == 0 or verb.tag_ not in ("VBP", "VBD"):
        return None
    if any(c.dep_ in _SUBJ for c in verb.children):
        return None
    if not any(c.dep_ in ("ccomp", "dobj") and c.i > verb.i for c in verb.children):
        return None  # a tag after its content (", city records show.") is read elsewhere
    prev = verb.doc[verb.i - 1]
    if prev.dep_ == "compound" and prev.head.i == verb.i and prev.tag_ == "NNS":
        return prev
    return None


def _subject(verb: Token, *, climb: bool = True) -> tuple[Token | None, bool]:
    """Subject of a reporting verb, climbing through "and added" / ", adding" to the
    verb that has one. Returns (subject, agentless_passive)."""
    misread = _subordinate_object(verb)
    if misread is None:
        misread = _inverted_tag_name(verb)
    if misread is None:
        misread = _noun_tag_name(verb)
    if misread is None:
        misread = _as_tag_subject(verb)
    if misread is None:
        misread = _apposed_speaker(verb)
    if misread is None:
        misread = _trailing_role_name(verb)
    if misread is None:
        misread = _inverted_clause_subject(verb)
    if misread is None:
        misread = _subject_in_opening_participle(verb)
    if misread is None:
        misread = _compound_subject(verb)
    if misread is not None:
        return misread, False
    cur = verb
    # climbed from "after saying ...": the head's subject said it, passive or not
    participle = False
    for _ in range(3 if climb else 1):
        passive = any(c.dep_ == "auxpass" for c in cur.children)
        for child in cur.children:
            if child.dep_ == "agent":
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        return pobj, False
        subjects = [c for c in cur.children if c.dep_ in _SUBJ]
        if len(subjects) > 1:
            # "Hawaii, as one of his advisers pointed out, ...": the parser gives the verb
            # two subjects; the one nearest the verb is its own, and a name right after
            # a verb set off by a comma first ("The problem, said Senator Smith, is ...":
            # an inverted tag; not "26 percent said the same").
            inverted = cur.i > 0 and cur.doc[cur.i - 1].text == ","
            subjects.sort(
                key=lambda c: (
                    not (inverted and c.pos_ == "PROPN" and c.left_edge.i == cur.i + 1),
                    abs(cur.i - c.i),
                )
            )
        for child in subjects:
            if child.dep_ in _SUBJ:
                if passive and child.dep_ == "nsubjpass" and not participle:
                    # "The company has been accused": the subject is who it is about,
                    # the source is left out (an agentless passive, rule 6: vague).
                    return None, True
                return child, False
        if passive and not participle:
            return None, True
        named = _name_before(cur)
        if named is not None:
            return named, False
        if cur.dep_ in ("conj", "advcl", "xcomp") and cur.head.i != cur.i:
            cur = cur.head
            if (
                cur.pos_ == "ADJ"
                and cur.dep_ == "acomp"
                and cur.lower_ in _EAGER
                and cur.head.lemma_.lower() == "be"
            ):
                cur = cur.head  # "Smith was quick to point out that ...": the copula's subject
            continue
        if (
            cur.dep_ == "pcomp"
            and cur.tag_ == "VBG"
            and cur.head.lower_ in _TEMPORAL_PREPS
            and cur.head.head.pos_ in ("VERB", "AUX")
            and _has_clause(cur)
        ):
            # "After saying her foot was swollen, she was taken to hospital": who the
            # main clause is about said it.
            participle = True
            cur = cur.head.head
            continue
        if (
            cur.dep_ == "pcomp"
            and cur.head.lower_ == "by"
            and cur.head.head.i != cur.head.i
            and (
                _has_clause(cur)
                # "hit back by accusing him of ...", "ended by quoting Lincoln": the
                # speech act is the means, whatever its complement (not "by saying yes
                # to everyone", an idiom with nothing said)
                or (
                    cur.lemma_.lower() != "say"
                    and any(c.dep_ in ("dobj", "prep", "prt") for c in cur.children)
                    # not "will feel ... by referring to it": the author's speculation
                    and not _modal_head(cur.head.head)
                )
            )
        ):
            # "responded by saying that ...": who responded says it.
            cur = cur.head.head
            continue
        if cur.dep_ == "acl" and cur.head.dep_ in ("dobj", "pobj"):
            # "Putin used the conversation to reaffirm ...": the user of the occasion speaks.
            cur = cur.head.head
            continue
        break
    return None, False


_NOBODY = frozenset({"nobody", "none", "noone"})


def _asked_without_content(verb: Token, qmask: Sequence[bool]) -> bool:
    """A verb of saying in a question of the author's, with no clause or quote it
    reports ("How many more times does Ankara have to say this?", "Why does the
    ministry never comment?"): the question asks about speech, it attributes nothing."""
    if verb.dep_ not in ("ROOT", "xcomp", "conj") or (
        verb.dep_ != "ROOT" and verb.head.dep_ != "ROOT"
    ):
        return False  # "..., he said, why hadn't she called the police?": not the question's verb
    after = [t for t in verb.sent if t.i > verb.i and not qmask[t.i]]
    if not any(t.text == "?" for t in after) or any(t.text == ":" for t in after):
        return False  # "X asked a simple question: Who ...?" reports the asking
    return not any(
        c.dep_ in ("ccomp", "xcomp", "parataxis") or qmask[c.i] for c in verb.children
    )


def _none_said(verb: Token) -> bool:
    """ "No official has confirmed the report", "Nobody claimed ...", "The post cited no
    source": a report nobody made, or of nothing, is an absence the author reports (as
    "did not say"), not an attribution."""
    for c in verb.children:
        # "reported no arrests" reports a figure, "want no repeat" a stance; only what is
        # cited can be nothing
        if c.dep_ == "dobj" and c.lower_ != "none" and verb.lemma_ != "cite":
            continue
        if c.dep_ in ("nsubj", "dobj") and (
            c.lower_ in _NOBODY
            or (c.lower_ == "one" and c.i > 0 and verb.doc[c.i - 1].lower_ == "no")
            # not "No wonder Trump said ...", which the parser may make the subject
            or (
                c.lower_ != "wonder"
                and any(d.dep_ == "det" and d.lower_ == "no" for d in c.children)
            )
        ):
            return True
    return False


def _subordinate_object(verb: Token) -> Token | None:
    """ "..., whilst an article in the Journal suggested that ...": the small model reads
    a subordinating conjunction as a preposition, its clause's subject as that
    preposition's object, and hangs the verb on a noun further back. A noun phrase that
    is the object of a subordinating conjunction and ends right before the verb is the
    verb's subject."""
    doc = verb.doc
    # The misread subject lies before the verb; an inverted one after it ("said Ellis")
    # is the verb's own.
    if verb.i == 0 or any(c.dep_ in _SUBJ and c.i > verb.i for c in verb.children):
        return None
    end = verb.i - 1
    for k in range(end, max(end - 12, -1), -1):
        tok = doc[k]
        if tok.is_punct:
            return None
        if tok.dep_ == "pobj" and tok.head.pos_ == "SCONJ" and tok.right_edge.i == end:
            return tok
    return None


def _inverted_tag_name(verb: Token) -> Token | None:
    """ "Any reading of the vote, said Ana Ruiz, an expert on trade, would ...":
    an inverted speech tag set off by commas inside the clause it reports. The small
    model makes the name the subject of the reported verb and the words before the
    comma the tag's subject. A name right after such a verb, ending at a comma, is its
    subject."""
    doc = verb.doc
    i = verb.i
    if i == 0 or doc[i - 1].text != "," or any(c.dep_ in _SUBJ and c.i > i for c in verb.children):
        return None
    if verb_lemma(verb) not in ("say", "add", "write", "tell", "argue", "explain", "note"):
        return None
    k = i + 1
    while k < len(doc) and doc[k].pos_ == "PROPN":
        k += 1
    if k == i + 1 or k >= len(doc) or doc[k].text != ",":
        return None
    name = doc[k - 1]
    if name.ent_type_ not in ("PERSON", "ORG") or name.dep_ not in (*_SUBJ, "appos"):
        return None
    return name if name.head.i != i else None


def _apposed_speaker(verb: Token, *, after_quote: bool = False) -> Token | None:
    """ '"...," Paul Renner, a senior adviser, said at an event.', "Miriam Okafor, a
    teacher helping to organize the strike, said she ...": a name and its
    apposition set off by commas right before a speech verb that has no subject. The
    small model takes the name into the quotation (or the apposition for a verb) and
    leaves the tag without a subject. The name opens the sentence or follows the
    closing quotation mark; it is the subject."""
    doc = verb.doc
    i = verb.i
    root = None
    # '"...," Mr. Daniloff, now 81 and retired, said by telephone.': the tag joined to
    # the quoted clause before it; the name must then follow the closing mark
    quoted_head = verb.dep_ in ("conj", "ccomp", "advcl") and verb.head.i < i
    if verb.dep_ != "ROOT" and not quoted_head:
        # "Stuart Stevens, who served as ..., called X “childish.”": the verb read as a
        # participle on the name, which is left as the root of the sentence
        if verb.dep_ not in ("acl", "relcl") or verb.tag_ not in ("VBN", "VBD"):
            return None
        root = verb
        while root.head.i != root.i:
            root = root.head
        if root.pos_ != "PROPN":
            return None
    if i < 4 or any(
        # (a "subject" further on, inside a title, is misread too: '... said on Fox
        # News's “Fox and Friends.”'; not the inverted "said Smith")
        c.dep_ in _SUBJ and (c.i < i or c.left_edge.i == i + 1)
        for c in verb.children
    ):
        return None
    if verb_lemma(verb) not in _APPOSED_TAGS:
        return None
    gap = i - 1
    while gap > i - 4 and doc[gap].text != "," and not doc[gap].is_punct:
        gap -= 1  # ", on Tuesday called ...": a short time phrase before the verb
    if doc[gap].text != "," or (gap < i - 1 and doc[gap + 1].pos_ != "ADP"):
        return None
    commas = 0
    for k in range(gap - 1, max(i - 26, 0), -1):
        tok = doc[k]
        if tok.is_sent_start or tok.text in _CLOSE_QUOTES or tok.text in (";", ":", "(", ")"):
            return None
        if tok.text != ",":
            continue
        commas += 1
        if commas > 3:
            return None
        j = k
        while j > 0 and doc[j - 1].pos_ == "PROPN" and k - j < 5 and not doc[j].is_sent_start:
            j -= 1
        if j == k or doc[k - 1].ent_type_ not in ("PERSON", "ORG"):
            continue
        if root is not None and root.i != k - 1:
            continue
        if quoted_head and (verb.head.i >= j or not _close_quote_before(doc, j)):
            continue
        if (doc[j].is_sent_start and not after_quote) or _close_quote_before(doc, j):
            return doc[k - 1]
    return None


def _trailing_role_name(verb: Token) -> Token | None:
    """ "A fire broke out at a depot in the town, the governor of the region, Alexander
    Bogomaz, wrote on Telegram.": a tag after the content, with the speaker's office
    and then the name set off by commas. The small model hangs the office on a noun
    of the content as an apposition and leaves the verb without a subject; the name
    (two or more proper nouns, or one the tagger calls a person) is the subject."""
    doc = verb.doc
    i = verb.i
    if i < 8 or doc[i - 1].text != "," or verb_lemma(verb) not in _APPOSED_TAGS:
        return None
    if any(
        c.dep_ in _SUBJ or (c.dep_ in ("ccomp", "dobj", "xcomp") and c.i > i)
        for c in verb.children
    ):
        return None  # a verb with its own subject, or its content after it, is no tag
    end = i - 2
    k = end
    while k > 0 and doc[k].pos_ == "PROPN" and end - k < 4:
        k -= 1
    if doc[k].text != "," or (end - k < 2 and doc[end].ent_type_ != "PERSON"):
        return None
    # the office between the comma before it and the name: "the governor of X"
    for c in range(k - 1, max(k - 14, 1), -1):
        if doc[c].text in (";", ":") or doc[c].text in _CLOSE_QUOTES:
            return None
        if doc[c].text == ",":
            role = doc[c + 1 : k]
            if role[0].lower_ in ("the", "a", "an") and any(t.pos_ == "NOUN" for t in role):
                return doc[end]
            return None
    return None


# closing quotation marks that never end a name ("’" may close "Sanders’")
_QUOTE_ENDS = frozenset({"”", '"', "''"})
# the speech verbs of a quotation's tag ("said", "told", "added", ...)
_APPOSED_TAGS = frozenset(
    {"say", "tell", "add", "write", "note", "explain", "argue", "tweet", "call", "describe"}
)


def _main_subject_before(verb: Token, qmask: Sequence[bool]) -> Token | None:
    """The subject of the sentence's root when it stands before ``verb`` and outside
    quotation marks (the root is found by climbing from the verb)."""
    root = verb
    while root.head.i != root.i:
        root = root.head
    return next(
        (c for c in root.children if c.dep_ == "nsubj" and c.i < verb.i and not qmask[c.i]),
        None,
    )


def _noun_right_before(verb: Token, lex: Lexicons) -> Token | None:
    """ "a fraction of the $20 million experts say it costs": a speech verb left without
    a subject because the parser took the plural noun right before it into the phrase
    before (as its object). The noun, if it can speak, is the subject."""
    if verb.i == 0 or verb.tag_ not in ("VBP", "VBD") or not _has_clause(verb, infinitive=False):
        return None
    prev = verb.doc[verb.i - 1]
    if prev.tag_ != "NNS" or prev.dep_ not in ("pobj", "dobj", "compound", "conj"):
        return None
    if prev.dep_ == "pobj" and prev.head.lower_ != "of":
        return None  # "majorities of voters in all five states say": "states" is no subject
    return prev if can_be_source(prev, lex) else None


def _inverted_clause_subject(verb: Token) -> Token | None:
    """ "The contrast with Garcia, said Moreno and others, would be plain", "Part of the
    difficulty, say engineers like Ana Ruiz, is the soil": an inverted tag set off by
    commas inside the clause it reports; the small model makes the speakers the subject
    of the reported clause. A subject of the verb's clause that starts right after the
    verb and ends at a comma is the speaker."""
    doc = verb.doc
    i = verb.i
    if i == 0 or doc[i - 1].text != "," or verb_lemma(verb) not in _APPOSED_TAGS:
        return None
    for own in verb.children:
        # the misread "subject" before the tag is a short topic phrase ("The contrast
        # with Trump"), not a speaker with an apposition set off by commas ("aides to
        # Gov. Christie, a former prosecutor, said their speeches, ...")
        if (
            own.dep_ in _SUBJ
            and own.i < i
            and any(t.text == "," for t in doc[own.left_edge.i : own.right_edge.i + 1])
        ):
            return None
    for clause in verb.children:
        if clause.dep_ != "ccomp" or clause.i < i:
            continue
        for subj in clause.children:
            if subj.dep_ != "nsubj" or subj.left_edge.i != i + 1 + (doc[i + 1].pos_ == "DET"):
                continue
            end = subj.right_edge.i
            if doc[end].text == "," or (end + 1 < len(doc) and doc[end + 1].text == ","):
                return subj
    return None


def _subject_in_opening_participle(verb: Token) -> Token | None:
    """ "Talking to Dawn on condition of anonymity, a senior official said ...": the
    small model reads the opening participle clause as the verb's clausal subject and
    hangs the real subject on its last noun as an apposition. The noun phrase set off by
    the comma and ending right before the verb is the subject."""
    csubj = next((c for c in verb.children if c.dep_ == "csubj"), None)
    if (
        csubj is None
        or csubj.tag_ != "VBG"
        or csubj.i >= verb.i
        or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    ):
        return None
    doc = verb.doc
    for tok in csubj.subtree:
        if (
            tok.dep_ == "appos"
            and tok.pos_ in ("NOUN", "PROPN")
            and tok.right_edge.i == verb.i - 1
            and tok.left_edge.i > csubj.i
            and doc[tok.left_edge.i - 1].text == ","
        ):
            return tok
    return None


def _label_before_colon(verb: Token) -> bool:
    """ "What they're saying: "...," Sen. X said.", "What he said: ...": a free relative
    that opens the sentence and ends at a colon is a section label (newsletters and
    explainers head paragraphs so). It names no source of its own: whoever the
    paragraph quotes is named after it, or nowhere."""
    doc = verb.doc
    start = verb.sent.start
    if doc[start].lower_ != "what" or not start < verb.i <= start + 5:
        return False
    colon = next((t.i for t in doc[verb.i + 1 : start + 7] if t.text == ":"), None)
    # only the verb's particles ("what they're saying about it") between it and the colon
    return colon is not None and all(
        doc[k].head.i == verb.i or doc[k].head.head.i == verb.i for k in range(verb.i + 1, colon)
    )


def _after_dash(name: Token) -> bool:
    """Does the name's phrase open right after a dash ("... an accident — Brendan Buck")?"""
    k = name.left_edge.i - 1
    return k >= 0 and name.doc[k].text in _DASHES


def _name_before(verb: Token) -> Token | None:
    """ "In a meeting with the board of the Tribune Garcia said that ...": a verb
    left without a subject after a name the parser swallowed into the preceding phrase
    (as its object or compound). The name is the subject."""
    if verb.i == 0 or verb.dep_ not in ("ROOT", "ccomp", "parataxis", "conj"):
        return None
    prev = verb.doc[verb.i - 1]
    # a conjunct with no "and" before it: '"...," Ramos, 58, told AFP', "It wasn't an
    # accident — Omar Haddad, a spokesman for Finch, told the paper that ..."
    unjoined = verb.dep_ == "conj" and not any(
        c.dep_ == "cc" and verb.head.i < c.i < verb.i for c in verb.head.children
    )
    if prev.text == "," and verb.i >= 3 and (verb.dep_ == "ROOT" or unjoined):
        # "Worried by the strike in Maine, Senator Laura Finch, the minority leader, said
        # that ...": the name, parsed into the phrase before it, with its apposition.
        appos = verb.doc[verb.i - 2]
        while appos.dep_ != "appos" and appos.head.i != appos.i and appos.head.i < verb.i:
            appos = appos.head
        # "the French president, Emmanuel Macron," names the speaker in the apposition
        name = appos if appos.pos_ == "PROPN" and appos.ent_type_ == "PERSON" else appos.head
        if (
            appos.dep_ == "appos"
            and name.i <= appos.i
            and name.pos_ == "PROPN"
            and name.ent_type_ in ("PERSON", "ORG")
            and (
                name.i == appos.i
                or name.dep_ in ("pobj", "conj", "dobj", "compound")
                or _after_quote(name)
                or (name.dep_ == "appos" and _after_dash(name))
            )
        ):
            return name
    if verb.dep_ == "conj" and prev.dep_ not in ("appos", "compound"):
        # '"... in this case," police Chief Chuck Jordan said': in context the parser may
        # join the tag to the quoted verb and leave the name an apposition; a name
        # that is a subject of its own ("Trump met Putin and Merkel said") is not this.
        return None
    if prev.is_sent_start and prev.i == verb.i - 1 and prev.dep_ == "ROOT":
        return None
    if prev.pos_ != "PROPN" or prev.ent_type_ not in ("PERSON", "ORG", "GPE", "NORP", ""):
        return None
    if prev.dep_ not in ("pobj", "compound", "appos", "conj", "dobj"):
        return None
    return prev


def _after_quote(name: Token) -> bool:
    """ "'We were rivals,' John Smith, her former aide, said": does the mention start
    right after a closing quotation mark (and its comma)? The parser then hangs the name
    on a word of the quotation, as an apposition."""
    doc = name.doc
    k = name.left_edge.i - 1
    if k > 0 and doc[k].text == ",":
        k -= 1
    return k >= 0 and doc[k].text in _CLOSE_QUOTES and not doc[k].is_left_punct


def _it_antecedent(it: Token, lex: Lexicons, qmask: Sequence[bool]) -> Token | None:
    """The nearest earlier mention (outside quotes, within about two sentences) that
    "it" can stand for as a speaker: an organisation, an outlet or a document."""
    doc = it.doc
    for k in range(it.i - 1, max(it.i - 60, -1), -1):
        t = doc[k]
        if qmask[k] or t.pos_ not in ("NOUN", "PROPN") or t.dep_ == "compound":
            continue
        lemma = t.lemma_.lower()
        if (
            t.ent_type_ == "ORG"
            or lemma in lex.documents
            or lemma in lex.media
            or (t.pos_ == "NOUN" and lemma in lex.official)
        ):
            return t
        if t.ent_type_ in ("PERSON", "GPE", "NORP") or t.lower_ in lex.sayers:
            return None  # a nearer person or place: "it" is not about a speaker
    return None


_RELATIVE = frozenset({"who", "which", "that", "whom"})
# the dash that ends a dateline ("KYIV, Nov 14 (Reuters) -", "HELSINKI ... --")
_DATELINE_DASHES = frozenset({"-", "--", "—", "–"})
# a dateline is short: its dash comes within this many tokens of the place
_DATELINE_TOKENS = 20


def _is_money(obj: Token) -> bool:
    """Is the object a sum of money ("EUR 1.8bn", "$400 million in aid")?"""
    return obj.ent_type_ == "MONEY" or any(
        c.ent_type_ == "MONEY" or c.text in ("$", "€", "£") for c in obj.children
    )


def _dateline_place(subj: Token) -> bool:
    """Is ``subj`` the place in capitals that opens a dateline ("HELSINKI, Jan. 15 ...
    --", "ANKARA/KYIV, Nov 14 (Reuters) -")?"""
    doc = subj.doc
    if not (subj.is_sent_start and subj.is_upper and subj.is_alpha and len(subj) > 2):
        return False
    if subj.i + 1 >= len(doc) or doc[subj.i + 1].text not in (",", "/", *_DATELINE_DASHES):
        return False
    end = min(subj.i + _DATELINE_TOKENS, len(doc))
    return any(t.text in _DATELINE_DASHES for t in doc[subj.i + 1 : end])


def _after_dateline(place: Token, verb: Token) -> Token | None:
    """The head of the noun phrase right after a dateline's dash, when it comes before
    the verb: the speaker the dateline's place hides."""
    doc = place.doc
    end = min(place.i + _DATELINE_TOKENS, verb.i)
    dash = max((t.i for t in doc[place.i + 1 : end] if t.text in _DATELINE_DASHES), default=None)
    if dash is None or dash + 1 >= verb.i:
        return None
    cand = doc[dash + 1]
    while (
        cand.dep_ in ("compound", "amod", "det", "poss", "case", "nmod")
        and dash < cand.head.i < verb.i
    ):
        cand = cand.head
    if cand.pos_ in ("PROPN", "NOUN") or any(
        c.dep_ == "compound" and c.pos_ == "PROPN" for c in cand.children
    ):
        return cand  # "Baltic Grid AS": a company suffix the tagger calls an adverb
    return None


def _relative_antecedent(subj: Token, verb: Token) -> Token | None:
    """The noun a relative "who" subject stands for, when the verb heads the relative
    clause ("a contractor who said he was never paid", "a reporter who saw it and described
    it in print"), also through a partitive ("the families, many of whom say ...")."""
    pronoun = subj.lower_ in _RELATIVE or (
        subj.pos_ in ("ADJ", "DET", "NUM", "PRON", "NOUN")
        and any(
            c.dep_ == "prep"
            and c.lower_ == "of"
            and any(g.dep_ == "pobj" and g.lower_ in ("whom", "which") for g in c.children)
            for c in subj.children
        )
    )
    if not pronoun:
        return None
    cur = verb
    while subj.head.i != cur.i and cur.dep_ == "conj" and cur.head.i != cur.i:
        cur = cur.head  # "who watched the crash and described it": the first verb's subject
    if subj.head.i != cur.i:
        return None
    while cur.dep_ in ("conj", "xcomp") and cur.head.i != cur.i:
        cur = cur.head
    if cur.dep_ == "advcl" and subj.lower_ not in _RELATIVE:
        # "..., family members of the victims, many of whom say ...": the parser hangs
        # the partitive's clause on the main verb; the noun before the comma is its
        # antecedent
        k = subj.left_edge.i - 1
        if k < 1 or verb.doc[k].text != ",":
            return None
        ante = verb.doc[k - 1]
        while ante.dep_ == "pobj" and ante.head.lower_ == "of" and ante.head.head.pos_ == "NOUN":
            ante = ante.head.head
        return ante if ante.pos_ in ("NOUN", "PROPN") else None
    if cur.dep_ != "relcl" or cur.head.pos_ not in ("NOUN", "PROPN"):
        return None
    return cur.head


def _depth(tok: Token) -> int:
    d = 0
    while tok.head.i != tok.i and d < 50:
        tok = tok.head
        d += 1
    return d


def _subordinate(tok: Token) -> bool:
    """Is the cue inside a relative or adverbial clause, or the complement of a copula
    ("My impression is that ... he sees")? Then it is not the main assertion."""
    cur = tok
    if tok.dep_ == "advcl" and tok.tag_ == "VBG":
        cur = tok.head  # "..., arguing that ...": the participle reports the main clause
    elif tok.dep_ == "pcomp" and tok.tag_ == "VBG" and tok.head.lower_ == "by":
        cur = tok.head.head  # "responded by saying that ...": likewise
    for _ in range(50):
        if cur.dep_ in ("relcl", "acl", "advcl", "csubj", "pcomp"):
            return True
        # "My impression is that ...": the clause follows its copula; a ccomp hung on a
        # later "are" is a misparse across a colon or comma, not a complement.
        if cur.dep_ == "ccomp" and cur.head.lemma_ == "be" and cur.i > cur.head.i:
            return True
        if cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


def _hedged(verb: Token, lex: Lexicons, hedge_tokens: set[int], qmask: Sequence[bool]) -> bool:
    """Rule 4: a report the author speculates about ("will no doubt have sought").
    Words inside quotation marks are the speaker's, not the author's hedge."""
    auxes = [
        c.lower_
        for c in verb.children
        if c.dep_ in ("aux", "auxpass") and not qmask[c.i]
    ]
    modal = [a for a in auxes if a in lex.hedge_modals]
    if any(m in ("may", "might", "could", "must") for m in modal):
        return True
    if ("should" in modal or (verb.dep_ == "xcomp" and verb.head.lower_ == "ought")) and (
        "have" not in auxes
    ):
        return True  # "Paris should admit that ...": the author's demand, not a report
    if any(m in ("will", "would", "should") for m in modal) and (
        "have" in auxes or "will" in modal
    ):
        return True  # "will no doubt have sought", "should have said": speculation
    for child in verb.children:
        if qmask[child.i]:
            continue
        if child.dep_ == "advmod" and child.lower_ in lex.hedge_adverbs:
            return True
        if child.i in hedge_tokens:
            return True
    return False


def _published_finding(antecedent: Token, verb: Token, lex: Lexicons) -> bool:
    """ "The inspector general released a report on Monday which found that ...": a
    report, study or poll put out in the main clause, whose finding the relative clause
    gives in full (a that-clause), is what the sentence tells; not an aside about it."""
    lemma = antecedent.lemma_.lower()
    return (
        antecedent.pos_ == "NOUN"
        and (lemma in lex.documents or lemma in lex.findings)
        and antecedent.dep_ == "dobj"
        and verb_lemma(antecedent.head, lex) in _PUBLISHING
        and _has_clause(verb, infinitive=False)
    )


# the verbs that put a document out: "released a report which found that ..."
_PUBLISHING = frozenset({"release", "publish", "issue", "unveil", "produce", "put"})


def _demanded(verb: Token, qmask: Sequence[bool]) -> bool:
    """ "Congress should require the administration to report on ...", "will try to
    argue that ...": a to-infinitive report under a verb with a modal is demanded or
    foreseen by the author, not made (rule 4)."""
    cur = verb
    while cur.dep_ == "xcomp" and cur.head.i != cur.i:
        cur = cur.head
        if any(
            c.dep_ == "aux" and c.lower_ in _DEMAND_MODALS and not qmask[c.i]
            for c in cur.children
        ):
            return True
    return False


# ("would" is left out: "would later go on to say" narrates a past report)
_DEMAND_MODALS = frozenset({"may", "might", "could", "must", "should", "will"})


def _document_finding(verb: Token, lex: Lexicons, *, with_object: bool = False) -> bool:
    """ "A Bloomberg poll shows that ...": a study's finding is reported, not inferred.
    Only for show/find-type verbs with a that-clause and a poll/study/report subject;
    with ``with_object`` also "A 2014 study found 31 cases" (a finding as the object)."""
    if verb_lemma(verb) not in ("show", "find"):
        return False
    deps = ("ccomp", "dobj") if with_object else ("ccomp",)
    if not any(c.dep_ in deps for c in verb.children):
        return False
    # A recording pictures a scene ("the video shows an officer aiming a gun", a
    # participle clause); it finds something only in a full clause ("shows that ...").
    pictured = with_object or all(
        c.tag_ in ("VBG", "VBN") and not any(a.dep_ in ("aux", "auxpass") for a in c.children)
        for c in verb.children
        if c.dep_ == "ccomp"
    )
    misread = _compound_subject(verb)
    return any(
        (c.dep_ == "nsubj" or (misread is not None and c.i == misread.i))
        and c.lemma_.lower() in lex.findings
        and not (pictured and c.lemma_.lower() in _NOT_FINDINGS)
        for c in verb.children
    )


def _court_ruling(verb: Token, lemma: str, lex: Lexicons) -> bool:
    """Does the verb rule on a step of a court case ("dismissed the lawsuit", "dismissed
    two of the seven counts", "rejected the appeal": ``court_objects``), with no "as"
    verdict ("dismissed the case as a witch hunt") and no clause?"""
    objects = lex.court_objects.get(lemma)
    if not objects or _has_clause(verb):
        return False
    if any(t.lower_ == "as" for t in verb.subtree if t.i > verb.i):
        return False  # "as frivolous" hangs on the verb, its object or an adjective
    for obj in verb.children:
        if obj.dep_ != "dobj":
            continue
        if obj.lower_ in objects:
            return True
        # "two of the seven counts": the part's noun after "of"
        if any(
            prep.dep_ == "prep"
            and prep.lower_ == "of"
            and any(g.dep_ == "pobj" and g.lower_ in objects for g in prep.children)
            for prep in obj.children
        ):
            return True
    return False


def _research_conclusion(verb: Token, lex: Lexicons) -> bool:
    """ "The study suggests that ...", "the paper indicates that ...": a work of research
    (``research_works``) with a that-clause draws its own conclusion, so its present
    tense reports rather than infers (rule 4)."""
    return any(c.dep_ == "ccomp" for c in verb.children) and any(
        c.dep_ == "nsubj" and c.lemma_.lower() in lex.research_works for c in verb.children
    )


_CONDUITS = frozenset({"quote", "cite"})


def _conduit(verb: Token) -> bool:
    """ "Orban, quoted by RIA Novosti, called ...", "The measures, cited by TASS,
    include ...": a passive participle set off by a comma, naming the outlet that
    carried what its head says or is."""
    return (
        verb.tag_ == "VBN"
        and verb.dep_ == "acl"
        and verb.lemma_.lower() in _CONDUITS
        and verb.i > 0
        and verb.doc[verb.i - 1].text == ","
        and any(c.dep_ == "agent" for c in verb.children)
    )


def _asked_by(verb: Token) -> bool:
    """ "Asked by the moderator whether ..., Putin replied": a leading participle of
    "ask"; whoever asked is not the source of the answer (marked as evidence only)."""
    return (
        verb.lemma_.lower() == "ask"
        and (verb.tag_ == "VBN" or _leading_bare_verb(verb))
        and verb.dep_ == "advcl"
        and not any(c.dep_ in ("auxpass", "aux") for c in verb.children)
    )


def _publisher(noun: Token, lex: Lexicons, qmask: Sequence[bool]) -> Token | None:
    """ "according to figures published by the alliance": the agent of a publishing
    participle after the noun of "according to" is the source (who made the figures
    public), not the figures; None when there is no such agent, or when the noun is a
    document with a voice of its own ("a memo released by the watchdog")."""
    if noun.lower_ not in lex.data_nouns and noun.lemma_.lower() not in lex.data_nouns:
        return None
    for acl in noun.children:
        if acl.dep_ != "acl" or acl.tag_ != "VBN":
            continue
        if acl.lemma_.lower() not in lex.publishing_verbs:
            continue
        agent = next((c for c in acl.children if c.dep_ == "agent"), None)
        if agent is None:
            continue
        pobj = next((c for c in agent.children if c.dep_ == "pobj"), None)
        if pobj is not None and not qmask[pobj.i] and can_be_source(pobj, lex):
            return pobj
    return None


def _leading_bare_verb(verb: Token) -> bool:
    """ "Asked whether ..., he said, "...": a participle that opens the sentence,
    tagged as a past tense (VBD) when a quote follows; it has no subject of its own."""
    return (
        verb.tag_ == "VBD"
        and verb.i == verb.sent.start
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    )


# "declined to comment", "refused to say", "would not comment": speech withheld
_REFUSALS = frozenset({"decline", "refuse"})


def _refusal(verb: Token) -> Token | None:
    """The "declined" of "declined to comment" / "refused to say" when ``verb`` is the
    speech verb of such a refusal (its to-infinitive complement); None otherwise."""
    head = verb.head
    if verb.dep_ != "xcomp" or head.i >= verb.i or head.lemma_.lower() not in _REFUSALS:
        return None
    if not any(a.dep_ == "aux" and a.lower_ == "to" for a in verb.children):
        return None
    return head


def _refusals(
    sent: Span,
    lex: Lexicons,
    qmask: Sequence[bool],
    taken: set[int],
    tokens: Sequence[Token] | None = None,
) -> list[Attribution]:
    """ "The spokesman declined to discuss the case", "She refused to answer questions":
    speech withheld that the speech verb's own rules leave out (no clause, a topic verb
    that is not a speech verb). Marked as evidence, as "declined to comment" is."""
    out: list[Attribution] = []
    for tok in sent if tokens is None else tokens:
        if tok.lemma_.lower() not in _REFUSALS or tok.i in taken or qmask[tok.i]:
            continue
        inner = next(
            (
                c
                for c in tok.children
                if c.dep_ == "xcomp"
                and c.i > tok.i
                and c.i not in taken
                and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
                and (verb_lemma(c, lex) in lex.speech or c.lemma_.lower() in lex.refusal_topics)
            ),
            None,
        )
        if inner is None:
            continue
        subj, _ = _subject(tok)
        if subj is None or qmask[subj.i] or not can_be_source(subj, lex):
            continue
        relative = _relative_antecedent(subj, tok)
        if relative is not None and not can_be_source(relative, lex):
            continue
        out.append(
            Attribution(
                (tok.i, inner.i + 1),
                (subj.i, subj.i + 1) if relative is not None else source_bounds(subj),
                (relative if relative is not None else subj).i,
                "attr-refusal",
                depth=_depth(tok),
                relative=relative is not None,
                evidence_only=True,
            )
        )
    return out


def _light_utterances(
    sent: Span,
    lex: Lexicons,
    qmask: Sequence[bool],
    taken: set[int],
    tokens: Sequence[Token] | None = None,
) -> list[Attribution]:
    """ "Sanders offered some pointed advice", "the embassy issued a statement", "she
    made the claim": a light verb whose object is a reporting noun tells that the subject
    said something. Marked as evidence (the words said are not given by the verb)."""
    out: list[Attribution] = []
    nouns = lex.utterances | lex.positions
    for tok in sent if tokens is None else tokens:
        if (
            tok.pos_ != "VERB"
            or tok.i in taken
            or qmask[tok.i]
            or tok.lemma_.lower() not in lex.utterance_light_verbs
        ):
            continue
        if not any(
            c.dep_ == "dobj"
            and c.lemma_.lower() in nouns
            and not qmask[c.i]
            # not "offered a line of credit", "a point of order": a compound name
            and not any(g.dep_ == "prep" and g.lower_ == "of" for g in c.children)
            for c in tok.children
        ):
            continue
        subj, agentless = _subject(tok)
        if subj is None or agentless or qmask[subj.i] or not can_be_source(subj, lex):
            continue
        if _relative_antecedent(subj, tok) is not None:
            continue
        out.append(
            Attribution(
                (tok.i, tok.i + 1),
                source_bounds(subj),
                subj.i,
                "attr-light-utterance",
                depth=_depth(tok),
                evidence_only=True,
            )
        )
    return out


def _colon_quote_after(verb: Token) -> bool:
    """Is the verb followed, in its sentence, by a colon and an opening quotation mark?"""
    doc = verb.doc
    end = verb.sent.end
    for i in range(verb.i + 1, min(end - 1, verb.i + 6)):
        if doc[i].text == ":" and doc[i + 1].text in _OPEN_QUOTES:
            return True
    return False


def _absolute_with(verb: Token) -> bool:
    """Is the verb the participle of an absolute "with" phrase ("The bill passed, with
    Germany opposing it", "With France backing the plan, ...")? The stance is a
    circumstance of the main event, not what the sentence reports (rule 1)."""
    return verb.tag_ == "VBG" and verb.dep_ == "pcomp" and verb.head.lower_ == "with"


def _conditional(verb: Token) -> bool:
    """A verb heading an "if" or "unless" clause: a hypothetical case, not a report."""
    return verb.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in verb.children
    )


def _intention_only(verb: Token) -> bool:
    """ "hopes to use", "wants to win": a stance verb whose only complement is a
    to-infinitive states an intention or plan, not a stance on something (rule 7)."""
    comps = [c for c in verb.children if c.dep_ in ("dobj", "ccomp", "xcomp", "oprd", "attr")]
    return bool(comps) and all(
        c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        for c in comps
    )


def _particle_ok(verb: Token, lex: Lexicons) -> bool:
    need = lex.needs_particle.get(verb_lemma(verb))
    if not need:
        return True
    if any(c.lower_ in need for c in verb.children):
        return True
    if verb_lemma(verb) == "put" and _puts_estimate(verb, lex):
        return True
    if verb_lemma(verb) == "attack" and (
        any(c.dep_ == "dobj" and c.ent_type_ == "PERSON" for c in verb.children)
        # 'attacked “the hateful ideology”': the words attacked, quoted
        or (verb.i + 1 < len(verb.doc) and verb.doc[verb.i + 1].text in _OPEN_QUOTES)
    ):
        return True  # "Bush attacked Trump": words aimed at a person, not a raid
    # "called half of his supporters “deplorables”": naming in quotation marks reports words.
    after = verb.doc[verb.i + 1 : min(verb.i + 8, len(verb.doc))]
    return verb_lemma(verb) == "call" and (
        _calls_something(verb) or any(t.text in _OPEN_QUOTES for t in after)
    )


def _puts_estimate(verb: Token, lex: Lexicons) -> bool:
    """ "the ministry put the death toll at 42", "OPEC put the figure even lower": a
    figure as object and a level after it ("at", or a comparative) report the
    subject's estimate (not "put the figure on the table")."""
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None or obj.lemma_.lower() not in lex.estimate_objects:
        return False
    return any(
        (c.dep_ == "prep" and c.lower_ == "at")
        or (c.tag_ in ("JJR", "RBR") and c.i > obj.i)
        or (
            c.dep_ in ("advmod", "advcl", "oprd", "acomp", "ccomp", "xcomp")
            and any(g.tag_ in ("JJR", "RBR") for g in c.subtree)
        )
        for c in verb.children
        if c.i > verb.i
    )


def _calls_something(verb: Token) -> bool:
    """ "has called climate change a hoax", "calls for a recount": "call" with an object
    predicate (a verdict) or with "for" (a demand) reports a public stance."""
    if verb_lemma(verb) != "call":
        return False
    if _relative_naming(verb):
        return False
    for c in verb.children:
        if c.dep_ == "oprd" or (c.dep_ == "prep" and c.lower_ == "for"):
            return True
        # "has called for the program to be cut": the parser makes "for" the mark of
        # the demanded clause
        if (
            c.dep_ in ("advcl", "ccomp")
            and c.i > verb.i
            and any(
                m.dep_ == "mark" and m.lower_ == "for" and m.i == verb.i + 1 for m in c.children
            )
        ):
            return True
        # the small model reads "called X a hoax" as a dobj inside a dobj
        if c.dep_ == "dobj" and any(g.dep_ in ("dobj", "oprd") for g in c.children):
            return True
    # "called anti-Trump protesters “illegals”": the name given, in quotation marks, in
    # the verb's object (the parser may take the quoted word for the object itself)
    # (from the object's head on: not "called the “town hall” meeting to order")
    doc = verb.doc
    if any(
        c.dep_ == "dobj"
        and c.i > verb.i
        and any(t.text in _OPEN_QUOTES for t in doc[max(c.i - 1, verb.i + 1) : c.right_edge.i + 1])
        for c in verb.children
    ):
        return True
    return any(_verdict_after(c) for c in verb.children if c.dep_ == "dobj" and c.i > verb.i)


def _verdict_after(obj: Token) -> bool:
    """ 'called Trump's statements on Sunday "childish"', "called the dispute unusual",
    "called Mr. Yanukovych an outstanding leader": the verdict on the object that the
    small model leaves out of the object predicate: a quotation opening right after the
    object (and a short adverbial), an adjective closing the clause right after it, or
    a noun phrase with "a"/"an" set right next to a name."""
    doc = obj.doc
    end = obj.right_edge.i
    for t in doc[end + 1 : min(end + 5, len(doc))]:
        if t.text in _OPEN_QUOTES:
            return True
        if t.is_punct or t.pos_ in ("VERB", "AUX") or t.is_sent_start:
            break
    for t in obj.subtree:
        if (
            t.tag_ == "JJ"
            and t.dep_ == "amod"
            and t.head.i < t.i
            and t.i == end
            and t.i + 1 < len(doc)
            and doc[t.i + 1].text in (".", ",", ";", "!", "?")
        ):
            return True  # "called the squabble unusual."
    return obj.pos_ == "PROPN" and any(
        a.dep_ == "appos" and a.left_edge.i == obj.i + 1 and a.left_edge.lower_ in ("a", "an")
        for a in obj.children
    )


def _addressee(verb: Token) -> bool:
    """Does the verb have people as its object ("tells his supporters", "told them")?"""
    from .lexicons import lexicons

    lex = lexicons()
    return any(
        c.dep_ in ("dobj", "dative")
        and (c.lower_ in ("him", "her", "them", "us", "me", "you") or can_be_source(c, lex))
        for c in verb.children
    )


def _told_person(obj: Token) -> bool:
    """Is the object of a verb of telling a person ("an interviewer", "a visitor", "the
    senator", "Reuters"), not a thing or a content noun ("no sign", "concern")?"""
    lex = lexicons()
    if obj.ent_type_ in ("PERSON", "NORP", "ORG") or obj.lower_ in ("him", "her", "them", "us"):
        return True
    lemma = obj.lemma_.lower()
    if lemma in lex.documents or lemma in lex.utterances:
        return False  # "a sign", "a statement"
    return (
        lemma in lex.sayers
        or lemma in lex.person_nouns
        or lemma in lex.person_roles
        or (obj.pos_ == "NOUN" and lemma.endswith(("er", "or", "ist")))
    )


def _quote_gap(tok: Token) -> int:
    """1 when an opening quotation mark stands right before ``tok`` ("to “go"), else 0."""
    return int(tok.i > 0 and tok.doc[tok.i - 1].text in _OPEN_QUOTES)


def _has_clause(verb: Token, *, infinitive: bool = True) -> bool:
    """Does the verb report content: a clause, or a colon/quotation right after it?
    Without ``infinitive`` a to-infinitive complement does not count."""
    deps = ("ccomp", "xcomp") if infinitive else ("ccomp",)
    if any(
        c.dep_ in deps
        and (infinitive or not any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children))
        for c in verb.children
    ):
        return True
    doc = verb.doc
    if _tag_after_quote(verb):
        # '"... because that will decide who we are," he told the show.': the quotation
        # the tag follows is what was said (the parser hangs it as an adverbial clause).
        return True
    if _parenthetical_tag(verb):
        # "The change this time, he told me on Monday, is that ...": a tag set off by
        # commas inside the clause it reports.
        return True
    if _conj_tag(verb):
        return True
    if _as_tag(verb):
        return True
    if infinitive and _addressee(verb) and any(
        c.dep_ == "advcl"
        and c.i > verb.i
        and any(
            a.dep_ == "aux" and a.lower_ == "to" and a.i == c.i - 1 - _quote_gap(c)
            for a in c.children
        )
        for c in verb.children
        if c.i - verb.i <= 12
    ):
        # "tells his supporters at a rally to “go ...”": the parser reads the instruction
        # to the people addressed as an adverbial clause ("told jokes to relax" is a purpose).
        return True
    # "told a meeting of leaders that few people understood ...": the small model hangs
    # the that-clause on the object as a relative clause, but a relative "that" is its
    # clause's subject or object, never a "mark".
    # ("told the crowd at her dinner for nurses that she ...": also on the
    # object of a preposition after the verb)
    for obj in verb.children:
        if obj.dep_ in ("dobj", "dative") or (obj.dep_ == "prep" and obj.i > verb.i):
            for t in obj.subtree:
                if t.dep_ == "relcl" and any(
                    m.dep_ == "mark" and m.lower_ == "that" for m in t.children
                ):
                    return True
            if obj.dep_ in ("dobj", "dative") and _told_person(obj) and any(
                t.dep_ == "acl"
                and any(m.dep_ == "mark" and m.lower_ == "that" for m in t.children)
                and any(s.dep_ in _SUBJ for s in t.children)
                for t in obj.children
            ):
                # ... or as a clause of the noun, when the object is a person: "told an
                # interviewer that she had ..." ("showed no sign that", "raised concern
                # that" keep the noun's own clause)
                return True
    after = doc[verb.i + 1 : min(verb.i + 5, len(doc))]
    # (token.sent walks the whole doc; stop at the next sentence start instead)
    after = after[: next((k for k, t in enumerate(after) if t.is_sent_start), len(after))]
    if any(t.text == ":" or t.text in _OPEN_QUOTES for t in after):
        return True
    # "cited his remarks as examples of disrespect": citing something as evidence.
    return verb_lemma(verb) == "cite" and any(
        c.dep_ == "prep" and c.lower_ == "as" for c in verb.children
    )


# "as requested", "as demanded": what was asked for, not what was said
_AS_NOT_REPORTS = frozenset({"ask", "request", "demand", "seek", "urge", "call", "promise"})


def _as_tag(verb: Token) -> bool:
    """ "As Clinton told the Daily News, tax relief is ...", "..., as the senator told
    reporters.": an as-clause set off by a comma, with no object or only the people
    told; the clause it hangs on is what was said ("He left as the crowd told jokes" is
    a time)."""
    if verb.dep_ != "advcl" or verb_lemma(verb) in _AS_NOT_REPORTS:
        return False
    if not any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children) and (
        _as_tag_subject(verb) is None  # "As a diplomat in Beijing told me": "as" a prep
    ):
        return False
    doc = verb.doc
    if verb.i < verb.head.i:
        nxt = verb.right_edge.i + 1
        if nxt >= len(doc) or doc[nxt].text != ",":
            return False
    elif verb.left_edge.i == 0 or doc[verb.left_edge.i - 1].text != ",":
        return False
    objects = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
    return not objects or _addressee(verb)


def _byline_report(verb: Token, lex: Lexicons) -> bool:
    """ "Ana Ruiz reported from Lisbon, and Omar Haddad from Porto.": a
    credit line at the end of a news story says where a reporter worked; "report from" a
    place with no clause, quotation or colon after it reports no content. So does
    "Amanda Terkel contributed reporting.": the reporting someone contributed."""
    if (
        verb_lemma(verb, lex) == "report"
        and verb.tag_ == "VBG"
        and verb.dep_ in ("xcomp", "dobj")
        and verb.head.lemma_.lower() == "contribute"
        and not any(c.dep_ in ("ccomp", "dobj") for c in verb.children)
    ):
        return True
    return (
        verb_lemma(verb, lex) == "report"
        and any(
            c.dep_ == "prep"
            and c.lower_ == "from"
            and any(g.dep_ == "pobj" and g.pos_ == "PROPN" for g in c.children)
            for c in verb.children
        )
        # "reported $5,000 in income from an investment" reports a figure
        and not any(c.dep_ == "dobj" and c.pos_ != "PROPN" for c in verb.children)
        and not any(c.dep_ in ("ccomp", "xcomp") for c in verb.children)
        and not _has_clause(verb)
    )


def _relative_naming(verb: Token) -> bool:
    """ "Thitu Island, which the Philippines calls Pag-asa": a relative clause giving
    the local or official name of a thing (a proper noun) reports no stance."""
    return (
        verb.dep_ == "relcl"
        and any(c.dep_ == "dobj" and c.tag_ in ("WDT", "WP") for c in verb.children)
        and any(c.dep_ == "oprd" and c.pos_ == "PROPN" for c in verb.children)
    )


def _naming_participle(verb: Token, lex: Lexicons) -> bool:
    """ "a program called Sandy Hook Promise", "a play called “Sons of Trump”": "called"
    as a participle after a noun gives the thing's name; nobody is said to call it so
    (not "a plan Mr. Okonjo has called reckless", which has a subject)."""
    doc = verb.doc
    if (
        verb_lemma(verb, lex) == "call"
        and verb.dep_ in ("parataxis", "acl", "relcl")
        and verb.tag_ in ("VBN", "VBD")
        and verb.i > 1
        and doc[verb.i - 1].text == ","
        and doc[verb.i - 2].pos_ == "NOUN"
        and any(c.dep_ == "oprd" and c.pos_ == "PROPN" for c in verb.children)
        # a name given, with nothing named by it (not "called the plan a disaster"), and
        # no subject but the noun before the comma
        and not any(c.dep_ in ("dobj", "aux", "auxpass", "agent") for c in verb.children)
        and not any(c.dep_ in _SUBJ and c.i != verb.i - 2 for c in verb.children)
    ):
        return True  # "His nonprofit group, called the Virginia Legacy Fund, will ..."
    return (
        verb_lemma(verb, lex) == "call"
        and verb.tag_ == "VBN"
        and verb.dep_ == "acl"
        and any(c.dep_ == "oprd" for c in verb.children)
        and not any(c.dep_ in (*_SUBJ, "aux", "auxpass", "agent") for c in verb.children)
        # not "Stuart Stevens, a strategist, called X “childish.”", misread
        and _apposed_speaker(verb) is None
    )


# Participles that give a thing its name: 'a play called "Neighbors"', 'a report
# titled "Broken Promises"', 'a group named ...'.
_NAMING_PARTICIPLES = frozenset({"call", "name", "title", "entitle", "dub"})


def _credit_of_named_work(verb: Token) -> bool:
    """ 'a play called "Neighbors," written by a theatre group': a participle hung on
    the quoted name of a work credits who made it; nothing is said. The small model
    attaches it to the title (so the title looks like quoted words and the agent like
    their speaker) or to the noun before it (not an attribution either way)."""
    head = verb.head
    return (
        verb.tag_ == "VBN"
        and verb.dep_ == "acl"
        and head.dep_ == "oprd"
        and head.head.dep_ == "acl"
        and head.head.tag_ == "VBN"
        and head.head.lemma_.lower() in _NAMING_PARTICIPLES
    )


# Verbs that make someone else do something: "make them say", "let him explain".
_CAUSATIVES = frozenset({"make", "let", "help"})


def _hypothetical_causative(verb: Token) -> bool:
    """ "it should make any journalist ask ...", "this would make voters wonder whether
    ...": a speech or stance verb in the bare infinitive after a causative with a modal
    is what someone might be led to say; nobody has said it (not "the scandal made him
    admit that ...", which reports an admission)."""
    head = verb.head
    return (
        verb.tag_ in ("VB", "VBP")  # the small model tags some bare infinitives VBP
        and verb.dep_ in ("ccomp", "xcomp")
        and head.i < verb.i
        and head.lemma_.lower() in _CAUSATIVES
        and any(c.dep_ == "aux" and c.tag_ == "MD" for c in head.children)
    )


_OBJECT_PRONOUNS = frozenset({"him", "her", "them", "me", "us"})
_WISHES = frozenset({"hope", "wish", "pray"})


def _not_said(subj: Token, verb: Token) -> bool:
    """A report that has not been made: an object pronoun the parser takes for the
    verb's subject ("daring him to say that ...", "make them feel that ...": someone
    else wants it said), or a report the author hopes for ("I hope America says ...")."""
    if (
        subj.lower_ in _OBJECT_PRONOUNS
        and subj.dep_ == "nsubj"
        and subj.head.i == verb.i
        # "enough for him to claim victory": the for-to subject is the speaker
        and not (subj.i > 0 and subj.doc[subj.i - 1].lower_ == "for")
    ):
        return True
    doc = verb.doc

    def wish(w: Token) -> bool:
        return w.lemma_.lower() in _WISHES and any(
            c.dep_ == "nsubj" and c.lower_ in ("i", "we") for c in w.children
        )

    if verb.dep_ == "ccomp" and wish(verb.head):
        return True
    # the parser may hang "I hope" on the verb it governs; with no punctuation between
    # (not '"I hope we win," Smith said', where the wish is the quote)
    return any(
        c.dep_ == "ccomp"
        and c.i < verb.i
        and wish(c)
        and not any(t.is_punct for t in doc[c.i : verb.i])
        for c in verb.children
    )


def _own_text(subj: Token, lex: Lexicons) -> bool:
    """The subject is the article itself ("This commentary argues ...", "this essay
    contends"): what it reports is the author's own argument."""
    return subj.lemma_.lower() in lex.own_text and any(
        c.dep_ == "det" and c.lower_ == "this" for c in subj.children
    )


def _conj_tag(verb: Token) -> bool:
    """ "Britain will send more missiles to Ukraine, Defence Secretary Grant Shapps told
    MPs.": a trailing speech tag the parser joined to the clause it reports as a
    conjunct without "and", its speaker hung as an apposition on the word before."""
    head = verb.head
    if verb.dep_ != "conj" or head.i >= verb.i or head.pos_ not in ("VERB", "AUX"):
        return False
    doc = verb.doc
    if any(c.dep_ == "cc" and head.i < c.i < verb.i for c in head.children):
        return False
    own = [c for c in verb.children if c.dep_ in _SUBJ]
    if own:
        # "..., Transport Secretary Ana Ruiz told a House panel Tuesday.": the tag
        # parsed with its own subject, the speaker's name right before the verb
        name = own[0] if len(own) == 1 and own[0].i < verb.i else None
        if name is None or any(t.pos_ in ("VERB", "AUX") for t in doc[name.i + 1 : verb.i]):
            return False
        if any(c.dep_ in ("ccomp", "xcomp") for c in verb.children):
            return False  # "..., Carter told the panel that ...": its own content
    else:
        name = _name_before(verb)
    if name is None:
        return False
    if name.ent_type_ not in ("PERSON", "ORG") and not any(
        # "..., her top aide, Omar Haddad, told the paper.": the role, then the name
        c.dep_ == "appos" and c.ent_type_ == "PERSON" and c.i < verb.i
        for c in name.children
    ):
        return False
    start = name.left_edge.i
    while start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].head.i == name.i:
        start -= 1
    return start > 0 and doc[start - 1].text == ","


def _close_quote_before(doc: Doc, i: int) -> bool:
    """Does token ``i`` come right after a closing quotation mark (and its comma)?"""
    k = i - 1
    while k > 0 and doc[k].text == ",":
        k -= 1
    return k > 0 and doc[k].text in _CLOSE_QUOTES


def _tag_after_quote(verb: Token) -> bool:
    """ '"...," he told the show.', '"...?" Ramos, 58, told reporters.': a speech verb
    whose subject directly follows a closing quotation mark (and its comma)."""
    doc = verb.doc
    if verb.dep_ not in ("ROOT", "parataxis", "ccomp", "conj", "advcl"):
        return False
    subj = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
    if verb.dep_ not in ("ROOT", "parataxis") and (
        # '"... unbeatable, right?" he told Fox News.': the parser hangs the tag on a
        # word of the quotation; its head lies before the tag's subject
        subj is None or verb.head.i >= subj.left_edge.i
    ):
        return False
    if subj is None:
        # '"...," Gene Sperling, a top adviser, said at an event.': the name misread
        # into the quotation
        return _apposed_speaker(verb, after_quote=True) is not None
    if any(t.pos_ in ("VERB", "AUX") for t in doc[subj.i + 1 : verb.i]):
        return False
    return _close_quote_before(doc, subj.left_edge.i)


def _parenthetical_tag(verb: Token) -> bool:
    """ "The difference now, he told me, is ...", "Pivoting too soon, a wide array of
    economists say, limited the recovery": a speech verb the parser hangs on the clause
    it reports (parataxis), its subject set off by a comma before it."""
    doc = verb.doc
    if verb.dep_ != "parataxis" or verb.i == 0 or doc[verb.i - 1].text == ".":
        return False
    subj = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
    if subj is None:
        return False
    if any(t.text == "," for t in doc[max(verb.i - 3, 0) : verb.i]):
        return True
    first = subj.left_edge.i
    return first > 0 and doc[first - 1].text == "," and subj.right_edge.i < verb.i


def _name_colon(
    sent: Span, qmask: Sequence[bool], names: frozenset[str], lex: Lexicons
) -> list[Attribution]:
    """ "Garcia: Finch won't be at the forum": a headline or transcript line that
    opens with a name the article knows and a colon reports what that person said; so
    does a poll, report or newspaper alone ("Poll: Garcia and Finch tied").
    Places and dates ("Syria: ...", "Monday: ...") and labels ("Photo:") are not
    speakers, and the rest must make a claim (have a verb)."""
    doc = sent.doc
    start = sent.start
    if start < sent.end and doc[start].text in ('"', "“", "''"):
        start += 1
    colon = next((t.i for t in doc[start : min(start + 4, sent.end)] if t.text == ":"), None)
    if colon is None or colon == start or qmask[start]:
        return []
    name = doc[start:colon]
    if not all(t.is_title or t.is_upper for t in name) or any(t.is_punct for t in name):
        return []
    last = doc[colon - 1]
    if last.ent_type_ in ("GPE", "LOC", "DATE", "TIME", "EVENT", "FAC"):
        return []
    document = colon == start + 1 and (
        last.lower_ in _HEADLINE_DOCUMENTS or last.lower_ in lex.media
    )
    if not document and last.lower_ not in names and last.ent_type_ not in ("PERSON", "ORG"):
        return []
    if not any(t.pos_ in ("VERB", "AUX") for t in doc[colon + 1 : sent.end]):
        return []
    first = doc[start]
    if colon - start >= 2 and (
        first.lower_ in ("said", "says") or verb_lemma(first, lex) in lex.speech
    ):
        # "Said Ellis: “...”", "Added the senator: ...": the verb before the name is the
        # cue, the name alone the source
        return [Attribution((start, start + 1), (start + 1, colon), colon - 1, "attr-name-colon")]
    return [Attribution((colon, colon + 1), (start, colon), colon - 1, "attr-name-colon")]


# A headline's "Poll: ..." / "Report: ...": the document alone names the source
# (not "Photo:", "Video:" or "Update:", which label what follows).
_HEADLINE_DOCUMENTS = frozenset({"poll", "survey", "report", "study", "analysis"})
_DASHES = frozenset({"―", "—", "--", "–"})
_CLOSE_QUOTES = frozenset({"”", '"', "''", "“", "»", "’"})


def _dash_signature(sent: Span) -> list[Attribution]:
    """ "... for the smallest town in the valley.” ― Maria Lopez": a quotation
    signed with a dash and a name at the end of the sentence."""
    doc = sent.doc
    end = sent.end
    while (
        end > sent.start
        and (doc[end - 1].is_punct or doc[end - 1].is_space)
        and doc[end - 1].text not in _DASHES
    ):
        end -= 1
    for k in range(max(sent.start + 1, end - 6), end - 1):
        if doc[k].text.strip() not in _DASHES:
            continue
        prev = k - 1
        while prev > sent.start and doc[prev].is_space:
            prev -= 1  # "low?”\u00a0― Jacklyn": a no-break space before the dash
        if doc[prev].text not in _CLOSE_QUOTES:
            continue
        name = [t for t in doc[k + 1 : end] if not t.is_space]
        if not name or not all(t.is_title or t.pos_ == "PROPN" for t in name):
            continue
        first = name[0].i
        return [Attribution((k, k + 1), (first, end), end - 1, "attr-dash-signature")]
    return []


def _trailing_tag(sent: Span, tok: Token, lex: Lexicons) -> tuple[int, int] | None:
    """ "..., the candidate's former doctor maintains.": a sentence-final speech tag the
    small model reads as a plural noun. Returns the bounds of the speaker's mention
    (between the last comma and the tag), or None."""
    doc = sent.doc
    rest = [t for t in doc[tok.i + 1 : sent.end] if not t.is_space]
    if not rest or not all(t.is_punct for t in rest) or rest[0].text not in (".", "!"):
        return None
    comma = next((k for k in range(tok.i - 1, sent.start, -1) if doc[k].text == ","), None)
    if comma is None or tok.i - comma - 1 > 8 or tok.i - comma - 1 < 1:
        return None
    head = doc[tok.i - 1]
    if head.pos_ not in ("NOUN", "PROPN") or not can_be_source(head, lex):
        return None
    if not any(t.pos_ in ("VERB", "AUX") for t in doc[sent.start : comma]):
        return None
    return comma + 1, tok.i


_FINDING_TAGS = frozenset(
    {"show", "shows", "showed", "indicate", "indicates", "indicated", "suggest", "suggests"}
    # "..., the poll found.": a study's finding, told after the fact
    | {"found", "finds"}
)
# ... as lower-case string ids (``Token.lower``): the tag loop reads every token, and
# ``Token.lower_`` costs a string-store lookup each
_FINDING_TAG_IDS = frozenset(get_string_id(w) for w in _FINDING_TAGS)
# "..., the poll found.", "..., a new survey shows.": what may stand before the
# document's name in a tag
_TAG_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "its", "their", "his", "her"})


def _finding_tags(
    sent: Span,
    lex: Lexicons,
    qmask: Sequence[bool],
    verbs_used: set[int],
    tokens: Sequence[Token] | None = None,
) -> list[Attribution]:
    """ "He sold it in 2010, records show.", "During that stretch, flight records show,
    the jet flew 216 hours": a tag naming documents after a comma, set off at the end or
    by another comma (the small model often tags "show" there as a noun)."""
    doc = sent.doc
    out: list[Attribution] = []
    for tok in sent if tokens is None else tokens:
        if tok.lower not in _FINDING_TAG_IDS or tok.i in verbs_used or qmask[tok.i]:
            continue
        nxt = doc[tok.i + 1] if tok.i + 1 < sent.end else None
        if nxt is not None and nxt.text not in (",", ".", ";", "!"):
            continue
        noun = doc[tok.i - 1] if tok.i > sent.start else None
        if (
            noun is None
            # "..., F.E.C. records show.": the small model may read "records" as a verb
            or not (noun.pos_ in ("NOUN", "PROPN") or noun.tag_ == "VBZ")
            or (noun.lemma_.lower() not in lex.findings and noun.lower_ not in lex.findings)
        ):
            continue
        start = noun.i
        while start - 1 > sent.start and (
            doc[start - 1].pos_ in ("NOUN", "PROPN", "ADJ") or doc[start - 1].tag_ == "VBG"
        ):
            start -= 1  # "campaign finance records", "F.A.A. records"
        if start - 1 > sent.start and doc[start - 1].lower_ in _TAG_DETERMINERS:
            start -= 1  # "..., the poll found."
        if start - 1 <= sent.start or doc[start - 1].text != ",":
            continue
        out.append(Attribution((tok.i, tok.i + 1), (start, noun.i + 1), noun.i, "attr-finding-tag"))
    return out


def _misparsed_verbs(
    sent: Span,
    lex: Lexicons,
    qmask: Sequence[bool],
    names: frozenset[str],
    verbs_used: set[int],
    tokens: Sequence[Token] | None = None,
) -> list[Attribution]:
    """ "Trump charges that ...", "Clinton claims that ...": the small model often reads a
    name + present-tense reporting verb as a noun phrase ("Trump charges"). A plural
    noun whose lemma is a speech verb, right after a name and right before "that",
    is the verb; the name is its subject."""
    doc = sent.doc
    out: list[Attribution] = []
    for tok in sent if tokens is None else tokens:
        if tok.pos != NOUN or tok.tag != _NNS or tok.i in verbs_used or qmask[tok.i]:
            continue
        if tok.lemma_.lower() not in lex.speech or tok.i + 1 >= sent.end:
            continue
        nxt = doc[tok.i + 1]
        trailing = _trailing_tag(sent, tok, lex)
        if trailing is not None:
            out.append(
                Attribution(
                    (tok.i, tok.i + 1), trailing, trailing[1] - 1, "attr-verb-speech", depth=0
                )
            )
            continue
        if nxt.lower_ != "that" or nxt.dep_ != "mark" or tok.i == sent.start:
            continue
        prev = doc[tok.i - 1]
        named = (
            prev.pos_ == "PROPN"
            or prev.ent_type_ in ("PERSON", "ORG", "GPE", "NORP")
            or (prev.is_title and prev.lower_ in names)
        )
        if not named or prev.is_punct:
            continue
        start = prev.i
        while (
            start > sent.start
            and (doc[start - 1].pos_ == "PROPN" or doc[start - 1].is_title)
            and not doc[start - 1].is_punct
        ):
            start -= 1
        out.append(
            Attribution(
                (tok.i, tok.i + 1),
                (start, prev.i + 1),
                prev.i,
                "attr-verb-speech",
                depth=0,
            )
        )
    return out


def _states_content(noun: Token, qmask: Sequence[bool]) -> bool:
    """Does the reporting noun give what was said: a that-clause ("the claim that ..."),
    a to-infinitive ("his promise to cut taxes") or a quotation or colon right after?"""
    for c in noun.children:
        if c.dep_ in ("acl", "ccomp", "relcl") and any(
            m.dep_ == "mark" and m.lower_ == "that" for m in c.children
        ):
            return True
        if c.dep_ == "acl" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
            return True
    doc = noun.doc
    nxt = doc[noun.i + 1 : min(noun.i + 3, len(doc))]
    return any(t.text == ":" or (t.text in _OPEN_QUOTES and not qmask[noun.i]) for t in nxt)


def _possessive_nouns(
    sent: Span, lex: Lexicons, qmask: Sequence[bool], tokens: Sequence[Token] | None = None
) -> list[Attribution]:
    """ "Garcia's claim that there have been hundreds of break-ins", "his promise to cut
    taxes": a reporting noun whose possessor is a source says whose words they are.
    Marked as evidence only: the sentence is about the claim, not attributed to it."""
    out: list[Attribution] = []
    for tok in sent if tokens is None else tokens:
        if tok.pos != NOUN or qmask[tok.i] or tok.lemma_.lower() not in lex.utterances:
            continue
        poss = next((c for c in tok.children if c.dep_ == "poss"), None)
        if poss is None or qmask[poss.i] or not can_be_source(poss, lex):
            continue
        if not _states_content(tok, qmask):
            continue  # "his remarks on Saturday", "Trump's comments came": no content given
        b0, b1 = source_bounds(poss)
        if b1 - 1 > b0 and tok.doc[b1 - 1].tag_ == "POS":
            b1 -= 1
        out.append(
            Attribution(
                (tok.i, tok.i + 1),
                (b0, b1),
                poss.i,
                "attr-possessive-noun",
                depth=_depth(tok),
                evidence_only=True,
            )
        )
    return out


def _stance_nouns(
    sent: Span, lex: Lexicons, qmask: Sequence[bool], tokens: Sequence[Token] | None = None
) -> list[Attribution]:
    """ "Trump's attacks on Cruz", "her opposition to the deal": a noun for a stance, with
    a possessor that can be a source and what the stance is about. Marked as evidence
    only, like a reporting noun (``_possessive_nouns``)."""
    out: list[Attribution] = []
    ids = lex.stance_noun_ids
    for tok in sent if tokens is None else tokens:
        # integer attributes first: this runs on every token
        if tok.lower not in ids or tok.pos != NOUN or qmask[tok.i]:
            continue
        preps = lex.stance_nouns[tok.lower_]
        prep = next(
            (
                c
                for c in tok.children
                if c.dep_ == "prep"
                and c.lower_ in preps
                and any(g.dep_ in ("pobj", "pcomp") for g in c.children)
            ),
            None,
        )
        if prep is None:
            continue
        poss = next((c for c in tok.children if c.dep_ == "poss"), None)
        if poss is None or qmask[poss.i] or not can_be_source(poss, lex):
            continue
        b0, b1 = source_bounds(poss)
        if b1 - 1 > b0 and tok.doc[b1 - 1].tag_ == "POS":
            b1 -= 1
        out.append(
            Attribution(
                (tok.i, prep.i + 1 if prep.i == tok.i + 1 else tok.i + 1),
                (b0, b1),
                poss.i,
                "attr-stance-noun",
                depth=_depth(tok),
                evidence_only=True,
            )
        )
    return out


_COPULAS = frozenset({"be", "remain"})


def _possessive_positions(
    sent: Span,
    lex: Lexicons,
    qmask: Sequence[bool],
    names: frozenset[str],
    tokens: Sequence[Token] | None = None,
) -> list[Attribution]:
    """ "Moscow's position is that the bridge is a civilian object", "His answer was that
    nobody had asked": a noun for a view or an utterance, owned by a source, whose
    content is a that-clause after "is" / "remains". The possessor is the source of the
    clause (rule 7: a public figure or body, or a pronoun standing for one)."""
    doc = sent.doc
    out: list[Attribution] = []
    for tok in sent if tokens is None else tokens:
        if tok.pos != NOUN or tok.dep != _NSUBJ or qmask[tok.i]:
            continue
        if tok.lemma_.lower() not in lex.positions:
            continue
        cop = tok.head
        if cop.lemma_.lower() not in _COPULAS or cop.i < tok.i:
            continue
        if any(c.dep_ == "neg" for c in cop.children):
            continue
        clause = next(
            (
                c
                for c in cop.children
                if c.dep_ == "ccomp"
                and c.i > cop.i
                and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
            ),
            None,
        )
        if clause is None:
            continue
        poss = next((c for c in tok.children if c.dep_ == "poss"), None)
        if poss is None or qmask[poss.i] or not can_be_source(poss, lex):
            continue
        b0, b1 = source_bounds(poss)
        if b1 - 1 > b0 and doc[b1 - 1].tag_ == "POS":
            b1 -= 1
        if not is_personal_pronoun(poss) and not is_public(doc, b0, b1, lex, names):
            continue
        out.append(
            Attribution(
                (tok.i, tok.i + 1),
                (b0, b1),
                poss.i,
                "attr-possessive-position",
                depth=_depth(tok),
                subordinate=_subordinate(cop),
            )
        )
    return out


# What a document verb must take to tell something: "the ad accuses Trump", "records
# show he sold it", "the poll puts her at 40 percent"; not "the interview concluded".
_DOCUMENT_CONTENT = ("dobj", "ccomp", "xcomp", "attr", "oprd", "prep", "dative")
# What a recording does when it only pictures something (see _NOT_FINDINGS).
_DEPICTS = frozenset({"show", "capture", "reveal", "depict", "portray", "document"})


def _is_document(tok: Token, lex: Lexicons) -> bool:
    lemma = tok.lemma_.lower()
    return tok.pos_ == "NOUN" and (
        lemma in lex.documents or lemma in lex.findings or tok.lower_ in lex.findings
    )


def _document_reports(
    sent: Span,
    lex: Lexicons,
    qmask: Sequence[bool],
    used: set[int],
    tokens: Sequence[Token] | None = None,
) -> list[Attribution]:
    """ "The ad hits Sanders on trade", "Polls suggest the race is tight", "records show
    he sold the plane", "It shows the plant was unsafe" (of a memo just named): a
    document, poll or recording as the subject of a verb that tells what it says or
    shows. The document is marked as a SOURCE and the verb as a CUE, as evidence: the
    sentence keeps its label (a present-tense "suggests" may be the author's inference,
    rule 4). A recording that only pictures a scene ("the video shows a man running") is
    not marked. Verbs another rule took (``used``) are left to it."""
    out: list[Attribution] = []
    for tok in sent if tokens is None else tokens:
        if tok.pos != VERB or tok.i in used or qmask[tok.i]:
            continue
        if tok.lemma_.lower() not in lex.document_verbs and verb_lemma(tok, lex) not in (
            lex.document_verbs
        ):
            continue
        if any(c.dep_ == "auxpass" for c in tok.children):
            continue  # "the poll was conducted", "records were released"
        if not any(c.dep_ in _DOCUMENT_CONTENT for c in tok.children) and not _has_clause(tok):
            continue
        holder = tok.head if tok.dep_ == "xcomp" else tok  # "polls continue to show ..."
        subj = next((c for c in holder.children if c.dep_ == "nsubj"), None)
        if subj is None or qmask[subj.i]:
            continue
        if subj.lower_ == "it":
            # "It shows the plant was unsafe": "it" stands for the document named before
            ante = _it_antecedent(subj, lex, qmask)
            if ante is None or not _is_document(ante, lex):
                continue
            head, bounds = ante, (subj.i, subj.i + 1)
        elif _is_document(subj, lex) and not _own_text(subj, lex):
            head, bounds = subj, mention_bounds(subj)
        else:
            continue
        if head.lemma_.lower() in _NOT_FINDINGS and verb_lemma(tok, lex) in _DEPICTS:
            continue  # "the video shows a man running": a recording describes a scene
        out.append(
            Attribution(
                (tok.i, tok.i + 1),
                bounds,
                head.i,
                "attr-document-verb",
                depth=_depth(tok),
                subordinate=_subordinate(tok),
                # ... but "It found that ..." (of a study just named) in the past tense
                # reports the study's finding, as "The study found that ..." does
                evidence_only=not (
                    subj.lower_ == "it"
                    and tok.tag_ == "VBD"
                    and verb_lemma(tok, lex) in lex.present_inference | lex.speech
                ),
            )
        )
    return out


# the copulas an adjective stance hangs on: "is worried", "seemed confident", "grew wary"
_STANCE_COPULAS = frozenset(
    {"be", "seem", "appear", "feel", "remain", "become", "grow", "get", "sound", "look"}
)
# what a stance adjective is about: "worried about", "critical of", "pleased with"
_STANCE_PREPS = frozenset({"about", "of", "with", "over"})


def _adjective_stances(
    sent: Span,
    lex: Lexicons,
    qmask: Sequence[bool],
    tokens: Sequence[Token] | None = None,
) -> list[Attribution]:
    """ "Some Democrats are concerned that ...", "Republicans have been critical of her
    emails", "his supporters are optimistic that he will ...": a state of mind held by
    someone, told with an adjective instead of a verb ("fear", "criticize", "hope").
    Like the private-state verbs, the holder is marked as a SOURCE and the adjective as
    a CUE, as evidence only (rule 7: it never attributes the sentence). The author's own
    "I am convinced that ..." is the author's opinion, not a source's."""
    out: list[Attribution] = []
    for tok in sent if tokens is None else tokens:
        if tok.pos != ADJ or tok.dep_ not in ("acomp", "oprd") or qmask[tok.i]:
            continue
        if tok.lemma_.lower() not in lex.stance_adjectives:
            continue
        cop = tok.head
        if cop.lemma_.lower() not in _STANCE_COPULAS:
            continue
        # with what it is about: "concerned that ...", "critical of X" (not "were angry")
        if not any(
            c.dep_ == "ccomp" or (c.dep_ == "prep" and c.lower_ in _STANCE_PREPS)
            for c in tok.children
        ):
            continue
        subj = next((c for c in cop.children if c.dep_ == "nsubj"), None)
        if subj is None or qmask[subj.i] or not can_be_source(subj, lex):
            continue
        out.append(
            Attribution(
                (tok.i, tok.i + 1),
                source_bounds(subj),
                subj.i,
                "attr-stance-adjective",
                stance=True,
                depth=_depth(tok),
                subordinate=_subordinate(cop),
                evidence_only=True,
            )
        )
    return out


def _inner_speaker(
    document: Token,
    lex: Lexicons,
    qmask: Sequence[bool],
    cue: tuple[int, int],
    bounds: tuple[int, int],
) -> list[Attribution]:
    """ "according to an interview his brother gave to ITV", "according to audio provided
    by a local radio station", "according to interviews with ten party officials": the
    phrase names a document or conversation, and whoever gave or made it is named inside.
    That speaker is marked as a further SOURCE, as evidence (the document stays the
    sentence's source)."""
    if document.lemma_.lower() not in lex.documents and document.lemma_.lower() not in (
        _CONVERSATIONS
    ):
        return []
    inner: Token | None = None
    for c in document.children:
        if c.dep_ == "relcl":
            # "an account she gave to the paper" (not "a report that said ...": a
            # relative pronoun is the document itself)
            inner = next(
                (
                    g
                    for g in c.children
                    if g.dep_ == "nsubj" and g.lower_ not in _RELATIVE and can_be_source(g, lex)
                ),
                None,
            )
        elif c.dep_ == "acl" and c.tag_ == "VBN":
            agent = next((g for g in c.children if g.dep_ == "agent"), None)
            if agent is not None:
                inner = next((g for g in agent.children if g.dep_ == "pobj"), None)
        elif c.dep_ == "prep" and c.lower_ == "with" and document.lemma_.lower() in _CONVERSATIONS:
            inner = next((g for g in c.children if g.dep_ == "pobj"), None)
        if inner is not None:
            break
    if inner is None or qmask[inner.i] or not can_be_source(inner, lex):
        return []
    ib = source_bounds(inner)
    if bounds[0] <= ib[0] and ib[1] <= bounds[1]:
        return []  # already inside the document's mention ("a study by Pew")
    return [
        Attribution(
            cue,
            ib,
            inner.i,
            "attr-phrase-inner-speaker",
            depth=_depth(inner),
            evidence_only=True,
        )
    ]


def _heard_by(doc: Doc, m: Match) -> bool:
    """Is the match an "in an interview with / a speech to X" phrase, whose X heard it
    (not "in a statement by X", whose X speaks)?"""
    return m.rule_id == "attr-in-interview" and doc[m.end - 1].lower_ != "by"


def _interview_speaker(
    prep: Token, lex: Lexicons, qmask: Sequence[bool], m: Match
) -> Token | None:
    """ "In an interview with ABC News, Clinton laughed off the ad", "Sharpton paints that
    picture in an interview with Politico", "in a speech to supporters, he barely
    discussed ...": the outlet or audience after "with"/"to" is who heard it; the speaker
    is the subject of the clause the phrase belongs to. None when there is no such
    subject (then the phrase's own object stands as the source)."""
    if not _heard_by(prep.doc, m):
        return None
    head = prep.head
    for _ in range(3):
        if head.pos_ in ("VERB", "AUX") or head.dep_ == "ROOT" or head.head.i == head.i:
            break
        head = head.head  # "offered a preview ... in an interview with": the verb
    subj = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or qmask[subj.i] or not can_be_source(subj, lex):
        return None
    return subj


def _phrase_on_cue(doc: Doc, m: Match, found: Sequence[Attribution]) -> bool:
    """Does an "in an interview with X" phrase hang on a reporting verb already found with
    a source ("the strategist said in an interview with the network's host")? Then the
    verb's subject speaks and X only heard it; whatever noun the subject is (the phrase's
    own speaker look-up only takes names and known sayers)."""
    if not _heard_by(doc, m):
        return False
    verb = doc[m.start].head
    return any(a.source is not None and not a.aside and a.cue[0] == verb.i for a in found)


def _set_off(doc: Doc, sent: Span, m: Match) -> bool:
    """Does the "in his view" / "by her account" phrase stand apart as a comment on the
    clause: first in the sentence, set off by a comma or ending it, or with "own" ("by
    her own admission")? Not "believed in her judgment", "emails in Clinton's account",
    "less upbeat in his reading of the economy"."""
    if m.start == sent.start or any(t.lower_ == "own" for t in doc[m.start : m.end]):
        return True
    if doc[m.start - 1].text == ",":
        return True
    end = doc[m.end - 1].right_edge.i + 1
    return end >= sent.end or doc[end].is_punct


# "To them, ...", "To many, ...": people whose view a leading "to" phrase gives.
_VIEWERS = frozenset({"him", "her", "them", "us", "me", "many", "some", "others", "most"})
# Conversations a source takes part in: "according to interviews with party leaders".
_CONVERSATIONS = frozenset({"interview", "conversation", "discussion", "exchange", "call"})


_CO_DEPS = ("conj", "advcl")
# "seemed to think", "appears to believe": the author's inference about a stance
_SEEM = frozenset({"seem", "appear"})


def _leading_participle(verb: Token, lex: Lexicons) -> bool:
    """ "Citing the storm, the mayor said ...": a participle before the report it goes
    with, giving what the speaker put forward (a clause, or a cited object); not
    "Speaking to reporters, ..." (the occasion)."""
    return (
        verb.dep_ == "advcl"
        and verb.tag_ == "VBG"
        and verb.i < verb.head.i
        and (verb_lemma(verb, lex) in lex.object_is_content or _has_clause(verb, infinitive=False))
    )


def _content_co_verb(verb: Token, lex: Lexicons) -> bool:
    """ "Lopez said Reed was not working for them and said Moreno was not
    involved", "Finch said she saw no need to change, telling reporters that ...": the
    small model hangs a second speech verb (a conjunct, or a participle after a comma)
    on the clause the first one reports. Without a subject of its own it is not the
    reported subject's ("Gates", "he"): it is a further cue of the first speaker, left
    to ``_co_cues``."""
    if not (verb.dep_ == "conj" or (verb.dep_ == "advcl" and verb.tag_ == "VBG")):
        return False
    if any(c.dep_ in _SUBJ for c in verb.children):
        return False
    # "said he had battled it ... and called it a common ailment": a verdict too
    if not (_has_clause(verb) or _calls_something(verb)):
        return False
    content = verb.head
    if content.dep_ != "ccomp" or content.i > verb.i:
        return False
    head = content.head
    return head.pos_ == "VERB" and head.i < content.i and verb_lemma(head, lex) in lex.speech


def _co_cues(
    doc: Doc, found: Sequence[Attribution], lex: Lexicons, qmask: Sequence[bool]
) -> list[Attribution]:
    """ "Perdue said ... and warned that ...", "McConnell said ..., citing the release of
    prisoners": a reporting verb coordinated with a cue, or a participle hung on it,
    without a subject of its own, reports for the same source. Marked as a further CUE
    (evidence only: the sentence's label and source do not change)."""
    out: list[Attribution] = []
    cues = {a.cue[0] for a in found}
    known = lex.reporting_verbs
    for a in found:
        if a.source is None or a.hedged or a.cue[1] - a.cue[0] != 1:
            continue
        head = doc[a.cue[0]]
        if head.pos_ != "VERB":
            continue
        # the parser often hangs them on the reported clause instead ("said the talks had
        # failed and warned that ...", "said the country had changed, citing ...")
        content = [c for c in head.children if c.dep_ == "ccomp" and c.i > head.i]
        # '"...," said Smith, a spokesman, referring to the vote': after an inverted tag
        # the parser hangs the participle on the speaker's mention
        speaker = doc[a.source_head] if a.source_head is not None else None
        trailing = (
            [
                c
                for c in speaker.children
                if c.dep_ == "acl"
                and c.tag_ == "VBG"
                and c.i > head.i
                and doc[c.i - 1].text == ","
            ]
            if speaker is not None and head.i < speaker.i and a.source[0] <= speaker.i
            else []
        )
        for c in [*head.children, *(g for cc in content for g in cc.children), *trailing]:
            if (
                (c.dep_ not in _CO_DEPS and c.dep_ != "acl")
                or c.pos_ != "VERB"
                or c.i in cues
                or (c.i < head.i and not _leading_participle(c, lex))
                or qmask[c.i]
                or any(g.dep_ in _SUBJ or g.dep_ == "neg" for g in c.children)
                or verb_lemma(c, lex) not in known
            ):
                continue
            if c.dep_ == "advcl" and c.tag_ != "VBG":
                continue  # "said ... because ...", not "..., arguing that ..."
            if not _particle_ok(c, lex):
                # the particle test a verb of its own passes: "speaking of the plan", not
                # "said, speaking by phone / on condition of anonymity" (the occasion) or
                # "..., putting her at odds with ..." (a consequence)
                continue
            cues.add(c.i)
            out.append(
                Attribution(
                    (c.i, c.i + 1),
                    a.source,
                    a.source_head,
                    "attr-co-cue",
                    depth=_depth(c),
                    evidence_only=True,
                )
            )
    return out


def _evidence_passive(verb: Token, rule_id: str) -> Attribution:
    """An agentless passive marked as an evidence-only CUE with no source, from its
    first auxiliary ("had been expected", "was asked")."""
    aux = [c.i for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i < verb.i]
    return Attribution(
        (min(aux, default=verb.i), verb.i + 1),
        None,
        None,
        rule_id,
        depth=_depth(verb),
        evidence_only=True,
    )


def _root_noun_verb(tok: Token) -> bool:
    """A third-person verb the tagger read as a plural noun but the parser as the
    sentence's verb, with a subject of its own ("The Ministry of Foreign Affairs notes
    with concern ...": "Affairs notes" looks like a compound noun)."""
    return (
        tok.tag_ == "NNS"
        and tok.dep_ == "ROOT"
        and any(c.dep_ == "nsubj" for c in tok.children)
    )


# the id of the tag "NNS" in spaCy's string store (a hash, the same in every vocab)
_NNS = get_string_id("NNS")
# ... and of the dependency label "nsubj" (``Token.dep``), for loops over every token
_NSUBJ = get_string_id("nsubj")


def _as_tag_subject(verb: Token) -> Token | None:
    """ "As a senior diplomat in Beijing told me over tea, ...": the small model reads
    "As" as a preposition over the speaker, so the tag's verb has no subject; the
    preposition's object before the verb is its subject."""
    if verb.dep_ not in ("advcl", "ROOT") or any(c.dep_ in _SUBJ for c in verb.children):
        return None
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ == "as" and c.i < verb.i:
            return next((o for o in c.children if o.dep_ == "pobj" and o.i < verb.i), None)
    return None


def _noun_tag_name(verb: Token) -> Token | None:
    """ "..., Kommersant reports, citing sources close to the talks.": a tail tag whose
    verb the tagger read as a plural noun and the parser hung on the clause as a
    parataxis, with the name before it read as its modifier. The capitalised words
    between the comma and the verb are the name, its subject (the last of them)."""
    if verb.tag_ != "NNS" or verb.dep_ not in ("parataxis", "appos", "conj"):
        return None
    mods = [c for c in verb.children if c.dep_ in ("amod", "compound", "nmod") and c.i < verb.i]
    if not mods:
        return None
    doc = verb.doc
    first = min(m.left_edge.i for m in mods)
    if first == 0 or doc[first - 1].text != ",":
        return None
    if not all(doc[k].is_title or doc[k].is_upper for k in range(first, verb.i)):
        return None
    return doc[verb.i - 1]


def _concessive(verb: Token) -> bool:
    """"..., whatever the ministry says", "no matter what Kyiv claims, ...": the verb
    concedes a view without reporting it; the sentence's assertion is the author's."""
    if any(c.lower_ in ("whatever", "whatsoever") and c.i < verb.i for c in verb.children):
        return True
    # (not a quoted '"no matter what," one user commented')
    return verb.head.lower_ == "matter" and any(
        c.lower_ == "what" and c.i < verb.i and not c.nbor().is_punct for c in verb.children
    )


def _questioned(verb: Token, sent: Span, qmask: Sequence[bool]) -> bool:
    """ "What exactly did they think would happen?", "Did Pompeo say that ...?": the
    author's own question (not inside quotation marks) asks about a view or a report;
    it does not report one (rule 13 judges the question)."""
    last = sent[-1]
    while (last.is_punct or last.is_space) and last.text != "?" and last.i > sent.start:
        last = last.nbor(-1)
    if last.text != "?" or qmask[last.i]:
        return False
    cur = verb
    while cur.dep_ == "conj" and cur.head.i != cur.i:
        cur = cur.head
    if cur.dep_ != "ROOT":
        return False
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None:
        return False
    # subject-auxiliary inversion ("did they think"), or a wh-word opening the clause
    inverted = any(c.dep_ == "aux" and c.lemma_ == "do" and c.i < subj.i for c in verb.children)
    return inverted or (sent[0].tag_ in ("WP", "WRB", "WDT") and sent[0].i < verb.i)


def find_attributions(
    sent: Span,
    *,
    lex: Lexicons,
    matches: Sequence[Match],
    qmask: Sequence[bool],
    names: frozenset[str] = frozenset(),
    tokens: Sequence[Token] | None = None,
) -> list[Attribution]:
    """Attributions of one sentence, the main one first. ``names`` are the article's
    named-entity heads (see ``MentionIndex.names``); ``tokens`` = ``tuple(sent)`` if
    the caller has it (iterating a span builds every ``Token`` anew)."""
    doc = sent.doc
    hedge_tokens = {k for m in matches if m.label == "HEDGE" for k in range(m.start, m.end)}
    polls_seen: set[tuple[int, int]] = set()
    found: list[Attribution] = []
    verbs_used: set[int] = set()
    side: list[Token] = []  # verbs of a refusal or of a light verb + reporting noun
    for tok in sent if tokens is None else tokens:
        # (ints, not pos_/tag_ strings: this runs for every token of the article)
        if (
            tok.pos != VERB
            and (tok.tag != _NNS or (not _root_noun_verb(tok) and _noun_tag_name(tok) is None))
        ) or qmask[tok.i]:
            continue
        lemma = verb_lemma(tok, lex)
        if lemma in _REFUSALS or lemma in lex.utterance_light_verbs:
            side.append(tok)  # for _refusals and _light_utterances below
        if lemma in _SEEM and any(
            c.dep_ in ("xcomp", "acomp", "attr", "oprd")
            and c.i > tok.i
            # not "seemed to think / to confirm": the report is marked with its own verb
            and verb_lemma(c, lex) not in lex.reporting_verbs
            for c in tok.children
        ):
            # "Smith seemed irritated", "the race appears closer": the author's inference
            # (rule 4); the words are marked as a CUE, as evidence, with no source
            found.append(_evidence_passive(tok, "attr-verb-seeming"))
            continue
        speech = lemma in lex.speech
        stance = lemma in lex.stance and not speech
        inference = lemma in lex.present_inference
        if not (speech or stance or inference):
            continue
        if _concessive(tok) or _questioned(tok, sent, qmask):
            continue
        # "the summary suggests/indicates": in the present tense the inference is
        # usually the author's (rule 4); "an article suggested" reports the source's.
        present_inference = (
            inference
            and tok.tag_ not in ("VBD", "VBN")
            # "polls show that ...", "polls show a close race" (not "the video shows a man")
            and not _document_finding(tok, lex)
            and not _document_finding(tok, lex, with_object=True)
            and not _research_conclusion(tok, lex)
        )
        if present_inference and tok.tag_ == "VBG" and tok.dep_ in ("advcl", "conj"):
            # "..., even suggesting the count may have been rigged": the participle reports
            # what the main clause's subject said, in that clause's tense.
            present_inference = tok.head.tag_ not in ("VBD", "VBN")
        if present_inference and not any(
            c.dep_ == "nsubj"
            and (c.ent_type_ in ("PERSON", "ORG") or c.lower_ in ("he", "she"))
            for c in tok.children
        ):
            # ... but "Castañeda suggests that ...", "Gallup finds ...": a person's or an
            # organisation's suggestion or finding is their own.
            continue
        if not _particle_ok(tok, lex):
            continue
        if lemma in lex.not_with_particle and any(c.dep_ == "prt" for c in tok.children):
            continue  # "backed out", "backed down": not backing anyone
        # A report the author speculates about counts as hedged whatever its complement
        # ("will no doubt have sought an explanation", "will also have briefed Trump").
        doc_subject = lemma in lex.needs_document_subject
        if doc_subject and not any(
            c.dep_ == "nsubj" and c.lemma_.lower() in lex.documents for c in tok.children
        ):
            continue  # "the letter reads" reports its text; "Trump read the letter" does not
        # "Trump cited his endorsements": the object is what the source put forward
        object_only = (
            lemma in lex.object_is_content
            and not _has_clause(tok)
            and any(c.dep_ == "dobj" and not qmask[c.i] for c in tok.children)
        )
        if object_only and tok.dep_ == "advcl" and tok.tag_ == "VBG":
            h = tok.head
            if verb_lemma(h, lex) in lex.reporting_verbs or (
                h.dep_ == "ccomp" and verb_lemma(h.head, lex) in lex.reporting_verbs
            ):
                continue  # "said ..., citing the release of ...": a co-cue (_co_cues)
        conduit = _conduit(tok)
        if (
            not doc_subject
            and not conduit
            and lemma in lex.needs_clause
            and not object_only
            and not _has_clause(tok)
            and not _calls_something(tok)
            and not _document_finding(tok, lex, with_object=True)
            and not (speech and _hedged(tok, lex, hedge_tokens, qmask))
        ):
            continue
        # '"...," added a South Carolina Democrat.': after a closing quotation mark the
        # small model may read the inverted speaker as the verb's object
        inverted_obj = (
            next(
                (
                    c
                    for c in tok.children
                    if c.dep_ == "dobj" and c.left_edge.i == tok.i + 1 and not qmask[c.i]
                ),
                None,
            )
            if speech
            and tok.tag_ in ("VBD", "VBZ", "VBP")  # not '..., referencing the vote'
            and _close_quote_before(doc, tok.i)
            and not any(c.dep_ in _SUBJ for c in tok.children)
            else None
        )
        if (
            lemma in lex.not_with_object
            and inverted_obj is None
            and not _has_clause(tok)
            and any(c.dep_ == "dobj" and not qmask[c.i] for c in tok.children)
        ):
            continue  # "added a note of caution", "writing songs about him"
        if (
            lemma in lex.money_object_is_action
            and not _has_clause(tok)
            and any(c.dep_ == "dobj" and _is_money(c) for c in tok.children)
        ):
            continue  # "the EU has pledged EUR 1.8bn in support": giving money, an action
        if _court_ruling(tok, lemma, lex):
            continue  # "the judge dismissed two of the counts": a ruling, an action (rule 7)
        if (
            lemma == "add"
            and not _has_clause(tok)
            and any(
                c.dep_ == "prep" and c.lower_ == "to" and c.i == tok.i + 1 for c in tok.children
            )
        ):
            continue  # "is adding to her lead": increasing it, nothing reported
        if lemma in lex.clause_not_infinitive and not _has_clause(tok, infinitive=False):
            continue  # "supporters continue to show signs": not "he continued: ..."
        if _hypothetical_causative(tok):
            continue  # "it should make any journalist ask ...": nobody has asked
        if _naming_participle(tok, lex) or _credit_of_named_work(tok):
            continue  # "a play called “Sons of Trump”": the name of a thing
        if stance and _conditional(tok):
            continue  # "If parliament rejects the deal, ...": a stance nobody holds yet
        if _byline_report(tok, lex):
            continue  # "Smith reported from Kabul.": a credit line, nothing reported
        if speech and _asked_without_content(tok, qmask):
            continue  # "How many more times does Ankara have to say this?": asks
        # "what was not disclosed by Ushakov", "has not said when", "declined to
        # comment", "has not endorsed": the author reports an absence of speech or of a
        # stance. Not an attribution, but the would-be source and the words are marked
        # as evidence.
        negated = any(
            (c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ in lex.rarity_adverbs))
            and not qmask[c.i]
            for c in tok.children
        ) or _none_said(tok)
        refusal = _refusal(tok) if speech else None
        withheld = negated or refusal is not None
        if stance and any(c.lower_ in _WH and c.dep_ not in _SUBJ for c in tok.children):
            continue  # "what opinions Trump expressed": the stance is not given
        if any(c.dep_ == "advmod" and c.lower_ == "how" for c in tok.children) and not (
            _colon_quote_after(tok)
        ):
            # "it's remarkable how they talked about everything": the manner; but "That
            # is how Lavrov put it: “...”" hands over to the quote
            continue
        # "Smith seemed to think ...", "appears to believe": the author infers the
        # stance (rule 4); marked as evidence of it, for the subject of "seem"
        seeming = (
            stance
            and tok.dep_ == "xcomp"
            and tok.head.lemma_.lower() in _SEEM
            and tok.head.i < tok.i
            and any(c.dep_ in ("ccomp", "dobj") for c in tok.children)
        )
        if (
            stance
            and not seeming
            and tok.tag_ == "VB"
            and any(c.lower_ == "to" for c in tok.children)
        ):
            continue  # "to get Trump to think", "intend to support": not a stance held
        if speech and _content_co_verb(tok, lex):
            continue  # "said Gates was ... and said ...": a further cue (_co_cues)
        if _label_before_colon(tok):
            continue  # "What they're saying: ..." heads a paragraph as a label does
        # "Putin hopes to use this as a bridge": an aim the author ascribes, marked as
        # evidence only (it does not make the sentence attributed, rule 7).
        aim = stance and _intention_only(tok)
        if aim and lemma in _REFUSALS and any(
            c.dep_ == "xcomp" and verb_lemma(c, lex) in lex.speech for c in tok.children
        ):
            continue  # "refused to say": marked with its speech verb (_refusal)
        if lemma in lex.aims_only and not aim:
            continue  # "plans a new factory": a plan, not a stance; "plans to ..." an aim
        # Stance verbs need their own subject: "intend to support" is a plan, not a stance.
        # ... but a participle's subject is its head's: "Sanders pushed back, questioning
        # Clinton's judgment" states Sanders's stance
        subj, agentless = _subject(
            tok,
            climb=not stance
            or seeming
            or (tok.dep_ == "advcl" and tok.tag_ == "VBG")
            # "The embassy issued a statement condemning the move": the statement's
            # issuer holds the stance
            or (
                tok.dep_ == "acl"
                and tok.tag_ == "VBG"
                and tok.head.lemma_.lower() in lex.documents
                and tok.head.dep_ == "dobj"
                # not "will follow Clinton's speech denouncing ...": someone else's
                and not any(c.dep_ == "poss" for c in tok.head.children)
            ),
        )
        if (
            agentless
            and lemma in lex.expectation_passives
            and any(c.dep_ == "xcomp" for c in tok.children)
        ):
            # "Trump is (not) expected to speak tonight": an expectation held by unnamed
            # people; the words are marked, the sentence keeps its label
            found.append(_evidence_passive(tok, "attr-verb-expectation-passive"))
            verbs_used.add(tok.i)
            continue
        if (
            stance
            and subj is not None
            and subj.head.dep_ == "agent"
            and subj.head.head.i == tok.i
            and lemma not in lex.person_object_is_action
            and lemma not in lex.aims_only
            and lemma != "feel"  # "the downturn was felt by residents": undergone
            and not qmask[subj.i]
            and can_be_source(subj, lex)
        ):
            # "the plan was denounced by the union", "has been endorsed by the Times": the
            # agent's stance, marked as evidence (the sentence is about what it is on)
            found.append(
                Attribution(
                    (tok.i, tok.i + 1),
                    source_bounds(subj),
                    subj.i,
                    "attr-verb-stance-agent",
                    stance=True,
                    depth=_depth(tok),
                    evidence_only=True,
                )
            )
            verbs_used.add(tok.i)
            continue
        if stance and (agentless or any(c.dep_ == "agent" for c in tok.children)) and not (
            # "The Kremlin is believed to be monitoring ...": hearsay with no source
            # (rule 6, vague), like "is said to"
            agentless
            and lemma in _AGENTLESS
            and any(
                c.dep_ in ("xcomp", "ccomp") or (c.dep_ == "prep" and c.lower_ == "of")
                for c in tok.children
            )
        ):
            continue  # "was welcomed by Putin" reports an event, not a stance
        if lemma in lex.needs_as and not any(c.lower_ == "as" for c in tok.children):
            continue  # "sees Iran as a hotbed" is a stance; "has seen a meeting" is not
        person_action = (
            stance
            and lemma in lex.person_object_is_action
            and any(c.dep_ == "dobj" and c.ent_type_ == "PERSON" for c in tok.children)
            and not any(c.dep_ == "oprd" or c.lower_ == "as" for c in tok.children)
        )
        if person_action and lemma not in lex.private_states:
            continue  # "Putin welcomes Pompeo": an action; "hailed Trump as ..." a verdict
        # "The union supports Clinton": backing a candidate is a position, marked as
        # evidence, but not a stance on a claim that would attribute the sentence
        aim = aim or person_action

        if subj is None and not agentless and inverted_obj is not None:
            subj = inverted_obj
        if subj is None and not agentless and speech:
            subj = _noun_right_before(tok, lex)
        if subj is not None and qmask[subj.i] and not qmask[tok.i] and tok.tag_ == "VBG":
            # "Clinton seemed ready to riff, telling the crowd, “Some people get ...”":
            # the parser hangs the participle on the quoted verb; the speaker is the
            # subject of the clause the participle follows, not one inside the quotation
            subj = _main_subject_before(tok, qmask)
        if subj is None and not agentless:
            continue
        if subj is not None and _not_said(subj, tok):
            continue  # "daring him to say ...", "I hope America says ...": nothing said
        if subj is not None and _own_text(subj, lex):
            continue  # "This commentary argues that ...": the author, not a source
        if subj is None and agentless and lemma in lex.question_passives and not withheld:
            # "Clinton was asked about the border": a question put by unnamed people;
            # nothing is reported as said, so the words are marked as evidence only
            found.append(_evidence_passive(tok, "attr-verb-question-passive"))
            verbs_used.add(tok.i)
            continue
        if subj is None:
            # Only verbs that report a rumour or charge make an agentless passive a
            # (vague) source: "has been accused", "is said", not "more was revealed".
            if lemma not in _AGENTLESS or _subordinate(tok) or withheld:
                continue  # "the same could not be said": no hearsay either
            found.append(
                Attribution(
                    (tok.i, tok.i + 1),
                    None,
                    None,
                    "attr-verb-agentless-passive",
                    kind_hint="vague",
                    depth=_depth(tok),
                )
            )
            verbs_used.add(tok.i)
            continue
        if _dateline_place(subj):
            # "HELSINKI, Jan. 15, 2025 /PRNewswire/ -- Example Alliance ... announced":
            # the parser takes a dateline's place for the subject; the speaker is the
            # noun phrase after the dateline's dash
            subj = _after_dateline(subj, tok)
            if subj is None:
                continue
        # "Venezuela – Ushakov reiterated": a topic label before a dash is parsed as the
        # subject with the speaker in apposition.
        appos = [c for c in subj.children if c.dep_ == "appos" and c.ent_type_ == "PERSON"]
        tag_name = None
        if appos and subj.ent_type_ != "PERSON":
            subj = appos[0]
        elif tok.dep_ == "parataxis":
            # "To understand the real X, Chief Justice Roberts said, one should ...",
            # "Clinton, a top aide said, is ...": a tag set off by commas; the parser takes
            # the speaker for an apposition of the noun before the comma. The mention next
            # to the verb speaks.
            near = [
                c
                for c in subj.children
                if c.dep_ == "appos"
                and c.right_edge.i + 1 == tok.i
                and doc[c.left_edge.i - 1].text == ","
                and can_be_source(c, lex)
            ]
            if near:
                subj = tag_name = near[-1]
        as_phrase = next(
            (c for c in subj.children if c.dep_ == "prep" and c.lower_ == "as"), None
        )
        if as_phrase is None and subj.i < tok.i:
            # ... or on the verb itself, between the subject and the verb
            as_phrase = next(
                (
                    c
                    for c in tok.children
                    if c.dep_ == "prep" and c.lower_ == "as" and subj.i < c.i < tok.i
                ),
                None,
            )
        if as_phrase is not None and as_phrase.right_edge.i + 1 == tok.i:
            # "The island, as one of his advisers pointed out, ...": the parser hangs the
            # as-clause's subject on the main subject; it is the speaker.
            inner = next((c for c in as_phrase.children if c.dep_ == "pobj"), None)
            if inner is not None and can_be_source(inner, lex):
                subj = inner
        relative = _relative_antecedent(subj, tok)
        if (
            relative is None
            and subj.lower_ == "it"
            and speech
            and subj.head.i == tok.i
            and tok.tag_ in ("VBD", "VBZ", "VBP")
            and _has_clause(tok)
        ):
            # '"...," it added.', 'It says the campaign violated the law': "it" stands
            # for the outlet, body or document named just before.
            ante = _it_antecedent(subj, lex, qmask)
            if ante is None:
                continue
            head = ante
            bounds = (subj.i, subj.i + 1)
        elif relative is not None:
            # "McConnell, who in 2010 said ...": the SOURCE span is the relative pronoun
            # (the mention in this clause), the source its antecedent, as for "he said".
            if not can_be_source(relative, lex) and not (
                # "a contractor who said he was never paid": as for a subject, whatever
                # common noun says something with reported content
                lemma in lex.any_noun_speaks
                and relative.pos_ == "NOUN"
                and _has_clause(tok, infinitive=False)
            ):
                continue
            head = relative
            # "many of whom say": the partitive is the mention
            bounds = (subj.i, subj.i + 1) if subj.lower_ in _RELATIVE else source_bounds(subj)
        elif not can_be_source(subj, lex) and not (
            # "Hannity asked Trump how ...", "Giles tried ... and said ...": a name the
            # small model tags as a common noun at the start of a sentence, known as a
            # name from elsewhere in the article
            subj.is_title
            and subj.pos_ == "NOUN"
            and subj.lower_ in names
            and not qmask[subj.i]
        ) and not (
            # "..., the airline added, ...": whatever common noun a parenthetical speech
            # tag names is its source
            speech
            and subj.pos_ == "NOUN"
            and not qmask[subj.i]
            and _parenthetical_tag(tok)
            and subj.head.i == tok.i
            # set off before the subject, not between it and the verb ("The jet, often
            # referred to as ...": the subject's own participle)
            and subj.left_edge.i > 0
            and doc[subj.left_edge.i - 1].text == ","
            and not any(t.is_punct for t in doc[subj.right_edge.i + 1 : tok.i])
        ) and not (
            # '"Mexico!" the audience screamed back.': whatever noun a speech tag right
            # after a quotation names is its source
            speech
            and subj.pos_ == "NOUN"
            and subj.dep_ == "nsubj"
            and subj.head.i == tok.i
            and not qmask[subj.i]
            and _tag_after_quote(tok)
        ) and not (
            # '"...," said the 46-year-old.': whoever an inverted tag right after a
            # quotation names is its source
            speech
            and subj.dep_ == "nsubj"
            and subj.head.i == tok.i
            and subj.left_edge.i == tok.i + 1
            and subj.pos_ != "PRON"
            and not qmask[subj.i]
            # right after the closing quotation mark, before its subject
            and _close_quote_before(doc, tok.i)
        ) and not (
            # "research conducted by X found that ...", "the average of polls shows Y
            # ahead": a study's or a poll average's finding is reported
            _document_finding(tok, lex, with_object=True)
            and subj.head.i == tok.i
        ) and not (
            # "Many conservatives have said ...", "the airline said Thursday": whatever
            # common noun says or tells something is its source
            lemma in lex.any_noun_speaks
            # "Nearly nine out of 10 say ...": a share of those polled
            and (subj.pos_ == "NOUN" or (subj.pos_ == "NUM" and subj.head.i == tok.i))
            and subj.dep_ == "nsubj"
            # its own subject, not one borrowed by "and warned" ... but a participle
            # after a comma reports for its clause's subject ("One aide tried to play it
            # down, saying ...")
            and (subj.head.i == tok.i or (tok.dep_ == "advcl" and tok.tag_ == "VBG"))
            and not qmask[subj.i]
            # with reported content: not "the ease of the victory says a lot"
            and _has_clause(tok, infinitive=False)
        ):
            continue
        else:
            head = subj
            bounds = source_bounds(subj)
            close = [
                k
                for k in range(bounds[0], subj.i)
                if doc[k].text in _QUOTE_ENDS and k > 0 and doc[k - 1].text in (",", "?", "!")
            ]
            if close:
                # a name the parser took into the quotation before it: the mention
                # starts after the closing mark (and its comma)
                bounds = (close[-1] + 1 + (doc[close[-1] + 1].text == ","), bounds[1])
            if subj.lower_ == "those":
                # "those close to him": the modifier is what identifies them
                bounds = (subj.i, subj.right_edge.i + 1)
            elif subj.pos_ == "NUM" and subj.right_edge.i < tok.i:
                # "nearly nine out of 10": the share is the whole phrase
                bounds = (subj.left_edge.i, subj.right_edge.i + 1)
        if (
            subj.dep_ not in _SUBJ
            and subj.head.dep_ != "agent"
            and subj.i + 1 == tok.i
            and subj is not tag_name
        ):
            bounds = (subj.i, subj.i + 1)  # a name swallowed by the phrase before it
        if stance:
            # Rule 7: a stance verb attributes only for a public figure or body, and only
            # when it states a stance (has an object or clause), not with a hedge modal.
            pb = mention_bounds(head) if head.i != subj.i else bounds
            public = is_public(doc, pb[0], pb[1], lex, names) or (
                lemma not in lex.feelings and speaks_for_a_profession(doc, pb[0], pb[1], lex)
            )
            private = not public and not is_personal_pronoun(subj)
            if private and (lemma not in lex.private_states or relative is not None):
                # "residents, who fear that ...": a private state in a relative clause is
                # an aside about people who are not public figures; not marked
                continue
            if not any(
                c.dep_ in ("dobj", "ccomp", "xcomp", "oprd", "prep", "attr") for c in tok.children
            ) and not _parenthetical_tag(tok):
                # ("Such a move, his advisers believe, would ...": the clause around a
                # tag set off by commas is the view held)
                continue
            if any(
                c.dep_ == "aux" and c.lower_ in lex.hedge_modals and not qmask[c.i]
                for c in tok.children
            ):
                continue
        # "he will find that ...": a finding the author predicts is the author's (rule 4)
        hedged = (speech or inference) and (
            _hedged(tok, lex, hedge_tokens, qmask) or _demanded(tok, qmask)
        )
        rule = f"attr-verb-{'stance' if stance else 'speech'}"
        clear = make_clear(tok) if lemma == "make clear" else None
        found.append(
            Attribution(
                (
                    # "declined to comment", "seemed to think": the whole phrase
                    refusal.i if refusal is not None else tok.head.i if seeming else tok.i,
                    tok.i + 1 if clear is None else clear.i + 1,
                ),
                bounds,
                head.i,
                rule,
                hedged=hedged,
                stance=stance,
                depth=_depth(tok),
                subordinate=_subordinate(tok),
                relative=relative is not None and not _published_finding(relative, tok, lex),
                # "cancelled the rally, citing the storm": the reason stated for an action
                evidence_only=(stance and (aim or private or seeming or _absolute_with(tok)))
                # "Rubio sought to present himself as ...": an attempt, an action (rule 7)
                or (lemma in lex.speech_aims and _intention_only(tok))
                or (object_only and tok.tag_ == "VBG" and tok.dep_ == "advcl")
                or _asked_by(tok)
                or withheld,
            )
        )
        verbs_used.add(tok.i)
    found.extend(_misparsed_verbs(sent, lex, qmask, names, verbs_used, tokens))
    found.extend(_finding_tags(sent, lex, qmask, verbs_used, tokens))
    taken = verbs_used | {a.cue[0] for a in found}
    found.extend(_document_reports(sent, lex, qmask, taken, tokens))
    found.extend(_refusals(sent, lex, qmask, taken, side))
    found.extend(_light_utterances(sent, lex, qmask, taken, side))
    found.extend(_adjective_stances(sent, lex, qmask, tokens))
    found.extend(_possessive_nouns(sent, lex, qmask, tokens))
    found.extend(_stance_nouns(sent, lex, qmask, tokens))
    found.extend(_possessive_positions(sent, lex, qmask, names, tokens))
    found.extend(_name_colon(sent, qmask, names, lex))
    found.extend(_dash_signature(sent))
    for m in matches:
        if m.label == "PHRASE_SOURCE_AFTER":
            speaker = _interview_speaker(doc[m.start], lex, qmask, m)
            if speaker is not None and any(a.source_head == speaker.i for a in found):
                continue  # "X said in an interview with CNN": "said" is the cue
            if speaker is None and _phrase_on_cue(doc, m, found):
                continue  # "the adviser said in an interview with ABC's X": likewise
            if speaker is not None:
                found.append(
                    Attribution(
                        (m.start, m.end),
                        source_bounds(speaker),
                        speaker.i,
                        m.rule_id,
                        depth=_depth(doc[m.start]) + 1,
                    )
                )
                continue
            last = doc[m.end - 1]
            if (
                m.rule_id == "attr-in-interview"
                and last.lower_ in ("with", "to")
                and not any(t.lemma_.lower() == "ask" for t in tokens or sent)
            ):
                # "defended Cruz in an interview with The Post", "who lamented in an
                # interview with <editor>": the outlet or audience only heard it; with no
                # speaker found, the phrase names no source (but in "In an interview with
                # the Post, Trump was asked ...", the Post asked the question)
                continue
            pobj = next((c for c in last.children if c.dep_ == "pobj"), None)
            if pobj is None:
                pobj = next((c for c in last.children if c.dep_ == "pcomp"), None)
            if pobj is None or qmask[pobj.i]:
                continue
            if pobj.pos_ == "VERB" and pobj.tag_ == "VB" and not any(
                c.dep_ in _SUBJ for c in pobj.children
            ):
                # "according to show insiders": a noun compound misread as a bare verb
                # and its object; the object heads the source.
                obj = next((c for c in pobj.children if c.dep_ == "dobj"), None)
                if obj is not None and can_be_source(obj, lex):
                    b0, b1 = mention_bounds(obj)
                    found.append(
                        Attribution(
                            (m.start, m.end),
                            (min(pobj.i, b0), b1),
                            obj.i,
                            m.rule_id,
                            depth=_depth(doc[m.start]) + 1,
                        )
                    )
                    continue
            if (pobj.lower_ in _WH and not is_acronym(pobj)) or pobj.pos_ == "VERB":
                # "according to what Tillerson and Lavrov volunteered": the clause's subject.
                inner = next(
                    (t for t in pobj.subtree if t.dep_ in ("nsubj",) and can_be_source(t, lex)),
                    None,
                )
                if inner is None:
                    continue
                pobj = inner
            if not can_be_source(pobj, lex) and not (
                # "according to the results / a count by AP / one research firm": the
                # phrase makes whatever it names the source
                m.rule_id == "attr-according-to"
                and pobj.lower_ not in ("it", "this", "that", "what")
                and (
                    pobj.pos_ == "PROPN"
                    or (
                        (
                            pobj.pos_ == "NOUN"
                            # "the RealClearPolitics polling average": a noun the small
                            # model tags as an adjective, with its compounds
                            or (
                                pobj.pos_ == "ADJ"
                                and any(c.dep_ == "compound" for c in pobj.children)
                            )
                        )
                        # not a bare noun: "according to plan", "according to schedule"
                        and (
                            pobj.tag_ == "NNS"
                            or any(
                                c.dep_ in ("det", "poss", "compound", "amod", "nummod")
                                for c in pobj.children
                            )
                        )
                    )
                )
            ):
                continue
            bounds = mention_bounds(pobj)
            if pobj.lemma_.lower() in lex.documents:
                # "per a report by Politico", "according to a study by Pew": the author
                # is part of the document's name
                by = next((c for c in pobj.children if c.dep_ == "prep" and c.lower_ == "by"), None)
                if by is not None and by.right_edge.i + 1 - bounds[0] <= 14:
                    bounds = (bounds[0], max(bounds[1], by.right_edge.i + 1))
            publisher = _publisher(pobj, lex, qmask)
            if publisher is not None:
                pobj, bounds = publisher, mention_bounds(publisher)
            found.append(
                Attribution(
                    (m.start, m.end),
                    bounds,
                    pobj.i,
                    m.rule_id,
                    depth=_depth(doc[m.start]) + 1,
                )
            )
            found.extend(_inner_speaker(pobj, lex, qmask, (m.start, m.end), bounds))
        elif m.label == "PHRASE_PER":
            # "..., per CTV News.", "per the Post": like "according to", mid-sentence too;
            # not "per person", "per cent", "per speech" (a rate)
            pobj = next((c for c in doc[m.start].children if c.dep_ == "pobj"), None)
            if pobj is None or qmask[pobj.i] or pobj.like_num:
                continue
            lemma = pobj.lemma_.lower()
            if not (
                (pobj.pos_ == "PROPN" and pobj.ent_type_ not in ("DATE", "TIME", "MONEY"))
                or lemma in lex.media
                or (
                    lemma in lex.documents
                    and any(c.dep_ in ("det", "poss") for c in pobj.children)
                )
            ):
                continue
            found.append(
                Attribution(
                    (m.start, m.end),
                    mention_bounds(pobj),
                    pobj.i,
                    m.rule_id,
                    depth=_depth(doc[m.start]) + 1,
                )
            )
        elif m.label == "PHRASE_VIEW_OF":
            # "To Frank, issues of justice get attention only when ...", "To many, he is a
            # provocateur": the clause is how the person sees it (as "in Frank's view").
            # Marked as evidence: a view ascribed by the author does not attribute the
            # sentence (rule 7 wants a stance verb).
            pobj = next((c for c in doc[m.start].children if c.dep_ == "pobj"), None)
            if pobj is None or qmask[pobj.i]:
                continue
            after = pobj.right_edge.i + 1
            if after >= sent.end or doc[after].text != ",":
                continue  # "To the surprise of many ...", "To date ..."
            if not (
                pobj.ent_type_ in ("PERSON", "ORG", "NORP")
                or (pobj.pos_ == "PROPN" and pobj.ent_type_ not in ("DATE", "GPE", "LOC"))
                or pobj.lower_ in _VIEWERS
            ):
                continue
            found.append(
                Attribution(
                    (m.start, m.end),
                    source_bounds(pobj),
                    pobj.i,
                    m.rule_id,
                    depth=_depth(doc[m.start]) + 1,
                    evidence_only=True,
                )
            )
        elif m.label == "HEARSAY_ADVERB":
            # "The senator was reportedly furious", "allegedly paid bribes": the author
            # passes on what is said without naming who says it (rule 6: vague, like an
            # agentless passive). Only on a verb or a predicate ("was reportedly
            # furious"): "the allegedly corrupt official resigned" reports the
            # resignation, not the allegation.
            adv = doc[m.start]
            head = adv.head
            on_claim = head.pos_ in ("VERB", "AUX") or head.dep_ in ("acomp", "attr", "oprd")
            if qmask[adv.i] or adv.dep_ != "advmod" or not on_claim:
                continue
            found.append(
                Attribution(
                    (m.start, m.end),
                    None,
                    None,
                    m.rule_id,
                    kind_hint=m.kind or "vague",
                    depth=_depth(head),
                    # "shot after he allegedly brandished a pistol": the hearsay is in a
                    # side clause; the main assertion stays the author's (rule 1)
                    evidence_only=_subordinate(head),
                )
            )
        elif m.label == "IMPERSONAL":
            if any(c.dep_ == "agent" for c in doc[m.end - 1].children):
                continue  # "It was reported by Reuters that ...": the agent is the source
            # The phrase is the (vague) source: "It is a commonplace in the US and Europe".
            end = m.end
            nxt = doc[end] if end < sent.end else None
            if nxt is not None and nxt.dep_ == "prep" and nxt.lower_ in ("in", "among", "within"):
                end = max(end, nxt.right_edge.i + 1)
            found.append(
                Attribution(
                    (m.start, m.end),
                    (m.start, end),
                    None,
                    m.rule_id,
                    kind_hint=m.kind or "vague",
                    depth=_depth(doc[m.end - 1]),
                )
            )
        elif m.label == "PHRASE_POSSESSIVE":
            # "By Trump's own admission", "in his view": the possessor is the source.
            poss = next(
                (t for t in doc[m.start : m.end] if t.dep_ == "poss" and not qmask[t.i]), None
            )
            if poss is None or not can_be_source(poss, lex):
                continue
            if not _set_off(doc, sent, m):
                continue
            b0, b1 = mention_bounds(poss)
            if doc[b1 - 1].tag_ == "POS":
                b1 -= 1
            if b1 <= b0:
                continue
            found.append(
                Attribution(
                    (m.start, m.end),
                    (b0, b1),
                    poss.i,
                    m.rule_id,
                    depth=_depth(doc[m.end - 1]) + 1,
                )
            )
        elif m.label == "PHRASE_SUBJECT_SOURCE":
            # "In a statement issued Tuesday, Senator X was more circumspect": the phrase
            # attributes the main clause to its subject.
            root = sent.root
            subj = next((c for c in root.children if c.dep_ == "nsubj"), None)
            if (
                subj is None
                or subj.i < m.end
                or qmask[subj.i]
                or doc[m.start].head.i == subj.i
                or not (
                    subj.ent_type_ in ("PERSON", "ORG", "GPE", "NORP")
                    or subj.pos_ == "PROPN"
                    or subj.lower_ in ("he", "she", "they")
                    or subj.lemma_.lower() in lex.sayers
                )
            ):
                continue
            if any(a.source_head == subj.i and not a.aside for a in found):
                continue  # "In a statement, X said ...": "said" is the cue
            found.append(
                Attribution(
                    (m.start + 1, m.end),
                    source_bounds(subj),
                    subj.i,
                    m.rule_id,
                    depth=_depth(doc[m.start]) + 1,
                )
            )
        elif m.label == "PHRASE_IN_POLL":
            # "In this poll, Trump rose ...", "Clinton held a lead in a CNN poll": the poll
            # the result comes from is its source (like "according to the poll"); not
            # "a lead in the polls", a standing rather than a poll's finding, nor
            # "took part in a survey".
            poll = doc[m.end - 1]
            prep = doc[m.start]
            if (
                poll.dep_ != "pobj"
                or prep.head.lemma_.lower() in ("participate", "part")
                or any(c.dep_ == "dobj" and c.lower_ == "part" for c in prep.head.children)
                or poll.head.i != prep.i
                or prep.dep_ != "prep"
                or qmask[poll.i]
                or (m.start, m.end) in polls_seen
            ):
                continue
            if poll.tag_ in ("NNS", "NNPS") and not any(
                c.dep_ == "acl" or (c.dep_ == "prep" and c.lower_ in ("from", "by", "of"))
                for c in poll.children
            ):
                continue  # "a lead in the polls": a standing; "polls taken in May": polls
            polls_seen.add((m.start, m.end))
            found.append(
                Attribution(
                    (prep.i, prep.i + 1),
                    mention_bounds(poll),
                    poll.i,
                    m.rule_id,
                    kind_hint="media",
                    depth=_depth(prep) + 1,
                )
            )
        elif m.label == "QUOTED_AS":
            quoted = doc[m.start + 1]
            subj = next((c for c in quoted.children if c.dep_ in _SUBJ), None)
            if subj is not None and can_be_source(subj, lex):
                found.append(
                    Attribution(
                        (m.start, m.end),
                        mention_bounds(subj),
                        subj.i,
                        m.rule_id,
                        depth=_depth(quoted),
                    )
                )
    for n, a in enumerate(found):
        cue = doc[a.cue[0]]
        if a.rule_id != "attr-verb-speech" or not _conduit(cue):
            continue
        if any(b is not a and b.source_head == cue.head.i and not b.aside for b in found):
            # "Orban, quoted by RIA Novosti, called ...": Orban speaks; the outlet that
            # carried it is marked, as evidence
            found[n] = replace(a, evidence_only=True)
        elif a.source_head is not None and (
            doc[a.source_head].pos_ == "PROPN"
            or doc[a.source_head].lemma_.lower() in lex.media
        ):
            # "The measures, cited by TASS, include ...": what the sentence says comes
            # from the outlet
            found[n] = replace(a, subordinate=False, depth=_depth(cue.head))
    found.extend(_co_cues(doc, found, lex, qmask))
    # The main assertion usually comes first: prefer plain speech over stance verbs,
    # then the earliest cue.
    found.sort(
        key=lambda a: (
            a.evidence_only,
            a.hedged,
            a.source is None,
            a.stance,
            a.rule_id in ("attr-in-interview", "attr-in-statement-subject"),
            a.depth > 2,
            a.cue[0],
        )
    )
    return found
