"""Every text of the remote engine the operator reads (the Model panel, the doctor), in English and
marked for translation (console/core/i18n.py, context "Remote").

The engine raises ``RemoteEngineError(message, hint)`` with these :class:`~console.core.i18n.Msg`
values; the doctor keeps them as Msgs (its rows carry their ids), but the model worker hands the
Model panel plain text (``str(exc)`` through a ``Signal(int, str, str)``), so the panel matches the
text back against :data:`TEMPLATES` (console/ui/model/qt_remote_words.py), arguments included: a
Transient's words inside a "cannot reach …" message, the hint's "fix the URL in the model panel".
The order matters where one template's text could also match another: the more specific first.
Data stays as it is: URLs, the server's own error message, the OS's reason ("Connection refused").
No state, no threads.
"""

from __future__ import annotations

from console.core.i18n import QT_TRANSLATE_NOOP, Msg

# -- where the operator fixes things (the GUI's words; the command-line doctor passes its own) -------
FIX_URL_HINT = QT_TRANSLATE_NOOP("Remote", "fix the URL in the model panel")
MODEL_SETTING = QT_TRANSLATE_NOOP("Remote", "the Model field of the Model panel's remote server")
NOT_OPENAI = QT_TRANSLATE_NOOP("Remote", "Is this an OpenAI-compatible endpoint?")
NO_MODELS_HINT = QT_TRANSLATE_NOOP("Remote", "Name the model as the server serves it ({setting}), or check the "
                                             "server's log: it may still be loading.")
SEE_LOG = QT_TRANSLATE_NOOP("Remote", "See the server's log.")
EMPTY_ANSWER = QT_TRANSLATE_NOOP("Remote", "(empty answer)")
DEFAULT_MODEL = QT_TRANSLATE_NOOP("Remote", "default")

# -- health (GET /v1/models) ---------------------------------------------------------------------------
SERVES_MODELS = QT_TRANSLATE_NOOP("Remote", "{count} model(s): {models}")
NOT_LISTED = QT_TRANSLATE_NOOP("Remote", "the server does not list the model {model}")
NOT_LISTED_HINT = QT_TRANSLATE_NOOP("Remote", "It serves: {models}. Name one of those ({setting}), or leave the "
                                              "name empty for the first one it serves.")
LISTS_NO_MODELS = QT_TRANSLATE_NOOP("Remote", "{url} lists no models")
NO_MODEL_LIST = QT_TRANSLATE_NOOP("Remote", "{url}/v1/models did not answer with a model list ({error})")
NO_MODEL_LIST_HINT = QT_TRANSLATE_NOOP("Remote", "Is this the URL of an OpenAI-compatible server (vLLM, SGLang, "
                                                 "llama.cpp)?")

# -- the URL and the settings (refused before sending) -----------------------------------------------
NO_URL = QT_TRANSLATE_NOOP("Remote", "no server URL given")
NO_URL_HINT = QT_TRANSLATE_NOOP("Remote", "Enter the server URL, e.g. http://localhost:8000/v1.")
NOT_HTTP = QT_TRANSLATE_NOOP("Remote", "not an http(s) URL: {url}")
BAD_PORT = QT_TRANSLATE_NOOP("Remote", "bad port in {url}")
URL_EXAMPLE = QT_TRANSLATE_NOOP("Remote", "Use a URL like http://localhost:8000/v1.")
BAD_TIMEOUTS = QT_TRANSLATE_NOOP("Remote", "timeouts must be positive (got {read}, {connect})")
BAD_TIMEOUTS_HINT = QT_TRANSLATE_NOOP("Remote", "Set a read timeout of a few seconds or more.")
BAD_RETRIES = QT_TRANSLATE_NOOP("Remote", "retries and backoff must not be negative (got {retries}, {backoff})")
BAD_REQUEST = QT_TRANSLATE_NOOP("Remote", "bad request: {problems}")  # the problems joined with "; "
BAD_REQUEST_HINT = QT_TRANSLATE_NOOP("Remote", "Fix the generation settings in the model panel.")
NO_MESSAGES = QT_TRANSLATE_NOOP("Remote", "no messages")
BAD_MAX_NEW = QT_TRANSLATE_NOOP("Remote", "max new tokens must be at least 1 (got {n})")
BAD_TEMPERATURE = QT_TRANSLATE_NOOP("Remote", "temperature must be between 0 and 2 (got {value})")
BAD_TOP_P = QT_TRANSLATE_NOOP("Remote", "top-p must be above 0 and at most 1 (got {value})")
BAD_REQUEST_TIMEOUT = QT_TRANSLATE_NOOP("Remote", "the request timeout must be positive (got {value} s)")
MAX_INPUT_IGNORED = QT_TRANSLATE_NOOP("Remote", "max input tokens is not applied to a remote server: its own "
                                                "context limit applies")

# -- the engine closed, the deadline ---------------------------------------------------------------------
CLOSED = QT_TRANSLATE_NOOP("Remote", "the remote engine is closed")
CLOSED_HINT = QT_TRANSLATE_NOOP("Remote", "Load the model again.")
CLOSED_DURING = QT_TRANSLATE_NOOP("Remote", "the remote engine was closed during the request")
DEADLINE = QT_TRANSLATE_NOOP("Remote", "no complete answer from {url} within {s} s")
DEADLINE_HINT = QT_TRANSLATE_NOOP("Remote", "The server is slow or overloaded: raise the request timeout or ask "
                                            "for fewer tokens.")

# -- the network (transport.py): a Transient's words, inside the messages below ------------------------
NO_CONNECTION_WITHIN = QT_TRANSLATE_NOOP("Remote", "no connection within {s} s")
CANNOT_CONNECT = QT_TRANSLATE_NOOP("Remote", "cannot connect ({reason})")
CONNECTION_FAILED = QT_TRANSLATE_NOOP("Remote", "connection failed ({reason})")
CONNECTION_LOST = QT_TRANSLATE_NOOP("Remote", "connection lost ({reason})")
HTTP_STATUS = QT_TRANSLATE_NOOP("Remote", "HTTP {status}: {message}")
ENDED_MID_ANSWER = QT_TRANSLATE_NOOP("Remote", "the server ended the stream mid-answer")
NO_EVENT_STREAM = QT_TRANSLATE_NOOP("Remote", "no event stream ({error})")
NOT_JSON = QT_TRANSLATE_NOOP("Remote", "something that is not JSON: {payload}")

# -- what went wrong, and what to do ---------------------------------------------------------------------
SILENT = QT_TRANSLATE_NOOP("Remote", "{url} sent nothing for {s} s")
SILENT_HINT = QT_TRANSLATE_NOOP("Remote", "The server hangs or is overloaded: check it, or raise the read timeout.")
SENT_WHAT = QT_TRANSLATE_NOOP("Remote", "the server at {url} sent {what}")
REJECTED = QT_TRANSLATE_NOOP("Remote", "the server at {url} rejected the request (HTTP {status}): {message}")
HINT_API_KEY = QT_TRANSLATE_NOOP("Remote", "The server refused the API key: enter the key it was started with "
                                           "(--api-key).")
HINT_NOT_FOUND = QT_TRANSLATE_NOOP("Remote", "Check the URL and the model name ({model}): the model list of the "
                                             "server shows what it serves.")
HINT_BAD_REQUEST = QT_TRANSLATE_NOOP("Remote", "The server rejected the request: check max tokens, temperature and "
                                               "top-p, and that the prompt fits the model's context length.")
ONE_ATTEMPT = QT_TRANSLATE_NOOP("Remote", "1 attempt")
ATTEMPTS = QT_TRANSLATE_NOOP("Remote", "{n} attempts")
BROKE_BEFORE_TEXT = QT_TRANSLATE_NOOP("Remote", "the connection to the model server at {url} broke before any text "
                                                "({error}; {tries})")
BROKE_BEFORE_TEXT_HINT = QT_TRANSLATE_NOOP("Remote", "The server stopped or crashed mid-request: check that it is "
                                                     "running, and its log.")
UNREACHABLE = QT_TRANSLATE_NOOP("Remote", "cannot reach the model server at {url} ({error}; {tries})")
UNREACHABLE_HINT = QT_TRANSLATE_NOOP(
    "Remote", "Is vLLM or SGLang running at {url}? Start it with `vllm serve MODEL --port {port}` or "
              "`python -m sglang.launch_server --model-path MODEL --port {port}` (or llama.cpp: "
              "`python -m llama_cpp.server --model FILE.gguf --port {port}`), or {fix}.")
BUSY = QT_TRANSLATE_NOOP("Remote", "the model server at {url} is busy ({error}; {tries})")
BUSY_HINT = QT_TRANSLATE_NOOP("Remote", "It is rate-limiting requests: wait a moment, or lower the load.")
FAILING = QT_TRANSLATE_NOOP("Remote", "the model server at {url} failed ({error}; {tries})")
FAILING_HINT = QT_TRANSLATE_NOOP("Remote", "The server is up but failing: its log says why (out of memory, model "
                                           "still loading, …).")
BROKE_AFTER = QT_TRANSLATE_NOOP("Remote", "the stream from {url} broke after {n} pieces: {error}")
BROKE_AFTER_HINT = QT_TRANSLATE_NOOP("Remote", "The server stopped or lost the connection mid-answer; check that it "
                                               "is still running (its log says why).")
SERVER_FAILED = QT_TRANSLATE_NOOP("Remote", "the server failed: {message}")
NO_ANSWER = QT_TRANSLATE_NOOP("Remote", "the server at {url} ended the stream without an answer")
NO_ANSWER_HINT = QT_TRANSLATE_NOOP("Remote", "Its log says why. A prompt longer than the model's context length "
                                             "does this on llama.cpp's server: shorten the prompt or the history.")

# the order the Model panel tries them on plain text (a template whose text another's could match: first)
TEMPLATES: tuple[Msg, ...] = (
    REJECTED, NO_ANSWER, SENT_WHAT, BROKE_BEFORE_TEXT, UNREACHABLE, BUSY, FAILING, BROKE_AFTER, DEADLINE,
    NO_MODEL_LIST, SILENT, LISTS_NO_MODELS, NOT_LISTED, SERVES_MODELS, SERVER_FAILED, BAD_REQUEST,
    BAD_TIMEOUTS, BAD_RETRIES, NOT_HTTP, BAD_PORT, BAD_MAX_NEW, BAD_TEMPERATURE, BAD_TOP_P, BAD_REQUEST_TIMEOUT,
    NO_CONNECTION_WITHIN, CANNOT_CONNECT, CONNECTION_FAILED, CONNECTION_LOST, HTTP_STATUS, NO_EVENT_STREAM, NOT_JSON,
    ATTEMPTS,
    # hints
    NOT_LISTED_HINT, NO_MODELS_HINT, UNREACHABLE_HINT, HINT_NOT_FOUND,
    # whole texts without fields
    FIX_URL_HINT, MODEL_SETTING, NOT_OPENAI, SEE_LOG, EMPTY_ANSWER, DEFAULT_MODEL, NO_MODEL_LIST_HINT, NO_URL,
    NO_URL_HINT, URL_EXAMPLE, BAD_TIMEOUTS_HINT, BAD_REQUEST_HINT, NO_MESSAGES, MAX_INPUT_IGNORED, CLOSED,
    CLOSED_HINT, CLOSED_DURING, DEADLINE_HINT, ENDED_MID_ANSWER, SILENT_HINT, HINT_API_KEY, HINT_BAD_REQUEST,
    ONE_ATTEMPT, BROKE_BEFORE_TEXT_HINT, BUSY_HINT, FAILING_HINT, BROKE_AFTER_HINT, NO_ANSWER_HINT,
)


def tries(attempts: int) -> Msg:
    """``1 attempt`` / ``3 attempts``."""
    return ONE_ATTEMPT if attempts == 1 else ATTEMPTS.format(n=attempts)
