"""Scoring the tagger against hand-labelled gold sets: reading gold files
(:mod:`~textmine.nlp.eval.gold`), pairing occurrences
(:mod:`~textmine.nlp.eval.match`), the report (:mod:`~textmine.nlp.eval.evaluate`)
and its text form (:mod:`~textmine.nlp.eval.text`)."""
