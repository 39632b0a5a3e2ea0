"""The patterns page furniture is recognised by.

Calls to action, list headings, labelled links, notices, captions, and the
words that are never names or are outlets' names; ``summarizer.inputs.furniture``
applies them line by line.
"""

from __future__ import annotations

import re

# Characters that break lines or pages: kept as line breaks so that words on either
# side do not run together.
LINE_BREAKS = re.compile("[\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
# C0 and C1 control characters except tab and newline (\r is handled before).
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# A wiki's rendered language gloss: "((pl))Polish language: \u200d" before the
# original words. The code and the label are markup, not the story; the original
# words stay (where they end, the text does not say).
LANGUAGE_GLOSS = re.compile(
    r"\(\([a-z]{2,3}(?:-[A-Za-z0-9]{2,8}){0,2}\)\)"
    r"(?:[A-Z][\w’'\-]{1,30}(?: [A-Z][\w’'\-]{1,30}){0,3} language:[ ]?\u200d?)?"
)
QUOTE_MARKS = re.compile(r"[\"“”„«»‘]")
REPORTING = re.compile(
    r"\b(?:said|says|told|according\s+to|added|asked|urged|warned|wrote|announced|"
    r"explained|insisted)\b",
    re.IGNORECASE,
)
READER = re.compile(r"\byou(?:r|rs)?\b", re.IGNORECASE)
SENTENCE_END = re.compile(r"[.!?\"”’)]$")

LEAD = r"^[\s>»›•·*#|+\-–—]*"
END = r"[\s.!:>»›…|]*$"
WORD = r"[\w'’&.-]+"


def any_of(patterns: list[str]) -> re.Pattern[str]:
    """One case-blind pattern matching any of ``patterns`` at a line's start (after bullets)."""
    return re.compile(LEAD + "(?:" + "|".join(patterns) + ")", re.IGNORECASE)


# Calls to action, membership pitches, ads, sharing and navigation labels.
CTA = any_of(
    [
        r"(?:please\s+)?(?:subscribe|sign\s*-?\s*(?:up|in)|log\s*-?\s*(?:in|out)|login)\b",
        r"register(?:\s+(?:now|here|today|for\s+free|free))?" + END,
        r"already\s+(?:a\s+)?(?:member|subscriber|registered|signed\s+up)\b",
        r"already\s+have\s+an\s+account\b",
        r"not\s+a\s+(?:member|subscriber)\b",
        r"(?:don['’]t|do\s+not)\s+have\s+an\s+account\b",
        r"create\s+(?:a\s+|an\s+|your\s+)?(?:free\s+)?account\b",
        r"forgot\s+(?:your\s+)?password\b",
        rf"(?:download|get|install|open|try)\s+(?:the|our)\s+(?:{WORD}\s+){{0,3}}app\b",
        rf"(?:read|continue)\s+(?:this\s+|the\s+full\s+)?(?:story|article)s?\s+(?:in|on)\s+"
        rf"(?:the|our)\s+(?:{WORD}\s+){{0,3}}app\b",
        rf"(?:{WORD}\s+){{0,6}}(?:in|on|with)\s+(?:the|our)\s+(?:{WORD}\s+){{0,2}}app" + END,
        r"(?:get|turn\s+on|enable|allow)\s+(?:breaking\s+news|push|news)\s+(?:alerts|notifications)\b",
        r"(?:available|get\s+it)\s+on\s+(?:the\s+)?(?:app\s+store|google\s+play)\b",
        r"start\s+(?:reading|(?:your|a)\s+(?:free\s+)?trial|(?:your\s+)?subscription)\b",
        r"(?:start|begin|try|claim|get)\s+(?:your\s+|a\s+)?(?:[\w-]+[\s-]+days?\s+)?free\s+trial\b",
        r"free\s+trial" + END,
        r"[\w-]+[\s-]+(?:days?|weeks?|months?)\s+(?:free|for\s+free|on\s+us)"
        r"(?:[,;]?\s+then\s+[^!?]{0,40})?" + END,
        r"(?:cancel|pause)\s+any\s*time\b",
        r"(?:read|continue)\s+(?:reading|more|next|the\s+full\s+(?:story|article))\b",
        r"read\s+(?:news|stories|articles)\s+from\b",
        r"get\s+all\s+(?:of\s+)?(?:your|the)\s+news\b",
        r"[\d,.]+\s*(?:['’]s|\+|k\+?|m\+?)?\s+(?:of\s+)?(?:[\w-]+\s+){0,2}"
        r"(?:titles|sources|publications|publishers|magazines|newspapers)" + END,
        r"one\s+(?:app|membership|subscription|account|login)(?:[.!]?\s+one\s+[\w-]+){0,3}" + END,
        r"become\s+a\s+(?:member|subscriber|supporter|patron)\b",
        r"(?:support|fund)\s+(?:our|independent|quality)\s+journalism\b",
        r"(?:get|unlock|enjoy)\s+(?:unlimited|full|instant|digital|premium)\s+access\b",
        r"(?:unlimited|full|instant|digital|premium)\s+access" + END,
        r"(?:this|the\s+full)\s+(?:article|story|content)\s+is\s+(?:only\s+)?(?:for|available\s+to|"
        r"reserved\s+for)\s+(?:paying\s+)?(?:subscribers|members)\b",
        r"(?:for\s+)?(?:subscribers?|members?)[\s-]+only" + END,
        r"join\s+(?:us|now|today|the\s+conversation|our\s+(?:community|newsletter|mailing\s+list))\b",
        rf"(?:get|receive|sign\s+up\s+for|subscribe\s+to)\s+(?:our|the)\s+(?:{WORD}\s+){{0,3}}"
        r"newsletters?\b",
        rf"(?:{WORD}\s+){{0,3}}newsletters?" + END,
        r"newsletter\s+sign[\s-]*up\b",
        r"(?:advertisement|advert|ad|sponsored(?:\s+content)?|promoted(?:\s+content)?|"
        r"paid\s+(?:content|post)|partner\s+content)" + END,
        r"(?:story|article)\s+continues\s+(?:below|after)\b",
        r"share\s+(?:this|on|via|the\s+(?:article|story))\b",
        r"share" + END,
        r"follow\s+(?:us|@)",
        # "Follow our full coverage of ...", "Follow all the latest updates on our live page"
        r"follow\s+(?:[\w'’.-]+\s+){0,5}?(?:coverage|updates|live\s+(?:blog|page|coverage)|"
        r"developments)\b",
        # "Follow Ines Marlowe on X", "Follow her on Instagram"
        r"follow\s+(?:[\w'’.-]+\s+){1,3}on\s+(?:x|twitter|instagram|facebook|threads|bluesky|"
        r"linkedin|tiktok|youtube|mastodon|whatsapp|telegram)\b",
        # "For the latest updates, follow our live blog"
        r"for\s+(?:the\s+)?(?:latest|full|more|live|all\s+(?:the\s+)?latest)\s+[^.!?]{0,60}?\b"
        r"(?:follow|visit|see|go\s+to|read|watch|click|check\s+out|head\s+to|sign\s+up|"
        r"subscribe)\b",
        # "See our full coverage of ...", "Catch up on all our coverage of ..."
        r"(?:see|read|explore|visit|watch|catch\s+up\s+(?:on|with))\s+(?:all\s+)?(?:of\s+)?"
        r"(?:our|the\s+[\w'’.-]+['’]s)\s+(?:[\w-]+\s+){0,3}coverage\b",
        r"(?:got|have)\s+a\s+(?:news\s+)?(?:tip|story)(?:\s+(?:tip|idea))?\s*\?",
        r"(?:like|find|join)\s+us\s+on\b",
        r"(?:(?:share\s+(?:on|via)\s+)?(?:facebook|twitter|x|linkedin|whatsapp|reddit|e-?mail|"
        r"pinterest|telegram|copy\s+link|print|flipboard|bluesky|threads)\b[\s|,/·•]*){1,12}$",
        r"skip\s+to\s+(?:main\s+)?(?:content|navigation)\b",
        r"back\s+to\s+top\b",
        r"(?:open|close|toggle)\s+(?:the\s+)?(?:menu|navigation|search)\b",
        r"(?:menu|search|home|navigation|main\s+menu|next|previous|prev|close|print|comments?)"
        + END,
        r"(?:print|email)\s+(?:this\s+)?(?:article|story|page)\b",
        r"(?:listen\s+to|watch)\s+(?:this\s+)?(?:article|story)\b",
        r"\d+\s*-?\s*min(?:ute)?s?\s+read" + END,
        r"(?:view|show|load|see)\s+(?:all\s+)?(?:\d+\s+)?(?:more\s+)?comments\b",
        r"\d+\s+comments?" + END,
        r"comments?\s*\(\d+\)" + END,
    ]
)

# Headings of link lists: the short lines right under them are links, not story.
LIST_HEADING = any_of(
    [
        r"(?:related|recommended|suggested)(?:\s+(?:stories|articles|news|content|reading|links|"
        r"topics|coverage|for\s+you))?" + END,
        r"(?:most|top)\s+(?:read|popular|viewed|shared|commented|recent)\b",
        r"top\s+(?:stories|news|picks|headlines|reads)\b",
        r"(?:our|editor['’]?s['’]?|staff)\s+picks\b",
        r"you\s+(?:may|might)\s+(?:also\s+)?(?:like|enjoy|be\s+interested)\b",
        r"more\s+(?:stories|news|articles|coverage)\b",
        r"more\s+(?:from|on)\s+(?:this\s+story|\S+" + END + ")",
        r"(?:see|read)\s+also\b",
        r"also\s+read\b",
        r"trending(?:\s+(?:now|stories|today))?" + END,
        r"(?:latest|breaking)\s+(?:news|stories|headlines)" + END,
        r"in\s+other\s+news\b",
        r"(?:around|from)\s+the\s+web\b",
    ]
)

# "Related: Council delays vote" -- a link with a label.
LABELLED_LINK = any_of(
    [r"(?:related|read\s+more|read\s+also|also\s+read|see\s+also|more|watch|listen|read)\s*:\s*\S"]
)

# Cookie, privacy and copyright notices: longer, but never news.
_NOTICES = [
    r"we\s+(?:use|value)\s+(?:cookies|your\s+privacy)\b",
    r"(?:this|our)\s+(?:site|website)\s+uses\s+cookies\b",
    r"(?:accept|reject|allow|manage|decline)\s+(?:all\s+)?(?:cookies|preferences|consent|"
    r"settings|tracking)\b",
    r"(?:cookies?\s+(?:policy|settings|preferences|notice|consent)|privacy\s+(?:policy|"
    r"notice|settings|centre|center)|terms\s+(?:of\s+(?:use|service)|(?:&|and)\s+conditions))"
    + END,
    r"by\s+(?:continuing\s+to\s+(?:browse|use)|using\s+(?:this|our)\s+(?:site|website)|"
    r"clicking)\b",
    r"(?:©|\(c\)\s|copyright\s+(?:©\s*)?\d{4})",
]
_RIGHTS_RESERVED = r".{0,120}\ball\s+rights\s+reserved\b"
NOTICE = any_of([*_NOTICES, _RIGHTS_RESERVED])
# NOTICE without "all rights reserved", which tries 120 places on every line: for an
# ASCII line that does not hold "rights" the two patterns match the same lines.
NOTICE_NO_RIGHTS = any_of(_NOTICES)

CAPTION_PAREN = re.compile(
    r"\(\s*(?:photo(?:graph)?s?|image|picture|pic|credit|photo\s+credit|illustration|"
    r"file\s+photo|video)\s*:\s*[^()]{1,80}\)\s*$",
    re.IGNORECASE,
)
# Case-sensitive on purpose: "Photograph: Jane Doe/Reuters" is a credit line.
CAPTION_LABEL = re.compile(
    r"(?:^|[\s.|–—-])(?:Photograph|Photo|Photos|Photo credit|Image|Images|Picture|"
    r"Illustration|Credit|Composite)\s*:\s*[^.!?\"“”]{1,80}$"
)
CAPTION_AGENCY = re.compile(r"\([^()]{0,40}\b(?:Images|Photos?|Pictures)\b[^()]{0,40}\)\s*$")

# Credit lines that stand alone: "Main image credit: Getty", "Image source, Reuters",
# "Photo by Jane Roe/AP", "Credits: ...", "Courtesy of ...".
_WHICH = (
    r"(?:(?:main|top|lead|header|hero|cover|featured?|banner|thumbnail|inset|above|below|"
    r"opening|first|second|video)\s+)?"
)
_IMAGE = (
    r"(?:image|photo|photograph|photography|picture|pic|illustration|graphic|video|footage|"
    r"artwork|cartoon|map|chart)s?"
)
CREDIT_LABEL = any_of(
    [
        _WHICH + _IMAGE + r"(?:\s+(?:credits?|source|caption|courtesy))?\s*:\s*\S",
        _WHICH + _IMAGE + r"\s+(?:credits?|source|caption)\s*,\s*\S",
        r"credits?\s*:\s*\S",
    ]
)
# "Photo by Jane Roe/Harbour Times", "Courtesy of the ferry company": short lines only.
CREDIT_BY = any_of([_WHICH + _IMAGE + r"\s+(?:by|courtesy\s+of)\s+\S", r"courtesy\s+of\s+\S"])
CREDIT_BY_MAX_WORDS = 10
_AGENCY = (
    r"(?:getty(?:\s+images)?|afp|reuters|ap(?:\s+photo)?|associated\s+press|epa(?:-efe)?|efe|"
    r"shutterstock|alamy(?:\s+stock\s+photo)?|pa(?:\s+(?:wire|media|images))?|bloomberg|xinhua|"
    r"anadolu(?:\s+agency)?|sipa(?:\s+usa)?|zuma(?:\s+press)?|rex|istock(?:photo)?|nurphoto|"
    r"sopa\s+images|lightrocket|aap|kyodo|yonhap|ansa|dpa|tass|imago|abaca|wenn|"
    r"[\w'’.-]+(?:\s+[\w'’.-]+){0,2}\s+(?:images|photos?|pictures))"
)
# "AFP via Getty Images", "Jane Roe/AFP", "AP Photo/Owen Fitch", "Getty Images".
CREDIT_AGENCY = re.compile(
    r"^(?:[\w'’. -]{1,40}/\s*)?" + _AGENCY + r"(?:\s+via\s+getty\s+images)?"
    r"(?:\s*/\s*[\w'’. -]{1,40})?\.?$",
    re.IGNORECASE,
)
# "Jane Roe/Harbour Times": a name, a slash, an organisation; nothing else.
CREDIT_SLASH = re.compile(
    r"^[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}\s*/\s*[A-Z][\w.'’&-]*(?:\s+[A-Z][\w.'’&-]*){0,4}$"
)

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
HANDLE = re.compile(r"(?<![\w.])@\w+")
# A reporter's or newsroom's contact line: a contact verb, at most three words, the
# address ("Contact her at ...", "E-mail the author at ...", "can be reached at ...").
_EMAIL = r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
CONTACT = re.compile(
    r"\b(?:contact|reach|e-?mail|write\s+to|get\s+in\s+touch\s+with|send\s+(?:[\w'’-]+\s+){0,3}?to)"
    r"\s+(?P<who>(?:[\w'’.-]+[\s:]+){0,3}?)(?:at|on|via|to)?\s*:?\s*" + _EMAIL + r"|"
    r"\b(?:can|may)\s+be\s+(?P<reached>reached|contacted|e-?mailed)\s+(?:at|on|via)\s+" + _EMAIL,
    re.IGNORECASE,
)
# Who a contact line addresses when it is the newsroom's: the reporter, "her", "us".
CONTACT_WHO = re.compile(
    r"\b(?:reporter|author|writer|correspondent|journalist|columnist|newsroom|news\s*desk|desk|"
    r"him|her|them|me|us)\b",
    re.IGNORECASE,
)
# A contact line addressed to the reader starts with its verb ("Reach Owen Fitch at ...").
CONTACT_LEAD = re.compile(
    r"^\W*(?:contact|reach|e-?mail|write\s+to|get\s+in\s+touch\s+with|send)\b", re.IGNORECASE
)
CONTACT_MAX_WORDS = 30

# The kinds ``furniture_kind`` gives: furniture by itself, without context.
STANDALONE = frozenset({"call to action", "list heading", "link", "notice", "caption", "contact"})
NAME_PARTICLES = frozenset({"de", "da", "di", "van", "von", "der", "den", "la", "le", "bin", "al"})
NOT_NAMES = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april "
    "may june july august september october november december news live breaking update "
    "updated exclusive watch opinion analysis world politics business sport sports video "
    "home menu the "
    # job titles after a byline's name: "By Ilse Marrant, Regional Affairs Correspondent"
    "correspondent correspondents editor editors reporter reporters writer writers staff "
    "columnist contributor contributing bureau chief desk affairs senior special".split()
)
OUTLET_WORDS = frozenset(
    "news times post herald gazette tribune journal chronicle courier telegraph guardian "
    "observer express mirror standard independent daily press wire review record ledger "
    "dispatch examiner sentinel inquirer globe mail sun star today weekly bulletin monitor "
    "reporter insider digest".split()
)
DOMAIN = re.compile(r"^(?:www\.)?[\w-]+(?:\.[\w-]+)*\.(?:com|net|org|news|co\.uk|com\.au)$", re.I)
