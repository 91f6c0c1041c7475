"""Versioned model files, explicit activation and SHA-256 checks on load (tiny synthetic data)."""

import csv
import io
import json
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from haidang.analysis import registry
from haidang.analysis.registry import ModelIntegrityError

SCAM = ["chuyển khoản gấp để nhận thưởng", "vay tiền nhanh giải ngân trong ngày", "trúng thưởng xe máy nộp phí",
        "tài khoản bị khóa bấm link xác thực", "nạp thẻ cào nhận quà khủng"]
HAM = ["hôm nay trời đẹp quá", "chiều nay đi đá bóng không", "mẹ nấu canh chua ngon lắm",
       "lớp mình họp lúc bảy giờ", "bài hát này hay thật"]


@pytest.fixture(autouse=True)
def _fresh_cache():
    registry.clear_cache()
    yield
    registry.clear_cache()


@pytest.fixture
def data(tmp_path):
    """`right.csv` and `swapped.csv` (labels inverted): a model trained on the second scores ~0 on the first,
    so evaluating the wrong file under a version's label cannot go unnoticed."""
    def write(name, swap):
        path = tmp_path / name
        with open(path, "w", encoding="utf-8", newline="") as fh:
            w = csv.writer(fh)
            w.writerow(["text", "label"])
            w.writerows([(t, "HAM" if swap else "SCAM") for t in SCAM] + [(t, "SCAM" if swap else "HAM") for t in HAM])
        return str(path)

    return {"right": write("right.csv", False), "swapped": write("swapped.csv", True)}


def _train(csv_path, *extra) -> str:
    out = io.StringIO()
    call_command("train", "--task", "scam", "--data", csv_path, "--dev", csv_path, *extra, stdout=out)
    return out.getvalue().strip().splitlines()[-1].split(" -> ")[0]  # "<version> -> <path> ..."


def _evaluate(csv_path, *extra) -> dict:
    out = io.StringIO()
    call_command("evaluate", "--task", "scam", "--data", csv_path, "--json", *extra, stdout=out)
    return json.loads(out.getvalue())


def test_train_no_activate_leaves_the_active_model_untouched(data, settings):
    v1 = _train(data["right"])
    active = registry.active_entries()["scam"]
    assert active["version"] == v1 and active["source"] == "local"
    path1 = Path(active["path"])
    assert path1 == Path(settings.MODELS_DIR) / "scam" / f"{v1}.joblib"
    bytes1, sha1 = path1.read_bytes(), registry.sha256_file(path1)

    v2 = _train(data["swapped"], "--no-activate")
    assert v2 != v1
    path2 = Path(settings.MODELS_DIR) / "scam" / f"{v2}.joblib"
    assert path2.exists() and path2 != path1
    assert registry.sha256_file(path2) != sha1
    assert path1.read_bytes() == bytes1 and registry.sha256_file(path1) == sha1
    assert registry.active_entries()["scam"]["version"] == v1
    assert registry.active_models()["scam"].meta["version"] == v1
    result = _evaluate(data["right"])  # the old bug: v2's scores (swapped labels, ~0) under v1's label
    assert result["version"] == result["model"] == v1 and result["macro_f1"] > 0.9
    local = registry.read_local_registry()["scam"]
    assert local["active"] == v1 and set(local["versions"]) == {v1, v2}


def test_two_trainings_in_the_same_second_get_two_files(data, settings, monkeypatch):
    monkeypatch.setattr(registry, "new_version", lambda task: f"{task}-20261201000000")
    v1, v2 = _train(data["right"]), _train(data["right"], "--no-activate")
    assert (v1, v2) == ("scam-20261201000000", "scam-20261201000000-2")
    assert (Path(settings.MODELS_DIR) / "scam" / f"{v1}.joblib").exists()
    assert (Path(settings.MODELS_DIR) / "scam" / f"{v2}.joblib").exists()


def test_out_never_names_an_existing_file(data, settings, tmp_path):
    v1 = _train(data["right"])
    existing = Path(settings.MODELS_DIR) / "scam" / f"{v1}.joblib"
    before = existing.read_bytes()
    with pytest.raises(CommandError, match="never overwritten"):
        _train(data["swapped"], "--out", str(existing))
    assert existing.read_bytes() == before
    v2 = _train(data["swapped"], "--no-activate", "--out", str(tmp_path / "elsewhere"))
    assert (tmp_path / "elsewhere" / f"{v2}.joblib").exists()


@pytest.mark.parametrize("with_db", [False, pytest.param(True, marks=pytest.mark.django_db)],
                         ids=["files", "database"])
def test_models_activate_switches_active_and_evaluate_reports_it(data, with_db):
    v1 = _train(data["right"])
    v2 = _train(data["swapped"], "--no-activate")
    assert registry.active_models()["scam"].meta["version"] == v1

    out = io.StringIO()
    call_command("models", "activate", v2, stdout=out)
    assert v2 in out.getvalue()
    assert registry.active_models()["scam"].meta["version"] == v2
    assert registry.read_local_registry()["scam"]["active"] == v2
    result = _evaluate(data["right"])
    assert result["version"] == result["model"] == v2 and result["macro_f1"] < 0.5
    assert _evaluate(data["right"], "--version", v1)["macro_f1"] > 0.9  # an explicit version, not the active

    listing = io.StringIO()
    call_command("models", "list", "--task", "scam", stdout=listing)
    active_lines = [line for line in listing.getvalue().splitlines() if line.strip().startswith("*")]
    assert len(active_lines) == 1 and v2 in active_lines[0]
    if with_db:
        from haidang.analysis.models import ModelVersion
        from haidang.audit.models import AuditEntry

        assert ModelVersion.objects.get(task="scam", active=True).version == v2
        assert AuditEntry.objects.filter(action="model.activate", changes__version=v2).exists()


def test_activating_an_unknown_version_is_a_command_error(data):
    v1 = _train(data["right"])
    with pytest.raises(CommandError, match="unknown model version 'scam-19990101000000'"):
        call_command("models", "activate", "scam-19990101000000", stdout=io.StringIO())
    assert registry.active_entries()["scam"]["version"] == v1


def _flip_a_byte(path: Path) -> None:
    raw = bytearray(path.read_bytes())
    raw[len(raw) // 2] ^= 0x01
    path.write_bytes(bytes(raw))


def test_a_tampered_model_file_refuses_to_load(data, settings):
    v1 = _train(data["right"])
    path = Path(settings.MODELS_DIR) / "scam" / f"{v1}.joblib"
    expected = registry.sha256_file(path)
    registry.load_model(path)  # loads once intact
    _flip_a_byte(path)
    actual = registry.sha256_file(path)

    with pytest.raises(ModelIntegrityError) as exc:
        registry.load_model(path)
    message = str(exc.value)
    assert str(path) in message and expected in message and actual in message and "\n" not in message
    with pytest.raises(ModelIntegrityError):
        registry.load_model(path, sha256=expected)

    assert "scam" not in registry.active_models()  # refused, never unpickled
    assert v1 in registry.load_errors()["scam"]
    with pytest.raises(CommandError, match="SHA-256 mismatch"):
        _evaluate(data["right"])
    with pytest.raises(CommandError, match="failed verification"):
        call_command("models", "verify", stdout=io.StringIO())
    with pytest.raises(CommandError, match="SHA-256 mismatch"):
        call_command("models", "activate", v1, stdout=io.StringIO())


def test_shipped_models_are_checked_too(tmp_path, monkeypatch):
    shipped = tmp_path / "shipped"
    shipped.mkdir()
    (shipped / "registry.json").write_text((registry.SHIPPED_DIR / "registry.json").read_text(encoding="utf-8"),
                                           encoding="utf-8")
    for name in ("scam.joblib", "hate_offensive.joblib"):
        (shipped / name).write_bytes((registry.SHIPPED_DIR / name).read_bytes())
    monkeypatch.setattr(registry, "SHIPPED_DIR", shipped)
    assert set(registry.active_models()) == {"scam", "hate_offensive"}
    call_command("models", "verify", stdout=io.StringIO())

    _flip_a_byte(shipped / "scam.joblib")
    registry.clear_cache()
    with pytest.raises(ModelIntegrityError):
        registry.load_model(shipped / "scam.joblib")
    assert set(registry.active_models()) == {"hate_offensive"}
