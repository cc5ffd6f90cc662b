"""Page furniture that copy-and-paste and HTML extraction leave among article sentences: never a
claim, whatever the model says. Pure pattern matching over one sentence.

    tweet footers   "— Met Office (@MetOffice) 3 Mar 2024", "2,310 Reposts · 4,102 Likes"
    hover cards     "12.4K followers", "@MetOffice · Follow"
    bylines         "By Jane Doe", "5:45 AM PST 11/19/2019 by …", "Updated 3 March 2024, 10:02"
    captions        "(Photo: AP)", "Image: Getty Images", "Pictured: …", "REUTERS/Jane Doe"
    author bios     "… is the BBC's weather correspondent and has covered 11 winter storms",
                    "She has reported from 14 countries …", "Lucía Fernández es periodista …"
    contacts        "Media contact: press office, +351 21 000 0000, press@example.org"
    credits         "(Reporting by Lukas Brandt; Editing by Maria Sousa)"
    hearing headers "Education Committee: oral evidence session on …" (with chart captions)
    related links   "Read more: …", "See also: …", "Lire aussi : …", "Lea también: …",
                    "Lesen Sie auch: …" (in any of these languages)
    promotions      "Shop smarter: save 20% with code XMAS20 at …", "Get 30% off …",
                    "Advertisement", "Sponsored: …", "T&Cs apply"
    introductions   "Moderator: Helen Achterberg, chief executive of …" (who someone is, under
                    a header label)
    notices         "… · 57 commentaires", "Chapters: 00:00 …", "Correction, 2 May: …", "funded
                    by 2,000 readers", "composez le 15", "Division No. 40", a forecast's line,
                    "Refer 3 friends", "first two months free", "shop dot example"
    calls           housekeeping, safe harbour ("see our annual report for a description of the
                    principal risks"), "412.6p at time of call", "Duration: 0 hours 41 minutes",
                    "Transcript provided by …"
Bylines and datelines are recognised in French, Spanish and German too ("Par …", "Publié le
27/11/2026 à 09h12", "Actualizado: …", "Aktualisiert am …").
"""

from __future__ import annotations

import re

from factcheck.extraction import furniture_records as records

_METRIC = r"[\d.,]+\s*[KkMm]?\s+"
_TWEET_FOOTER_RE = re.compile(
    r"\(@\w{1,30}\)\s*(?:\w+\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+\w+\s+\d{4})"
    rf"|{_METRIC}(?:Reposts?|Retweets?|Likes|Quote (?:Tweets|posts)|Bookmarks|Replies|Views)\b"
    r"|\bpic\.twitter\.com/|^—\s*[^()]{1,80}\(@\w{1,30}\)",
)
_HOVER_CARD_RE = re.compile(
    rf"{_METRIC}(?:followers|following|subscribers)\b|@\w{{1,30}}\s*·\s*Follow\b"
    # a share bar's count, not "he sold 50,000 shares"
    rf"|(?:^|[·|:•]\s*)\W*{_METRIC}shares\b"
    r"|\bshared\s+[\d.,]+\s*[KkMm]?\s+times\b|^\W*[\d.,]+\s*[KkMm]?\s+comments?\W*$"
    r"|^\W*(?:shares|comments|likes|views|reactions)\s*:?\s*[\d.,]+\s*[KkMm]?\W*$"
    r"|^\W*listen to this (?:article|story)\b|\b\d+\s*min(?:ute)?s?\s+read\b",
    re.I,
)
_BYLINE_RE = re.compile(
    r"^\W*(?:by|written by|reporting by|words by)\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}"
    r"(?:\s*(?:,|and|&)\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})*\W*$"
    r"|\b\d{1,2}:\d\d\s*(?:AM|PM|am|pm)\s+[A-Z]{2,4}\s+\d{1,2}/\d{1,2}/\d{2,4}\b"
    r"|^\W*(?:published|updated|posted|last updated|first published)\b[^.]{0,60}\d{1,2}:\d\d"
    r"|^\W*(?:published|updated|posted|last updated)\s*:?\s*\d{1,2}\s+\w+\s+\d{4}\W*$",
    re.I,
)
# Bylines and datelines of French, Spanish and German pages.
_FOREIGN_BYLINE_RE = re.compile(
    r"^\W*(?:par|por|von)\s+[A-ZÁÉÍÓÚÜ][\w.'’-]*(?:\s+[A-ZÁÉÍÓÚÜ][\w.'’-]*){0,3}"
    r"(?:\s*(?:,|et|y|und|&)\s*[A-ZÁÉÍÓÚÜ][\w.'’-]*(?:\s+[A-ZÁÉÍÓÚÜ][\w.'’-]*){0,3})*\W*$"
    r"|^\W*(?:publié|mis à jour|actualisé|publicado|actualizado|veröffentlicht|aktualisiert)"
    r"(?:\s+(?:le|el|am|à|a las|um))?\s*:?\s*[^.]{0,40}?\d{1,2}[/.:h-]\d\d",
    re.I,
)
# A related link: "Read more: …", "Lire aussi : …"; its headline is no claim of the article.
_RELATED_LINK_RE = re.compile(
    r"^\W*(?:read more|read also|also read|see also|related|more on this story|more on this|"
    r"recommended|lire aussi|à lire aussi|a lire aussi|voir aussi|lire également|sur le même sujet|"
    r"lea también|leer más|lee también|ver también|[lt]e puede interesar|"
    r"lesen sie auch|mehr zum thema|auch interessant|siehe auch|"
    r"leia também|veja também|leggi anche|most read|most popular|most viewed|popular now|"
    r"trending(?: now)?|top stories|more stories|editor['’]?s picks|you (?:might|may) also like|"
    r"more from (?:[\w&'’-]+\s*){1,3}|more|watch|video|listen|podcast|in pictures|"
    r"also in the news|related articles?|related stories)\s*(?::|\||›|»|→)"
    r"|^\s*[›»→▶►]\s*\S"  # a headline led by an arrow: a link to another story
    r"|^\W*(?:related (?:articles?|stories|content|links)|share (?:this|the) (?:article|story|"
    r"page))\W*$",
    re.I,
)
# "Moderator: Helen Achterberg, chief executive of …": a header line telling who someone is.
_INTRODUCTION_RE = re.compile(
    r"^\W*(?i:moderator|moderated by|host|hosted by|chair|chaired by|presenter|presented by|"
    r"interviewer|panel|panellists?|panelists?|guests?|speakers?|candidates?|participants?|"
    r"with)\s*:?\s*(?:[A-Z][\w.'’-]*\s+){1,4}?[A-Z][\w.'’-]*\s*(?:\([^)]{1,40}\))?\s*,\s*"
    r"(?:the\s+|a\s+|an\s+|our\s+)?(?!(?:you|i|we|he|she|they|it)\b)(?:[\w'’-]+\s+){0,3}?(?:chief|executive|director|head|"
    r"chair|chairman|chairwoman|president|editor|founder|professor|lecturer|leader|member|"
    r"secretary|manager|correspondent|reporter|presenter|host|economist|analyst|minister|"
    r"councillor|mayor|candidate|spokes(?:person|man|woman)|officer|partner|fellow)\b"
)
_CAPTION_RE = re.compile(
    r"^\W*(?:photo|image|picture|photograph|pictured|caption|credit|file photo)"
    r"(?:\s+credit)?\s*:"
    r"|\((?:photo|image|picture|credit)\b[^)]{0,80}\)\W*$"
    r"|\b(?:Getty Images|AP Photo|AFP via Getty|REUTERS/|Shutterstock|PA Media|PA Wire)\b"
    r"|\b(?:Photo|Image|Photograph):\s*[A-Z][\w./ -]{0,60}$",
    re.I,
)
_BIO_RE = re.compile(
    r"^\W*(?:He|She|They)\s+(?:has|have)\s+(?:also\s+)?(?:reported|covered|written|worked|"
    r"been (?:reporting|covering|writing)|contributed)\b"
    r"|\bis\s+(?:an?|the|our)\s+(?:[\w'’-]+\s+){0,4}?(?:correspondent|reporter|editor|"
    r"columnist|journalist|writer|contributor)\b.*\b(?:has|have)\s+(?:covered|reported|written)\b"
    r"|^\W*(?:Follow|Contact|Email)\s+(?:him|her|them|\w+)\s+(?:on|at)\b",
)
_CONTACT_RE = re.compile(
    r"^\W*(?:media|press)\s+(?:contact|enquiries|inquiries)\b|^\W*(?:contact|tel|phone)\s*:"
    r"|\b[\w.+-]+@[\w-]+\.[\w.]+\b.*\+?\d[\d ]{6,}|\+\d{2,3}[\d ]{6,}.*\b[\w.+-]+@[\w-]+\.\w",
    re.I,
)
_CREDITS_RE = re.compile(r"^\W*\(?(?:reporting|additional reporting|editing|writing) by\b", re.I)
# Bios on Spanish, Portuguese and French pages: "Lucía Fernández es periodista de economía".
_FOREIGN_BIO_RE = re.compile(
    r"^[A-ZÁÉÍÓÚ][\w'’.-]*(?:\s+[A-ZÁÉÍÓÚ][\w'’.-]*){0,3}\s+(?:es|é|est)\s+(?:una?\s+|um\s+|une?\s+)?"
    r"(?:periodista|jornalista|journaliste|reportera?|repórter|columnista|colunista|editora?)\b"
)
# Market-data notices and ticker lines: "Prices are delayed by at least 15 minutes", "Market
# data provided by …", "Quotes delayed 20 mins", "FTSE 100 7,812.42 ▲0.3%".
_MARKET_DATA_RE = re.compile(
    r"\b(?:prices|quotes|market data|stock data|data)\s+(?:are\s+|is\s+)?delayed\s+"
    r"(?:by\s+)?(?:at least\s+|up to\s+)?\d+\s*(?:minutes|mins)\b"
    r"|^\W*(?:market|stock|price|financial)\s+data\s+(?:provided|supplied|powered)\s+by\b"
    # a ticker: a name, a level with decimals (no vote count) and its move
    r"|^\W*(?:[A-Z][\w&.-]*\s+)(?:[A-Z\d][\w&.-]*\s+){0,2}\d[\d,]*\.\d+\s*[▲▼↑↓+−-]\s*"
    r"\d[\d,.]*%?"
    r"(?:\W+[A-Z][\w&.-]*(?:\s+[A-Z\d][\w&.-]*){0,2}\s+\d[\d,.]*\s*[▲▼↑↓+−-]\s*"
    r"\d[\d,.]*%?)*\W*$"
    # "LON:NTC 412.5p +3.2%", "Nortech Holdings (NTC.L) 412.50 ▲ 12.80 (3.2%)"
    r"|\b(?:LON|LSE|NYSE|NASDAQ|Nasdaq|TSX|ASX|ETR|EPA|AMS|HKG|TYO)\s*:\s*[A-Z][A-Z.]{0,7}\b"
    r"|\([A-Z]{1,5}(?:\.[A-Z]{1,2})?\)\s+\d[\d,]*\.\d+\s*p?\s*[▲▼↑↓+−-]"
    # "Hartley & Sons (HRT) +2.3%", "HRT 412.5p ▲ 2.3%": a ticker's move alone on its line
    r"|\([A-Z]{2,5}(?:\.[A-Z]{1,2})?\)\s*[▲▼↑↓+−-]\s*\d[\d.,]*%\W*$"
    r"|^\W*[A-Z]{2,5}\s+\d[\d,]*(?:\.\d+)?p?\s*[▲▼↑↓+−-]\s*\d[\d.,]*%\W*$",
    re.I,
)
# Editors' notes on the story itself: "This story was updated at 10:42 to include …".
_UPDATE_NOTE_RE = re.compile(
    r"^\W*this (?:story|article|report|piece|page) (?:was|has been|is being) "
    r"(?:updated|amended|corrected|clarified)\b",
    re.I,
)
# Captions of charts and tables and their sources: "Source: ONS", "Chart: Unemployment rate,
# 2015-2026", "Table 2: …", "Graphic: …".
_DATA_CAPTION_RE = re.compile(
    # a hearing's header: "Education Committee: oral evidence session on …, 14 October 2026"
    r"^[^.:]{0,80}:\s*(?:(?:uncorrected|corrected)\s+)?(?:oral|written)\s+evidence\b"
    r"|^\W*(?:uncorrected\s+)?transcript\s+of\s+(?:oral\s+evidence|proceedings)\b"
    r"|^\W*(?:sources?|chart|graphic|graph|table|figure|fig\.|data|map|infographic)"
    r"(?:\s+\d+)?\s*:",
    re.I,
)
# A transcript's stage directions: "[The Committee suspended at 10.52 am]", "(Laughter)",
# "Sitting suspended.", "The hearing adjourned at 12.40 pm." — a whole bracketed sentence or a
# sitting suspended, adjourned or resumed.
_STAGE_DIRECTION_RE = re.compile(
    r"^\W*\[[^\]\n]{1,100}\]\W*$"
    r"|^\W*\((?:[^)\n]{0,40}\s)?(?:suspended|adjourned|resumed|laughter|applause|inaudible|"
    r"crosstalk|interruption|pause|break|recess)\b[^)\n]{0,60}\)\W*$"
    r"|^\W*(?:the\s+)?(?:committee|sitting|house|hearing|meeting|session|court|inquiry)\s+"
    r"(?:(?:was|is)\s+)?(?:suspended|adjourned|resumed)"
    r"(?:\s+(?:at|until|till|for|briefly)\b[^\n]{0,30}?)?\.?\W*$",
    re.I,
)
# A call's or webcast's housekeeping and its safe-harbour statement: "welcome to the Brightwell
# third-quarter 2026 earnings call", "all participants are in listen-only mode", "this call is
# being recorded", "may contain forward-looking statements", "actual results may differ".
_CALL_HOUSEKEEPING_RE = re.compile(
    r"\bwelcome to (?:the\s+)?[^.\n]{0,80}\b(?:earnings|results|conference|investor)\s+"
    r"(?:call|webcast|presentation)\b"
    r"|\b(?:listen-only|listen only)\s+mode\b|\b(?:this|today's|the)\s+(?:call|conference|"
    r"webcast)\s+(?:is being|will be|may be)\s+recorded\b|\bforward-looking\s+statements?\b"
    r"|\bactual results (?:may|could|might) differ\b|\bsafe[- ]harbou?r\b"
    # "Please see our annual report for a description of the principal risks"
    r"|\b(?:see|refer to)\b[^.\n]{0,80}\bfor (?:a |more )?(?:description|discussion|details?|"
    r"information) (?:of|on|about) (?:the |these |such )?(?:principal |key |main |material )?"
    r"(?:risks?|risk factors|uncertainties)\b"
    # a call's header and its transcript service's footer: "412.6p at time of call",
    # "Duration: 0 hours 41 minutes", "Transcript provided by …", "This transcript may …"
    r"|\d\s*(?:p|c|pence|cents)?\s+at (?:the )?time of (?:the )?call\b"
    r"|(?:^|[|·•]\s*)(?:call\s+)?duration\s*:\s*\d"
    r"|^\W*(?:this\s+)?transcripts?\s+(?:was\s+|is\s+)?(?:provided|produced|supplied|prepared)"
    r"\s+by\b|\bthis transcript (?:may|might|could) (?:not|contain)\b",
    re.I,
)
# Promotions and advertisements: "Shop smarter: save 20% with code XMAS20 at …", "Use promo
# code SPRING15", "Get 30% off your first box", "Advertisement", "Sponsored: …", "T&Cs apply".
_PROMOTION_RE = re.compile(
    r"\b(?:use|with|enter|apply|using)\s+(?:the\s+)?(?:(?:promo(?:tional)?|discount|voucher|"
    r"coupon|offer)\s+)?code\s+[A-Z0-9]*\d[A-Z0-9]*\b"
    r"|\b(?:use|with|enter|apply|using)\s+(?:the\s+)?(?:promo(?:tional)?|discount|voucher|coupon)"
    r"\s+code\b"
    r"|^\W*(?:[^.:!]{0,60}[:!]\s*)?(?:shop|buy|save|get|grab|claim|enjoy|order|book|subscribe|"
    r"download|sign up|join|register|try|upgrade)"
    r"\b[^.!]{0,60}?\b\d+%\s+off\b"
    r"|^\W*(?:advertisement|advertising feature|sponsored(?:\s+content)?|promoted|paid "
    r"(?:content|partnership)|partner content)\W*(?:$|[:|]\s)"
    r"|\b(?:t\s*&\s*cs|terms and conditions) apply\W*$"
    r"|\baffiliate links?\b|\bwe (?:may|might|could) earn (?:a )?(?:small )?commission\b"
    r"|^\W*(?:get|sign up|subscribe|join|register)\b[^.!]{0,80}\b(?:newsletters?|briefing|"
    r"bulletin|our app)\b"
    r"|^\W*offer (?:ends|expires|valid)\b|^\W*free (?:p&p|delivery|shipping) on (?:all )?orders\b"
    r"|^\W*subscribe\b[^.!]{0,60}(?:[£$€]\s?\d|\bfree\b)|^\W*subscribe(?:\s+now|\s+today)?\W*$"
    r"|^\W*(?:ad|advert|promoted stories|sponsored (?:stories|links)|recommended by \w+)\W*$"
    r"|^\W*(?:get|enjoy|try|read)\b[^.!]{0,60}\bfor (?:just|only) [£$€]?\d+(?:\.\d\d)?p?\s+"
    r"(?:a|per)\s+(?:week|month|year)\b",
    re.I,
)
# A broadcast's or podcast's own furniture: its header ("Episode 212 | Podcast length 48 min"),
# an automatic-transcript notice, the phone line ("The lines are open on 0800 097 4974"), a
# ratings appeal ("please rate us five stars"), a disclaimer ("Views expressed by guests are
# their own"); a line of post metrics ("86 reposts · 1,204 likes").
_BROADCAST_RE = re.compile(
    r"(?:^|[|·•]\s*)(?:podcast|episode|show|programme|program|running)?\s*(?:length|duration|"
    r"running time|runtime)\s*:?\s*\d+\s*(?:min|mins|minutes|h|hr|hours)\b"
    r"|\btranscripts?\s+(?:was\s+|is\s+|has been\s+)?(?:generated|created|produced|made)\s+"
    r"automatically\b|\bautomatically[- ]generated\s+transcripts?\b"
    r"|\b(?:lines?\s+(?:are|is)\s+open|call\s+(?:us|in|the\s+(?:show|studio|programme))|"
    r"phone\s+(?:us|in)|text\s+us|ring\s+us|give\s+us\s+a\s+(?:call|ring))\b[^.!?]{0,30}?"
    r"(?:\+\d{1,3}|\b0\d{2,4})[\s-]?\d{2,4}[\s-]?\d{3,4}\b"
    r"|\b(?:please\s+)?(?:rate|review)\s+(?:us|the\s+(?:show|podcast|episode))\b"
    r"|\bleave\s+(?:us\s+)?an?\s+(?:rating|review)\b"
    r"|\b(?:views|opinions)\s+(?:expressed\s+)?(?:by\s+[\w\s'’]{1,30}?\s+)?(?:are|is)\s+"
    r"(?:their|his|her|its|the\s+\w+['’]s?)\s+own\b"
    rf"|^\W*(?:{_METRIC}(?:reposts?|retweets?|likes|replies|views|comments|shares)\W*){{2,}}$",
    re.I,
)
# A price offer: a trial ("4 Wochen für 0,99 €", "3 months for £1", "1 mois pour 1 €") or a
# box's starting price ("Tickets from £28", "Tickets ab 28 €", "Billets dès 15 €").
_OFFER_RE = re.compile(
    r"\b\d+\s+(?:weeks?|months?|Wochen|Monate|semaines?|mois|semanas?|mes(?:es)?)\s+"
    r"(?:for|für|pour|por)\s+(?:just\s+|only\s+|nur\s+)?(?:[£$€]\s?\d+(?:[.,]\d\d)?|"
    r"\d+(?:[.,]\d\d)?\s?(?:€|euros?|EUR|p)(?!\w))"
    r"|^\W*(?:tickets?|seats?|entry|admission|billets?|entradas?|karten)\s+(?:from|ab|dès|desde|"
    r"à partir de)\s+(?:[£$€]\s?\d[\d.,]*|\d[\d.,]*\s?(?:€|euros?))"
    r"(?:\s+(?:at|from|in|online|on)\b[^.!?]{0,50})?\W*$",  # "… at the club shop and online."
    re.I,
)
# A page's, newsletter's or podcast's own notices: a metadata line's count or duration field
# ("… · 57 commentaires", "· 1.245 veces compartido", "Published … · Season 4 · 52 min",
# "Comentarios (38)"), a chapters line, a correction note, a readers' funding line, an
# instruction to dial an emergency number, a debate's division or column number, a forecast's
# line, a referral offer, a sponsor's free months, a web address read out ("shop dot example").
_NOTICE_RE = re.compile(
    r"(?:^|·\s*)\d[\d.,]*\s*(?:veces compartido|compartidos?|partages|commentaires|comentarios|"
    r"kommentare|comments|shares)\W*(?:·|$)"
    r"|^\W*(?:comments|commentaires|comentarios|kommentare)\s*\(\d[\d.,]*\)\W*$"
    r"|·\s*\d+\s*(?:min|mins|minutes|h)\W*$"
    r"|^\W*(?:chapters|chapitres|capítulos|kapitel|timestamps)\s*:"
    r"|^\W*(?:correction|clarification|rectificatif|corrección|fe de errores|korrektur)\b"
    r"[^:.]{0,40}:|\ban earlier version of this (?:article|story|piece|report|page)\b"
    r"|\bfunded by\s+[\d,.]+\s+(?:readers|members|supporters|donors|listeners|subscribers)\b"
    r"|\b(?:composez|appelez|llame al|llamar al|marque el|wählen sie)\s+(?:le\s+|el\s+|die\s+)?"
    r"\d{2,4}\b"
    r"|^\W*(?:division|column|col\.|vol\.|volume)\s+(?:no\.?\s*)?\d+\W*$"
    r"|^\W*(?:rain|showers?|sunny|cloudy|dry|bright|mist|fog|drizzle|snow|frost|wind)\b[^.]{0,120}"
    r"\b(?:highs?|lows?)\s+of\s+-?\d{1,2}\s*°?\s*[CF]\b"
    r"|^\W*(?:refer|invite)\s+(?:\d+|an?|one|two|three|four|five)\s+friends?\b"
    r"|\bfirst\s+(?:\w+\s+){0,2}?(?:months?|weeks?)\s+(?:of\s+[^.]{1,40}?\s+)?free\b"
    r"|\b[a-z0-9-]+ dot (?:com|co|org|net|example|io|fm)\b"
    r"|\b(?:automatic|automated)\s+speech\s+recognition\b",
    re.I,
)
# Each pattern with the lower-cased strings one of which a sentence must contain for the
# pattern to have a chance: cheap substring tests spare most sentences the regexes.
_PATTERNS: tuple[tuple[re.Pattern, tuple[str, ...]], ...] = (
    (_CALL_HOUSEKEEPING_RE, ("welcome", "listen", "recorded", "forward", "differ", "harbo",
                             "risk", "uncertaint", "time of", "duration", "transcript")),
    (_STAGE_DIRECTION_RE, ("[", "(", "suspended", "adjourned", "resumed")),
    (_TWEET_FOOTER_RE, ("@", "repost", "retweet", "likes", "quote ", "bookmarks", "replies",
                        "views")),
    (_HOVER_CARD_RE, ("follow", "subscribers", "shares", "shared", "comment", "listen", "read")),
    (_BYLINE_RE, ("by ", ":", "published", "updated", "posted")),
    (_CAPTION_RE, ("photo", "image", "picture", "caption", "credit", "getty", "reuters/",
                   "shutterstock", "pa media", "pa wire")),
    (_BIO_RE, ("he ", "she ", "they ", " is ", "follow", "contact", "email")),
    (_CONTACT_RE, ("contact", "enquiries", "inquiries", "tel", "phone", "@", "+")),
    (_CREDITS_RE, (" by",)),
    (_FOREIGN_BIO_RE, (" es ", " é ", " est ")),
    (_FOREIGN_BYLINE_RE, ("par ", "por ", "von ", "publi", "mis à jour", "actuali", "veröff",
                          "aktualis")),
    (_RELATED_LINK_RE, (":", "|", "›", "»", "→", "▶", "►", "related", "share")),
    (_INTRODUCTION_RE, (",",)),
    (_MARKET_DATA_RE, ("delayed", "data", "▲", "▼", "+", "-", "−", "↑", "↓", ":", "(")),
    (_DATA_CAPTION_RE, (":", "transcript")),
    (_UPDATE_NOTE_RE, ("this ",)),
    (_BROADCAST_RE, ("length", "duration", "running time", "runtime", "automatic", "lines",
                     "call ", "phone ", "text us", "ring us", "rate ", "review", "s own",
                     "r own", "repost", "retweet", "likes")),
    (_NOTICE_RE, ("·", "comment", "comentario", "chap", "capítulo", "timestamps", "correc",
                   "clarif", "rectif", "fe de", "earlier version", "funded by", "compos", "appelez",
                   "llam", "marque", "wählen", "division", "column", "col.", "vol", "highs",
                   "lows", "refer", "invite", "free", " dot ", "speech recognition")),
    (_OFFER_RE, ("week", "month", "woche", "monat", "semaine", "mois", "semana", "mes", "ticket",
                 "seat", "entry", "admission", "billet", "entrada", "karten")),
    (_PROMOTION_RE, ("code", " off", "advertis", "sponsored", "promoted", "paid ", "partner",
                     " apply", "subscribe", "ad", "recommended", "just ", "only ", "affiliate",
                     "commission", "newsletter", "briefing", "bulletin", "app", "offer", "free ")),
)  # fmt: skip


def is_furniture(sentence: str) -> bool:
    """True for tweet footers, hover cards, bylines, datelines, captions, author bios, related
    links and header introductions (the module docstring), and minutes', releases' and
    reader boxes' furniture (furniture_records)."""
    lowered = sentence.lower()
    return any(
        any(cue in lowered for cue in cues) and pattern.search(sentence)
        for pattern, cues in _PATTERNS + records.PATTERNS
    )


# A heading after which a press release (or a page) holds no article text: "ENDS", "-ends-",
# "###", "Notes to editors", "Editor's notes" (_END_HEADING_RE), and, three paragraphs or more
# into the body, "About Nimbra Systems", "Media contact(s)", "Media enquiries", "For further
# information" (_APPENDIX_HEADING_RE: a consent box's "About cookies" may open a page). A heading
# pasted as the first line of its notes ("Notes to editors 1. The price cap …") counts too.
_END_HEADING_RE = re.compile(
    r"^\W*(?:-*\s*ends\s*-*|#\s*#\s*#)\W*$"
    r"|^\W*(?:notes?\s+(?:to|for)\s+(?:the\s+)?editors?|editors?['’]?s?\s+notes?|"
    r"background\s+(?:notes|information)\s+for\s+editors)\b",
    re.I,
)
_APPENDIX_HEADING_RE = re.compile(
    r"^\W*(?:(?:media|press|investor)\s+(?:contacts?|enquiries|inquiries|office|relations)|"
    r"contacts|for\s+(?:further|more)\s+information(?:\s+(?:please\s+)?contact)?)\b\s*:?"
    r"|^\W*about\s+(?:the\s+)?[A-Z][\w&'’.-]*(?:\s+(?:of|for|and|&|the)?\s*[A-Z][\w&'’.-]*){0,5}"
    r"(?:\s*:?\s*$|\s*:|\s+(?=[A-Z][\w&'’.-]*\s+(?:is|was|are|has|have|develops|makes)\b))",
    re.I,
)
MIN_PARAGRAPHS_BEFORE_APPENDIX = 3


def appendix_start(body: str) -> int:
    """Where a body's appendix begins: the first paragraph, never the first, that is or opens
    with an end-of-release heading (_END_HEADING_RE; _APPENDIX_HEADING_RE after at least
    MIN_PARAGRAPHS_BEFORE_APPENDIX paragraphs); len(body) when there is none. Nothing from
    there on is article text: notes to editors, "About X" boilerplate and contacts state
    figures that are no claims of the release."""
    offset = 0
    for index, paragraph in enumerate(body.split("\n\n")):
        text = paragraph.strip()
        if index and _END_HEADING_RE.match(text):
            return offset
        if index >= MIN_PARAGRAPHS_BEFORE_APPENDIX and _APPENDIX_HEADING_RE.match(text):
            return offset
        offset += len(paragraph) + 2
    return len(body)


# An FAQ box: its heading, then questions and answers ("Q: When …?", "A: The first …").
_FAQ_HEADING_RE = re.compile(
    r"^\W*(?:faqs?|frequently asked questions|your questions answered|questions and answers|"
    r"q\s*&\s*a|key questions|what you need to know)\W*$",
    re.I,
)
_FAQ_ITEM_RE = re.compile(r"^\W*(?:q|a|question|answer)\s*[:.]\s|.*\?\W*$", re.I)


def faq_spans(body: str) -> list[tuple[int, int]]:
    """(start, end) of each FAQ box of a body: a heading (_FAQ_HEADING_RE) and the paragraphs
    after it that are questions or "Q:"/"A:" items. A service box's answers ("A: Call …")
    are no claims of the article; outside such a box "Q:"/"A:" (an interview) stays text."""
    spans: list[tuple[int, int]] = []
    offset, start = 0, -1
    for paragraph in body.split("\n\n"):
        text = paragraph.strip()
        if _FAQ_HEADING_RE.match(text):
            start = offset if start < 0 else start
        elif start >= 0 and not _FAQ_ITEM_RE.match(text):
            spans.append((start, offset))
            start = -1
        offset += len(paragraph) + 2
    if start >= 0:
        spans.append((start, len(body)))
    return spans
