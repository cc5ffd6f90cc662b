"""Hashed, named API tokens. Keys of DRF's authtoken table (plaintext) move over as digests,
named "migrated", and are then deleted from that table, so existing clients keep working."""

import hashlib

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def move_plaintext_tokens(apps, schema_editor) -> None:
    connection = schema_editor.connection
    if "authtoken_token" not in connection.introspection.table_names():
        return
    ApiToken = apps.get_model("factcheck", "ApiToken")
    with connection.cursor() as cursor:
        cursor.execute("SELECT key, user_id FROM authtoken_token")
        rows = cursor.fetchall()
        for key, user_id in rows:
            ApiToken.objects.create(
                user_id=user_id, name="migrated", prefix=key[:8],
                digest=hashlib.sha256(key.encode()).hexdigest(),
            )
        cursor.execute("DELETE FROM authtoken_token")


class Migration(migrations.Migration):

    dependencies = [
        ('factcheck', '0011_claim_search_vector'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='ApiToken',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('name', models.CharField(help_text="What the key is for, e.g. 'newsroom CMS'.", max_length=100)),
                ('prefix', models.CharField(help_text="The key's first characters, to tell keys apart.", max_length=8)),
                ('digest', models.CharField(max_length=64, unique=True)),
                ('created_at', models.DateTimeField(auto_now_add=True)),
                ('last_used_at', models.DateTimeField(blank=True, null=True)),
                ('revoked_at', models.DateTimeField(blank=True, null=True)),
                ('user', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='api_tokens', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'API token',
                'ordering': ['-created_at'],
                'constraints': [models.UniqueConstraint(condition=models.Q(('revoked_at', None)), fields=('user', 'name'), name='apitoken_unique_name')],
            },
        ),
        migrations.RunPython(move_plaintext_tokens, migrations.RunPython.noop),
    ]
