"""Every message communique raises or warns with, coded in one place.

Codes make a message searchable and keep wording consistent across the CLI, the logs and the
tests. Inputs get E1xx, data files E2xx, settings E3xx, the store E4xx, evaluation E5xx, a
Dask cluster (``ingest --scheduler``) E6xx.
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
    "InputError",
    "QueryError",
    "StoreError",
    "Warnings",
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
    E501 = "gold file {path}: {reason}"
    # Ingest on a Dask cluster (ingest --scheduler).
    E601 = (
        "--scheduler {address}: workers on other machines cannot share the SQLite file of "
        "{url}; use a postgresql:// database (or --scheduler local)"
    )
    E602 = "--scheduler {address}: cannot reach the Dask scheduler: {reason}"
    E603 = "{path}: the cluster task holding {doc} failed, document skipped: {reason}"


class Warnings:
    """Warning templates: something was read, but not exactly as the input gave it."""

    W101 = (
        "{path}: {count} bytes are not valid UTF-8 in an otherwise UTF-8 text; "
        "read as UTF-8 with each replaced by U+FFFD"
    )
    W102 = "{path}: line {line}: field '{field}' holds lone surrogate escapes; replaced by U+FFFD"
    W103 = "{doc}: language '{language}' has no stage of its own; read by the Russian one"


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


class ClusterError(CommuniqueError):
    """The Dask cluster of ``ingest --scheduler`` cannot be used for this run."""
