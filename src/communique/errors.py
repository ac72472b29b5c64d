"""Every message communique raises or warns with, coded in one place.

Codes make a message searchable and keep wording consistent across the CLI, the logs and the
tests. Inputs get E1xx, data files E2xx, settings E3xx, the store E4xx, evaluation E5xx, a
Dask cluster (``ingest --scheduler``) E6xx, followed sources (``watch``) E7xx.
Warnings (the run goes on with what it could read, but the user should know) get W1xx for
inputs, formatted by :func:`warning` for the log.
"""

from __future__ import annotations

__all__ = [
    "ClusterError",
    "CommuniqueError",
    "ConfigError",
    "DataFileError",
    "Errors",
    "EvalError",
    "FetchError",
    "InputError",
    "QueryError",
    "StoreError",
    "Warnings",
    "WatchError",
    "one_line",
    "warning",
]


class Errors:
    """Message templates, formatted with keyword arguments."""

    E101 = "{path}: file is empty"
    E102 = "{path}: file looks binary, not text ({reason})"
    E103 = "{path}: file is {size} bytes, over the limit of {limit} bytes (setting max_bytes)"
    E104 = "{path}: cannot read: {reason}"
    E105 = "{path}: line {line}: malformed JSON: {reason}"
    E106 = "{path}: line {line}: record has neither 'text' nor 'html'"
    E107 = "{path}: no article text found after extraction"
    E108 = "{path}: cannot decode text (tried utf-8 and charset detection)"
    E109 = "{path}: no such file or directory"
    E110 = "{path}: unsupported file type '{suffix}' (expected .txt, .html, .htm or .jsonl)"
    E111 = "{path}: line {line}: field '{field}' must be {kind}"
    E112 = "{path}: language analysis of {doc} failed, document skipped: {reason}"
    E113 = "a long text's pieces joined differ from it ({got} characters for {want})"
    E114 = "{path}: byte-order mark says {encoding}, but the text is not valid {encoding}: {reason}"
    E130 = "pipeline cache {path}: cannot write it, going on without ({reason})"
    E131 = "pipeline cache {path}: cannot load it, building the pipeline again ({reason})"
    E132 = "table cache {path}: cannot write it, going on without ({reason})"
    E133 = "table cache {path}: cannot load it, building the table again ({reason})"
    E201 = "{path}: data file is malformed: {reason}"
    E301 = "setting '{key}' is unknown (known: {known})"
    E302 = "setting '{key}': cannot use value {value!r}: {reason}"
    E303 = "settings file {path}: {reason}"
    E304 = "pipeline component {component} was used before its knowledge base was attached"
    E305 = "write token file {path}: {reason}"
    E306 = "write token given twice: use --write-token or --write-token-file, not both"
    E307 = "--processes {value}: expected 1 or more, or 0 for all of this machine's cores"
    E401 = "database {url}: schema version {found} is newer than this release knows ({known})"
    E402 = "database {url}: cannot open: {reason}"
    E403 = "database {url}: cannot write: {reason}"
    E404 = "search {query!r}: {reason}"
    E405 = "the query ran over the time limit of {limit} s (setting query_time_limit)"
    E406 = "schema migrations run through communique (`communique db upgrade`), not alembic"
    E407 = (
        "database {url}: schema version {found} is older than this release's ({known}) and "
        "cannot be upgraded here: {reason}; run `communique db upgrade` with write access"
    )
    # Backup and restore (export all, import).
    E420 = "{path}: not a communique backup: {reason}"
    E421 = (
        "{path}: backup has schema version {found} (communique {release}), newer than this "
        "release reads ({known}): import it with a newer communique"
    )
    E422 = "{path}: backup file {file} is corrupted: {reason}"
    E423 = "{path}: backup holds {what}, which this release does not know (a newer backup?)"
    E424 = (
        "database {url} already holds {held} articles and the backup {new} others: add them "
        "with import --merge, or import into a new database"
    )
    E425 = "{path}: a backup goes into a new or empty directory"
    E426 = "{path}: cannot write the backup: {reason}"
    # Problems `communique doctor` reports.
    E427 = "no schema version recorded: not a communique database, or never opened by one"
    E428 = "schema version {found} is newer than this release reads ({known}): use a newer one"
    E429 = "schema version {found} is older than this release's ({known}): opening it upgrades it"
    E430 = "SQLite integrity check: {reason}"
    E431 = "{count} rows point to a missing row (first: {table} row {row} to {parent})"
    E432 = (
        "search index {table} is damaged ({reason}): export all and import into a new "
        "database rebuilds it"
    )
    E433 = "search index {table} has {found} rows for {want} {rows}"
    E434 = "{count} articles have no analysis (first: {examples}): ingest their sources again"
    E435 = "{count} articles were analysed by an older version: ingest their sources again"
    E436 = "spaCy model {model}: {reason}"
    E437 = "knowledge base: {reason}"
    E438 = "table {table} is missing: opening the database with this release creates it"
    # One relationship (``communique relation``, ``/relations/A/B``) and what is new since when.
    E450 = "relation {a!r} and {b!r}: {reason}"
    E451 = "since {value!r}: expected a date YYYY-MM-DD or a UTC date and time YYYY-MM-DDTHH:MM"
    E452 = "side {side!r}: {reason}"
    E501 = "gold file {path}: {reason}"
    # Ingest on a Dask cluster (ingest --scheduler).
    E601 = (
        "--scheduler {address}: workers on other machines cannot share the SQLite file of "
        "{url}; use a postgresql:// database (or --scheduler local)"
    )
    E602 = "--scheduler {address}: cannot reach the Dask scheduler: {reason}"
    E603 = "{path}: the cluster task holding {doc} failed, document skipped: {reason}"
    # Followed sources (watch): fetching, reading feeds and sitemaps, the sources' registry.
    E701 = "{url}: robots.txt forbids fetching it"
    E702 = "{url}: HTTP {status} {reason}"
    E703 = "{url}: HTTP {status} {reason}, {tries} tries"
    E704 = "{url}: no answer within {timeout} s, {tries} tries (setting watch_timeout)"
    E705 = "{url}: cannot connect, {tries} tries: {reason}"
    E706 = (
        "{url}: HTTP {status}, asked to come back in {wait:.0f} s, over the {limit:.0f} s "
        "waited for (setting watch_retry_after_max); not fetched again before then"
    )
    E707 = "{url}: robots.txt unreachable ({reason}): the site is not fetched until it answers"
    E708 = "{url}: over the limit of {limit} bytes (setting max_bytes)"
    E709 = "{url}: not a feed, a sitemap or a page with article links: {reason}"
    E710 = "{url}: not an http(s) URL"
    E711 = "a source named {name!r} is already watched ({url})"
    E712 = "no watched source named {name!r}"
    E713 = "--every {value!r}: expected a duration such as 15m, 2h or 1d (at least 1m)"
    E714 = "{count} of {total} new articles failed (last: {last})"
    E715 = "{url}: unexpected {kind} while reading this source, please report it: {reason}"
    E716 = "{url}: its kept page {path} is gone; its article keeps the analysis it has"
    E717 = "{url}: redirected to {target}, which is not an http(s) URL"
    E718 = "{url}: redirected more than {limit} times in a row"
    E719 = "{url}: the answer took over {limit:g} s in all ({times} times setting watch_timeout)"


class Warnings:
    """Warning templates: something was read, but not exactly as the input gave it."""

    W101 = (
        "{path}: {count} bytes are not valid UTF-8 in an otherwise UTF-8 text; "
        "read as UTF-8 with each replaced by U+FFFD"
    )
    W102 = "{path}: line {line}: field '{field}' holds lone surrogate escapes; replaced by U+FFFD"
    W103 = "{doc}: language '{language}' has no stage of its own; read by the Russian one"


def one_line(error: object) -> str:
    """The first line of ``error``'s message, cut at 200 characters (its type's name if empty).

    A coded message is one line (a log line, a row of ``watch list``), but the reason it quotes
    from another library (an XML parser, a socket) may run over several.
    """
    text = str(error).strip().splitlines()
    return text[0][:200] if text else type(error).__name__


def warning(code: str, **kwargs: object) -> str:
    """Format a coded warning for the log, in the layout of an error: ``message [W101]``."""
    return f"{getattr(Warnings, code).format(**kwargs)} [{code}]"


class CommuniqueError(Exception):
    """Base class: anything communique raises on purpose."""

    def __init__(self, code: str, **kwargs: object) -> None:
        self.code = code
        self.message = getattr(Errors, code).format(**kwargs)
        super().__init__(f"{self.message} [{code}]")

    def __reduce__(self) -> tuple[object, ...]:
        """Pickle the formatted message, not the arguments (a Dask worker sends errors back)."""
        return _restore, (type(self), self.code, self.message)


def _restore(kind: type[CommuniqueError], code: str, message: str) -> CommuniqueError:
    """A pickled error again, without formatting its template a second time."""
    error = kind.__new__(kind)
    error.code, error.message = code, message
    Exception.__init__(error, f"{message} [{code}]")
    return error


class InputError(CommuniqueError):
    """One input cannot be read; the run goes on with the others."""


class DataFileError(CommuniqueError):
    """A packaged or user data file is malformed."""


class ConfigError(CommuniqueError):
    """A setting is unknown or has an unusable value."""


class StoreError(CommuniqueError):
    """The database cannot be opened or has an unknown schema."""


class QueryError(CommuniqueError):
    """A search query cannot be understood: the user's input, so a 400, not a server fault."""


class EvalError(CommuniqueError):
    """A gold file cannot be read."""


class FetchError(CommuniqueError):
    """A page or a source's listing cannot be had; that source's run stops, the others go on.

    ``wait`` is how many seconds the site asked for before the next request (Retry-After), or
    None; ``permanent`` tells a refusal that asking again will not change (a 404, robots.txt)
    from one that may pass (a 5xx, a timeout).
    """

    def __init__(
        self, code: str, *, wait: float | None = None, permanent: bool = False, **kwargs: object
    ) -> None:
        super().__init__(code, wait=wait, **kwargs)
        self.wait = wait
        self.permanent = permanent


class WatchError(CommuniqueError):
    """A command on the followed sources cannot be done as asked (a name, a duration)."""


class ClusterError(CommuniqueError):
    """The Dask cluster of ``ingest --scheduler`` cannot be used for this run."""
