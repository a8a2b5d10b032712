"""Readings of the dependency parse that several rules share.

The parse helpers the tagger's rules are built from, each defined once:
:mod:`~textmine.nlp.grammar.syntax` (dependency sets, conjuncts, heads, noun
phrase ends), :mod:`~textmine.nlp.grammar.clauses` (subjects the parse loses),
:mod:`~textmine.nlp.grammar.adjuncts` (participles and infinitives hung on the
wrong word), :mod:`~textmine.nlp.grammar.asides` (parentheticals),
:mod:`~textmine.nlp.grammar.passives` (passive control, ``keep X informed``),
:mod:`~textmine.nlp.grammar.objects` (objects the parse loses) and
:mod:`~textmine.nlp.grammar.detached` (parties standing outside the clause).
They decide nothing on their own: the rules of :mod:`textmine.nlp.rules` do.
"""
