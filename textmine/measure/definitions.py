"""Plain-language definitions of every measure, with formulas: data for a report's methods.

Keys are the measure names used in :class:`textmine.measure.tables.MeasureTables`
and in measure ids (``tii``, ``asymmetry``, ``divergence``...). The wording
restates the module docstrings of :mod:`textmine.measure` for readers who do
not read code; a test checks that every table has an entry.
"""

from __future__ import annotations

DEFINITIONS: dict[str, str] = {
    "relation": (
        "A relation is an ordered pair of parties: who acts (the doer) and who is informed, "
        "consulted, involved or worked with (the recipient), e.g. local authority → parents. "
        "An occurrence naming several recipients counts once for each; one naming none belongs "
        "to doer → 'no one named'; an occurrence whose text names no doer has the doer "
        "'no doer named'."
    ),
    "duty_matrix": (
        "Who does what for whom, and how strongly: one row per doer, one column per recipient, "
        "each cell the occurrences of that relation in one document, their mean participation "
        "level and their binding share (must or shall, not negated), coloured by mean level. "
        "Cells with fewer than 3 occurrences are greyed: too few to read. The difference matrix "
        "sets the guidance against the enacting text it restates: mean level and binding share "
        "of the guidance minus those of the enacting text, for the relations both state."
    ),
    "relations": (
        "Per relation: occurrences, provisions, terms used and their counts; term entropy; "
        "participation level (1 inform, 2 consult, 3 involve, 4 collaborate, 5 co-produce): "
        "mean, standard deviation (population), minimum, maximum; modality mix: shares of "
        "must/shall, should/will, may/can/need and no modal; binding share (must or shall, not "
        "negated); agentless passives (no doer named and passive voice: who must act is left "
        "unsaid); negations. Every figure lists the provisions (document:reference) behind it."
    ),
    "relation_terms": (
        "Per relation and term: occurrences, share of the relation's occurrences, negated "
        "uses, the modals and surface words used, and the provisions."
    ),
    "term_entropy": (
        "Normalised Shannon entropy of the terms used for one relation: H / ln K, where "
        "H = -sum of p ln p over the shares p of each term and K is the number of canonical "
        "terms available (15 in the contract, more if the lexicon adds terms). 0 when one term "
        "is always used; 1 only if every available term is used equally often. Term evenness "
        "(H / ln of the number of distinct terms used) is reported beside it."
    ),
    "level_spread": (
        "Standard deviation (population) of the participation levels of a relation's "
        "occurrences, divided by 2, the largest possible for levels 1 to 5: 0 to 1."
    ),
    "modality_spread": (
        "Normalised entropy of a relation's modality mix over the four classes strong, medium, "
        "weak and none: H / ln 4, 0 when every occurrence has the same kind of modal, 1 when "
        "the four are equally common."
    ),
    "tii": (
        "Terminology Inconsistency Index of a document: TII = (E + L + M) / 3, where E, L "
        "and M are the term entropy, level spread and modality spread of each relation, "
        "averaged over relations weighted by their occurrences (w = n_relation / n_all). "
        "Range 0 to 1: 0 when the same parties are always linked by one term, at one level, "
        "under one kind of modal. The three components and each relation's contribution are "
        "reported beside it."
    ),
    "asymmetry": (
        "Duties toward families compared with duties toward professionals, for each doer with "
        "at least 5 occurrences toward the two sides together, and for all doers pooled. Which "
        "recipient groups are families and which are professionals is set by the lexicon's "
        "groups.jsonl (bundled: families are parents, children and young people; professionals "
        "are the local authority, education settings, health bodies, social care and "
        "professionals). Two differences, families minus professionals: mean participation "
        "level, and binding share (must or shall, not negated). An occurrence naming both kinds "
        "of recipient counts on both sides. 95% confidence interval: percentile bootstrap "
        "resampling occurrences within each side; p-value: two-sided permutation test of the "
        "difference. Both seeded, so reruns agree. Raw counts of occurrences and provisions are "
        "given; occurrences in one provision are not independent, so the intervals are somewhat "
        "narrow. With fewer than 5 occurrences on a side the figure is greyed: too few to read."
    ),
    "asymmetry_by_part": (
        "The asymmetry measure within each Part of a document (or Chapter when it has no Parts)."
    ),
    "js_divergence": (
        "Jensen-Shannon divergence between two documents' term distributions for one relation "
        "(or for all occurrences): JSD = 1/2 KL(P||M) + 1/2 KL(Q||M), M = (P + Q) / 2, in bits. "
        "Computed as the square of scipy's Jensen-Shannon distance with base 2. 0 = the same mix "
        "of terms, 1 = no term in common."
    ),
    "divergence": (
        "Consistency between an enacting text (Act, Bill or regulations) and the guidance that "
        "restates it: the Jensen-Shannon divergence of term use per relation and overall, and "
        "the terms each document uses that the other does not."
    ),
    "strength": (
        "Strength of one occurrence: 4 x level + modal rank (must/shall 3, should/will 2, "
        "may/can/need 1, none 0), so level decides first and the modal breaks ties; negation "
        "makes it negative ('must not consult' is weaker than any positive statement)."
    ),
    "divergence_strength": (
        "Duties the guidance states more weakly or more strongly than the provision it restates. "
        "Each guidance paragraph and relation is aligned to the Act's (or regulations') "
        "provisions its sentences cite ('section 19', 's.19', 'regulation 6'), same relation "
        "first, then same recipient; failing a citation, to the same relation anywhere in the "
        "Act. The strongest statement on each side is compared by strength."
    ),
    "relations_difference": (
        "The relations of the two documents compared side by side: occurrences, mean level and "
        "binding share in each, and the guidance's minus the enacting text's."
    ),
    "comparability": (
        "Pairwise measures are shown only for two documents about the same provisions: their "
        "content words (4 letters or more, stop words out, log-scaled counts) must reach a "
        "cosine similarity of 0.35, and the guidance must name the enacting text's title (or, "
        "when it has none, cite at least 3 of its provisions). Otherwise the report says the "
        "documents are not about the same provisions and compares nothing."
    ),
    "reliability": (
        "Minimum occurrences behind a figure worth reading: 20 for a document's TII, 5 on each "
        "side for families versus professionals, 20 in each document for a divergence, 3 for a "
        "duty-matrix cell. Figures below are still given, greyed, with the reason."
    ),
    "harmonisation": (
        "For each relation worded with more than one term: the variants, how often and where "
        "each is used, and the strongest term the document already uses for that relation "
        "(highest level among non-negated uses, then most frequent), offered with the strongest "
        "modal the relation already carries as a suggested harmonised wording. Relations with no "
        "named recipient get no hint."
    ),
    "near_synonyms": (
        "Pairs of provisions that say nearly the same thing with different partnership terms "
        "for the same relation: cosine similarity of TF-IDF vectors of their sentences with the "
        "partnership terms masked out, nearest neighbours by scikit-learn; reported when the "
        "similarity is at least the threshold (0.5 unless stated)."
    ),
}
