"""The remote engine: an OpenAI-compatible model server (vLLM, SGLang, llama.cpp) over httpx2.

engine.py owns ``RemoteEngine`` (retries, cancel, deadline); stream.py reads one answer;
transport.py speaks HTTP and holds the socket that cancel shuts down; watch.py is the thread that
watches cancel and the deadline; request.py checks what is sent; health.py is what the doctor
shows; errors.py says what went wrong, in the operator's words (words.py holds every text, marked for
translation, context "Remote").
"""

from console.core.inference.remote.engine import CONNECT_TIMEOUT_S, RemoteEngine
from console.core.inference.remote.errors import (
    FIX_URL_HINT, MODEL_SETTING, RemoteEngineError, no_models_hint, server_message)
from console.core.inference.remote.health import RemoteHealth

__all__ = ["CONNECT_TIMEOUT_S", "FIX_URL_HINT", "MODEL_SETTING", "RemoteEngine", "RemoteEngineError",
           "RemoteHealth", "no_models_hint", "server_message"]
