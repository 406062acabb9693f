"""Settings that only the reports use (every field is ``ACTORGRAPH_<FIELD>`` too)."""

from __future__ import annotations

from actorgraph.graph.settings import SETTINGS_CONFIG
from pydantic import Field
from pydantic_settings import BaseSettings


class ReportSettings(BaseSettings):
    """Where reports are written (``report``, ``schedule``) and served from (``/reports``)."""

    model_config = SETTINGS_CONFIG

    reports_dir: str = Field(
        default="reports-out", description="Where scheduled reports are written and served from."
    )
