"""`manage.py apitoken`: create, list and revoke a user's API tokens from the server's shell.

manage.py apitoken create robot --name "newsroom CMS"   # prints the key, once
manage.py apitoken list robot
manage.py apitoken revoke robot --name "newsroom CMS"
"""

from django.contrib.auth.models import User
from django.core.management.base import BaseCommand, CommandError, CommandParser

from factcheck.api import tokens
from factcheck.models import ApiToken


class Command(BaseCommand):
    help = "Create (the key is printed once), list or revoke a user's API tokens."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("action", choices=["create", "list", "revoke"])
        parser.add_argument("username")
        parser.add_argument("--name", default="", help="The token's name (create, revoke).")

    def handle(self, *args, action: str, username: str, name: str, **options) -> None:
        user = User.objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"There is no user {username!r}.")
        if action == "create":
            try:
                token, key = tokens.api_token_create(user=user, name=name, actor=None)
            except tokens.TokenError as exc:
                raise CommandError(str(exc)) from exc
            self.stdout.write(key)
            self.stderr.write(f"Token {token} of {user}: the key above is not stored; copy it now.")
        elif action == "revoke":
            token = ApiToken.objects.filter(user=user, name=name, revoked_at=None).first()
            if token is None:
                raise CommandError(f"{username} has no live token named {name!r}.")
            tokens.api_token_revoke(token=token, actor=None)
            self.stdout.write(f"Revoked {token}.")
        else:
            for token in user.api_tokens.all():
                state = f"revoked {token.revoked_at:%Y-%m-%d}" if token.revoked_at else "live"
                used = f"{token.last_used_at:%Y-%m-%d %H:%M}" if token.last_used_at else "never"
                self.stdout.write(f"{token.prefix}…  {token.name}  ({state}; last used {used})")
