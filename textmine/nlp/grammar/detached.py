"""Recipients the parse leaves detached from the term, read on the surface.

Helpers of :class:`textmine.nlp.rules.recipients.RecipientReader`:

* :func:`marker_object`: ``works closely with parents to agree outcomes``
  parsed with *with* as a clause marker;
* :func:`pied_piped`: ``an officer ..., with whom teachers can work`` with
  *whom* parsed as something else;
* :func:`examples`: parties given as examples after the clause (``..., for
  example, the police and the local authority``);
* :func:`reciprocal`: ``with each other``, ``with one another``.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from textmine.nlp.grammar.syntax import conjuncts, np_end, relative_head, serial_members

__all__ = ["MAX_EXAMPLE_GAP", "examples", "marker_object", "pied_piped", "reciprocal"]

#: How far after the term's clause a ``for example`` list may open.
MAX_EXAMPLE_GAP = 6


def reciprocal(token: Token) -> bool:
    """``each other``, ``one another``: the parties are the subject's own conjuncts."""
    return (
        (token.lower_ == "other" and any(c.lower_ == "each" for c in token.lefts))
        or (token.lower_ == "another" and any(c.lower_ == "one" for c in token.lefts))
        # "consult one another" parsed with "one" as the head
        or (token.lower_ == "one" and any(c.lower_ == "another" for c in token.rights))
    )


def marker_object(span_tokens: list[Token], prep: str) -> list[Token]:
    """``works closely with parents to agree outcomes`` parsed with *with* as a clause marker.

    The parser may read ``with parents to agree`` as a small clause
    (*parents* its subject); the noun phrase right after the term's own
    preposition is still its object.
    """
    for token in span_tokens:
        if token.lower_ == prep and token.dep_ == "mark":
            end = np_end(token.doc, token.i + 1)
            if end > token.i + 1:
                return conjuncts(token.doc[end - 1])
    return []


def examples(tokens: list[Token]) -> list[Token]:
    """Parties listed as examples right after the term's clause (``, for example, X, Y``).

    The examples name members of the class of recipients just read (``other
    relevant persons may be notified, for example, the police and the local
    authority``); ``such as`` is left out, as the annotation guidelines
    leave it.
    """
    doc = tokens[0].doc
    start = max(t.i for t in tokens) + 1
    end = min(tokens[0].sent.end, start + MAX_EXAMPLE_GAP)
    for j in range(start, end):
        word = doc[j]
        if word.pos_ in ("VERB", "AUX") or word.text in (";", "."):
            return []
        opens = word.lower_ in ("e.g.", "eg") or (
            word.lower_ == "for" and j + 1 < len(doc) and doc[j + 1].lower_ == "example"
        )
        if opens and j > 0 and doc[j - 1].text in (",", "(", "\u2013", "-"):
            k = j + (1 if word.lower_ != "for" else 2)
            while k < len(doc) and doc[k].text in (",", ":"):
                k += 1
            last = np_end(doc, k)
            if last == k:
                return []
            head = doc[last - 1]
            return [m for h in (head, *serial_members(head)) for m in conjuncts(h)]
    return []


def pied_piped(verb: Token, prep: str, is_party: Callable[[Token], bool]) -> list[Token]:
    """``an officer ..., with whom teachers can work``: the parse lost *whom* as the object.

    A fronted preposition of the term's relative clause, followed by *whom*
    or *which* that the parser made something else, stands for the noun
    the clause modifies (or, when that names no party, the party named
    right before the preposition).
    """
    for child in verb.children:
        if (
            child.dep_ == "prep"
            and child.lower_ == prep
            and child.i < verb.i
            and not any(c.dep_ in ("pobj", "pcomp") for c in child.children)
            and child.i + 1 < len(child.doc)
            and child.nbor().lower_ in ("whom", "which")
        ):
            head = relative_head(verb)
            before = child.i - 1
            while before > 0 and child.doc[before].is_punct:
                before -= 1
            nearest = child.doc[before]
            if (head is None or not is_party(head)) and is_party(nearest):
                head = nearest  # the clause hung on a phrase's head: the party just before
            return [] if head is None else conjuncts(head)
    return []
