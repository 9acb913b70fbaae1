"""`sync` tells a long pull's progress on stderr, a line every few percent and one at the end; a short pull says
nothing."""

import io

from dossier_app.cli.sync import LONG_PULL, PullProgress


def test_a_short_pull_says_nothing() -> None:
    stream = io.StringIO()
    tell = PullProgress(stream)
    for done in (100, 200, LONG_PULL - 1):
        tell(done, LONG_PULL - 1)
    assert stream.getvalue() == ""


def test_a_long_pull_tells_its_progress_every_few_percent_and_at_the_end() -> None:
    stream = io.StringIO()
    tell = PullProgress(stream)
    total = 100_000
    for done in range(1_000, total + 1, 1_000):
        tell(done, total)
    lines = stream.getvalue().splitlines()
    assert lines[0] == "Đang nhận / pulling: 1000/100000 thay đổi / changes (1%)"
    assert lines[-1] == "Đang nhận / pulling: 100000/100000 thay đổi / changes (100%)"
    assert 15 <= len(lines) <= 25  # every five percent, not every page
    percents = [int(line.rsplit("(", 1)[1].rstrip("%)")) for line in lines]
    assert percents == sorted(percents)
