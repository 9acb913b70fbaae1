"""Pieces every window uses: typed settings, messages, background workers, translators, icons."""
