

from hypothesis import HealthCheck, Phase, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from hypothesis.stateful import rule, run_state_machine_as_test  # noqa: E402

from tests.server.test_replica_properties import DESKS, PROJECT_FIELDS, ReplicaMachine  # noqa: E402

HOWS = ("responsible", "planned_end", "add", "remove", "move", *PROJECT_FIELDS)


def test_records_stress(template, tmp_path_factory):
    import uuid

    class Machine(ReplicaMachine):
        @rule(desk=st.sampled_from(tuple(DESKS)), how=st.sampled_from(HOWS), choice=st.integers(0, 4), up=st.booleans())
        def records2(self, desk, how, choice, up):
            self.records(desk, how, choice, up)

        @rule(desk=st.sampled_from(tuple(DESKS)), how=st.sampled_from(HOWS), choice=st.integers(0, 4), up=st.booleans())
        def records3(self, desk, how, choice, up):
            self.records(desk, how, choice, up)

        @rule(desk=st.sampled_from(tuple(DESKS)))
        def sync2(self, desk):
            self.desks[desk].sync()

    Machine.template = template
    Machine.folder_maker = staticmethod(lambda: tmp_path_factory.mktemp(f"example-{uuid.uuid4().hex[:8]}"))
    run_state_machine_as_test(
        Machine,
        settings=settings(
            max_examples=60,
            stateful_step_count=24,
            deadline=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
            phases=(Phase.explicit, Phase.reuse, Phase.generate),
        ),
    )
