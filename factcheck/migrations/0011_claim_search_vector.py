"""A maintained full-text column and its GIN index for the claims API's ``q=``, PostgreSQL only.

``factcheck_claim.search_vector`` holds ``to_tsvector('english', text || ' ' || claimant)``,
kept by a trigger on every insert and on every update of the text or claimant, so a search reads
the stored vector (through the GIN index when few claims match) instead of running to_tsvector
on every row, twice per request. A trigger rather than a generated column: PostgreSQL refuses to
change the type of a column a generated column uses, which would block later migrations of the
text or claimant. The column is not part of the model (SQLite searches by substring:
``api.filters.claim_search``).
"""

from django.db import migrations

VECTOR = "to_tsvector('english'::regconfig, COALESCE(NEW.text, '') || ' ' || COALESCE(NEW.claimant, ''))"
FORWARD = [
    "ALTER TABLE factcheck_claim ADD COLUMN search_vector tsvector",
    f"""CREATE FUNCTION factcheck_claim_search_vector() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN NEW.search_vector := {VECTOR}; RETURN NEW; END $$""",
    """CREATE TRIGGER factcheck_claim_search_vector BEFORE INSERT OR UPDATE OF text, claimant
        ON factcheck_claim FOR EACH ROW EXECUTE FUNCTION factcheck_claim_search_vector()""",
    "UPDATE factcheck_claim SET text = text",
    "CREATE INDEX claim_search_idx ON factcheck_claim USING gin (search_vector)",
]
BACKWARD = [
    "DROP TRIGGER factcheck_claim_search_vector ON factcheck_claim",
    "DROP FUNCTION factcheck_claim_search_vector()",
    "ALTER TABLE factcheck_claim DROP COLUMN search_vector",
]


def run(statements: list[str]):
    def apply(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return apply


class Migration(migrations.Migration):
    dependencies = [("factcheck", "0010_article_links")]

    operations = [migrations.RunPython(run(FORWARD), run(BACKWARD))]
