"""Word lists the extractive rules consult.

Kept in one place so the rules read as logic and the vocabulary can grow
without touching them. Everything is lower case unless said otherwise.
"""

from __future__ import annotations

# Abbreviations whose full stop never ends a sentence.
ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof sr jr st mt gen col lt sgt capt cmdr adm gov sen rep rev hon pres
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
    no nos vol vols p pp fig figs approx est dept univ assn bros inc ltd co corp plc
    vs v etc e.g i.e cf al a.m p.m u.s u.k u.n e.u d.c
    """.split()
)

# Abbreviations that may also close a sentence ("... in the U.S. The next day").
TERMINAL_ABBREVIATIONS = frozenset("inc ltd co corp plc etc u.s u.k u.n e.u d.c a.m p.m".split())

# Words that open a sentence; after a terminal abbreviation they signal a break.
SENTENCE_OPENERS = frozenset(
    "the a an he she it they we i but and in on at after before this that these those "
    "his her their its our there when while since as if".split()
)

# Verbs of saying and of taking a position; "X <verb>" attributes a statement to X.
SPEECH_VERBS = frozenset(
    """
    said says say told tells tell added adds warned warns countered counters counter
    rejected rejects argued argues insisted insists claimed claims claim denied denies
    disputed disputes contested contests questioned criticized criticised criticizes
    criticises accused accuses stated states noted notes announced announces acknowledged
    admitted maintained maintains estimated estimates urged urges vowed vows promised
    pledged predicted predicts explained wrote writes replied responded dismissed
    dismisses objected conceded suggested asserted declared believes believe called
    calls reported reports confirmed confirms cautioned complained
    pressed stressed emphasised emphasized conceded contended contends found finds
    commented comments explains explain remarked remarks tweeted tweets spoke blamed blames
    alleged alleges ruled concluded concludes decided ordered disagreed disagrees agreed
    """.split()
)

# Verbs of asking someone to do something: "advised skippers to stay in port". A verb of
# saying only with that shape (an object, then "to" and a verb): "asked for a recount",
# "invited guests to the launch" ask nothing of anyone (``attribution._directs``).
DIRECTIVE_VERBS = frozenset(
    """
    advised advises encouraged encourages asked asks instructed instructs invited invites
    implored implores begged begs
    """.split()
)

# Verbs and phrases by which one party contests another party's claim.
CONTEST_VERBS = frozenset(
    """
    countered counters counter rejected rejects denied denies disputed disputes contested
    contests challenged challenges questioned dismissed dismisses refuted refutes
    """.split()
)
# Verbs that deny what they report: "denied that the jobs would go" says the jobs
# will stay. A position taken from them keeps the verb.
DENIAL_VERBS = CONTEST_VERBS - frozenset("countered counters counter".split())
CONTEST_PHRASES = (
    "put the figure at",
    "put the number at",
    "put the total at",
    "put the toll at",
    "put the count at",
    "put the crowd at",
    "put the cost at",
    "closer to",
    "nearer to",
    "no more than",
    "far fewer",
    "far lower",
    "overstated",
    "exaggerated",
    "inflated",
    "understated",
    "disputed that",
    "disputed the",
)

# Title words: a capitalised run ending in one of these is a role, not a name.
TITLES = frozenset(
    """
    president vice prime minister secretary mayor governor senator chancellor chairman
    chairwoman chair chief executive ceo director spokesman spokeswoman spokesperson
    professor judge justice general commissioner councillor councilor councilwoman
    councilman deputy ambassador king queen prince princess pope bishop archbishop
    premier representative rep sen gov dr mr mrs ms prof sheriff superintendent
    inspector commander captain colonel lieutenant sergeant officer manager founder
    treasurer auditor attorney lawyer economist analyst coach leader head editor constable
    detective administrator doctor
    envoy diplomat official minister-president auditor
    legislator lawmaker assemblyman assemblywoman congressman congresswoman
    secretary-general broadcaster speaker whip commandant admiral taoiseach
    """.split()
)

# Abbreviated titles of a member of a parliament or assembly ("Labour MP Ann Holt").
# Not title words of the cast (see stance_choice): they only mark where a person's
# name begins after a descriptor (actors.descriptor_end).
MEMBER_TITLES = frozenset("mp mep msp mla mpp td mk mhk mna".split())

# Endings of nouns that name what a person does and that no given name shares
# ("Glaciologist", "Photographer", "Prosecutor", "Actress"): a capitalised word
# with one, before a person's full name, is a descriptor. Lower case; each needs
# a word of at least AGENT_MIN_CHARS letters.
AGENT_ENDINGS = (
    "ist",
    "ician",
    "grapher",
    "ator",
    "utor",
    "itor",
    "ssor",
    "isor",
    "eer",
    "tress",
    "maker",
    "keeper",
    "fighter",
    "writer",
    "holder",
    "worker",
    "sman",
    "swoman",
    "sperson",
    "woman",
)
# The lengths were set by reading, not tuned on any split: the shortest agent noun
# wanted is "Artist" (6); "Greer" (5) is a given name with an agent ending.
AGENT_MIN_CHARS = 6
# "-ctor" words only from this length on: "Director" and "Inspector" (8, 9), never
# "Victor" or "Hector" (6).
AGENT_CTOR_MIN_CHARS = 8
# Words with a common ending need the article's lower-case use too, so shorter ones
# may count: "Actor", "Baker" (5) where the article writes "actors", "a baker".
DESCRIPTOR_MIN_CHARS = 5
# Endings that many job and status nouns share with given names ("Baker" and "Walker",
# "Historian" and "Sebastian", "Cardinal" and "Jamal"): such a word is a descriptor only
# where the article also uses it in lower case ("the historian", "historians").
COMMON_NOUN_ENDINGS = (
    "er",
    "or",
    "our",
    "an",
    "ant",
    "ent",
    "al",
    "ee",
    "ar",
    "ary",
    "ive",
    "ate",
    "ess",
    "ed",
)

# Nouns that head a description of a speaker ("the top US diplomat", "the mayor").
DESCRIPTION_HEADS = frozenset(
    """
    diplomat minister mayor president governor senator spokesman spokeswoman spokesperson
    official chancellor secretary ambassador envoy chairman chairwoman chief executive
    director commissioner councillor premier leader head auditor
    """.split()
)

# Collective speakers that may be actors without a proper name ("police said").
GROUP_HEADS = frozenset(
    """
    police officials organisers organizers protesters residents critics analysts
    economists unions union lawmakers opposition government ministry council company
    powers campaigners activists authorities prosecutors investigators experts
    researchers regulators employers workers farmers teachers doctors nurses
    association federation alliance trust institute campaign coalition party committee
    board inspectorate regulator agency authority commission operator group society
    chamber league club firm network cooperative co-op guild consortium foundation
    """.split()
)

PRONOUNS = frozenset("he she they it we i".split())

# Verbs that only introduce speech: what follows them is the reported content.
PURE_SPEECH_VERBS = frozenset(
    """
    said says say added adds told tells stated states noted notes wrote writes commented
    comments explains explained remarked remarks tweeted tweets
    """.split()
)

# News outlets: reporting what happened, they hold no position of their own. A word
# of a name ("Valley Herald", "Morning Ledger") or a well-known agency or network.
MEDIA_WORDS = frozenset(
    """
    news times post press herald journal tribune gazette observer guardian telegraph
    magazine daily chronicle courier independent mirror express radio television tv
    broadcasting broadcaster wire insider ledger bulletin dispatch examiner inquirer
    reporter newspaper newsweek wikinews channel
    """.split()
)
MEDIA_NAMES = frozenset(
    """
    reuters ap afp bbc cnn npr pbs abc nbc cbs bloomberg xinhua tass itv msnbc
    """.split()
) | frozenset(("al jazeera", "associated press", "agence france-presse", "fox news", "sky news"))

# Capitalised words that are never names on their own.
NOT_NAMES = frozenset(
    """
    the a an and but or so yet for nor if as at by in of on to up with from into onto
    over under after before since while when where why how what who whom whose which
    that this these those there here then than he she it they we i you his her its
    their our my your him them us me all some many most more much few any each every
    both either neither one two three four five six seven eight nine ten no not yes
    monday tuesday wednesday thursday friday saturday sunday january february march
    april may june july august september october november december today yesterday
    tomorrow last next also later earlier however meanwhile still though although because despite
    during until unless whether according mr mrs ms dr together
    """.split()
)

# Very common words that carry no topic.
STOPWORDS = frozenset(
    """
    a about above after again against all also am an and any are as at be because been
    before being below between both but by can could did do does doing down during each
    few for from further had has have having he her here hers herself him himself his how
    i if in into is it its itself just me more most my myself no nor not now of off on
    once only or other our ours out over own same she should so some such than that the
    their theirs them themselves then there these they this those through to too under
    until up very was we were what when where which while who whom why will with would
    you your yours said says say told tell tells added would could may might must shall
    one two three four five six seven eight nine ten new last next year years week weeks
    day days month months time times mr mrs ms dr per cent percent including since
    according among around another even ever every many much several still yet
    saying adding telling
    """.split()
)

# Names of days and months, lower-case.
WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
MONTHS = frozenset(
    "january february march april may june july august september october november december".split()
)

# Plural nouns after a number that measure time or age, never a contested count.
TIME_UNITS = frozenset(
    """
    years months weeks days hours minutes seconds decades centuries times
    year-olds yrs hrs mins am pm
    """.split()
)

# Currency words and symbols, mapped to the unit a briefing reports.
CURRENCY_SYMBOLS = {"$": "USD", "us$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY"}
CURRENCY_WORDS = {
    "dollars": "USD",
    "dollar": "USD",
    "euros": "EUR",
    "euro": "EUR",
    "pounds": "GBP",
    "yen": "JPY",
    "yuan": "CNY",
    "crowns": "crowns",
    "kronor": "SEK",
    "kroner": "kroner",
    "francs": "francs",
    "rupees": "rupees",
    "pesos": "pesos",
    "usd": "USD",
    "eur": "EUR",
    "gbp": "GBP",
}

SCALES = {
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "m": 1e6,
    "mn": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "trillion": 1e12,
    "tn": 1e12,
}

# Words that make a capitalised run an organisation or a place, not a person.
NON_PERSON = frozenset(
    """
    week day eve weekend festival games olympics cup championship summit conference war
    treaty agreement convention christmas easter
    cooperative co-op coalition campaign holdings cruises airlines alliance movement
    states kingdom nations union council assembly sea ocean africa america asia europe
    east west north south republic party ministry department university bank court
    committee commission agency office times news post group institute corporation
    company association federation authority service police force army war street road
    city county province district island islands park hospital school college church
    airport station river lake mountains valley bay gulf strait canal square hall
    club league board trust fund foundation centre center market exchange press
    lane avenue quay pier harbour harbor port bridge hill fort cape beach wharf
    terrace crescent drive boulevard highway plaza gate gates estate
    minerals mining mines metals oil gas energy power wind offshore solar water utilities
    ferries railways rail airways shipping transport motors industries partners capital
    systems technologies foods resources trading works services inspectorate regulator
    laboratory research insurance media national federal regional municipal royal
    rovers united
    terminals terminal logistics freight haulage docks dockyard yards shipyard builders
    construction engineering developments developers properties homes estates
    networks communications telecom pharmaceuticals pharma labs laboratories
    ventures enterprises brands stores retail foods farms fisheries dairies breweries
    solutions consulting consultants associates analytics software
    institution institutions house eastern western northern southern central
    network channel magazine newspaper journal radio television studio studios records
    band orchestra choir team museum library theatre theater gallery prison
    government governments administration parliament senate congress cabinet opposition
    regime survey observatory programme
    petroleum petrochemicals chemicals electric electronics securities investments
    telecommunications broadcasting publishing entertainment hotels resorts aerospace
    automotive semiconductors textiles cement bureau
    """.split()
)
# Heads of a document's name: "the Mitchell Plan", "the Kyoto Protocol". A document
# says what its authors wrote; it holds no position of its own. Heads that also end
# bodies' names ("Geological Survey", "World Food Programme", "Office of Management
# and Budget", "Institute for Public Policy") are left out.
DOCUMENT_HEADS = frozenset(
    """
    act plan report protocol accord charter declaration resolution memorandum
    constitution treaty convention agreement strategy scheme roadmap blueprint manifesto
    """.split()
)
NON_PERSON = NON_PERSON | DOCUMENT_HEADS

# Words of a body's name that many bodies share: no sign of the same side.
GROUP_WORDS = frozenset(
    """
    the of and for national regional city state county district council union party group
    company association federation alliance trust institute committee board office
    authority agency ministry department
    """.split()
)


# Nouns and adjectives ending in "-ly": not adverbs ("his family reported", "the daily").
LY_NOT_ADVERBS = frozenset(
    "family assembly supply rally ally anomaly monopoly homily bully folly belly jelly "
    "italy july lily holly early daily weekly monthly yearly elderly friendly likely".split()
)
# Past forms (and participles) that do not end in "-ed".
IRREGULAR_PAST = frozenset(
    """
    made took gave found won lost left met ran sent began fell rose hit shot held brought
    built bought caught fought thought sold became came went saw knew got put set kept led
    paid spent struck stood wrote spoke broke chose drew flew grew threw hid beat cut let
    quit shut spread sank fled felt meant sought taught underwent withdrew upheld overturned
    dies died born given taken known seen done gone written shown begun""".split()
)
# Words ending in "-ed" that are no past forms: "a hundred", "the seabed".
ED_NOT_VERBS = frozenset(
    "hundred sacred naked wicked kindred seabed need speed seed breed creed greed".split()
)
