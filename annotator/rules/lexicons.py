"""Load the versioned lexicons and patterns in ``schemas/`` once, and hash them.

Kept apart from the rules so that ``model_version()`` and the components read the
same files, and so that nothing is read at import time (only on first use).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

from ..schemas import SCHEMAS_DIR

SCHEMAS = SCHEMAS_DIR
RULES_VERSION = "0.4.75"  # bump when rule code changes; the data hash covers schemas/


@dataclass(frozen=True)
class Lexicons:
    speech: frozenset[str]
    stance: frozenset[str]
    present_inference: frozenset[str]
    needs_particle: dict[str, tuple[str, ...]]
    needs_clause: frozenset[str]
    hedge_adverbs: frozenset[str]
    hedge_modals: frozenset[str]
    documents: frozenset[str]
    official: frozenset[str]
    media: frozenset[str]
    expert: frozenset[str]
    anonymous_heads: frozenset[str]
    vague_words: frozenset[str]
    vague_groups: frozenset[str]  # "Aid agencies say": bare plurals of organisations
    off_record: tuple[str, ...]
    needs_as: frozenset[str]
    needs_document_subject: frozenset[str]
    not_with_object: frozenset[str]
    money_object_is_action: frozenset[str]
    estimate_objects: frozenset[str]  # "put the death toll at 42"
    clause_not_infinitive: frozenset[str]
    person_object_is_action: frozenset[str]
    sayers: frozenset[str]  # common nouns that can be a source at all
    findings: frozenset[str]  # documents whose present-tense "shows that" is a finding
    # stance verbs that report a private state: marked as evidence (SOURCE, CUE) for
    # any subject that can be a source, public or not ("many voters believe ...")
    private_states: frozenset[str] = frozenset()
    feelings: frozenset[str] = frozenset()
    # nouns for what someone said: "Trump's claim", "his promise" (evidence spans)
    utterances: frozenset[str] = frozenset()
    not_with_particle: frozenset[str] = frozenset()  # "backed out" is no backing
    aims_only: frozenset[str] = frozenset()  # "plans to ...": evidence of an aim, nothing else
    any_noun_speaks: frozenset[str] = frozenset()  # "the airline said": any noun subject
    # needs-clause verbs whose noun object is what is reported: "Trump cited his polls"
    object_is_content: frozenset[str] = frozenset()
    # singular role nouns ("the diplomat said") -> words one of which the fullest
    # mention of the person it names must have ("Foreign Ministry spokeswoman X")
    person_roles: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # "spokesperson": official whatever organisation it speaks for
    spokespeople: frozenset[str] = frozenset()
    # nouns for a view held: "Moscow's position is that ..." (the possessor speaks)
    positions: frozenset[str] = frozenset()
    # common nouns for a person that can stand before a name ("talk show host X",
    # "billionaire X"), besides the sayers, roles and agent nouns ("-er", "-ist")
    person_nouns: frozenset[str] = frozenset()
    private_persons: frozenset[str] = frozenset()
    # roles that make a transcript's speaker its host: the host's questions quote nobody
    interviewer_roles: frozenset[str] = frozenset()
    # bodies a post at which makes a person an expert ('who studies X at the University of Y')
    expert_posts: frozenset[str] = frozenset()
    former_words: frozenset[str] = frozenset()
    official_documents: frozenset[str] = frozenset()
    # words in a person's mention that rule out "he" ("female") or "she" ("male")
    gendered_words: dict[str, frozenset[str]] = field(default_factory=dict)
    # verbs that tell what a document says or shows: "the ad accuses", "records show"
    document_verbs: frozenset[str] = frozenset()
    # adjectives for a state of mind someone holds: "is worried that", "critical of"
    stance_adjectives: frozenset[str] = frozenset()
    # "is expected to speak": an expectation held by unnamed people (evidence CUE only)
    expectation_passives: frozenset[str] = frozenset()
    # "was asked about ...": a question put by unnamed people (evidence CUE only)
    question_passives: frozenset[str] = frozenset()
    # "sought to present himself": with only a to-infinitive an attempt (evidence only)
    speech_aims: frozenset[str] = frozenset()
    # "declined to discuss", "refused to be interviewed": speech withheld (evidence)
    refusal_topics: frozenset[str] = frozenset()
    # "offered advice", "issued a statement": a verb carrying a reporting noun (evidence)
    utterance_light_verbs: frozenset[str] = frozenset()
    # nouns for the text itself: "This commentary argues that ..." is the author
    own_text: frozenset[str] = frozenset()
    # nouns for a stance, with the prepositions naming what it is on: "his support for"
    stance_nouns: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # nouns naming a wording as such: 'the phrase "..."' mentions, not quotes
    mention_nouns: frozenset[str] = frozenset()
    # "according to figures published by NATO": verbs whose agent made the data public
    # (the agent is the source; not "documents seen by Reuters")
    publishing_verbs: frozenset[str] = frozenset()
    # "figures", "estimates": data whose publisher is the source ("data released by X")
    data_nouns: frozenset[str] = frozenset()
    # nouns a quoted name follows after "of": 'the principle of "..."' names, not quotes
    named_by_of_nouns: frozenset[str] = frozenset()
    # adverbs that negate a verb of saying as a habit: "rarely comments"
    rarity_adverbs: frozenset[str] = frozenset()
    # nouns for professional holders of a view: "Analysts expect ..." attributes
    # stance verb -> objects that make it a court's ruling ("dismissed two of the counts")
    court_objects: dict[str, frozenset[str]] = field(default_factory=dict)
    # works of research whose present "suggests that" is their own conclusion
    research_works: frozenset[str] = frozenset()

    @cached_property
    def stance_noun_ids(self) -> frozenset[int]:
        """Hashes of the stance nouns' forms, to test a token's ``lower`` (an int) without
        building its string."""
        from spacy.strings import get_string_id

        return frozenset(get_string_id(w) for w in self.stance_nouns)

    @cached_property
    def reporting_verbs(self) -> frozenset[str]:
        """Every verb lemma that can attribute: speech, stance and inference verbs
        (made once; looked up for every verb token)."""
        return self.speech | self.stance | self.present_inference


def _read_json(path: Path) -> dict[str, Any]:
    with path.open(encoding="utf-8") as fh:
        data: dict[str, Any] = json.load(fh)
    return data


@lru_cache(maxsize=1)
def lexicons() -> Lexicons:
    verbs = _read_json(SCHEMAS / "lexicons" / "reporting_verbs.json")
    nouns = _read_json(SCHEMAS / "lexicons" / "reporting_nouns.json")
    kinds = _read_json(SCHEMAS / "lexicons" / "source_kinds.json")
    return Lexicons(
        speech=frozenset(verbs["speech"]),
        stance=frozenset(verbs["stance"]),
        present_inference=frozenset(verbs["present_inference"]),
        needs_particle={k: tuple(v) for k, v in verbs["needs_particle"].items()},
        needs_clause=frozenset(verbs["needs_clause"]),
        hedge_adverbs=frozenset(verbs["hedge_adverbs"]),
        hedge_modals=frozenset(verbs["hedge_modals"]),
        documents=frozenset(nouns["document"]),
        official=frozenset(kinds["official_titles"]),
        media=frozenset(kinds["media"]),
        expert=frozenset(kinds["expert"]),
        anonymous_heads=frozenset(kinds["anonymous_heads"]),
        vague_words=frozenset(kinds["vague_words"]),
        vague_groups=frozenset(kinds.get("vague_groups", [])),
        off_record=tuple(kinds["off_record_cues"]),
        needs_as=frozenset(verbs.get("needs_as", [])),
        needs_document_subject=frozenset(verbs.get("needs_document_subject", [])),
        not_with_object=frozenset(verbs.get("not_with_object", [])),
        money_object_is_action=frozenset(verbs.get("money_object_is_action", [])),
        estimate_objects=frozenset(verbs.get("estimate_objects", [])),
        rarity_adverbs=frozenset(verbs.get("rarity_adverbs", [])),
        clause_not_infinitive=frozenset(verbs.get("clause_not_infinitive", [])),
        person_object_is_action=frozenset(verbs.get("person_object_is_action", [])),
        findings=frozenset(nouns.get("findings", [])),
        research_works=frozenset(nouns.get("research_works", [])),
        court_objects={k: frozenset(v) for k, v in verbs.get("court_objects", {}).items()},
        private_states=frozenset(verbs.get("private_states", [])),
        feelings=frozenset(verbs.get("feelings", [])),
        utterances=frozenset(nouns.get("utterances", [])),
        not_with_particle=frozenset(verbs.get("not_with_particle", [])),
        aims_only=frozenset(verbs.get("aims_only", [])),
        stance_adjectives=frozenset(verbs.get("stance_adjectives", [])),
        expectation_passives=frozenset(verbs.get("expectation_passives", [])),
        question_passives=frozenset(verbs.get("question_passives", [])),
        speech_aims=frozenset(verbs.get("speech_aims", [])),
        refusal_topics=frozenset(verbs.get("refusal_topics", [])),
        utterance_light_verbs=frozenset(verbs.get("utterance_light_verbs", [])),
        any_noun_speaks=frozenset(verbs.get("any_noun_speaks", [])),
        object_is_content=frozenset(verbs.get("object_is_content", [])),
        person_roles={k: tuple(v) for k, v in kinds.get("person_roles", {}).items()},
        spokespeople=frozenset(kinds.get("spokespeople", [])),
        positions=frozenset(nouns.get("positions", [])),
        person_nouns=frozenset(kinds.get("person_nouns", [])),
        private_persons=frozenset(kinds.get("private_persons", [])),
        interviewer_roles=frozenset(kinds.get("interviewer_roles", [])),
        expert_posts=frozenset(kinds.get("expert_posts", [])),
        former_words=frozenset(kinds.get("former_words", [])),
        official_documents=frozenset(kinds.get("official_documents", [])),
        gendered_words={k: frozenset(v) for k, v in kinds.get("gendered_words", {}).items()},
        document_verbs=frozenset(nouns.get("document_verbs", [])),
        own_text=frozenset(nouns.get("own_text", [])),
        stance_nouns={k: tuple(v) for k, v in nouns.get("stance_nouns", {}).items()},
        mention_nouns=frozenset(nouns.get("mention_nouns", [])),
        publishing_verbs=frozenset(nouns.get("publishing_verbs", [])),
        data_nouns=frozenset(nouns.get("data_nouns", [])),
        named_by_of_nouns=frozenset(nouns.get("named_by_of_nouns", [])),
        sayers=frozenset(
            kinds["official_titles"]
            + kinds["media"]
            + kinds["expert"]
            + kinds["anonymous_heads"]
            + kinds["vague_words"]
            + kinds.get("other_sayers", [])
            + nouns["document"]
        ),
    )


def load_patterns(name: str) -> list[dict[str, Any]]:
    """Patterns of ``schemas/patterns/<name>.jsonl``: spaCy Matcher format, each with an id."""
    path = SCHEMAS / "patterns" / f"{name}.jsonl"
    rows = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                rows.append(json.loads(line))
    return rows


def data_hash() -> str:
    """8 hex of a hash over every pattern and lexicon file (names and bytes, sorted).

    The boilerplate patterns count too: they decide which sentences get labels.
    """
    h = hashlib.sha256()
    files = [SCHEMAS / "boilerplate.jsonl"]
    for sub in ("patterns", "lexicons"):
        files += sorted(p for p in (SCHEMAS / sub).rglob("*") if p.is_file())
    for path in files:
        h.update(str(path.relative_to(SCHEMAS)).encode())
        h.update(path.read_bytes())
    return h.hexdigest()[:8]
