"""Closed-class words and grammar the resolution rules use (English function words and
dependency labels, not world knowledge, which lives in the data files)."""

from __future__ import annotations

# Prepositions after which a country names a place or a partner, not the actor's own state.
PLACE_PREPS = frozenset({
    "in", "at", "to", "near", "into", "against", "with", "toward", "towards", "on", "over",
    "across", "around", "inside", "outside", "between", "about", "after", "before", "during",
    "under", "than", "like", "despite", "amid", "onto", "within", "through", "via", "by", "off",
    "along", "beyond", "throughout", "upon", "among", "behind", "since", "until",
})
# Verbs whose modifier is someone else: "Iranian-backed Houthis" are not Iranian, and
# "Israeli-made drones" are whoever flies them.
SPONSOR_LEMMAS = frozenset({"back", "support", "sponsor", "fund", "arm", "ally", "align", "train",
                            "finance", "base", "link", "inspire", "affiliate", "make", "build",
                            "manufacture", "supply", "design"})
MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "poss", "nummod", "det", "case"})
CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp", "xcomp", "csubj", "parataxis"})
GROUP_NOUNS = frozenset({"country", "nation", "side", "leader", "government", "minister",
                         "official", "neighbor", "neighbour", "state", "counterpart", "delegation",
                         "ally", "foreign minister", "administration", "capital", "party",
                         "diplomat", "negotiator", "envoy"})
PERSON_PRONOUNS = frozenset({"he", "him", "his", "she", "her", "hers", "himself", "herself"})
GROUP_PRONOUNS = frozenset({"they", "them", "their", "theirs", "themselves"})
THING_PRONOUNS = frozenset({"it", "its", "itself"})
SPEAKER_PRONOUNS = frozenset({"we", "us", "our", "ours", "i", "me", "my"})
SPEECH_LEMMAS = frozenset({"say", "tell", "add", "state", "announce", "declare", "insist",
                           "stress", "note", "claim", "write", "tweet"})
# Nouns naming a part or a group of something; "X of <actor>" is then that actor.
PART_NOUNS = frozenset({
    "member", "number", "score", "dozen", "hundred", "thousand", "million", "group", "coalition",
    "delegation", "team", "contingent", "majority", "minority", "rest", "half", "some", "many",
    "most", "all", "several", "each", "one", "few", "none", "both", "either", "neither", "any",
    "body", "wing", "unit", "faction", "branch", "section", "bloc", "squad", "battalion",
    "brigade", "division", "platoon", "column", "convoy", "fleet", "flotilla", "head", "chief",
    "leadership", "representative", "spokesman", "spokeswoman", "spokesperson", "lawyer",
})
PACT_NOUNS = frozenset({"agreement", "treaty", "accord", "pact", "deal", "convention"})
STATE_NOUNS = frozenset({"country", "nation", "state", "kingdom", "republic"})
DIPLOMAT_WORDS = frozenset({"ambassador", "envoy", "embassy", "diplomat", "consul", "consulate",
                            "special envoy", "charge d'affaires", "chargé d'affaires",
                            "high commissioner"})
# Sectors whose unqualified members are usually where the story happens ("police", "protesters").
LOCAL_SECTORS = frozenset({"CVL", "REB", "OPP", "MIL", "JUD", "COP"})
# Government words for rulers named by how they rule rather than by their country ("the junta",
# "the regime"): news uses them for the government of the place the story is about, never for
# the reporter's own.
LOCAL_RULER_WORDS = frozenset({"junta", "military junta", "regime", "military regime",
                               "military government"})
# Prepositions after which a country is a place, partner or origin, not the doer's own state.
NOT_OWN_PREPS = PLACE_PREPS | {"from", "for"}
SPECIFIC_SECTORS = frozenset({"BUS", "JUD", "LEG", "MIL", "REB", "OPP", "NGO", "MED", "SPY"})
CONTEXT_HOWS = frozenset({"home-country", "coref-sector", "dyad", "location", "coref-country",
                          "foreign-diplomat", "pronoun", "weapon-user"})
EXPLICIT_HOWS = frozenset({"country-name", "capital", "seat", "org", "adjective", "demonym",
                           "office-holder", "location"})
_ENTRY_HOW = {"country": "country-name", "capital": "capital", "seat": "seat", "org": "org",
              "adjective": "adjective", "demonym": "demonym", "person": "office-holder"}
# Words that make a phrase about goods from somewhere ("barley imported from Australia").
TRADE_WORDS = frozenset({"import", "export", "ship", "produce", "source", "originate", "good",
                         "product", "commodity"})
# Verbs of leading: "a group led by X", "the delegation headed by X".
LEAD_LEMMAS = frozenset({"lead", "head", "chair", "command", "run", "direct"})
# Verbs of going somewhere: whoever "travels to Dhaka" or "visits India" is not from there.
TRAVEL_LEMMAS = frozenset({"travel", "visit", "fly", "arrive", "go", "come", "head", "return",
                           "trip", "tour", "land"})
# Verbs of arriving, whose "in X" is the destination ("arrived in Riyadh").
ARRIVAL_LEMMAS = frozenset({"arrive", "land"})
# Words of meeting, whose "with X" is the other party ("talks with Saudi officials").
MEETING_LEMMAS = frozenset({"talk", "meet", "meeting", "negotiation", "discussion", "summit",
                            "speak", "confer", "negotiate", "consultation", "call"})
# Links from a phrase up to the clause it belongs to ("Takizaki, the head of the ministry's
# bureau, is hoping ...": the bureau, the head and Takizaki share the subject's clause).
NOMINAL_LINKS = frozenset({"appos", "compound", "poss", "pobj", "prep", "amod", "nmod"})
# Verbs whose object is an enemy weapon ("air defences intercepted 20 drones").
INTERCEPT_LEMMAS = frozenset({"intercept", "down", "shoot", "destroy", "neutralise",
                              "neutralize", "repel"})
# Verbs a state does to its own envoys ("recalled its ambassador", "appointed an envoy"); other
# verbs on an envoy ("summoned the French ambassador") put the envoy's state on the other side.
OWN_ENVOY_LEMMAS = frozenset({"recall", "withdraw", "appoint", "name", "send", "dispatch",
                              "nominate", "accredit", "post"})
# Prepositions of a place trailing an actor phrase ("Abiy Ahmed in Addis Ababa", "drones over
# Kyiv"): where the actor was, not who it is.
TRAILING_PLACE_PREPS = frozenset({"in", "at", "over", "near", "outside", "inside"})
