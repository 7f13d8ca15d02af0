"""Source mentions: the span of a mention, its fullest form in the article, its kind.

Pure functions over a parsed ``Doc``; token indices are doc-level, end-exclusive.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import numpy
from spacy.attrs import DEP, IS_ALPHA, IS_TITLE, IS_UPPER, LOWER, POS, SENT_START
from spacy.strings import get_string_id
from spacy.symbols import NOUN, PROPN
from spacy.tokens import Doc, Span, Token

from .lexicons import Lexicons, lexicons

# Left dependents that belong to a noun mention ("Russian Deputy Foreign Minister X").
_LEFT_DEPS = frozenset(
    {"det", "poss", "compound", "amod", "nummod", "nmod", "quantmod", "predet", "case"}
)
# "preamble of Resolution 2254": the document is the pobj, not the part.
_PART_NOUNS = frozenset(
    {"preamble", "text", "part", "section", "paragraph", "passage", "terms", "wording", "language"}
)
# Possessives ("in his view", "by their own account") resolve like their subject forms.
_PERSONAL = frozenset({"he", "she", "they", "him", "her", "them", "his", "their"})
_NON_SOURCE = frozenset(
    {
        "i",
        "we",
        "you",
        "me",
        "us",
        "it",
        "this",
        "that",
        "these",
        "those",
        "which",
        "what",
        "who",
        "one",
        "there",
        "here",
        "all",
        "both",
        "each",
        "something",
        "anything",
        "everything",
        "nothing",
    }
)
_ENT_SOURCE = frozenset({"PERSON", "ORG", "GPE", "NORP"})
# Shares of a group that speak for it: "half (of voters) said", "some say".
_SHARES = frozenset(
    {
        "half",
        "third",
        "thirds",
        "quarter",
        "quarters",
        "fifth",
        "fifths",
        "majority",
        "majorities",
        "plurality",
        "percent",
        "%",
        "most",
        "many",
        "some",
        "several",
        "others",
    }
)
MAX_MENTION = 14
# Sentence connectives the parser sometimes takes into the first name of a sentence.
_CONNECTIVES = frozenset(
    {"meanwhile", "however", "separately", "instead", "moreover", "furthermore", "still"}
)
_AGENT_SUFFIXES = (
    "er", "or", "ist", "ian", "ant", "ent", "ee", "crat", "ican", "sman", "swoman", "sperson"
)


def mention_bounds(
    head: Token, *, with_conj: bool = True, with_prep: bool = True
) -> tuple[int, int]:
    """Token bounds of the noun mention headed by ``head``.

    Takes the left modifiers (titles, possessives, determiners), coordinated heads
    ("Tillerson and Lavrov") and an ``of``/``in`` phrase, but not relative clauses,
    appositions or participles, which describe the source rather than name it.
    """
    start = head.i
    end = head.i + 1
    doc = head.doc
    for child in reversed(list(head.lefts)):
        if child.dep_ in _LEFT_DEPS and not (child.dep_ == "amod" and child.pos_ == "VERB"):
            if child.dep_ in ("nmod", "compound", "poss") and any(
                doc[t].text == "," for t in range(child.i + 1, start)
            ):
                # "In an interview with RT, political analyst X said": a modifier set
                # off by a comma belongs to something else (the parser's nmod)
                break
            start = min(start, child.left_edge.i)
    for child in head.rights:
        if (
            with_prep
            and child.dep_ == "prep"
            and (
                child.lower_ in ("of", "in", "from", "at")
                or (child.lower_ == "for" and _role_head(head))
            )
            # a noun after the preposition: "accused by the opposition of lying" names
            # the charge, not the opposition
            and any(c.dep_ == "pobj" for c in child.children)
        ):
            described = _described_end(child)
            if child.right_edge.i + 1 - start <= MAX_MENTION or (
                described - start <= MAX_MENTION and doc[described - 1].text == ","
            ):
                # a long relative clause set off by a comma does not make the phrase
                # too long: "one of the diplomats, who spoke on condition of anonymity
                # because ..." keeps "of the diplomats"
                end = max(end, described)
        elif with_conj and child.dep_ == "conj" and child.pos_ in ("PROPN", "NOUN"):
            s, e = mention_bounds(child, with_conj=True, with_prep=False)
            end = max(end, e)
        elif child.dep_ in ("compound", "nummod") or (child.pos_ == "NUM" and child.i == end):
            end = max(end, child.right_edge.i + 1)  # "Resolution 2254"
        elif (
            child.dep_ == "appos"
            and child.i == child.right_edge.i
            and child.left_edge.i == end
            and child.pos_ == "PROPN"
            and head.pos_ == "NOUN"
            and child.ent_type_ not in ("DATE", "TIME")
        ):
            # "the consultancy Wood Mackenzie", "the pollster YouGov": a name right after
            # the common noun, with no comma, is the source's name (a comma sets off a
            # description, which stays out)
            end = child.i + 1
    while start < end - 1 and (
        doc[start].is_punct or doc[start].is_space or doc[start].lower_ in _CONNECTIVES
    ):
        start += 1  # "Meanwhile ZeroHedge reports": the parser's compound
    while (
        start < end - 2
        and doc[start].ent_type_ in ("DATE", "TIME")
        and doc[start].pos_ == "PROPN"
        and doc[start + 1].pos_ == "PROPN"
        and doc[start + 1].ent_type_ not in ("DATE", "TIME")
        and any(t.ent_type_ == "PERSON" for t in doc[start + 1 : end])
    ):
        # "On Thursday Secretary of State Mike Pompeo told ...": with no comma after
        # the day, the parser runs it into the name (a title such as "Monday Morning
        # Quarterback" or "Sunday Times" names no person and stays whole)
        start += 1
    while end - 1 > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return start, end


def _role_head(head: Token) -> bool:
    """Is the head a word for someone who speaks for a body ("a spokeswoman for the
    ministry", "the minister for foreign affairs", "the envoy for Syria")? Then "for"
    names what they speak for, part of the mention; after other nouns it is not
    ("calls for restraint", "support for the plan")."""
    lemma = head.lemma_.lower()
    lex = lexicons()
    return (
        lemma in lex.official
        or lemma in lex.person_nouns
        or lemma in lex.person_roles
        or lemma in lex.anonymous_heads
    )


def speaks_for_a_profession(doc: Doc, start: int, end: int, lex: Lexicons) -> bool:
    """ "Analysts believe ...", "Economists expect ...": a bare plural of experts holds
    its profession's view, a vague source (rule 6) for stance verbs other than
    feelings ("Many experts suspect ..." stays a private state)."""
    return any(t.tag_ == "NNS" and t.lemma_.lower() in lex.expert for t in doc[start:end])


def _described_end(tok: Token) -> int:
    """End of ``tok``'s subtree short of a relative clause or participle inside it:
    "the senator from Ohio, who chairs ..." ends at "Ohio". (Appositions stay: the
    parse often hangs the source's name on the place, "His partner at Lenox, Sam Cole".)"""
    end = tok.right_edge.i + 1
    for t in tok.subtree:
        if t.i > tok.i and t.dep_ in ("relcl", "acl"):
            end = min(end, t.left_edge.i)
    return end


def document_of(head: Token) -> Token:
    """For a part noun ("the preamble of X"), the document it is part of."""
    if head.lemma_.lower() in _PART_NOUNS:
        for child in head.rights:
            if child.dep_ == "prep" and child.lower_ == "of":
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        return pobj
    return head


def is_personal_pronoun(tok: Token) -> bool:
    return tok.lower_ in _PERSONAL


def source_bounds(tok: Token) -> tuple[int, int]:
    """The SOURCE span of a mention in its sentence: a personal pronoun alone ("he"),
    else the whole mention (``mention_bounds``)."""
    return (tok.i, tok.i + 1) if is_personal_pronoun(tok) else mention_bounds(tok)


def is_acronym(tok: Token) -> bool:
    """Is the token an organisation's initials spelled like a pronoun ("the WHO said",
    "according to the WHO", "WHO officials")? All capitals, in a sentence that is not
    itself in capitals (a shouted headline's "WHO" is the pronoun), and tagged as a
    name or as the modifier of a noun. Not a place ("the US"): a country as subject
    brings in its decisions ("the US expelled diplomats and announced tariffs"), which
    the speech verbs would read as reports; that is left as it was."""
    if not (tok.is_upper and tok.is_alpha and len(tok) > 1) or tok.ent_type_ == "GPE":
        return False
    if tok.pos_ != "PROPN" and tok.dep_ != "compound":
        return False
    doc = tok.doc
    near = doc[max(tok.i - 3, 0) : tok.i + 4]
    return any(t.is_alpha and not t.is_upper for t in near)


def can_be_source(tok: Token, lex: Lexicons) -> bool:
    """A subject that can be a source: a noun or personal pronoun, not "it"/"this"/"I"."""
    if tok.lower_ == "those" and any(
        c.dep_ in ("amod", "acl", "relcl", "prep") for c in tok.children
    ):
        return True  # "those close to him", "those familiar with the talks": unnamed people
    share = tok.lower_ in _SHARES
    if tok.lower_ in ("one", "each", "all", "both") or tok.pos_ == "NUM" or share:
        # "one of his advisers", "two of the senators", "46 percent of voters": the group
        # named after "of"
        for prep in tok.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                if pobj is not None and pobj.lower_ not in _NON_SOURCE:
                    return can_be_source(pobj, lex)
        # "Nearly half said ...", "42% say ...", "Six in 10 say ...": a share of the people
        # asked (a poll's respondents); "Some say ...": a vague source (rule 6)
        if share or (
            tok.pos_ == "NUM" and any(c.dep_ == "prep" and c.lower_ == "in" for c in tok.children)
        ):
            return True
        alone = not tok.n_lefts + tok.n_rights
        if tok.lower_ in ("each", "both") and tok.dep_ == "nsubj" and alone:
            # "Both vowed to be tougher", "each recognized ...": the people just named,
            # as a pronoun stands for them (not "all": "All told, ...")
            return True
    if tok.lower_ in _NON_SOURCE and not is_acronym(tok):
        return False
    if tok.ent_type_ in _ENT_SOURCE or tok.pos_ == "PROPN" or tok.lower_ in _PERSONAL:
        return True
    if (tok.pos_ == "PRON" or (tok.pos_ == "DET" and tok.dep_ == "nsubj")) and (
        tok.lower_ in lex.sayers
    ):
        # "someone asked ...", "everyone agreed ...", "one says ..., another says ...":
        # a vague source (rule 6)
        return True
    # A common noun speaks only if it names people, a body or a document: not
    # "the ease ... emphasizes", "no word is said", "italics added".
    if tok.pos_ == "NOUN":
        lemma = tok.lemma_.lower()
        return (
            lemma in lex.sayers
            or tok.lower_ in lex.sayers
            or (tok.is_title and not tok.is_sent_start)
            # Words for people by what they do: supporters, developers, economists,
            # residents, historians, protesters, employees.
            or lemma.endswith(_AGENT_SUFFIXES)
        )
    return False


def is_public(doc: Doc, start: int, end: int, lex: Lexicons, names: frozenset[str]) -> bool:
    """Is the mention a public figure or body (rule 7: stance verbs count only for them)?
    ``names`` are the lower-cased heads of the article's named entities."""
    for tok in doc[start:end]:
        if tok.ent_type_ in _ENT_SOURCE or tok.pos_ == "PROPN":
            return True
        # The small model tags a sentence-initial "Trump" as NOUN: trust capitalisation
        # when the same word is a named entity elsewhere in the article.
        if tok.is_title and tok.lower_ in names:
            return True
        if tok.lemma_.lower() in lex.official or tok.lemma_.lower() in lex.media:
            return True
    return False


# Lower-case name particles the small model tags as nouns ("Ursula von der Leyen").
_NAME_PARTICLES = frozenset(
    {"von", "der", "van", "den", "de", "da", "di", "du", "del", "dos", "al", "bin", "la", "le"}
)


def name_head(tok: Token) -> Token:
    """The last word of a proper name with particles that NER cuts short ("Ursula
    von" | "der Leyen"): the parse still chains such a name as compounds. Climbs
    only across name particles ("von", "der", "al"), so "the Trump administration"
    or "PolitiFact Executive Director Aaron Sharockman" stay apart from their first
    name."""
    doc = tok.doc
    while (
        tok.dep_ == "compound"
        and tok.i < tok.head.i <= tok.i + 3
        and all(doc[j].lower_ in _NAME_PARTICLES for j in range(tok.i + 1, tok.head.i))
        and (
            tok.head.lower_ in _NAME_PARTICLES
            or (tok.head.pos_ == "PROPN" and doc[tok.head.i - 1].lower_ in _NAME_PARTICLES)
        )
    ):
        tok = tok.head
    return tok


def gender_clash(pronoun: str, words: Iterable[str], lex: Lexicons) -> bool:
    """Do the words of a person's mention rule out the pronoun? "she" is not "Mr.
    Lavrov" or "the spokesman"; "he" is not "Ms. Zakharova". Names alone say nothing:
    there is no list of first names here."""
    p = pronoun.lower()
    if p in ("he", "him", "his"):
        clash = lex.gendered_words.get("female", frozenset())
    elif p in ("she", "her", "hers"):
        clash = lex.gendered_words.get("male", frozenset())
    else:
        return False
    return any(w.lower() in clash for w in words)


_PRONOUN_GENDER = {
    "he": "male",
    "him": "male",
    "his": "male",
    "himself": "male",
    "she": "female",
    "her": "female",
    "hers": "female",
    "herself": "female",
}


def person_genders(doc: Doc, ents: Sequence[Span], lex: Lexicons) -> dict[str, str]:
    """Name word -> "male" or "female", from evidence in the article itself (no list of
    first names): a gendered title or role just before a person's name ("Mrs. Clinton",
    "spokeswoman Jane Doe", "wife Melania"), a gendered apposition ("Doe, the actress"),
    and a sentence whose only person is its subject, carried on by a subject,
    possessive or reflexive pronoun of one gender ("Doe said she would ...").
    A title counts twice a pronoun, and a word needs three times the votes for the
    other gender.
    A surname two people of the article share ("Bill Clinton", "Hillary Clinton")
    takes no evidence. One pass over the entities, once per document."""
    gendered = lex.gendered_words
    female = gendered.get("female", frozenset())
    male = gendered.get("male", frozenset())

    def word_gender(word: str) -> str | None:
        return "female" if word in female else "male" if word in male else None

    people = [e for e in ents if e.label_ == "PERSON"]
    firsts: dict[str, set[str]] = {}  # surname -> the first names it comes with
    for ent in people:
        if len(ent) > 1:
            firsts.setdefault(ent[-1].lower_, set()).add(ent[0].lower_)
    shared = {name for name, first in firsts.items() if len(first) > 1}
    votes: dict[str, dict[str, int]] = {}

    def vote(ent: Span, gender: str, weight: int) -> None:
        for t in ent:
            if t.is_alpha and t.lower_ not in shared and word_gender(t.lower_) is None:
                counts = votes.setdefault(t.lower_, {"male": 0, "female": 0})
                counts[gender] += weight

    # how many people each sentence names (for the pronoun evidence)
    per_sent: dict[int, int] = {}
    sent_of: list[tuple[int, int]] = []
    for ent in people:
        sent = ent.sent
        sent_of.append((sent.start, sent.end))
        per_sent[sent.start] = per_sent.get(sent.start, 0) + 1
    for ent, (s0, s1) in zip(people, sent_of, strict=True):
        # a title or role just before the name, or among its words ("Mrs. Clinton")
        before = doc[ent.start - 1].lower_ if ent.start > s0 else ""
        # a title inside the entity leads it ("Mrs. Clinton", not "Billie Jean King")
        gender = word_gender(before) or word_gender(ent[0].lower_)
        root = ent.root
        if gender is None and root.dep_ == "appos" and ent.start > root.head.i:
            gender = word_gender(root.head.lower_)  # "his wife, Melania"
        if gender is None:
            for child in root.children:
                if child.dep_ == "appos" and child.i > root.i:
                    gender = word_gender(child.lower_)  # "Doe, the actress"
                    break
        if gender is not None:
            vote(ent, gender, 2)
            continue
        # "Doe said she would run": the only person of the sentence, its subject, and
        # the pronouns after it (up to a quotation mark) of one gender
        if per_sent[s0] != 1 or root.dep_ not in ("nsubj", "nsubjpass"):
            continue
        seen: set[str] = set()
        for t in doc[ent.end : s1]:
            if t.is_quote:
                break
            g = _PRONOUN_GENDER.get(t.lower_)
            # a subject, possessive or reflexive, not an object ("X resigned after
            # criticizing him" is about someone else)
            if g is not None and (
                t.dep_ in ("nsubj", "nsubjpass", "poss") or t.lower_.endswith("self")
            ):
                seen.add(g)
        if len(seen) == 1:
            vote(ent, seen.pop(), 1)
    out: dict[str, str] = {}
    for word, counts in votes.items():
        for g, other in (("male", "female"), ("female", "male")):
            if counts[g] >= 1 and counts[other] * 3 <= counts[g]:
                out[word] = g
    return out


def known_gender(words: Iterable[str], genders: dict[str, str]) -> str | None:
    """The gender the article gives the person of a name's words, if its words agree."""
    found = {genders[w] for w in words if w in genders}
    return found.pop() if len(found) == 1 else None


def fits_gender(pronoun: str, tok: Token, genders: dict[str, str]) -> bool:
    """Can he/she be the person named by the entity ``tok`` is in, by ``genders``?"""
    want = _PRONOUN_GENDER.get(pronoun.lower())
    if want is None or not tok.ent_type_:
        return True
    doc = tok.doc
    b, e = tok.i, tok.i + 1
    while b > 0 and doc[b].ent_iob_ == "I":
        b -= 1
    while e < len(doc) and doc[e].ent_iob_ == "I":
        e += 1
    return known_gender((t.lower_ for t in doc[b:e]), genders) in (None, want)


# Prepositions of place: "his fighters near Rostov" names a place, whatever the NER says.
_LOCATIVE = frozenset(
    {"in", "near", "at", "outside", "around", "across", "inside", "into", "toward", "towards"}
)


def _place_not_person(ent: Span, lex: Lexicons) -> bool:
    """A PERSON entity that is a place: the small NER model tags some cities as people
    ("near Rostov", "Kiev remains silent"); a capital that speaks for its government
    is in the official lexicon, and a name after a preposition of place is a place."""
    if all(t.lower_ in lex.official for t in ent):
        return True
    root = ent.root
    # one word only: a parse that hangs "Ohio, 62-year-old Brenda Johnson" on "in" is
    # wrong more often than a full name is a place
    return len(ent) == 1 and root.dep_ == "pobj" and root.head.lower_ in _LOCATIVE


def _titled_person(ent: Span, pronoun: str, lex: Lexicons) -> bool:
    """An ORG or GPE entity that is a person of the pronoun's gender by the words of its
    mention ("Defense Ministry spokesman Lieutenant General Igor Konashenkov", which the
    NER reads as an organisation): a gendered title or role next to the name."""
    gender = _PRONOUN_GENDER.get(pronoun.lower(), "female")
    words = lex.gendered_words.get(gender, frozenset())
    doc = ent.doc
    # cheap test first: a gendered word just before or inside the entity at all
    if not any(t.lower_ in words for t in doc[max(ent.start - 8, 0) : ent.end]):
        return False
    head = name_head(ent.root)
    m0, m1 = mention_bounds(head, with_conj=False, with_prep=False)
    return any(t.lower_ in words for t in ent.doc[min(m0, ent.start) : max(m1, ent.end)])


def _near_start(tok: Token) -> int:
    """First token of the sentence before ``tok``'s (or of its own, at the start)."""
    sent = tok.sent
    return tok.doc[sent.start - 1].sent.start if sent.start > 0 else sent.start


def _subject_name(ent: Span, near: int, lex: Lexicons) -> bool:
    """A short ORG entity that is the main subject of the sentence before the pronoun's
    (or of its own) and has no word of a body or outlet: a surname the NER reads as an
    organisation ("Kadyrov posted a video ... he wrote"). ``near``: ``_near_start``."""
    if ent.label_ != "ORG" or len(ent) > 2 or ent.start < near or ent.root.dep_ != "nsubj":
        return False
    if ent.root.head.dep_ != "ROOT":
        return False  # the subject of a clause inside ("... whether Trump will be ...")
    return not any(
        t.pos_ != "PROPN"
        or not t.is_alpha
        or not t.is_title  # "CIA", "AT&T": acronyms and brands are bodies
        or t.lower_ in lex.official
        or t.lower_ in lex.media
        for t in ent
    )


def resolve_pronoun(
    tok: Token,
    ents: Sequence[Span],
    quote_mask: Sequence[bool],
    lex: Lexicons,
    *,
    genders: dict[str, str] | None = None,
) -> Token | None:
    """Nearest earlier mention that fits the pronoun: a PERSON for he/she whose mention
    does not rule the pronoun out (``gender_clash``), a body or a group for they.
    Entities inside quotations are skipped (they are not speakers). ``genders``: the
    article's own evidence of its people's genders (``person_genders``); a person of
    the other gender is skipped, one of unknown gender stays a candidate."""
    want_gender = _PRONOUN_GENDER.get(tok.lower_) if genders else None
    personal = tok.lower_ in ("he", "she", "him", "her", "his")
    want = {"PERSON"} if personal else {"ORG", "GPE", "NORP", "PERSON"}
    # a surname the NER reads as an organisation: taken only if no person is named in
    # this sentence or the one before
    fallback: Token | None = None
    near = -1  # _near_start(tok), computed on first need
    for ent in reversed(ents):
        if ent.end > tok.i or quote_mask[ent.start]:
            continue
        if personal and tok.i - ent.end > 400:
            return fallback  # every earlier mention is farther still
        if ent.label_ not in want and not (personal and _titled_person(ent, tok.lower_, lex)):
            if personal and fallback is None and ent.label_ == "ORG":
                near = _near_start(tok) if near < 0 else near
                if _subject_name(ent, near, lex):
                    fallback = name_head(ent.root)
            continue
        if personal and _place_not_person(ent, lex):
            continue
        if fallback is not None and ent.start < near:
            return fallback
        # "they" takes a coordinated pair of people, not a single person.
        if (
            tok.lower_ in ("they", "them", "their")
            and ent.label_ == "PERSON"
            and not any(c.dep_ == "conj" for c in ent.root.children)
            and ent.root.dep_ != "conj"
        ):
            continue
        if tok.lower_ in ("they", "them", "their"):
            # "Russia, China and the US, where they all called": the whole coordination.
            root = ent.root
            while root.dep_ == "conj" and root.head.i != root.i:
                root = root.head
            group = root.head.head if root.dep_ == "pobj" else None
            if group is not None and group.tag_ == "NNS" and _people_noun(group, lex):
                # "Critics in The Hague say ... They also say": the people named by a
                # plural noun, of whom the place or body only says where they are
                return group
            return root
        if tok.i - ent.end > 400:
            return None
        head = name_head(ent.root)
        m0, m1 = mention_bounds(head, with_conj=False, with_prep=False)
        if gender_clash(tok.lower_, (t.lower_ for t in tok.doc[m0:m1]), lex):
            continue
        if want_gender is not None and genders is not None:
            known = known_gender((t.lower_ for t in ent), genders)
            if known is not None and known != want_gender:
                continue
        if personal:
            missed = _missed_subject(tok, ent, ents, quote_mask, lex, genders=genders)
            if missed is not None:
                return missed
        if personal and not _main_subject(head) and not _named_again(ent, tok):
            subject = _subject_before(tok, ent, ents, quote_mask, lex, genders=genders)
            if subject is not None:
                return subject
        return head
    return fallback


def _people_noun(tok: Token, lex: Lexicons) -> bool:
    """Does the noun name people who can speak ("critics", "officials", "rights
    groups"), not things or events ("troops", "attacks", "results")? The words of
    people who speak for a body (``_role_head``) and of experts."""
    return _role_head(tok) or tok.lemma_.lower() in lex.expert


def _missed_subject(
    pronoun: Token,
    ent: Span,
    ents: Sequence[Span],
    quote_mask: Sequence[bool],
    lex: Lexicons,
    *,
    genders: dict[str, str] | None = None,
) -> Token | None:
    """A one-word name that is the main subject of a sentence between the nearest
    named person ``ent`` and the pronoun, which the entity recogniser missed or read as
    a place ("Greaves said Marsh was injured. '...,' she added." is Greaves;
    "Okafor, 23, says ... '...,' he told reporters." is Okafor): news style carries the
    subject on. The word counts as a person's when a PERSON entity before it has it
    ("Daniel Okafor ... Okafor says") or, untagged, it is the subject of a speech verb
    ("Trent said"). Looks back at most three sentences, the pronoun's own first."""
    doc = pronoun.doc
    sent = pronoun.sent
    for _ in range(3):
        if sent.end <= ent.start:
            return None
        subj = next(
            (c for c in sent.root.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < pronoun.i),
            None,
        )
        if subj is not None and ent.start <= subj.i < ent.end:
            return None  # the named person is the subject there: the usual answer
        if subj is not None and not quote_mask[subj.i]:
            named = _missed_name(subj, ents, lex, pronoun=pronoun.lower_, genders=genders or {})
            if named is not None and known_gender((subj.lower_,), genders or {}) in (
                None,
                _PRONOUN_GENDER.get(pronoun.lower_),
            ):
                return named
        if sent.start == 0 or sent.start <= ent.start:
            return None
        sent = doc[sent.start - 1].sent
    return None


def _missed_name(
    tok: Token,
    ents: Sequence[Span],
    lex: Lexicons,
    *,
    pronoun: str = "",
    genders: dict[str, str] | None = None,
) -> Token | None:
    """``_missed_subject``'s test of the subject word itself: the head of the last
    earlier PERSON entity with that surname whose known gender fits the pronoun (its
    mention tells the kind; "Halloran ... she" is not her son "Thomas Halloran"), or the
    word itself when only its speech verb says it is a person's."""
    want = _PRONOUN_GENDER.get(pronoun)
    # (a surname at the start of a sentence may be tagged a plural noun: "Greaves said")
    if tok.pos_ not in ("PROPN", "NOUN") or not tok.is_title or tok.ent_type_ == "PERSON":
        return None
    if tok.lower_ in lex.official or tok.lower_ in lex.media:
        return None
    if any(c.dep_ in ("compound", "det", "amod", "poss") for c in tok.children):
        return None  # a longer name or a body ("Kingsmoor City", "the Kremlin")
    for e in reversed(ents):
        if e.label_ == "PERSON" and len(e) > 1 and e.end <= tok.i and tok.lower_ == e[-1].lower_:
            known = known_gender((t.lower_ for t in e), genders or {})
            if want is None or known in (None, want):
                return name_head(e.root)
    if tok.pos_ == "PROPN" and tok.ent_type_ == "" and tok.head.lemma_ in lex.speech:
        return tok
    return None


def _named_again(ent: Span, pronoun: Token) -> bool:
    """Is the person of ``ent`` named again as a subject before the pronoun, in a word the entity
    recogniser missed ("Sanders thanked the crowd", a sentence-initial surname the
    small model reads as a noun)? Then that person is the one the text carries on."""
    doc = pronoun.doc
    words = {t.lower_ for t in ent}
    return any(
        doc[i].is_title and doc[i].lower_ in words and doc[i].dep_ in ("nsubj", "nsubjpass")
        for i in range(ent.end, pronoun.i)
    )


def _main_subject(tok: Token) -> bool:
    return tok.dep_ in ("nsubj", "nsubjpass") and tok.head.dep_ == "ROOT"


def _subject_before(
    pronoun: Token,
    ent: Span,
    ents: Sequence[Span],
    quote_mask: Sequence[bool],
    lex: Lexicons,
    *,
    genders: dict[str, str] | None = None,
) -> Token | None:
    """The person who is the main subject of the sentence of ``ent`` (a person named
    as an object there), for "he"/"she": "Sanders apologized to Clinton. 'This is not
    who we are,' he said." is Sanders (news style carries the subject on)."""
    sent = ent.sent
    for other in ents:
        if other.start >= ent.start:
            break
        if other.start < sent.start or other.label_ != "PERSON" or quote_mask[other.start]:
            continue
        head = name_head(other.root)
        if not _main_subject(head) or _place_not_person(other, lex):
            continue
        m0, m1 = mention_bounds(head, with_conj=False, with_prep=False)
        if gender_clash(pronoun.lower_, (t.lower_ for t in pronoun.doc[m0:m1]), lex):
            continue
        known = known_gender((t.lower_ for t in other), genders) if genders else None
        if known is None or known == _PRONOUN_GENDER.get(pronoun.lower_, known):
            return head
    return None


def _title_case_lines(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges of the sentences in Title Case, every word capitalised ("Gold Star
    Mom Corners Obama On His Refusal"): headlines, where the parser and the entity
    recogniser read a run of capitalised words as one long name, so they are not a
    fuller mention of anyone."""
    # numpy over four attribute columns: iterating doc.sents and its tokens costs a
    # Python object per token, and tolist() a big integer per -1 (SENT_START is uint64)
    array: Any = doc.to_array([SENT_START, IS_ALPHA, IS_TITLE, IS_UPPER])
    if not len(array):
        return []
    starts = numpy.flatnonzero(array[:, 0] == 1)
    if not len(starts) or starts[0] != 0:
        starts = numpy.concatenate(([0], starts))
    alpha = array[:, 1] == 1
    lower = alpha & (array[:, 2] == 0) & (array[:, 3] == 0)
    n_words = numpy.add.reduceat(alpha.astype(numpy.int64), starts)
    n_lower = numpy.add.reduceat(lower.astype(numpy.int64), starts)
    ends = [*starts[1:].tolist(), len(array)]
    out = [
        (start, end)
        for start, end, words, low in zip(
            starts.tolist(), ends, n_words.tolist(), n_lower.tolist(), strict=True
        )
        if words >= 4 and not low
    ]
    return out


# Dashes that set a dateline off the story: "CLEVELAND - Donald Trump said".
_DASHES = frozenset({"-", "–", "—", "--"})
# Verb forms that a name does not hold ("retired Gen. X" has a participle that does).
_FINITE_VERB_TAGS = frozenset({"VBZ", "VBD", "VBP"})
# Parts of speech of a lowercase word that describes a name rather than titles it.
_NOT_TITLE_POS = frozenset({"VERB", "PRON", "AUX", "SCONJ", "PART", "ADV"})
# ... and with no title between: "skeptical Trump", "a young John Ellis Bush", "how Sanders"
_NOT_NAME_POS = _NOT_TITLE_POS | {"ADJ", "DET"}


def _names_person(tok: Token, lex: Lexicons | None) -> bool:
    """Is the common noun a word for a person, a role or a body ("writer", "actress",
    "aide", "spokesman")? Plurals are not ("voters Mrs. Clinton" is a parse that runs
    the object of a clause into its subject)."""
    if tok.tag_ == "NNS":
        return False
    lemma = tok.lemma_.lower()
    if lemma.endswith(_AGENT_SUFFIXES):
        return True
    if lex is None:
        return False
    gendered = lex.gendered_words
    return (
        lemma in lex.sayers
        or lemma in lex.person_nouns
        or lemma in lex.person_roles
        or any(lemma in words for words in gendered.values())
    )


def clean_name_bounds(
    doc: Doc,
    s: int,
    e: int,
    lex: Lexicons | None = None,
    *,
    person_words: frozenset[str] = frozenset(),
) -> tuple[int, int]:
    """A mention of a person cut to its name and titles: a dateline before a dash
    ("CLEVELAND - Donald Trump", "ORLANDO, Fla. (Reuters) - President Barack Obama")
    and words that describe rather than title the person ("unlikely Donald Trump",
    "another potential hazard Rubio is navigating", "unilateral action President
    Barack Obama takes": the parser runs the clause's object into its subject's name)
    are left out. A role noun stays ("the writer Jared Sexton"), and so do adjectives
    before a title ("former President Bill Clinton"). ``person_words``: the words of
    the article's people's names (the small model reads some surnames as ORG)."""
    root = -1  # the mention's head, found on first need
    for i in range(e - 2, s, -1):
        t = doc[i]
        if t.text in _DASHES and doc[i - 1].whitespace_ and t.whitespace_:
            # the side with the head: "Many speakers at the service — including ..."
            root = doc[s:e].root.i
            s, e = (i + 1, e) if root > i else (s, i)
            break
    for i in range(e - 2, s - 1, -1):
        t = doc[i]
        if (
            (t.tag_ in _FINITE_VERB_TAGS and i > s or (i == s and t.tag_ == "VBG" and t.is_title))
            and e - i <= 7
            and t.is_alpha
            and doc[i - 1].text != "-"
            and doc[i + 1].pos_ == "PROPN"
        ):
            # a headline's verb inside the name: "Trump rips Joe Scarborough",
            # "Bashing Trump", "Sen. Cruz disavowed Lindsey Graham"
            s = i + 1
            break
        if t.tag_ == "POS" and i > s and all(doc[j].ent_type_ == "NORP" for j in range(i + 1, e)):
            e = i  # "Trump's Middle Eastern", "Trump's Jewish": the name, not what is its
    n0 = e  # start of the person's name at the end of the mention
    while n0 > s and (
        doc[n0 - 1].ent_type_ == "PERSON"
        or (doc[n0 - 1].ent_type_ == "ORG" and doc[n0 - 1].lower_ in person_words)
    ):
        n0 -= 1
    if n0 in (e, s):
        return s, e
    root = doc[s:e].root.i if root < s or root >= e else root
    if root < n0:
        return s, e  # "X of the law firm Baker Lane": the name is not the head
    t0 = n0  # start of the titles before the name ("Texas Sen.", "President")
    while t0 > s and doc[t0 - 1].pos_ == "PROPN":
        t0 -= 1
    if t0 == s:
        return s, e
    tok = doc[t0 - 1]
    w0 = t0 - 1  # start of a hyphenated word ("81-year-old")
    while w0 > s and not doc[w0 - 1].whitespace_:
        w0 -= 1
    word = doc[w0:t0].text
    if not word[:1].islower() or any(c.isdigit() for c in word) or tok.tag_ == "POS":
        return s, e  # "Republican X", "81-year-old X", "MSNBC's X", "Trump, Cruz"
    if tok.pos_ == "NOUN":
        drop = not _names_person(tok, lex)
    elif tok.tag_ == "VBN" and w0 == t0 - 1:
        drop = False  # "retired Gen. John Allen" (not "a hoarse-voiced Sanders")
    else:
        # a courtesy title is no office: "a youthful Mr. Bush" is "Mr. Bush"
        courtesy = lex is not None and all(
            any(doc[j].lower_ in w for w in lex.gendered_words.values()) for j in range(t0, n0)
        )
        # ("the younger Mr. Trump" tells which Trump: a comparative stays)
        drop = tok.pos_ in (_NOT_NAME_POS if courtesy else _NOT_TITLE_POS) and tok.tag_ not in (
            "JJR",
            "JJS",
        )
    return (t0, e) if drop else (s, e)


def _after_colon(ent: Span) -> Span:
    """The part of an entity after a colon inside it: a name does not run across one
    (a headline "Wanderers 3-1 City: Okafor double sends ..." read as one PERSON is
    "Okafor"); the mention is bounded from that part on."""
    doc = ent.doc
    for i in range(ent.end - 2, ent.start, -1):
        if doc[i].text == ":":
            return doc[i + 1 : ent.end]
    return ent


#: ``Doc.user_data`` key of the kinds the article's own descriptions give its people
#: (``_described_people``), set by ``MentionIndex`` and read by ``source_kind``.
DESCRIBED = "annotator.described_kinds"


def _described_people(ents: Sequence[Span], lex: Lexicons) -> dict[str, str]:
    """Surname -> kind, from how the article describes each person once: "Jeffrey
    Marsh is a professor of economics", "Ana Ruiz, an analyst at ...". A later bare
    "Marsh:" or "Marsh said" then has that kind, not the default for a name."""
    out: dict[str, str] = {}
    surnames = {e.root.lower_ for e in ents if e.label_ == "PERSON"}
    if not surnames:
        return out
    # every mention of those names, also where the NER missed one ("Ana Ruiz, a
    # reporter in Lima, ..." before a later "Ruiz said")
    doc = ents[0].doc
    array: Any = doc.to_array([POS, LOWER])
    ids = [doc.vocab.strings[w] for w in surnames]
    hits = numpy.flatnonzero((array[:, 0] == PROPN) & numpy.isin(array[:, 1], ids)).tolist()
    for i in hits:
        root = doc[i]
        if root.lower_ in out:
            continue
        nouns = [c for c in root.children if c.dep_ == "appos" and c.pos_ == "NOUN"]
        if root.dep_ == "nsubj" and root.head.lemma_ == "be":
            nouns += [c for c in root.head.children if c.dep_ == "attr" and c.pos_ == "NOUN"]
        # "their instructor, Gordon McAllister", "its editorialist, Paul Quinet": the name
        # in apposition to the role; "host Laura Ingraham": the role before the name
        if root.dep_ == "appos" and root.head.pos_ == "NOUN":
            nouns.append(root.head)
        nouns += [c for c in root.children if c.dep_ == "compound" and c.pos_ == "NOUN"]
        for noun in nouns:
            lemma = noun.lemma_.lower()
            kind = (
                "expert" if lemma in lex.expert
                else "media" if lemma in lex.media or lemma in lex.interviewer_roles
                else "official" if lemma in lex.official
                else None
            )
            if kind is not None:
                out[root.lower_] = kind
                break
        else:
            if _described_by_clause(root, lex):
                out[root.lower_] = "expert"
    return out


def _described_by_clause(root: Token, lex: Lexicons) -> bool:
    """A person the article describes in a relative clause by a post at a university or
    think tank ("Marcus Tello, who studies policing at the University of Cincinnati") or
    by age only ("Dunlop, who is 61, ..."): an expert, or a private witness (the
    codebook's expert kind too). Officials are described by their office."""
    for c in root.children:
        if c.dep_ != "relcl":
            continue
        if any(
            t.dep_ == "pobj" and t.head.lower_ in ("at", "for", "with")
            and t.lemma_.lower() in lex.expert_posts
            for t in c.subtree
        ):
            return True
        if c.lemma_ == "be" and any(a.dep_ == "attr" and a.like_num for a in c.children):
            return True
    return False


class MentionIndex:
    """Every named mention of an article, to find the fullest mention of a source."""

    def __init__(
        self, doc: Doc, lemmas: Sequence[str] | None = None, *, lex: Lexicons | None = None
    ) -> None:
        """``lemmas``: each token's ``lemma_.lower()``, if the caller has them; ``lex``
        tells role nouns that title a name ("the writer X") from other words."""
        self._lex = lex
        # name token -> (mention bounds, the entity's own tokens, its root, its label)
        self.by_name: dict[str, list[tuple[tuple[int, int], frozenset[str], str, str]]] = {}
        self.by_head: dict[str, list[tuple[int, int]]] = {}
        self.ents: list[Span] = list(doc.ents)
        self.names: frozenset[str] = frozenset(
            e.root.lower_ for e in self.ents if e.label_ in _ENT_SOURCE
        )
        headlines = _title_case_lines(doc)
        # words of the people's names ("donald", "trump")
        self.person_names: frozenset[str] = frozenset(
            t.lower_ for e in self.ents if e.label_ == "PERSON" for t in e
        )
        if lex is not None:
            doc.user_data[DESCRIBED] = _described_people(self.ents, lex)
        for ent in self.ents:
            if ent.label_ not in _ENT_SOURCE or any(a <= ent.start < b for a, b in headlines):
                continue
            cut = _after_colon(ent)
            bounds = mention_bounds(name_head(cut.root), with_conj=False, with_prep=False)
            if cut is not ent:
                ent, bounds = cut, (max(bounds[0], cut.start), bounds[1])
            if not (bounds[0] <= ent.start and ent.end <= bounds[1]):
                bounds = (ent.start, ent.end)
            if bounds[1] - bounds[0] > 1 and doc[bounds[1] - 1].tag_ == "POS":
                bounds = (bounds[0], bounds[1] - 1)  # "Donald Trump’s": the name, not its 's
            bounds = clean_name_bounds(doc, *bounds, lex, person_words=self.person_names)
            # the words of the entity that the cleaned mention still has
            inside = [t for t in ent if bounds[0] <= t.i < bounds[1]]
            if not inside:
                continue
            names = frozenset(t.lower_ for t in inside)
            root = ent.root.lower_
            for tok in inside:
                self.by_name.setdefault(tok.lower_, []).append((bounds, names, root, ent.label_))
        # Common-noun heads are indexed lazily: only the few lemmas a source is asked
        # about ("summary") get their mentions bounded (noun_chunks costs a parse walk).
        self._doc = doc
        # mention bounds -> _mention_key (the same few mentions are compared often)
        self._keys: dict[tuple[int, int], tuple[bool, int]] = {}
        self._noun_heads: dict[str, list[int]] = {}
        self._genders: dict[str, str] | None = None  # person_genders, on first need
        # Read from one POS/DEP array: Token.pos_ / dep_ per token cost a string each.
        compound = get_string_id("compound")
        array: Any = doc.to_array([POS, DEP])
        # the nouns that head a phrase, found with numpy (tolist() would build a big
        # integer per dependency label id)
        heads = numpy.flatnonzero((array[:, 0] == NOUN) & (array[:, 1] != compound)).tolist()
        for i in heads:
            lemma = lemmas[i] if lemmas is not None else doc[i].lemma_.lower()
            self._noun_heads.setdefault(lemma, []).append(i)

    @property
    def genders(self) -> dict[str, str]:
        """Name word -> gender by the article's own evidence (``person_genders``),
        computed once, when a pronoun first needs it."""
        if self._genders is None:
            lex = self._lex
            self._genders = person_genders(self._doc, self.ents, lex) if lex else {}
        return self._genders

    def _keys_for(self, doc: Doc) -> dict[tuple[int, int], tuple[bool, int]] | None:
        return self._keys if doc is self._doc else None

    def _heads(self, lemma: str) -> list[tuple[int, int]]:
        if lemma not in self.by_head:
            doc = self._doc
            self.by_head[lemma] = [
                mention_bounds(doc[i], with_conj=False, with_prep=True)
                for i in self._noun_heads.get(lemma, [])
            ]
        return self.by_head[lemma]

    def fullest(self, doc: Doc, start: int, end: int, *, pronoun: str | None = None) -> str:
        """The longest mention in the article naming the same source. ``pronoun``: the
        he/she the source was resolved from; a mention of a person the article gives
        the other gender is not this one ("she" is Hillary, not "Bill Clinton")."""
        span = doc[start:end]
        head = span.root
        best = (start, end)
        keys = self._keys_for(doc)
        names = [
            t.lower_
            for t in span
            if t.ent_type_ in _ENT_SOURCE and not t.is_punct and t.pos_ == "PROPN"
        ]
        if (
            not names
            and (head.is_title or (head.is_upper and head.lower_ in self.person_names))
            and head.lower_ in self.by_name
        ):
            # "SAMUEL ADEYEMI:" of a transcript's speaker line is the "Dr. Samuel
            # Adeyemi, a senior researcher ..." the host introduced (the NER misses
            # names in capitals); only a person's name: an acronym ("PAC") is no name
            names = [head.lower_]
        if names and head.pos_ != "NOUN" or (names and head.lower_ in self.by_name):
            persons = self.person_names
            cands = self.by_name.get(head.lower_, [])
            clash = self._gender_clash_words(span)
            want = _PRONOUN_GENDER.get(pronoun.lower()) if pronoun else None
            genders = self.genders if want is not None and doc is self._doc else None
            for (cs, ce), ent_names, root, label in cands:
                # A body or place named after a person names something else: "Trump
                # University", "the Clinton Foundation" are not "Trump", "Clinton"
                # (a person's full name may end in another word: "Ban Ki-moon"; "Fox"
                # is fullest as "Fox News").
                other = label != "PERSON" and root != head.lower_ and head.lower_ in persons
                if other or not all(n in ent_names for n in names):
                    continue
                if label != "PERSON" and root != head.lower_ and _names_a_part(doc, cs, ce, head):
                    continue  # "China" is not "China Foreign Affairs University"
                if clash and any(t.lower_ in clash for t in doc[cs:ce]):
                    continue  # "Mr. Trump" is not "the former Mrs. Trump"
                if genders and known_gender(ent_names, genders) not in (None, want):
                    continue
                if _longer(doc, (cs, ce), best, keys):
                    best = (cs, ce)
        elif head.pos_ == "NOUN":
            names_all = {t.lower_ for t in span if t.pos_ == "PROPN"}
            for cs, ce in self._heads(head.lemma_.lower()) if names_all else ():
                ctoks = {t.lower_ for t in doc[cs:ce]}
                if names_all <= ctoks and _longer(doc, (cs, ce), best, keys):
                    best = (cs, ce)
        best = clean_name_bounds(doc, *best, self._lex, person_words=self.person_names)
        return clean_text(doc[best[0] : best[1]])

    def _gender_clash_words(self, span: Span) -> frozenset[str]:
        """Words a fuller mention of ``span``'s person cannot have: the other gender's
        titles when ``span`` has a gendered one ("Mr. Trump", "Mrs. Clinton")."""
        if self._lex is None:
            return frozenset()
        gendered = self._lex.gendered_words
        female = gendered.get("female", frozenset())
        male = gendered.get("male", frozenset())
        words = {t.lower_ for t in span}
        if words & male and not words & female:
            return female
        if words & female and not words & male:
            return male
        return frozenset()

    def with_name(self, doc: Doc, head_lemma: str, name: str) -> tuple[int, int] | None:
        """Longest mention headed by ``head_lemma`` naming ``name`` ("summary", "kremlin")."""
        best: tuple[int, int] | None = None
        for cs, ce in self._heads(head_lemma):
            if any(t.lower_ == name for t in doc[cs:ce]) and (
                best is None or _longer(doc, (cs, ce), best, self._keys_for(doc))
            ):
                best = (cs, ce)
        return best


_DEICTIC = frozenset(
    {
        "this",
        "that",
        "these",
        "those",
        "its",
        "their",
        "his",
        "her",
        "our",
        "my",
        "your",
        "it",
        "they",
    }
)


def _longer(
    doc: Doc,
    a: tuple[int, int],
    b: tuple[int, int],
    keys: dict[tuple[int, int], tuple[bool, int]] | None = None,
) -> bool:
    """Is mention ``a`` fuller than ``b``? Longer, but a mention that leans on context
    ("the summary of this section") is less full than one that stands alone.
    ``keys`` memoises the comparison key per mention of ``doc``."""
    if a[1] - a[0] > MAX_MENTION:
        return False
    if keys is None:
        return _mention_key(doc, a) > _mention_key(doc, b)
    ka = keys.get(a)
    if ka is None:
        ka = keys[a] = _mention_key(doc, a)
    kb = keys.get(b)
    if kb is None:
        kb = keys[b] = _mention_key(doc, b)
    return ka > kb


def _mention_key(doc: Doc, m: tuple[int, int]) -> tuple[bool, int]:
    span = doc[m[0] : m[1]]
    return (not any(t.lower_ in _DEICTIC for t in span[1:]), len(span.text))


def clean_text(span: Span) -> str:
    return " ".join(span.text.split())


def _partitive_head(span: Span) -> Token:
    """The group a count or "one" is taken from ("one of the officials", "two of the
    sources"): its kind is the group's (anonymous), not the numeral's."""
    root = span.root
    if root.pos_ in ("NUM", "PRON") or root.lower_ == "one":
        for prep in root.children:
            if prep.dep_ == "prep" and prep.lower_ == "of" and prep.i < span.end:
                pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                # not "one of them": the pronoun's group is named elsewhere
                if pobj is not None and pobj.i < span.end and pobj.pos_ != "PRON":
                    return pobj
    return root


def source_kind(
    doc: Doc,
    start: int,
    end: int,
    fullest: str,
    lex: Lexicons,
    *,
    hint: str | None = None,
    sentence: Span | None = None,
) -> str:
    """Codebook source kind, checked in an order where the more specific kind wins."""
    if hint in ("vague", "anonymous"):
        return hint
    span = doc[start:end]
    if any(t.lower_ in ("unidentified", "unnamed") for t in span):
        return "anonymous"  # "UNIDENTIFIED FEMALE (through translator):", "an unnamed aide"
    lemmas = [t.lemma_.lower() for t in span] + [w.lower().strip("’'s,.") for w in fullest.split()]
    root = span.root
    if root.dep_ == "appos" and root.head.i < span.start:
        # "Former US ambassador to Moscow Thomas Reed": the name hangs on the title as
        # an apposition, and the title tells what the named person is
        lemmas = [t.lemma_.lower() for t in doc[root.head.left_edge.i : span.start]] + lemmas
    head = _partitive_head(span).lemma_.lower()
    words = set(lemmas)
    if sentence is not None:
        low = sentence.text.lower()
        if any(cue in low for cue in lex.off_record):
            return "anonymous"
    # "Analysts at Goldman Sachs", "economists from the IMF": the body named after the
    # head says which, so they are not "analysts say" (rule 6)
    named_body = any(
        t.i > root.i and t.pos_ == "PROPN" and t.ent_type_ not in _PLACE_ENTS for t in span
    )
    # "critics", "experts say", "analysts say": the plural form is listed (its lemma,
    # "expert", is a kind of its own)
    if (
        span[0].lower_ in ("some", "many", "several")
        # "Other researchers argue ...": a camp of experts, no more specific than "some"
        or (span[0].lower_ == "other" and span.root.tag_ == "NNS" and head in lex.expert)
        or (head in lex.vague_words and not named_body)
        or (
            span.root.lower_ in lex.vague_words
            and span.root.lemma_.lower() != "report"
            and not named_body
        )
    ):
        return "vague"
    # "Aid agencies say", "Human rights groups have accused": a bare plural of
    # organisations, with nothing that says which, is as vague as "experts say"
    root = span.root
    if (
        root.tag_ == "NNS"
        and root.lemma_.lower() in lex.vague_groups
        and not any(
            t.dep_ in ("det", "poss", "nummod") or t.ent_type_ or t.pos_ == "PROPN"
            for t in span
            if t.i != root.i
        )
    ):
        return "vague"
    # an organisation before the head only says whose ("one EU diplomat", "two Kremlin
    # officials"): unnamed but specific, not a name
    # ... and one in a phrase on the head only says where the person sits ("a source in
    # Ukraine's SBU", "officials at the Pentagon")
    has_name = any(
        t.ent_type_ == "PERSON"
        or (t.ent_type_ == "ORG" and t.i >= span.root.i and not _in_prep_of(t, span.root))
        for t in span
    )
    if not has_name and head in lex.anonymous_heads:
        return "anonymous"
    if (
        # "Two criminologists we interviewed", "three nurses at the clinic": a counted
        # group the article does not name is unnamed but specific, like "two diplomats"
        not named_body
        and root.tag_ == "NNS"
        # the number before the head (the parse does not always say nummod)
        and any(c.tag_ == "CD" and c.i < root.i for c in root.children)
        and not any(t.pos_ == "PROPN" or t.ent_type_ == "PERSON" for t in span)
        # people, not works or bodies ("two studies", "two groups")
        and (
            (head in lex.expert and head.endswith(_AGENT_SUFFIXES))
            or head in lex.private_persons
        )
    ):
        return "anonymous"
    if words & lex.spokespeople:
        return "official"
    full_low = fullest.lower()
    if (
        head in lex.media
        or any(w in lex.media for w in words if len(w) > 2)
        or any(m in full_low for m in lex.media if " " in m)
    ):
        return "media"
    expert_words = {w for w in words if w in lex.expert}
    # "Dr Faisal" after "Foreign Office spokesperson Mohammad Faisal": a doctor's title
    # says what the person studied, an office says whom they speak for
    doctor_in_office = (
        head not in lex.expert
        and expert_words <= _HONORIFICS
        and any(w in lex.official for w in words)
    )
    if (head in lex.expert or expert_words) and not doctor_in_office:
        return "expert"
    if _cited_with_year(span):
        return "expert"  # "Smith and Novak (2023) argue ...": authors cited by their work
    if any(
        # "Maria Okafor, an energy analyst at a bank, said": the apposition says what
        # the named person is
        c.dep_ == "appos" and c.pos_ == "NOUN" and c.lemma_.lower() in lex.expert
        for c in span.root.children
    ):
        return "expert"
    if any(
        # "Eric Lanning, a fellow at the Foundation for ...", "X, a researcher with the
        # Institute": a post at a think tank or university, not an office
        c.dep_ == "appos"
        and c.pos_ == "NOUN"
        and c.lemma_.lower() not in lex.official
        and any(
            p.dep_ == "prep"
            and p.lower_ in ("at", "of", "with")
            and any(o.dep_ == "pobj" and o.lemma_.lower() in lex.expert for o in p.children)
            for p in c.children
        )
        for c in span.root.children
    ):
        return "expert"
    office = _office(lemmas, lex)
    if office == "former":
        return "expert"  # "Former US ambassador to Moscow Thomas Reed": a commentator now
    if office == "current":
        return "official"
    if head in lex.official_documents:
        return "official"  # "a diplomatic cable", "the indictment": an official document
    described = doc.user_data.get(DESCRIBED)
    if described and span.root.lower_ in described and (
        # "Ambrose said" where the NER missed the surname it found before
        span.root.ent_type_ == "PERSON" or span.root.pos_ == "PROPN"
    ):
        return str(described[span.root.lower_])  # "Marsh is a professor ...": expert
    if _private_witness(span, fullest, lex):
        return "expert"  # the codebook's "private witness"
    if any(t.ent_type_ in _ENT_SOURCE for t in span) or _named_in_full(span, fullest):
        return "official"
    if _unnamed_person(span, lex):
        return "anonymous"  # "a US investment banker", "an inspector who ..."
    return "other"


def _office(lemmas: Sequence[str], lex: Lexicons) -> str | None:
    """Does the mention name an office ("current"), only offices held before
    ("former": "former deputy energy minister", "ex-ambassador to Moscow"), or none
    (None)? A word such as "former" reaches over the title phrase after it, up to a
    comma or six words ("former US ambassador to Moscow": Moscow is no office here)."""
    found = None
    scope = -1
    for i, w in enumerate(lemmas):
        if w in lex.former_words:
            scope = i + 6
            continue
        if w == ",":
            scope = -1
        if w.startswith("ex-") and w[3:] in lex.official:
            found = found or "former"  # "ex-minister"
            scope = i + 5
            continue
        if w not in lex.official:
            continue
        if i <= scope:
            found = found or "former"
        else:
            return "current"
    return found


def _private_witness(span: Span, fullest: str, lex: Lexicons) -> bool:
    """A named person the article describes by an everyday role or by age only, no
    office ("local resident Tom Berg", "Maria Lopez, a nurse", "Ahmed Karim, 52,", "Tom
    Reilly, who lives near the plant"): a private witness. Officials are not introduced
    with their age alone. The role is a common noun: "Tim Cook", "James Baker" are
    surnames, not trades."""
    root = span.root
    if not any(t.ent_type_ == "PERSON" for t in span) and not _named_in_full(span, fullest):
        return False
    private = lex.private_persons
    doc = span.doc
    if any(
        t.lemma_.lower() in private
        and (
            t.pos_ == "NOUN"
            or (
                # a title-case role before the name, not a surname inside it
                t.i + 1 < span.end
                and doc[t.i + 1].pos_ == "PROPN"
                and (t.i == span.start or doc[t.i - 1].pos_ != "PROPN")
            )
        )
        for t in span
    ):
        return True  # "local resident Tom Berg", "Farmer Tom Berg" (not "Tim Cook")
    if any(w.lower().strip("’'s,.") in private for w in fullest.split()[:-1]):
        return True  # the fullest mention's role ("farmer Tom Berg" for a bare "Berg")
    for c in root.children:
        if c.dep_ == "appos" and c.lemma_.lower() in private:
            return True
        if c.dep_ == "appos" and c.like_num and c.i == root.i + 2 and doc[root.i + 1].text == ",":
            return True  # "Maria Lopez, 34, said"
        if c.dep_ == "relcl" and _lives_or_keeps(c, lex):
            return True
    return False


def _lives_or_keeps(verb: Token, lex: Lexicons) -> bool:
    """ "who lives near the plant", "who has run the bakery for 20 years", "who owns a
    guesthouse": a clause about where someone lives or the small business they keep,
    not an office ("who runs the ministry's press office" names a body)."""
    lemma = verb.lemma_.lower()
    if lemma == "live":
        return True
    if lemma not in ("run", "own", "keep", "manage"):
        return False
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    return obj is not None and not any(
        t.ent_type_ in ("ORG", "GPE", "NORP") or t.lemma_.lower() in lex.official
        for t in obj.subtree
    )


def _named_in_full(span: Span, fullest: str) -> bool:
    """Is ``span`` a surname the entity recogniser took for a word ("Price said",
    "Young said") that the article names in full elsewhere ("councillor Daniel
    Price")?"""
    words = fullest.split()
    return span[-1].is_title and len(words) > len(span) and words[-1] == span[-1].text


def _cited_with_year(span: Span) -> bool:
    """Is the mention followed by a year in brackets, as a paper cites its sources
    ("Smith and Novak (2023)", "Ivanova (2024, p. 12)")?"""
    doc = span.doc
    k = span.end
    return (
        k + 1 < len(doc)
        and doc[k].text == "("
        and doc[k + 1].like_num
        and len(doc[k + 1].text) == 4
        and doc[k + 1].text[:2] in ("19", "20")
    )


def _unnamed_person(span: Span, lex: Lexicons) -> bool:
    """One person the article describes but does not name ("an inspector who took part
    in the mission", "a banker in Frankfurt"): unnamed but specific, the codebook's
    anonymous kind. A name anywhere in the mention makes it a named source."""
    root = span.root
    return (
        root.pos_ == "NOUN"
        and any(
            c.dep_ in ("det", "nummod") and c.lower_ in ("a", "an", "one") for c in root.children
        )
        and not any(t.pos_ == "PROPN" or t.ent_type_ == "PERSON" for t in span)
        and (_names_person(root, lex) or root.lemma_.lower() in lex.private_persons)
    )


_PLACE_ENTS = frozenset({"GPE", "LOC", "NORP"})
# Titles of address that say a person holds a doctorate, not what they do now.
_HONORIFICS = frozenset({"dr", "doctor"})


def _in_prep_of(tok: Token, head: Token) -> bool:
    """Is ``tok`` inside a prepositional phrase that hangs on ``head`` ("SBU" in "a
    source in Ukraine's SBU")?"""
    cur = tok
    while cur.head.i != cur.i and cur.i != head.i:
        if cur.dep_ == "prep" and cur.head.i == head.i:
            return True
        cur = cur.head
    return False


def _names_a_part(doc: Doc, start: int, end: int, head: Token) -> bool:
    """Is ``head``'s name, in the mention at ``start:end``, a word of another proper
    name ("China" in "China Foreign Affairs University", "Beijing" in "Beijing Normal
    University")? That mention names a body of its own, not the place; a possessive
    ("Russia's Foreign Ministry") still names the place's office, and a body's short
    name is still its own ("Fox" is "Fox News")."""
    if head.ent_type_ not in _PLACE_ENTS:
        return False
    for t in doc[start:end]:
        if t.lower_ == head.lower_ and t.dep_ == "compound" and t.head.pos_ == "PROPN":
            return t.head.i < end and t.head.lower_ != head.lower_
    return False
