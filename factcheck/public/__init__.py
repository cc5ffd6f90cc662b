"""The public fact-check pages and feed: published verdicts only, no login, server-rendered."""
