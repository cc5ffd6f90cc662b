"""Attribution in Dutch, Swedish, Danish, Norwegian and Polish (languages.py's tables), with
guards that their verbs leave other languages' ordinary words alone. Texts written for these
tests; none is taken from an evaluation article."""

from factcheck.extraction import extract_claims, find_claimant, languages
from factcheck.extraction.lexicon import CLAIMANT_VERBS_RE


def _claim(claims, phrase):
    return next(c for c in claims if phrase in c.text)


# --- Dutch ----------------------------------------------------------------------------------

DUTCH = (
    "Waterbedrijf Rivierland verhoogt de tarieven met 9 procent, volgens de directie.\n\n"
    "Volgens het Waterschap Lindemeer (WSL) lekt jaarlijks 14 miljoen kuub water weg.\n\n"
    "Wethouder Sanne de Groot zegt dat de gemeente 2,4 miljoen euro bijdraagt. ‘Meer dan "
    "dat kunnen we niet betalen. Daarvoor ontbreekt 3 miljoen euro’, aldus De Groot.\n\n"
    "Uit onderzoek van het Kennisinstituut Waterbeheer blijkt dat 31 procent van de leidingen "
    "ouder is dan zestig jaar.\n\n"
    "Joost Verhagen (58) uit Westerbroek betaalt nu al 640 euro per jaar. Hij vertelde aan "
    "de krant dat zijn rekening met 120 euro omhoog gaat."
)


def test_dutch_volgens_with_an_article_and_an_acronym():
    claims = extract_claims(DUTCH)
    assert _claim(claims, "14 miljoen kuub").claimant == "Waterschap Lindemeer"


def test_dutch_zegt_dat_and_aldus_with_the_prefix_capitalised():
    claims = extract_claims(DUTCH)
    assert _claim(claims, "2,4 miljoen euro bijdraagt").claimant == "Sanne de Groot"
    assert _claim(claims, "ontbreekt 3 miljoen euro").claimant == "Sanne de Groot"


def test_dutch_uit_onderzoek_van_blijkt():
    claims = extract_claims(DUTCH)
    assert _claim(claims, "31 procent van de leidingen").claimant == ("Kennisinstituut Waterbeheer")


def test_dutch_hij_is_the_person_given_with_an_age():
    claims = extract_claims(DUTCH)
    assert _claim(claims, "met 120 euro omhoog").claimant == "Joost Verhagen"


def test_dutch_het_bedrijf_is_the_company_named_before():
    text = (
        "Volgens Fietsfabriek Oostveld daalde de verkoop vorig jaar met 18 procent.\n\n"
        "Het bedrijf zegt dat 140 banen verdwijnen."
    )
    assert _claim(extract_claims(text), "140 banen").claimant == "Fietsfabriek Oostveld"


# --- Swedish, Danish, Norwegian -------------------------------------------------------------


def test_swedish_enligt_and_saeger_and_sa_hon():
    assert find_claimant("Enligt Statistikbyrån steg priserna med 4,2 procent.") == (
        "Statistikbyrån"
    )
    assert (
        find_claimant("Räntan sänks i mars, säger Lena Holm, chefsekonom på Sydbanken.")
        == "Lena Holm"
    )
    context = "Finansminister Karin Ek talade i riksdagen på tisdagen."
    assert find_claimant("”Vi har inte råd med mer”, sa hon.", context) == "Karin Ek"
    assert find_claimant("Hon sa att underskottet blir 12 miljarder kronor.", context) == (
        "Karin Ek"
    )


def test_danish_ifoelge_and_siger_and_oplyser():
    assert find_claimant("Ifølge Danmarks Vejinstitut kørte 8 procent for stærkt.") == (
        "Danmarks Vejinstitut"
    )
    assert find_claimant("Ledigheden falder, siger Mette Juul, økonom i Fjordbank.") == (
        "Mette Juul"
    )
    assert find_claimant("Kommunen lukker to skoler, oplyser borgmester Per Holt.") == ("Per Holt")


def test_norwegian_ifoelge_and_sier_and_sa():
    assert find_claimant("Ifølge Vegvesenet ble 3.100 biler kontrollert.") == "Vegvesenet"
    assert find_claimant("– Prisene vil stige, sier Ola Berge i Nordkraft.") == "Ola Berge"
    context = "Statsråd Ingrid Moe besøkte fabrikken mandag."
    assert find_claimant("«Dette er alvorlig», sa hun.", context) == "Ingrid Moe"


# --- Polish ---------------------------------------------------------------------------------


def test_polish_wedlug_and_powiedzial_after_a_dash():
    assert find_claimant("Według GUS inflacja wyniosła w maju 4,1 procent.") == "GUS"
    assert (
        find_claimant("„Stopy spadną jesienią” – powiedział Marek Zając, ekonomista banku.")
        == "Marek Zając"
    )
    assert find_claimant(
        "Z raportu Instytutu Transportu wynika, że 12 linii jest nierentownych."
    ) == ("Instytutu Transportu")


# --- guards ---------------------------------------------------------------------------------


def test_french_sa_and_english_words_are_no_verbs_of_saying():
    assert CLAIMANT_VERBS_RE.search("Elle a rencontré sa directrice mardi.") is None
    assert CLAIMANT_VERBS_RE.search("The board met on Monday and the sale went ahead.") is None
    assert find_claimant("Le maire a présenté sa réforme, qui coûte 3 millions d'euros.") == ""


def test_every_language_has_verbs_and_sources():
    for language in languages.LANGUAGES:
        assert language.verbs.split(), language.name
        assert language.sources.split(), language.name
