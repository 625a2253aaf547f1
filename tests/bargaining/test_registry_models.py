"""The registry: names, the default, and SMP being optional."""
import pytest

from detente.bargaining import registry
from detente.errors import BargainingInputError


def test_classic_models_always_available():
    assert {"compromise", "median", "nash", "zopa", "eu"} <= set(registry.available())
    assert registry.DEFAULT_MODEL in registry.available()


def test_unknown_model_is_a_clear_error():
    with pytest.raises(BargainingInputError, match="unknown model 'oracle'"):
        registry.get("oracle")


def test_missing_smp_is_left_out(monkeypatch):
    monkeypatch.setattr(registry, "_smp_module", lambda: None)
    assert "smp" not in registry.available()
    with pytest.raises(BargainingInputError, match="SMP model .* not available"):
        registry.get("smp")


def test_smp_result_shape_when_present(build):
    assert "smp" in registry.available()
    x = build([[10.0, 80.0], [60.0, 20.0], [90.0, 50.0]], capability=[3, 2, 1])
    r = registry.run("smp", x)
    assert r.model == "smp" and r.outcome.shape == (2,)
    assert r.turns and r.turns[0].positions.tolist() == x.position.tolist()
    assert ((r.outcome >= 0) & (r.outcome <= 100)).all()
