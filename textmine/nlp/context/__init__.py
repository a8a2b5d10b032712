"""What the tagger reads beyond one clause: the statutory structure of the text.

* :mod:`~textmine.nlp.context.sections`: the parse units of a document (a
  section, regulation, schedule paragraph or numbered guidance paragraph),
  with each list item on a line of its own and its label kept;
* :mod:`~textmine.nlp.context.lists`: lead-ins and their items, read from the
  lines of a text;
* :mod:`~textmine.nlp.context.compose`: a list item completed by its lead-in
  as one short clause, with offsets mapped back to the unit's text.
"""
