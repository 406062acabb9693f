"""The learned readers' models are chosen by the extraction settings and checked when the
extractor is built, as the detector's is (:class:`.linear_model.ModelChoice`)."""

from __future__ import annotations

import dataclasses
import pickle
from pathlib import Path
from types import ModuleType

import numpy as np
import pytest
from actorgraph.graph.errors import InputError
from actorgraph.ingest.extract import Extractor, parallel, reader_mediates, reader_speaks_for
from actorgraph.ingest.settings import ExtractionSettings

READERS = {
    "mediates_reader_model": reader_mediates,
    "speaks_for_reader_model": reader_speaks_for,
}


@pytest.fixture(autouse=True)
def _shipped_models_afterwards() -> object:
    yield
    for reader in READERS.values():
        reader.use_model(None)


@pytest.mark.parametrize("field", sorted(READERS))
def test_a_broken_model_file_fails_when_the_extractor_is_built(field: str, tmp_path: Path) -> None:
    bad = tmp_path / "broken.npz"
    bad.write_bytes(b"not a model")
    with pytest.raises(InputError) as err:
        Extractor(n_process=1, settings=ExtractionSettings(**{field: str(bad)}))
    assert str(bad) in str(err.value)
    missing = tmp_path / "missing.npz"
    with pytest.raises(InputError, match=r"missing\.npz"):
        Extractor(n_process=1, settings=ExtractionSettings(**{field: str(missing)}))


def _retuned(reader: ModuleType, path: Path, threshold: float) -> Path:
    """The shipped model with another threshold, saved at ``path``."""
    shipped = reader.load_model()
    model = dataclasses.replace(shipped, thresholds=np.array([threshold], dtype=np.float32))
    model.save(path)
    return path


def test_a_spawned_worker_reads_with_the_same_reader_models(tmp_path: Path) -> None:
    chosen = {
        field: str(_retuned(reader, tmp_path / f"{field}.npz", 7.25))
        for field, reader in READERS.items()
    }
    ex = Extractor(n_process=1, settings=ExtractionSettings(**chosen))
    config = pickle.loads(pickle.dumps(ex.worker_config()))  # as a spawned worker receives it
    for field in READERS:
        assert getattr(config["settings"], field) == chosen[field]
    for reader in READERS.values():
        reader.use_model(None)  # a fresh process reads with the shipped models
    parallel._init(config)
    try:
        for reader in READERS.values():
            assert reader.MODEL.current is not None
            assert float(reader.MODEL.current.thresholds[0]) == 7.25
    finally:
        parallel._WORKER = None


def test_by_default_the_readers_use_the_shipped_models() -> None:
    Extractor(n_process=1)
    for reader in READERS.values():
        current = reader.MODEL.current
        assert current is not None
        assert current.training == reader.load_model().training
