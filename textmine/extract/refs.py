"""The written forms of provision refs, as the lead token of a plain-text block.

One grammar, shared by the ``text`` export (:func:`lead_for`) and the plain-text
reader (:func:`split_lead`), so that whatever the export writes reads back
with the same ref. A block may be led by:

* a paragraph number of the tagging contract, ``9.14`` or ``1.2.3`` (a trailing
  dot is allowed and dropped: ``9.14.`` gives ``9.14``);
* one of textmine's own ref forms: ``s.27(3)(b)``, ``cl.12(3)``, ``reg.6(2)``,
  ``art.3(1)``, ``r.5``, ``Sch 2 para 3(1)(a)``, ``Sch para 4`` (a sole
  Schedule);
* ``para 123``, which is how the export writes a flat guidance number (``123``,
  as in Keeping children safe in education): a bare ``123.`` cannot be told
  from a numbered list item, so the contract gives it no ref, while ``para``
  says plainly that it is a paragraph number;
* ``[ref: X]``, the export's fallback for any other ref a reader may produce,
  so that no ref is ever lost on the way out and back.
"""

from __future__ import annotations

import re

__all__ = ["lead_for", "split_lead", "unit_of"]

_CONTRACT = re.compile(r"(?P<ref>\d{1,3}\.\d{1,3}(?:\.\d{1,3})?)\.?(?=\s|$)")
_OWN = re.compile(
    r"(?P<ref>(?:s|cl|reg|art|r)\.\d+[A-Z]*(?:\([0-9A-Za-z]+\))*"
    r"|Sch(?:[ \t]+\d+[A-Z]*)?[ \t]+para[ \t]+\d+[A-Z]*(?:\([0-9A-Za-z]+\))*)(?=\s|$)"
)
_FLAT = re.compile(r"para[ \t]+(?P<ref>\d{1,4}[A-Za-z]?)(?=\s|$)")
_EXPLICIT = re.compile(r"\[ref:[ \t]*(?P<ref>[^\]\n]+?)[ \t]*\](?=\s|$)")
_FLAT_REF = re.compile(r"\d{1,4}[A-Za-z]?")
_UNIT = re.compile(r"^(?P<base>.*?\d+[A-Z]*)(?P<sub>\(\d+[A-Z]*\))?(?:\(|$)")


def split_lead(text: str) -> tuple[str | None, str]:
    """Split ``text`` into its lead ref (or ``None``) and the rest, stripped."""
    text = text.lstrip()
    for pattern in (_CONTRACT, _OWN, _FLAT, _EXPLICIT):
        match = pattern.match(text)
        if match:
            ref = " ".join(match.group("ref").split())
            return ref, text[match.end() :].strip()
    return None, text.strip()


def lead_for(ref: str) -> str:
    """The lead token the export writes for ``ref``; :func:`split_lead` reads it back."""
    ref = " ".join(ref.split())
    if split_lead(f"{ref} x") == (ref, "x"):
        return ref
    if _FLAT_REF.fullmatch(ref):
        return f"para {ref}"
    return f"[ref: {ref}]"


def unit_of(ref: str) -> str:
    """The sentence-bearing unit of ``ref``: its subsection if numbered, else its section.

    ``s.27(3)(b)`` → ``s.27(3)``; ``art.7(b)(i)`` → ``art.7``;
    ``Sch 1 para 2(2)(a)`` → ``Sch 1 para 2(2)``; ``9.14`` → ``9.14``.
    """
    match = _UNIT.match(ref)
    if not match or not _OWN.fullmatch(ref):
        return ref
    return match.group("base") + (match.group("sub") or "")
