"""The one settings object: every layer's settings, read once at the entrance.

``actorgraph``'s command line builds it from its options, the environment and the defaults
(an option wins over ``ACTORGRAPH_*``, which wins over the default) and hands it on:
``open_store(settings)``, ``create_app(settings)``, the report runner. ``create_app()`` with
no argument (``uvicorn --factory actorgraph.api.app:create_app``) builds it from the
environment. Nothing else reads the environment.
"""

from __future__ import annotations

from typing import Any

from actorgraph.api.settings import ApiSettings
from actorgraph.graph.errors import InputError
from actorgraph.graph.settings import SETTINGS_CONFIG, CoreSettings
from actorgraph.ingest.settings import ExtractionSettings
from actorgraph.reports.settings import ReportSettings
from pydantic import ValidationError

#: The settings classes, each owned by its layer (``docs/configuration.md`` lists them all).
PARTS: tuple[type, ...] = (CoreSettings, ExtractionSettings, ReportSettings, ApiSettings)


class Settings(CoreSettings, ExtractionSettings, ReportSettings, ApiSettings):
    """Everything configurable; see ``docs/configuration.md``."""

    model_config = SETTINGS_CONFIG


def env_name(field: str) -> str:
    """The environment variable of a setting (``store`` -> ``ACTORGRAPH_STORE``)."""
    alias = Settings.model_fields[field].validation_alias
    return alias if isinstance(alias, str) else f"ACTORGRAPH_{field.upper()}"


def load_settings(**options: Any) -> Settings:
    """Settings from options (those not None), over the environment, over the defaults;
    raises :class:`InputError` naming the variable when a value is not valid."""
    try:
        return Settings(**{k: v for k, v in options.items() if v is not None})
    except ValidationError as exc:
        first = exc.errors()[0]
        field = str(first["loc"][0]) if first["loc"] else ""
        name = env_name(field) if field in Settings.model_fields else field
        raise InputError(str(first["msg"]), field=name or None) from None
