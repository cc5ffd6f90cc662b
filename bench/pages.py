"""Realistic news pages for the ingestion benchmark, built from the seed page's parts.

Each page takes one of four site layouts (a WordPress-style blog like the seed page, a
script-heavy single-page-app news site whose ``__NEXT_DATA__`` repeats the article, a portal with
deep ad-slot nesting, a wire service with a long comment thread), so the parser meets nesting
10–25 levels deep, inline JSON state, JSON-LD, styles, SVG icons, navigation, related-story
teasers and comments in the proportions such sites have, not one padded string. The article body
mixes the seed article's paragraphs (quotes, "3.7 million", attributions) with generated
reporting in which "U.S.", "Mr.", "Dr.", decimals and percentages appear; two to four of its
paragraphs cite sources on other hosts (the article-links provider's input).

    pages = build_pages(500, source_base_urls, seed=42)   # list of HTML strings
"""

from __future__ import annotations

import html
import json
import random
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED_TEXT = ROOT / "tests" / "fixtures" / "000_e9fef7baff8a209e.txt"
SEED_HTML = ROOT / "tests" / "fixtures" / "000_e9fef7baff8a209e.html"

PEOPLE = ["Maria Okafor", "Jonas Lindqvist", "Aylin Demir", "Rafael Ortega", "Mei Chen", "Omar Haddad"]  # fmt: skip
ORGS = ["the World Bank", "the Red Cross", "the European Commission", "UNICEF", "the IMF", "NATO"]
PLACES = ["Aleppo", "Gaziantep", "Beirut", "Amman", "Mosul", "Hatay", "Latakia", "Homs", "Idlib"]
MONTHS = ["January", "March", "June", "October", "December"]
WORDS = (
    "the council said on Monday that talks would resume after a week of pressure from donors "
    "while officials in the region warned of shortages of fuel water and medicine as winter nears "
    "and aid groups asked for safe corridors to reach families who fled the fighting"
).split()
LAYOUTS = ("blog", "spa", "portal", "wire")
_WORDS_RNG = random.Random(0)
COMMENT_TEXTS = [
    " ".join(_WORDS_RNG.choice(WORDS) for _ in range(_WORDS_RNG.randint(8, 60))) for _ in range(400)
]


def seed_paragraphs() -> list[str]:
    """The seed article's body paragraphs (title, bio and comment form left out)."""
    blocks = [b.strip() for b in SEED_TEXT.read_text().split("\n\n") if b.strip()]
    return [b for b in blocks[1:] if len(b.split()) > 12 and "advocate" not in b]


def reporting(rng: random.Random) -> str:
    """One generated paragraph of two to four sentences, in a news report's registers."""
    person, org, place = rng.choice(PEOPLE), rng.choice(ORGS), rng.choice(PLACES)
    number = f"{rng.randint(2, 950):,}{rng.choice(['', ',000', '.5 million', ' million'])}"
    sentences = [
        f"{org[0].upper() + org[1:]} says {number} people have left {place} since "
        f"{rng.randint(2, 28)} {rng.choice(MONTHS)}, the highest figure since {rng.randint(1990, 2019)}.",
        f"{person}, a spokesperson in {place}, said aid deliveries rose {rng.randint(2, 80)}.{rng.randint(1, 9)}% "
        f"in the past {rng.randint(2, 12)} months.",
        f"According to {org}, about {number} residents in {place} lack clean water.",
        f"Officials in {place} told reporters that talks would resume next week.",
        f"The U.S. envoy, Mr. {person.split()[1]}, met Dr. {rng.choice(PEOPLE).split()[1]} in {place} on "
        f"{rng.choice(MONTHS)} {rng.randint(1, 28)}.",
        f"“We have never seen {number} people move in a month,” {person} said. “It is not over.”",
        f"Prices of bread in {place} doubled to ${rng.randint(1, 9)}.{rng.randint(10, 99)} a loaf, the "
        f"ministry said in a statement on Tuesday.",
        "I think the situation deserves more attention from readers like you.",
    ]
    return " ".join(rng.sample(sentences, rng.randint(2, 4)))


def article_body(rng: random.Random, sources: list[str]) -> tuple[list[str], list[str]]:
    """(body paragraphs as HTML, plain paragraphs) with 2–4 of them citing a source."""
    paragraphs = seed_paragraphs() + [reporting(rng) for _ in range(rng.randint(6, 20))]
    rng.shuffle(paragraphs)
    cited = rng.sample(range(len(paragraphs)), min(len(paragraphs), rng.randint(2, 4)))
    out = []
    for k, text in enumerate(paragraphs):
        markup = html.escape(text, quote=False)
        if k in cited:
            url = rng.choice(sources)
            markup += f' <a href="{url}">The full report</a> was published in {rng.choice(MONTHS)}.'
        elif rng.random() < 0.2:
            markup += f' <a href="/tag/{rng.choice(PLACES).lower()}/">More on this story</a>.'
        out.append(f"<p>{markup}</p>")
    return out, paragraphs


def icon(name: str) -> str:
    path = " ".join(f"L{i * 3 % 24} {i * 7 % 24}" for i in range(12))
    return f'<svg class="icon icon-{name}" viewBox="0 0 24 24" aria-hidden="true"><path d="M0 0 {path} Z"/></svg>'


def nav(rng: random.Random, site: str) -> str:
    sections = ["World", "Politics", "Business", "Tech", "Science", "Health", "Sport", "Culture", "Opinion", "Video"]  # fmt: skip
    items = "".join(
        f'<li class="menu-item"><a href="/{s.lower()}/">{s}</a><ul class="sub-menu">'
        + "".join(
            f'<li><a href="/{s.lower()}/{k}/">{s} {k}</a></li>' for k in range(rng.randint(3, 9))
        )
        + "</ul></li>"
        for s in sections
    )
    return (
        f'<header class="site-header"><div class="wrap"><a class="logo" href="/">{icon("logo")}{site}</a>'
        f'<button class="menu-toggle">{icon("menu")}Menu</button><nav class="main-nav" aria-label="Main">'
        f'<ul class="menu">{items}</ul></nav><form class="search" action="/search"><input name="q">'
        f"<button>{icon('search')}</button></form></div>"
        f'<div class="breaking">Breaking: Markets fall {rng.randint(1, 9)}% as oil prices surge</div></header>'
    )


def teasers(rng: random.Random, count: int, cls: str) -> str:
    return "".join(
        f'<div class="{cls}"><div class="card"><figure><img src="/img/{rng.randint(1, 10**6)}.jpg" '
        f'alt="" loading="lazy" width="300" height="200"></figure><div class="card-body">'
        f'<span class="kicker">{rng.choice(PLACES)}</span><h3><a href="/story/{rng.randint(1, 10**6)}/">'
        f"{rng.choice(ORGS).capitalize()} warns of {rng.randint(2, 90)}% rise in prices</a></h3>"
        f"<time>{rng.randint(1, 23)} hours ago</time></div></div></div>"
        for _ in range(count)
    )


def comments(rng: random.Random, count: int) -> str:
    def one(depth: int) -> str:
        words = rng.choice(COMMENT_TEXTS)
        replies = one(depth + 1) if depth < 3 and rng.random() < 0.3 else ""
        return (
            f'<li class="comment depth-{depth}"><article class="comment-body"><footer class="comment-meta">'
            f'<div class="comment-author vcard"><img class="avatar" src="/a/{rng.randint(1, 999)}.png">'
            f'<b class="fn">reader{rng.randint(1, 9999)}</b></div><time>{rng.randint(1, 59)} min ago</time>'
            f'</footer><div class="comment-content"><p>{words.capitalize()}.</p></div>'
            f'<div class="reply"><a href="#respond">Reply</a></div></article>'
            f"{f'<ol class=children>{replies}</ol>' if replies else ''}</li>"
        )

    thread = "".join(one(1) for _ in range(count))
    return (
        f'<div id="comments" class="comments-area"><h2>{count} thoughts</h2><ol class="comment-list">'
        f'{thread}</ol><div id="respond"><h3>Leave a Reply</h3><form id="commentform">'
        "<p>Your email address will not be published. Required fields are marked *</p>"
        "<textarea name=comment></textarea><input name=author><input type=submit value='Post Comment'>"
        "</form></div></div>"
    )


def state_script(rng: random.Random, title: str, paragraphs: list[str], size: int) -> str:
    """A single-page app's inline state: the article again, plus feeds and config."""
    feed = [
        {"id": rng.randint(1, 10**8), "headline": f"{rng.choice(PLACES)} update {k}",
         "url": f"/story/{rng.randint(1, 10**6)}/", "tags": rng.sample(PLACES, 3)}
        for k in range(size)
    ]  # fmt: skip
    state = {
        "props": {"pageProps": {"article": {"title": title, "body": paragraphs}, "feed": feed}},
        "config": {"ads": {"slots": [f"slot-{k}" for k in range(20)], "refresh": 30}},
    }
    return f'<script id="__NEXT_DATA__" type="application/json">{json.dumps(state)}</script>'


def tracking_scripts(rng: random.Random, count: int) -> str:
    return "".join(
        f"<script>(function(w,d,s,l,i){{w[l]=w[l]||[];w[l].push({{'gtm.start':new Date().getTime(),"
        f"event:'gtm.js'}});var f=d.getElementsByTagName(s)[0],j=d.createElement(s);j.async=true;"
        f"j.src='https://tags.example/gtm.js?id='+i;f.parentNode.insertBefore(j,f);}})(window,document,"
        f"'script','dataLayer','GTM-{rng.randint(1000, 9999)}');var cfg{k}={json.dumps({'u': list(range(rng.randint(20, 200)))})};</script>"
        for k in range(count)
    )


def wrap(depth: int, inner: str, rng: random.Random) -> str:
    """`inner` inside `depth` nested layout divs, as page builders emit them."""
    for level in range(depth):
        inner = f'<div class="col-{level} layout-{rng.randint(1, 99)}" data-slot="{level}">{inner}</div>'
    return inner


def build_page(i: int, rng: random.Random, sources: list[str]) -> str:
    layout = LAYOUTS[i % len(LAYOUTS)]
    site = f"The {rng.choice(['Bench', 'Levant', 'Harbour', 'Northern'])} {rng.choice(['Ledger', 'Post', 'Herald', 'Wire'])}"
    person = rng.choice(PEOPLE)
    title = f"Report {i}: talks over {rng.choice(PLACES)} as {rng.choice(ORGS)} raises its estimate"
    body_html, paragraphs = article_body(rng, sources)
    date = f"2021-{rng.randint(1, 12):02d}-{rng.randint(10, 28)}T08:{rng.randint(10, 59)}:00+00:00"
    json_ld = json.dumps(
        {"@context": "https://schema.org", "@type": "NewsArticle", "headline": title,
         "datePublished": date, "author": {"@type": "Person", "name": person},
         "publisher": {"@type": "Organization", "name": site}}
    )  # fmt: skip
    head = (
        f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>{html.escape(title)} "
        f"&#8211; {site}</title><meta name='viewport' content='width=device-width'>"
        f"<meta property='og:title' content='{html.escape(title)}'><meta name='author' content='{person}'>"
        f"<meta property='article:published_time' content='{date}'>"
        f"<script type='application/ld+json'>{json_ld}</script>"
        f"<style>{'.c{margin:0 auto;max-width:72rem} ' * rng.randint(20, 120)}</style>"
        f"{tracking_scripts(rng, rng.randint(3, 8))}</head>"
    )
    article = (
        f'<article class="post"><header><h1 class="entry-title">{html.escape(title)}</h1>'
        f'<div class="entry-meta">By <a rel="author" href="/author/{person.split()[1].lower()}/">{person}</a>'
        f' <time datetime="{date}">{date[:10]}</time></div><div class="share-buttons">'
        + "".join(f'<a href="#">{icon(n)}{n}</a>' for n in ("Facebook", "Tweet", "Email"))
        + '</div></header><div class="entry-content">'
        + "".join(body_html)
        + '</div><div class="author-box"><p>'
        + f"{person} is an advocate for the truth.</p></div></article>"
    )
    if layout == "spa":
        main = wrap(rng.randint(12, 20), article, rng) + teasers(rng, 12, "related")
        extra = state_script(rng, title, paragraphs, rng.randint(300, 900))
        thread = ""
    elif layout == "portal":
        ads = "".join(wrap(6, f'<div class="ad" id="ad-{k}"></div>', rng) for k in range(15))
        main = wrap(rng.randint(15, 25), article + ads, rng) + teasers(rng, 40, "most-read")
        extra, thread = tracking_scripts(rng, 4), comments(rng, rng.randint(20, 50))
    elif layout == "wire":
        main, extra, thread = wrap(8, article, rng), "", comments(rng, rng.randint(60, 160))
    else:  # blog, like the seed page
        main = wrap(rng.randint(3, 6), article, rng) + teasers(rng, 12, "related-posts")
        extra, thread = "", comments(rng, rng.randint(30, 80))
    footer = (
        '<footer class="site-footer"><div class="footer-links">'
        + "".join(f'<a href="/page/{k}/">Page {k}</a>' for k in range(rng.randint(20, 60)))
        + f"</div><p>&copy; 2021 {site}. All rights reserved.</p></footer>"
    )
    return (
        f"{head}<body class='single layout-{layout}'>{nav(rng, site)}<main id='content'>{main}"
        f"{thread}</main><aside class='sidebar'>{teasers(rng, 8, 'widget')}</aside>{footer}"
        f"{extra}</body></html>"
    )


def build_pages(count: int, sources: list[str], seed: int = 42) -> list[str]:
    rng = random.Random(seed)
    return [build_page(i, rng, sources) for i in range(count)]


def source_page(n: int) -> str:
    """A cited report: a short page with figures that the claims' numbers can be checked against."""
    rng = random.Random(n)
    paragraphs = [reporting(rng) for _ in range(rng.randint(4, 10))]
    body = "".join(f"<p>{html.escape(p, quote=False)}</p>" for p in paragraphs)
    return (
        f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>Report {n}</title></head>"
        f"<body><nav><a href='/'>Home</a></nav><main><article><h1>Situation report {n}</h1>"
        f"{body}</article></main><footer>Published by the agency</footer></body></html>"
    )
