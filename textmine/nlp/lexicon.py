"""Load and validate the tagger's lexicons: ``terms.jsonl``, ``actors.jsonl``, ``cues.jsonl``.

The lexicons are data, not code. They ship in the top-level ``lexicons/``
folder (installed as the package ``textmine.lexicons``); ``--lexicon DIR``
points the tagger at a user's own folder holding the same three files, so
another policy field or another participation ladder needs no code change.

* ``terms.jsonl``: one term or phrase variant a line, in spaCy's token-pattern
  shape: ``{"label", "id", "term", "level", "pattern", "constraint", "roles"}``
  plus an optional ``anchor`` lemma (the verb of a phrase such as ``regard
  must be had to``). ``constraint`` keys and ``roles`` are listed in
  :data:`CONSTRAINTS` and :data:`ROLES`.
* ``actors.jsonl``: alias patterns of the canonical actor groups
  ``{"group", "id", "refer", "pattern"}``; ``refer`` says which pronouns may
  stand for the alias (``body``: *it*; ``person``: *he or she*).
* ``cues.jsonl``: modal, control (semi-modal), negation, embedding,
  light-noun, pronoun, relative-pronoun, views-noun, compound-word, party-noun,
  purpose-verb, title and activity cues (:data:`CUE_TYPES`).

Every line is checked against its schema, and every pattern is compiled by a
spaCy ``Matcher`` with ``validate=True``; a bad line raises
:class:`~textmine.errors.LexiconError` naming the file and line.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from functools import lru_cache
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path
from typing import Any

from textmine.errors import LexiconError
from textmine.nlp.lexicon_schema import (
    ACTOR_KEYS,
    CONSTRAINTS,
    CUE_TYPES,
    FILES,
    REFERS,
    ROLES,
    TERM_KEYS,
    ActorPattern,
    Cues,
    Lexicon,
    TermPattern,
    check_pattern,
    need,
    strings,
    unknown,
)

__all__ = [
    "CONSTRAINTS",
    "CUE_TYPES",
    "FILES",
    "ROLES",
    "ActorPattern",
    "Cues",
    "Lexicon",
    "TermPattern",
    "load_lexicon",
]

log = logging.getLogger(__name__)


# ---------------------------------------------------------------- reading


def _default_folder() -> Traversable:
    """The bundled lexicons: package ``textmine.lexicons``, else the source tree's folder."""
    try:
        return resources.files("textmine.lexicons")
    except ModuleNotFoundError:
        # An editable install made before the package mapping existed: read
        # the folder beside the package in the source tree.
        import textmine

        return Path(textmine.__file__).resolve().parent.parent / "lexicons"


def _lines(folder: Traversable, name: str) -> Iterator[tuple[str, int, dict[str, Any]]]:
    source = str(folder / name) if isinstance(folder, Path) else f"textmine.lexicons/{name}"
    entry = folder / name
    if not entry.is_file():
        raise LexiconError(
            source, None, "missing (a lexicon folder holds " + ", ".join(FILES) + ")"
        )
    try:
        text = entry.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise LexiconError(source, None, f"not UTF-8 text ({exc.reason})") from exc
    except OSError as exc:
        raise LexiconError(source, None, f"cannot be read ({exc.strerror or exc})") from exc
    for number, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip() or raw.lstrip().startswith("//"):
            continue
        try:
            obj = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise LexiconError(source, number, f"not valid JSON ({exc.msg})") from exc
        if not isinstance(obj, dict):
            raise LexiconError(source, number, f"expected a JSON object, got {type(obj).__name__}")
        yield source, number, obj


def _read_terms(folder: Traversable) -> tuple[TermPattern, ...]:
    terms: list[TermPattern] = []
    for source, number, obj in _lines(folder, "terms.jsonl"):
        where = (source, number)
        unknown(obj, TERM_KEYS, where)
        term_id = need(obj, "id", str, where)
        term = need(obj, "term", str, where)
        level = need(obj, "level", int, where)
        if not 1 <= level <= 9:
            raise LexiconError(source, number, f"level must be an integer from 1 to 9, got {level}")
        label = obj.get("label", "PARTNERSHIP")
        if not isinstance(label, str) or not label:
            raise LexiconError(source, number, "field 'label' must be a non-empty string")
        constraint = obj.get("constraint", {})
        if not isinstance(constraint, dict):
            raise LexiconError(source, number, "field 'constraint' must be an object")
        for name, value in constraint.items():
            if name not in CONSTRAINTS:
                known = ", ".join(sorted(CONSTRAINTS))
                raise LexiconError(source, number, f"unknown constraint '{name}' (known: {known})")
            if not isinstance(value, CONSTRAINTS[name]):
                kind = CONSTRAINTS[name].__name__
                raise LexiconError(source, number, f"constraint '{name}' must be {kind}")
        if "object_lemmas" in constraint:
            strings(constraint["object_lemmas"], "object_lemmas", where)
        roles = obj.get("roles", [])
        if not isinstance(roles, list) or any(r not in ROLES for r in roles):
            known = ", ".join(sorted(ROLES))
            raise LexiconError(source, number, f"field 'roles' must list some of: {known}")
        anchor = obj.get("anchor")
        if anchor is not None and (not isinstance(anchor, str) or not anchor):
            raise LexiconError(source, number, "field 'anchor' must be a lemma (string)")
        pattern = check_pattern(need(obj, "pattern", list, where), term_id, where)
        terms.append(
            TermPattern(
                id=term_id,
                term=term,
                level=level,
                pattern=pattern,
                label=label,
                constraint=dict(constraint),
                roles=tuple(roles),
                anchor=anchor,
                source=source,
                line=number,
            )
        )
    if not terms:
        raise LexiconError(str(folder / "terms.jsonl"), None, "holds no term patterns")
    return tuple(terms)


def _read_actors(folder: Traversable) -> tuple[ActorPattern, ...]:
    actors: list[ActorPattern] = []
    for source, number, obj in _lines(folder, "actors.jsonl"):
        where = (source, number)
        unknown(obj, ACTOR_KEYS, where)
        group = need(obj, "group", str, where)
        if not group or group == "unspecified" or not group.replace("_", "").isalnum():
            raise LexiconError(source, number, f"bad group name {group!r} (letters, digits, '_')")
        refer = obj.get("refer", "any")
        if refer not in REFERS:
            raise LexiconError(source, number, f"refer must be one of {', '.join(sorted(REFERS))}")
        actor_id = obj.get("id", group)
        if not isinstance(actor_id, str):
            raise LexiconError(source, number, "field 'id' must be a string")
        pattern = check_pattern(need(obj, "pattern", list, where), actor_id, where)
        actors.append(ActorPattern(group, actor_id, pattern, refer, source, number))
    return tuple(actors)


def _read_cues(folder: Traversable) -> Cues:
    modals: dict[str, str] = {}
    control: dict[str, str] = {}
    negations: set[str] = set()
    phrases: list[tuple[str, ...]] = []
    determiners: set[str] = set()
    purpose: set[str] = set()
    titles: list[tuple[str, ...]] = []
    embedding: set[str] = set()
    light: set[str] = set()
    pronouns: dict[str, set[str]] = {}
    relatives: set[str] = set()
    views: set[str] = set()
    compounds: list[str] = []
    party_nouns: set[str] = set()
    suffixes: list[str] = []
    suffix_exceptions: set[str] = set()
    activities: set[str] = set()
    for source, number, obj in _lines(folder, "cues.jsonl"):
        where = (source, number)
        kind = need(obj, "type", str, where)
        if kind not in CUE_TYPES:
            raise LexiconError(
                source, number, f"unknown cue type '{kind}' (known: {', '.join(CUE_TYPES)})"
            )
        required, optional = CUE_TYPES[kind]
        unknown(obj, required | optional | {"type", "note"}, where)
        for key in required:
            if key not in obj:
                raise LexiconError(source, number, f"missing field '{key}' for a {kind} cue")
        if kind == "modal":
            for word in strings(obj["words"], "words", where):
                modals[word] = need(obj, "value", str, where)
        elif kind == "control":
            for lemma in strings(obj["lemmas"], "lemmas", where):
                control[lemma] = need(obj, "value", str, where)
        elif kind == "negation":
            if "words" in obj:
                negations.update(strings(obj["words"], "words", where))
            if "phrase" in obj:
                phrase = need(obj, "phrase", str, where).lower().split()
                if len(phrase) < 2:
                    raise LexiconError(source, number, "a negation phrase needs two or more words")
                phrases.append(tuple(phrase))
            if "determiners" in obj:
                determiners.update(strings(obj["determiners"], "determiners", where))
            if not {"words", "phrase", "determiners"} & set(obj):
                raise LexiconError(
                    source, number, "a negation cue needs 'words', 'phrase' or 'determiners'"
                )
        elif kind == "embedding":
            embedding.update(strings(obj["lemmas"], "lemmas", where))
        elif kind == "light":
            light.update(strings(obj["lemmas"], "lemmas", where))
        elif kind == "pronoun":
            refer = obj["refer"]
            if refer not in REFERS:
                raise LexiconError(
                    source, number, f"refer must be one of {', '.join(sorted(REFERS))}"
                )
            for word in strings(obj["words"], "words", where):
                pronouns.setdefault(word, set()).add(refer)
        elif kind == "relative":
            relatives.update(strings(obj["words"], "words", where))
        elif kind == "views":
            views.update(strings(obj["lemmas"], "lemmas", where))
        elif kind == "purpose":
            purpose.update(strings(obj["lemmas"], "lemmas", where))
        elif kind == "title":
            titles.extend(tuple(p.split()) for p in strings(obj["phrases"], "phrases", where))
        elif kind == "party_noun":
            party_nouns.update(strings(obj["lemmas"], "lemmas", where))
        elif kind == "activity":
            activities.update(strings(obj["lemmas"], "lemmas", where))
        elif kind == "party_suffix":
            suffixes.extend(strings(obj["words"], "words", where))
            if "except" in obj:
                suffix_exceptions.update(strings(obj["except"], "except", where))
        else:
            compounds.extend(strings(obj["words"], "words", where))
    return Cues(
        modals=modals,
        control=control,
        negations=frozenset(negations),
        negation_phrases=tuple(phrases),
        negation_determiners=frozenset(determiners),
        embedding=frozenset(embedding),
        light=frozenset(light),
        pronouns={k: frozenset(v) for k, v in pronouns.items()},
        relatives=frozenset(relatives),
        views=frozenset(views),
        compounds=tuple(dict.fromkeys(compounds)),
        party_nouns=frozenset(party_nouns),
        party_suffixes=tuple(dict.fromkeys(suffixes)),
        party_suffix_exceptions=frozenset(suffix_exceptions),
        purpose=frozenset(purpose),
        titles=tuple(dict.fromkeys(titles)),
        activities=frozenset(activities),
    )


def load_lexicon(directory: str | Path | None = None) -> Lexicon:
    """Read and validate the three lexicons of ``directory`` (default: the bundled ones).

    Raises :class:`~textmine.errors.LexiconError` naming file and line for a
    malformed line, and naming the folder when it or one of its files is
    missing.
    """
    if directory is None:
        return _load_default()
    folder = Path(directory)
    if not folder.is_dir():
        raise LexiconError(str(folder), None, "no such lexicon folder")
    return _load(folder)


@lru_cache(maxsize=1)
def _load_default() -> Lexicon:
    return _load(_default_folder())


def _load(folder: Traversable) -> Lexicon:
    lexicon = Lexicon(
        terms=_read_terms(folder),
        actors=_read_actors(folder),
        cues=_read_cues(folder),
        source=str(folder),
    )
    log.debug(
        "lexicon %s: %d term patterns, %d actor aliases",
        lexicon.source,
        len(lexicon.terms),
        len(lexicon.actors),
    )
    return lexicon
