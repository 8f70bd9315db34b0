"""Turns an idea's text into the word and character features the similarity index counts.

Words are stemmed by a light suffix stripper, council-domain synonyms are folded onto one
term, and stop words are dropped; character n-grams of the remaining words catch typos
and word forms the stemmer misses.
"""

import re
from functools import lru_cache

from improvement_hub.text.normalise import normalise

__all__ = ["MAX_CHARS", "Features", "analyse", "stem"]

MAX_CHARS = 20_000

# (word terms, pairs of nearby word terms, character n-grams)
Features = tuple[list[str], list[str], list[str]]

# Words every idea uses ("council", "idea", "suggest") say nothing about which idea it is:
# scikit-learn's English stop words, less these, plus ours (``_stop_words``).
_NOT_STOP_WORDS = {
    "bill", "call", "detail", "empty", "fire", "interest", "system", "move", "full", "fill"
}  # fmt: skip
_OUR_STOP_WORDS = {
    "also", "am", "anybody", "anyway", "basically", "bit", "can", "council", "councils",
    "did", "does", "doesn", "doesnt", "doing", "don", "dont", "far", "feel", "felt",
    "get", "gets", "getting", "going", "gonna", "got", "honestly", "idea", "ideas", "im",
    "isn", "isnt", "ive", "just", "know", "let", "like", "literally", "lot", "lots",
    "maybe", "mean", "need", "needs", "our", "propose", "proposal", "proposed", "really",
    "regard", "regards", "said", "say", "says", "shall", "should", "simply", "suggest",
    "suggested", "suggestion", "sure", "surely", "thank", "thanks", "thing", "things",
    "think", "thought", "use", "used", "using", "want", "wanted", "way", "ways", "will",
    "wonder", "wondering", "would", "wouldn", "wouldnt", "yes", "youre", "ve", "ll",
    "arent", "cant", "couldnt", "didnt", "hadnt", "hasnt", "havent", "hes", "its",
    "mustnt", "shes", "shouldnt", "thats", "theres", "theyre", "theyve", "wasnt", "werent",
    "whats", "wont", "youve", "weve", "were", "lets", "ok", "okay", "etc", "having",
    "whos", "theyll", "youll", "well", "dunno",  # not "ill" or "id": ill health, ID card
    # Forum courtesies and hedges that wrap an idea but say nothing about it.
    "apologies", "appreciate", "believe", "bear", "cheers", "considering", "dear",
    "discuss", "encouraged", "feedback", "forum", "glad", "happy", "hello", "helpful",
    "hi", "hope", "honest", "informally", "involved", "keen", "opinion", "personally",
    "posting", "reading", "sense", "suggesting", "view", "welcome", "worth", "wondered",
}  # fmt: skip


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    """Read on first use: importing scikit-learn takes about 2 s of CPU (scipy.stats),
    which a process that never analyses text (a management command, each test
    subprocess) would otherwise pay on start."""
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    return frozenset(ENGLISH_STOP_WORDS - _NOT_STOP_WORDS | _OUR_STOP_WORDS)


# Canonical term: surface words or phrases meaning the same in council ideas.
_SYNONYMS: dict[str, tuple[str, ...]] = {
    "bin": ("rubbish", "refuse", "garbage", "trash", "dustbin", "wheelie bin", "waste bin"),
    "bin collection": ("waste collection", "bin pickup", "bin pick up", "bin round"),
    "flytip": ("fly tipping", "fly tip", "flytipping", "fly tipped", "dumping", "dumped"),
    "streetlight": ("street light", "street lamp", "streetlamp", "lamp post", "lamppost"),
    "repair": ("fix", "mend", "fault"),
    "home": ("house", "housing", "flat", "dwelling", "accommodation"),
    "tenant": ("occupant", "renter", "leaseholder"),
    "damp": ("mould", "mold", "condensation"),
    "homeless": ("homelessness", "rough sleeper", "rough sleeping", "sofa surfing"),
    "child": ("kid", "kiddie", "youngster", "toddler", "baby", "pupil", "little ones"),
    "youth": ("young people", "young person", "teenager", "teen", "adolescent", "youths"),
    "parent": ("mum", "dad", "guardian", "parenting"),
    "staff": ("employee", "colleague", "worker", "workforce", "personnel", "officer"),
    "manager": ("boss", "line manager", "supervisor", "team leader"),
    "job": ("employment", "career"),
    "recruit": ("recruitment", "hiring"),
    "train": ("upskill", "upskilling", "training course", "e learning", "elearning"),
    "apprentice": ("apprenticeship", "trainee"),
    "laptop": ("computer", "pc", "desktop", "notebook"),
    "login": ("log in", "logon", "log on", "sign in", "signin", "sign on", "sso"),
    "online": ("website", "web", "internet", "portal", "app", "webpage", "web page", "eform"),
    "email": ("e mail",),
    "phone": ("telephone", "call", "phonecall"),
    "contactcentre": ("contact centre", "call centre", "customer service", "customer services"),
    "counciltax": ("council tax", "ctax", "c tax"),
    "money": ("budget", "funding", "fund", "cash"),
    "paper": ("print", "printer", "printing", "paperwork", "photocopy", "photocopier"),
    "quick": ("fast", "rapid", "prompt", "swift", "speed", "speedy", "asap"),
    "delay": ("backlog", "wait", "waiting", "queue", "late", "slow"),
    "complaint": ("complain", "grievance", "moan", "gripe"),
    "resident": ("citizen", "customer", "householder", "service user", "member of the public"),
    "elderly": (
        "older people",
        "older person",
        "old people",
        "old folk",
        "old folks",
        "pensioner",
        "senior citizen",
        "oap",
        "nan",
        "gran",
        "grandparent",
    ),
    "disabled": ("disability", "disabilities", "wheelchair"),
    "gp": ("doctor", "surgery", "general practice"),
    "car": ("vehicle", "van", "fleet"),
    "park": ("green space", "playground", "play area"),
    "library": ("libraries",),
    "translate": ("interpreter", "interpreting", "translation"),
    "carer": ("caring", "care giver", "caregiver"),
    "leave": ("annual leave", "time off"),
    "sick": ("sickness", "illness", "absence", "off sick"),
    # Frontline and informal words for what officers write formally.
    "hardship": ("skint", "broke", "cost of living", "poverty", "struggling financially"),
    "toilet": ("loo", "lavatory", "wc", "public convenience"),
    "vaccinate": ("jab", "vaccination", "vaccine", "immunisation"),
    "pharmacy": ("chemist", "pharmacist"),
    "bailiff": ("enforcement agent",),
    "taxi": ("cab", "cabbie", "minicab"),
    "takeaway": ("chippy", "chip shop", "fast food"),
    "police": ("bobby", "copper", "cop"),
    "binlorry": ("dustcart", "bin lorry", "refuse vehicle", "refuse lorry", "bin truck"),
    "tip": (
        "household waste recycling centre",
        "household recycling centre",
        "hwrc",
        "recycling centre",
        "the dump",
    ),
    "evict": ("eviction", "section 21", "notice to quit"),
    "empty": ("void", "vacant", "unoccupied", "boarded up"),
    "downsize": ("under occupying", "under occupation", "smaller home", "rightsizing"),
    "arrears": (
        "behind on rent",
        "behind with rent",
        "behind with the rent",
        "fall behind",
        "falling behind",
        "fell behind",
    ),
    "lonely": ("isolated", "isolation", "loneliness"),
    "exercise": ("fitness", "physical activity", "workout"),
    "obesity": ("overweight", "obese", "healthy weight"),
    "cctv": ("camera", "surveillance"),
    "wage": ("salary", "wages", "payroll"),
    "business": ("firm", "company", "employer", "trader", "sme"),
    "councillor": ("cllr", "elected member"),
    "wifi": ("wi fi", "wireless", "broadband", "internet connection"),
    "password": ("log in details", "credentials"),
    "inbox": ("mailbox", "outlook"),
    "digitise": ("scan", "scanning", "digitize", "digitisation"),
    "jargon": ("plain english", "gobbledygook", "waffle"),
    "slot": ("time slot", "timeslot"),
    "callback": ("ring back", "call back"),
    "webchat": ("live chat", "web chat", "chatbot", "chat bot"),
    "pothole": ("pot hole", "road defect", "highway defect", "carriageway defect"),
    "pavement": ("footpath", "footway", "sidewalk"),
    "bike": ("bicycle", "cycle", "cycling", "cyclist"),
    "roadworks": ("dig up", "dug up", "digging up", "utility works", "street works"),
    "solar": ("solar panel", "photovoltaic"),
    "insulate": ("insulation", "lagging", "draught proofing"),
    "heating": ("radiator", "boiler"),
    "planningapplication": ("planning application", "planning app"),
    "domesticabuse": ("domestic violence", "domestic abuse"),
    "exploit": ("exploitation", "grooming", "groomed", "cse"),
    "desk": ("hot desk", "hotdesk", "workstation"),
    "civiccentre": ("civic centre", "town hall", "council offices"),
    "shower": ("changing room",),
    "livestream": ("youtube", "webcast", "broadcast", "streaming"),
    "subtitle": ("caption",),
    "newsletter": ("ebulletin", "e bulletin", "bulletin"),
    "directory": ("phone book", "phonebook"),
    # Acronyms staff use and residents spell out.
    "ehcp": ("education health and care plan", "education health care plan"),
    "sen": ("special educational needs", "special educational needs and disabilities"),
    "dols": ("deprivation of liberty safeguards", "deprivation of liberty"),
    "hb": ("housing benefit",),
    "cts": ("council tax support", "council tax reduction", "ctr"),
    "hmo": ("house in multiple occupation", "houses in multiple occupation"),
    "asb": ("anti social behaviour", "antisocial behaviour", "troublemaker", "yob"),
    "dfg": ("disabled facilities grant",),
    "ot": ("occupational therapist", "occupational therapy"),
    "foi": ("freedom of information",),
    "ae": ("a e", "accident and emergency", "emergency department"),
    "ev": ("electric vehicle", "electric car"),
    "ta": ("temporary accommodation",),
    "esol": ("english for speakers of other languages",),
    "dbs": ("dbs check", "criminal record check"),
}

_TOKEN = re.compile(r"[^\W_]+(?:'[^\W_]+)*")
# Acronyms that lower-case into common words: "IT" the department, not the pronoun.
_UPPERCASE_ACRONYMS = {"IT": "ict", "SEND": "sen"}
_UPPERCASE_ACRONYM = re.compile(r"\b(?:IT|SEND)\b")
_VOWEL = re.compile(r"[aeiouy]")

_IRREGULAR = {"caring": "care", "cared": "care", "carer": "carer", "children": "child",
              "people": "people", "news": "news", "bus": "bus", "gas": "gas"}  # fmt: skip
_E_DROPPING = frozenset({"ing", "ings", "ed", "edly"})
# One consonant-vowel-consonant ending after at most a consonant cluster: "tak", "hir".
_SHORT_CVC = re.compile(r"[^aeiou]*[aeiouy][^aeiouwxy]")
_SUFFIXES = (  # longest first; each maps to what replaces it
    ("isation", "ise"), ("ization", "ise"), ("ational", "ate"), ("ations", "ate"),
    ("ation", "ate"), ("ising", "ise"), ("izing", "ise"), ("ised", "ise"), ("ized", "ise"),
    ("ize", "ise"), ("ments", ""), ("ment", ""), ("ness", ""), ("ings", ""), ("ing", ""),
    ("ful", ""), ("edly", ""), ("ed", ""), ("ions", ""), ("ion", ""), ("ly", ""),
)  # fmt: skip


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Strip common English suffixes so word forms meet; refuses nothing, may not return a word."""
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if len(word) <= 3 or not word.isalpha():
        return word
    if word.endswith("ies") and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith("sses"):
        word = word[:-2]
    elif word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    for suffix, replacement in _SUFFIXES:
        if word.endswith(suffix):
            base = word[: -len(suffix)]
            if suffix == "ly" and (len(base) < 4 or base.endswith(("i", "p", "l"))):
                break
            if suffix == "ed" and base.endswith("e"):
                break
            if suffix.startswith("ion") and (len(base) < 4 or base[-1] not in "st"):
                break
            if len(base) >= 3 and _VOWEL.search(base):
                word = base + replacement
                if replacement == "" and len(word) > 3 and word[-1] == word[-2]:
                    if word[-1] not in "lsz":
                        word = word[:-1]
                elif suffix in _E_DROPPING and _SHORT_CVC.fullmatch(word):
                    word += "e"  # "taking" -> "take", as "take" stays "take".
            break
    if len(word) > 4 and word.endswith("e"):
        word = word[:-1]
    return word


def _stems_of(phrase: str) -> tuple[str, ...]:
    return tuple(stem(token.replace("'", "")) for token in _TOKEN.findall(normalise(phrase)))


_PHRASES: dict[tuple[str, ...], str] = {}
for _canonical, _variants in _SYNONYMS.items():
    _target = "".join(_canonical.split())
    for _variant in (_canonical, *_variants):
        _PHRASES[_stems_of(_variant)] = _target
_PHRASE_STARTS = frozenset(key[0] for key in _PHRASES)
_PHRASE_LENGTHS = sorted({len(key) for key in _PHRASES}, reverse=True)


@lru_cache(maxsize=200_000)
def _char_ngrams(word: str, low: int, high: int) -> tuple[str, ...]:
    padded = f" {word} "
    return tuple(
        padded[start : start + n]
        for n in range(low, high + 1)
        for start in range(len(padded) - n + 1)
    )


def analyse(
    text: str,
    *,
    stemming: bool = True,
    synonyms: bool = True,
    char_ngrams: tuple[int, int] = (3, 5),
    pair_window: int = 1,
    ordered_pairs: bool = True,
) -> Features:
    """Return (word terms, word pairs, character n-grams) of `text`; truncates past MAX_CHARS."""
    text = _UPPERCASE_ACRONYM.sub(lambda m: _UPPERCASE_ACRONYMS[m.group()], text[:MAX_CHARS])
    tokens = [token.replace("'", "") for token in _TOKEN.findall(normalise(text))]
    stems = [stem(token) for token in tokens] if stemming else tokens
    stop_words = _stop_words()
    starts = _PHRASE_STARTS if synonyms else frozenset()
    low, high = char_ngrams
    terms: list[str] = []
    chars: list[str] = []
    position, count = 0, len(tokens)
    while position < count:
        token, current = tokens[position], stems[position]
        if current in starts:
            length, target = 0, ""
            for size in _PHRASE_LENGTHS:
                found = _PHRASES.get(tuple(stems[position : position + size]))
                if found is not None:
                    length, target = size, found
                    break
            if length:
                terms.append(target)
                for word in tokens[position : position + length]:
                    if word not in stop_words:
                        chars.extend(_char_ngrams(word, low, high))
                position += length
                continue
        if len(token) > 1 and token not in stop_words:
            terms.append(current)
            chars.extend(_char_ngrams(token, low, high))
        position += 1
    pairs = []
    for gap in range(1, pair_window + 1):
        for first, second in zip(terms, terms[gap:], strict=False):
            if not ordered_pairs and second < first:
                first, second = second, first
            pairs.append(f"{first} {second}")
    return terms, pairs, chars
