"""The tagger's decisions, each a named rule with a description and an example.

:mod:`~textmine.nlp.rules.registry` holds them; the readers are
:mod:`~textmine.nlp.rules.actor` (who does it), :mod:`~textmine.nlp.rules.imperative`
(imperatives and the document's addressee), :mod:`~textmine.nlp.rules.recipients`
(to whom), :mod:`~textmine.nlp.rules.modality`, :mod:`~textmine.nlp.rules.negation`,
:mod:`~textmine.nlp.rules.voice`, and :mod:`~textmine.nlp.rules.senses` (which matches
are occurrences). :mod:`~textmine.nlp.rules.catalogue` lists them all.
"""
