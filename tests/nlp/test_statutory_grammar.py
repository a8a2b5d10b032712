"""Classes of tagger error on SEND-style statutory English (issue 4), one sentence per rule.

The sentences are written for these tests in the style of the Children and
Families Act 2014 Part 3 and the SEND Code of Practice; they are not quoted.
Each case asserts the exact occurrences as contract fields: (text, term,
actor, sorted recipients, modality, negated, voice). Decisions follow the
annotation guidelines of tests/nlp/data/README.md:

* coordinated subjects and actors give the first conjunct's group; reciprocal
  ``A and B work together`` gives recipients B;
* an infinitive that modifies a noun (``arrangements to work together``,
  ``reasonable steps to consult``) takes no modal from outside; object control
  (``may request the authority to consult``, ``can help you participate``) does;
* expletive *it* is never an actor; *they/their* standing for a coordination
  names every member;
* first and second person in a local authority's offer to care leavers: *we*
  is the local authority, *you* the young person (bundled lexicon default).
"""

from __future__ import annotations

import pytest

from tests.nlp.helpers import contract_fields, read_as
from textmine.nlp.component import SPANS_KEY

A = "active"
P = "passive"
LA = "local_authority"
YP = "young_person"

CASES = [
    # ---- the project's own field (ninth session, after S106-S108 were scored)
    # a relative clause with a reduced relative in it, read by the parse as the main clause:
    # its head noun is the modal's subject
    (
        "The authority to which the request referred to in paragraph (2) was made must "
        "consult the parent.",
        [("consult", "consult", LA, ["parent"], "must", False, A)],
    ),
    (
        "The person with whom the appeal mentioned in paragraph (1) has been lodged must, "
        "within 14 days, notify the authority of that fact.",
        [("notify", "notify", "other", [LA], "must", False, A)],
    ),
    # ... also as a list's lead-in
    (
        "(2) The school to which the plan described in paragraph (1) has been sent must— "
        "(a) inform the parent of its decision, and (b) publish the plan.",
        [("inform", "inform", "education", ["parent"], "must", False, A)],
    ),
    # a reduced relative with its own phrase before a finite verb: the noun is the subject
    (
        "If any person named in paragraph (3) considers the plan to be wrong, that person "
        "may ask for a review.",
        [("considers", "consider", "other", [], "none", False, A)],
    ),
    # a where-clause before the modal takes none of the main clause's modal
    (
        "Where the authority considers that it would be unfair not to do so, it may, when "
        "deciding the request, set a later date.",
        [("considers", "consider", LA, [], "none", False, A)],
    ),
    # "a court or tribunal ... it": one party, read by its first name
    (
        "Where a court or tribunal is deciding what remedy to give, it must have regard to "
        "the views of the child.",
        [("have regard to", "have regard to", "other", ["child"], "must", False, A)],
    ),
    # an adjective is no subject: the participle after "considers reasonable" is the judge's
    (
        "The appeal must be brought within such further period as the tribunal considers "
        "fair having regard to the reasons for the delay.",
        [
            ("considers", "consider", "tribunal", [], "none", False, A),
            ("having regard to", "have regard to", "tribunal", [], "none", False, A),
        ],
    ),
    # a pied-piped "to which ... have regard" is the term, with its doer and modal
    (
        "The Secretary of State must publish the matters to which the authority must have regard.",
        [("have regard", "have regard to", LA, [], "must", False, A)],
    ),
    (
        "The code lists the matters to which regard must be had.",
        [("regard must be had", "have regard to", "unspecified", [], "must", False, P)],
    ),
    # ... but not beside an ordinary "have regard to"
    (
        "The extent to which the school has regard to the views of the child must be recorded.",
        [("has regard to", "have regard to", "education", ["child"], "none", False, A)],
    ),
    # the committee or staff of an institution take its group; a hospital is a health body
    (
        "The authority must consult the management committee of each pupil referral unit "
        "and the staff of the hospital.",
        [("consult", "consult", LA, ["education", "health"], "must", False, A)],
    ),
    # a safeguarding children partnership, also by its short form, is the safeguarding partners
    (
        "The LSCP and the Local Safeguarding Children Partnership must consult schools.",
        [("consult", "consult", "professional", ["education"], "must", False, A)],
    ),
    # a meeting of a body acts for it
    (
        "Where a meeting of the governing body is to consider the exclusion, the parent may "
        "attend.",
        [("consider", "consider", "education", [], "none", False, A)],
    ),
    # ... but "management of a school" is an activity, not a party to involve
    (
        "Roles involving management of a school include head teachers and governors.",
        [],
    ),
    # parties of appeals and associations
    (
        "The respondent must notify the appellant and the students' union of the decision.",
        [("notify", "notify", "other", ["other"], "must", False, A)],
    ),
    # a party the parse read as the adjective of the gerund after it
    (
        "Every professional working with children has a duty to share information.",
        [("working with", "work with", "professional", ["child"], "none", False, A)],
    ),
    # "support X V": the object of a verb of helping does the bare infinitive
    (
        "Homes should draw on local clubs to support children participate in sport.",
        [("participate", "participate", "child", [], "none", False, A)],
    ),
    # a party a noun's preposition governs does the infinitive or in-gerund right after it
    (
        "Reviews found a lack of confidence in practitioners to engage with families.",
        [("engage", "engage", "professional", ["parent"], "none", False, A)],
    ),
    (
        "The reviews describe the challenges for teachers in working with parents.",
        [("working with", "work with", "education", ["parent"], "none", False, A)],
    ),
    # ... but not the one a letter is sent to ("to inform" is the sender's purpose)
    (
        "The authority must send a letter to the parent to inform them of the decision.",
        [("inform", "inform", LA, ["parent"], "none", False, A)],
    ),
    # partners or colleagues named by their sector take that sector's group
    (
        "The council will work closely with housing partners, health partners and educators.",
        [
            (
                "work closely with",
                "work with",
                LA,
                ["education", "health", LA],
                "will",
                False,
                A,
            )
        ],
    ),
    # events counted by the children they involve are no partnership
    ("There were 40 separations involving 12 children in the homes.", []),
    # "support X in V-ing": the object does the gerund
    (
        "The guidance may help schools and colleges in working together.",
        [("working together", "work with", "education", [], "none", False, A)],
    ),
    # ---- bodies of economic regulation (eighth session, before S79-S81 were scored)
    # a body's acronym the parse tags a common noun is a party told ("inform the OFR")
    (
        "The undertaking must inform the OFR of any merger it proposes.",
        [("inform", "inform", "other", ["other"], "must", False, A)],
    ),
    # an undertaking (a business) is a party, as subject and as the one informed
    (
        "The regulator must inform the undertaking of the reasons for its decision.",
        [("inform", "inform", "other", ["other"], "must", False, A)],
    ),
    # a verb of control passes its infinitive to a body's acronym ("require the OFR to")
    (
        "The regulations may require the OFR to consult the panel.",
        [("consult", "consult", "other", ["other"], "none", False, A)],
    ),
    # a relative clause's head is what its verb consults, beside an adjunct with an object
    (
        "The OFR need not consult any person it has consulted in the previous year.",
        [
            ("consult", "consult", "other", ["other"], "need", True, A),
            ("consulted", "consult", "other", ["other"], "none", False, A),
        ],
    ),
    # a body's acronym the parse made a compound of "considers/NNS" is its subject
    (
        "The OFR may accept a commitment as to any effect that the OFR considers has "
        "resulted from the change.",
        [("considers", "consider", "other", [], "none", False, A)],
    ),
    # a set-off participle the parse made a clausal subject belongs to that verb: its modal
    # and its doer ("knows, or having regard to X ought to know")
    (
        "A person commits an offence if the person knows, or having regard to other facts "
        "known to the person ought reasonably to know, that the item is stolen.",
        [("having regard to", "have regard to", "other", [], "should", False, A)],
    ),
    # ... a gerund opening its sentence stays its subject, with no modal
    (
        "Involving parents will improve the plan.",
        [("Involving", "involve", "unspecified", ["parent"], "none", False, A)],
    ),
    # a past participle right after an argument noun, read as a clause of its own, is a
    # reduced relative on that noun: passive, the noun consulted, no modal
    (
        "The regulator must send a copy of the decision to each person consulted.",
        [("consulted", "consult", "unspecified", ["other"], "none", False, P)],
    ),
    # a national body whose name ends in Council is no local council; a fire and rescue
    # authority is a body of its own
    (
        "The Sentencing Council must consult the fire and rescue authority.",
        [("consult", "consult", "other", ["other"], "must", False, A)],
    ),
    # "the officer" takes up the fuller mention before it (here a local authority's)
    (
        "Where the designated officer considers that the application is incomplete, the "
        "officer must inform the applicant.",
        [
            ("considers", "consider", LA, [], "none", False, A),
            ("inform", "inform", LA, ["other"], "must", False, A),
        ],
    ),
    # a participle the parse coordinated with a prepositional adjunct belongs to that
    # adjunct's verb, with its doer and modal
    (
        "The trustees must connect the scheme by the deadline, in compliance with the "
        "standards and having regard to the guidance.",
        [("having regard to", "have regard to", "other", [], "must", False, A)],
    ),
    # "inform the X of its right": the telling sense also where the parse hung the "of"
    # phrase on the object; a repository (a party of financial regulation) is told
    (
        "The regulator must inform the repository of its right to refer the matter.",
        [("inform", "inform", "other", ["other"], "must", False, A)],
    ),
    (
        "The board must inform the widget maker of its right to appeal.",
        [("inform", "inform", "other", ["other"], "must", False, A)],
    ),
    # an electoral registration officer is by statute an officer of the council
    (
        "The registration officer must notify the applicant.",
        [("notify", "notify", LA, ["other"], "must", False, A)],
    ),
    # a body's acronym as possessor of a noun owns its for-gerund
    (
        "The notice must state the OFR's reasons for considering that the scheme is unsafe.",
        [("considering", "consider", "other", [], "none", False, A)],
    ),
    # a medical examiner is a doctor; "the examiner" takes up the fuller mention
    (
        "If the medical examiner is satisfied, the examiner must notify the registrar.",
        [("notify", "notify", "health", ["other"], "must", False, A)],
    ),
    # a gerund whose doer the parse made its compound ("by the consumer notifying")
    (
        "The right is exercisable by the consumer notifying the trader.",
        [("notifying", "notify", "other", ["other"], "none", False, A)],
    ),
    # a modal the parse made the subject, with the real subject its own
    (
        "A consumer may, alternatively, exercise a right to end the contract by notifying "
        "the trader.",
        [("notifying", "notify", "other", ["other"], "none", False, A)],
    ),
    # a scheme actuary is a party; a financial institution is no school
    (
        "The scheme actuary must inform the financial institution of the decision.",
        [("inform", "inform", "other", ["other"], "must", False, A)],
    ),
    # a participle set in a that-clause of judgement belongs to the one who judges, with
    # that verb's modal (here none), not to the clause's "it would be unreasonable"
    (
        "Where the investigator is satisfied that, having regard to the circumstances of the "
        "person, it would be unreasonable to require an interview, the investigator may give "
        "a written notice.",
        [("having regard to", "have regard to", "other", [], "none", False, A)],
    ),
    # a term in the bracketed heading of a section cited "of the Act" is no occurrence
    (
        "The following events must be reported under section 16 of the Act (duty to notify "
        "Regulator).",
        [],
    ),
    # a term word in the title of an instrument cited with its date is no occurrence
    (
        "Commission Decision of 3 May 2029 on notifying a third country of its listing "
        "(2029/C 12/04).",
        [],
    ),
    # ... but a clause of the citing sentence after the title is read
    (
        "Commission Regulation of 3 May 2029 on tariffs applies, and the board must notify "
        "the Secretary of State.",
        [("notify", "notify", "other", ["secretary_of_state"], "must", False, A)],
    ),
    # a national or devolved authority is no local authority
    (
        "The relevant national authority must consult the devolved authorities.",
        [("consult", "consult", "other", ["other"], "must", False, A)],
    ),
    # "It is the duty of X to V" with X an acronym: X does it
    (
        "It is the duty of the OPA to consult the Secretary of State before issuing a code.",
        [("consult", "consult", "other", ["secretary_of_state"], "none", False, A)],
    ),
    # ---- drafting of Acts (issue 14, after the first score of S47)
    # a mixed-case acronym names a body; "Authority" ending a proper name is no council
    (
        "The OfS must consider the interests of students.",
        [("consider", "consider", "other", [], "must", False, A)],
    ),
    (
        "The Secretary of State must consult the Competition and Markets Authority.",
        [("consult", "consult", "secretary_of_state", ["other"], "must", False, A)],
    ),
    # a provider of education or training is an education body, also where a defined
    # provider term is one ("relevant provider" means a provider of ... training ...)
    (
        "In this section “relevant provider” means a provider of further education or "
        "training which is established in England. The relevant provider must co-operate "
        "with the employer representative body.",
        [("co-operate", "cooperate", "education", ["other"], "must", False, A)],
    ),
    (
        "The relevant provider must co-operate with the employer representative body.",
        [("co-operate", "cooperate", "other", ["other"], "must", False, A)],
    ),
    # ---- after the first score of S48
    # "confer powers on X to V": X does it, also where the parse hung the infinitive on X
    (
        "The Secretary of State may by regulations confer powers on a prescribed person to "
        "collaborate with a specified authority.",
        [("collaborate", "collaborate", "other", ["other"], "none", False, A)],
    ),
    # a verb that neither gives nor imposes the power does not negate it
    (
        "This section does not affect any power to collaborate apart from this section.",
        [("collaborate", "collaborate", "unspecified", [], "none", False, A)],
    ),
    # "with each other" after a plural subject of one kind: the others of that kind
    (
        "Two or more specified authorities may collaborate with each other to prevent crime.",
        [("collaborate", "collaborate", "other", ["other"], "may", False, A)],
    ),
    # a bare "the authority" / "the body" takes up the fuller mention before it
    (
        "If a local policing body acts in relation to the functions of a specified authority, "
        "the authority must co-operate with the body.",
        [("co-operate", "cooperate", "other", ["other"], "must", False, A)],
    ),
    # a term defined in brackets after a noun phrase with coordinated kinds: the first kind
    (
        "An educational, prison or youth custody authority (a “relevant authority”) may "
        "consult the police. A relevant authority must consult each prison authority and "
        "each youth custody authority.",
        [
            ("consult", "consult", "education", ["other"], "may", False, A),
            ("consult", "consult", "education", ["other"], "must", False, A),
        ],
    ),
    # ---- after the first score of S49
    # the term's own agent is its doer, not the owner of what it seeks
    (
        "The officer must be satisfied that there are no other means of obtaining the "
        "information sought by the authorised person.",
        [("sought", "seek", "other", [], "none", False, P)],
    ),
    # a Northern Ireland department named in a UK Act is not the Secretary of State's
    (
        "The Secretary of State must consult the Department of Justice in Northern Ireland.",
        [("consult", "consult", "secretary_of_state", ["other"], "must", False, A)],
    ),
    # a bare verb the tagger read as a present after an aside completes the lead-in's modal
    (
        "The authorised person must, to be satisfied that the exercise of the power is "
        "proportionate— (a) have regard to the matters in subsection (10), and (b) be "
        "satisfied that there are no other means.",
        [("have regard to", "have regard to", "other", [], "must", False, A)],
    ),
    # a verb read as a plural noun takes the phrase after it as its object
    (
        "Where a review partner— (a) notifies the Secretary of State that the review partner "
        "is under a duty to arrange a review, but (b) decides otherwise, the partner must "
        "tell the Secretary of State.",
        [("notifies", "notify", "professional", ["secretary_of_state"], "none", False, A)],
    ),
    # a provision's persons named by letters, "A" among them
    (
        "A must inform B that the order has been made.",
        [("inform", "inform", "other", ["other"], "must", False, A)],
    ),
    # ---- after the first score of S50
    # judges, constables and children's hearings are courts', police and tribunals' people
    (
        "The sheriff must, in considering whether to take the steps, have regard to the "
        "rights of the person.",
        [
            ("considering", "consider", "other", [], "none", False, A),
            ("have regard to", "have regard to", "other", [], "must", False, A),
        ],
    ),
    (
        "A constable may remove the child if, having considered the other options, the "
        "constable is satisfied. The children’s hearing must have due regard to that need.",
        [
            ("considered", "consider", "other", [], "none", False, A),
            ("have due regard to", "have regard to", "other", [], "must", False, A),
        ],
    ),
    # a person term the document defines by a list takes the first kind listed
    (
        "In this section “relevant person” means— (a) a local authority, (b) a health board. "
        "Reports are to be published as the relevant person considers appropriate.",
        [("considers", "consider", "local_authority", [], "none", False, A)],
    ),
    # ---- after the first score of S51
    # "The purposes of a review are to— (a) consider": the doer the section names before,
    # a proper name too, also for the items of a list
    (
        "(1) A Minister of the Crown must review the statement. (5) The purposes of a review "
        "under this section are to— (a) consider whether the missions are effective, and (b) "
        "consider whether to revise them.",
        [
            ("consider", "consider", "other", [], "none", False, A),
            ("consider", "consider", "other", [], "none", False, A),
        ],
    ),
    # a judgement has no partner: the with-phrase is another word's
    (
        "A Minister of the Crown must carry out such consultation as the Minister considers "
        "appropriate with the devolved authorities.",
        [("considers", "consider", "other", [], "none", False, A)],
    ),
    # "the authority" takes up a singular mention only (devolved authorities are no local
    # authorities; the bare "the authority" that does not take them up is one)
    (
        "The Minister must consult the devolved authorities. The authority must consider "
        "whether the plan works.",
        [
            ("consult", "consult", "other", ["other"], "must", False, A),
            ("consider", "consider", "local_authority", [], "must", False, A),
        ],
    ),
    # an item opening with an adverbial phrase still completes the lead-in's modal
    (
        "The governing body must— (a) review its courses each year, and (b) in light of "
        "that review, consider how it can work with employers.",
        [
            ("consider", "consider", "education", [], "must", False, A),
            ("work with", "work with", "education", ["other"], "can", False, A),
        ],
    ),
    # ---- after the first score of S56 (sixth session)
    # a relative clause with no relative word: the subject nearer the verb does it, and
    # the modal of the clause around it does not carry
    (
        "The Minister must make whatever changes to the scheme the Minister considers necessary.",
        [("considers", "consider", "other", [], "none", False, A)],
    ),
    # "take ... into account" with a participle inside its object
    (
        "Having taken any objections made by the parent into account, the council must decide "
        "the matter.",
        [
            (
                "taken any objections made by the parent into account",
                "take into account",
                "local_authority",
                ["parent"],
                "must",
                False,
                A,
            )
        ],
    ),
    # the bracketed heading of a cited section, also after "4B (2)" or an Act's short form
    (
        "The panel may review the use of the power under section 7C (3) (power to consult "
        "local councils).",
        [],
    ),
    (
        "In section 12A of SSFA (arrangements notified to the council), omit subsection (4).",
        [],
    ),
    # "they" in a clause under its own sentence's subject, a named body
    (
        "The Commission must publish the rules in such form as they consider appropriate.",
        [("consider", "consider", "other", [], "none", False, A)],
    ),
    # ---- after the first score of S57
    # "by" and a gerund after a participle is no agent: the doer of the verb above does it
    (
        "The trust must require each school to co-operate with the council in the steps set "
        "out in the plan by— (a) sharing its data, and (b) consulting the council's officers.",
        [
            ("co-operate", "cooperate", "education", ["local_authority"], "none", False, A),
            ("consulting", "consult", "education", ["local_authority"], "none", False, A),
        ],
    ),
    # "invite X for the area to V": the object does it, not the area
    (
        "The council may invite the Local Medical Committee for the area to participate in "
        "the review.",
        [("participate", "participate", "health", [], "may", False, A)],
    ),
    # "who" hung on a place inside the party's phrase stands for the party
    (
        "A network means a group of schools working in a district who agree to collaborate.",
        [("collaborate", "collaborate", "education", [], "none", False, A)],
    ),
    # providers "involved in health and care" name a sector, not a partnership
    ("The board includes providers involved in health and care in the county.", []),
    # ---- after the first score of S58 (local guidance)
    # a capitalised event or document is no body: "the Exit Interview will inform"
    (
        "The Exit Interview will inform the police about any risk.",
        [("inform", "inform", "unspecified", ["other"], "will", False, A)],
    ),
    # "they" inside a relative clause's own clause stands for what "who" stands for
    (
        "The social worker should explain the plan to the young person, who may refuse help if "
        "they consider the plan unfair.",
        [("consider", "consider", "young_person", [], "none", False, A)],
    ),
    # a central government department is the Secretary of State's
    (
        "The Home Office must be notified of the decision.",
        [("notified", "notify", "unspecified", ["secretary_of_state"], "must", False, P)],
    ),
    # an item opening with a participle phrase completes the lead-in's modal
    (
        "The social worker must:\nvisit the child;\nDepending on the risk, consult the police.",
        [("consult", "consult", "social_care", ["other"], "must", False, A)],
    ),
    # "partnership working", "multi-agency working" are nouns; "the agency working" is not
    ("Joint partnership working with families is effective.", []),
    (
        "The agency working with the family must consult the school.",
        [
            ("working with", "work with", "other", ["parent"], "none", False, A),
            ("consult", "consult", "other", ["education"], "must", False, A),
        ],
    ),
    # an episode involving children is an event about them; professionals involved in one
    # are still involved
    ("Professionals should respond to missing episodes involving children.", []),
    # an allegation or complaint that involves a party concerns it; a process involves them
    ("If the allegation involves senior staff, the referrer may contact the council.", []),
    ("The agency responds to complaints or allegations involving its staff.", []),
    (
        "The review process involves parents at every stage.",
        [("involves", "involve", "unspecified", ["parent"], "none", False, A)],
    ),
    (
        "The person who finds the child should update the professionals who have been "
        "involved in the episode.",
        [("involved", "involve", "unspecified", ["professional"], "none", False, P)],
    ),
    # ---- after the first score of S59 (local guidance)
    # a line of a table of contents is no occurrence; a sentence ending in a number is one
    ("Principles for working with parents and carers 33\nSupporting children 35", []),
    (
        "The school must work with parents for 12",
        [("work with", "work with", "education", ["parent"], "must", False, A)],
    ),
    # ---- after the first score of S60
    (
        "Anybody working with children must report concerns.",
        [("working with", "work with", "professional", ["child"], "none", False, A)],
    ),
    # ---- after the first score of S62: a cited heading after a capitalised "Section"
    ("Section 12 (2) (duty to consult the panel) does not apply to a review.", []),
    # the object of a telling verb named by a person noun is the one told
    (
        "The contracting authority must notify the payee of its decision.",
        [("notify", "notify", "other", ["other"], "must", False, A)],
    ),
    (
        "The school must consult the register before the review.",
        [("consult", "consult", "education", [], "must", False, A)],
    ),
    # ---- after the first score of S61: a caregiver is a parent or carer
    (
        "Caregivers fully engage with services for the child.",
        [("engage", "engage", "parent", ["other"], "none", False, A)],
    ),
    # ---- after the first score of S63
    # "considers" is never a noun, whatever the tagger says; the words before it name the doer
    (
        "The Minister may withhold details of matters that the Secretary of State considers "
        "would harm national security.",
        [("considers", "consider", "secretary_of_state", [], "none", False, A)],
    ),
    # "the steps ... are— (a) to V": done by whoever the section says takes the steps
    (
        "(2) The council must take the steps set out in subsection (3). (3) The steps referred "
        "to in subsection (2) are— (a) to notify the parent of the decision, and (b) to "
        "consider any representations.",
        [
            ("notify", "notify", "local_authority", ["parent"], "none", False, A),
            ("consider", "consider", "local_authority", [], "none", False, A),
        ],
    ),
    # ---- after the first scores of S67-S69
    # in "considers it appropriate to V" the one who judges does V ("it" stands for the
    # infinitive), also where the parse makes "it" the adjective's subject
    (
        "In this Part “listed bodies” means the Board and any other body the Secretary of "
        "State considers it appropriate to consult.",
        [
            ("considers", "consider", "secretary_of_state", [], "none", False, A),
            ("consult", "consult", "secretary_of_state", [], "none", False, A),
        ],
    ),
    # the kind of member comes before the owner they are members of
    (
        "The panel must take into account the views of the family members of the pupil.",
        [("take into account", "take into account", "other", ["parent"], "must", False, A)],
    ),
    # a person noun after "to" is told ("notified to the examiner"), as an object is
    (
        "A complaint notified to the examiner under section 3 may be withdrawn.",
        [("notified", "notify", "unspecified", ["other"], "none", False, P)],
    ),
    # verbs that engage or tell someone for a task control the infinitive, in both voices
    (
        "Tutors must be employed to work directly with the college.",
        [("work directly with", "work with", "education", ["education"], "must", False, A)],
    ),
    (
        "The council may commission a charity to consult young carers.",
        [("consult", "consult", "other", ["young_person"], "may", False, A)],
    ),
    # a fronted "In + gerund" phrase belongs to the main clause, also where the parse hung it
    # inside the gerund's own whether-clause
    (
        "In considering, for the purposes of section 12(2)(b), whether the conditions giving "
        "rise to the use of a suspension ground are continuing, a licensing authority may have "
        "regard to the following matters— (a) any steps the holder has taken; (b) any training "
        "completed.",
        [
            ("considering", "consider", LA, [], "none", False, A),
            ("have regard to", "have regard to", LA, [], "may", False, A),
        ],
    ),
    # ---- after the first scores of S70-S72
    # "no longer" negates also where the parse hung the infinitive on the phrase
    (
        "Cancellation means that— (a) the registered building concerned is no longer to be "
        "considered such for the purposes of Part 2, and (b) the entry is removed.",
        [("considered", "consider", "unspecified", [], "none", True, P)],
    ),
    # a fronted gerund is done by the subject of a passive verb of control ("are expected
    # to"), which is the one who acts; of another passive, by its agent only
    (
        "On notifying the police of the missing child, carers are expected to keep searching.",
        [("notifying", "notify", "parent", ["other"], "none", False, A)],
    ),
    (
        "After consulting the parent, the plan must be amended.",
        [("consulting", "consult", "unspecified", ["parent"], "none", False, A)],
    ),
    # bodies that represent an interest are other, not partners in practice
    (
        "The Minister must consult such representative organisations as the Minister thinks fit.",
        [("consult", "consult", "other", ["other"], "must", False, A)],
    ),
    # ---- after the first scores of S76-S78: a registrar and a company are parties
    (
        "The company must notify the registrar of any change to its address.",
        [("notify", "notify", "other", ["other"], "must", False, A)],
    ),
    # a where-clause with no comma after it, which the parse made the clausal subject beside
    # the real one, is an adjunct
    (
        "Where the Secretary of State intends to publish a code of practice the Secretary of "
        "State must— (a) lay a draft before Parliament, (b) consider any objections made to "
        "it, and (c) publish the code.",
        [("consider", "consider", "secretary_of_state", [], "must", False, A)],
    ),
    # persons or individuals working with a child are practitioners, as people are
    (
        "The manager must notify the persons working with the young person about the move.",
        [
            ("notify", "notify", "other", ["professional"], "must", False, A),
            ("working with", "work with", "professional", [YP], "none", False, A),
        ],
    ),
    # ---- drafting of Acts (issue 14, after the first score of S31)
    # the infinitive of a judgement clause takes the noun before the clause as its object
    (
        "The Board must consult any bodies the Board considers it appropriate to consult.",
        [
            ("consult", "consult", "other", ["other"], "must", False, A),
            ("considers", "consider", "other", [], "none", False, A),
            ("consult", "consult", "other", ["other"], "none", False, A),
        ],
    ),
    # "one another" as object: each party consults the other
    (
        "The trust and the Secretary of State must consult one another before the order.",
        [("consult", "consult", "health", ["secretary_of_state"], "must", False, A)],
    ),
    # persons a provision names by letters
    (
        "If K is notified that P has died, P's gametes must be disposed of.",
        [("notified", "notify", "unspecified", ["other"], "none", False, P)],
    ),
    # a regulator is no local authority
    (
        "The appropriate regulatory authority must consult the Secretary of State.",
        [("consult", "consult", "other", ["secretary_of_state"], "must", False, A)],
    ),
    # ---- after the first scores of S40-S44
    # a bare instruction in brackets takes nothing from the clause outside
    (
        "Nothing in this section permits a disclosure which would breach the law (but in "
        "deciding whether it would do so, take into account the duties in this Part).",
        [("take into account", "take into account", "unspecified", [], "none", False, A)],
    ),
    # a fire and rescue authority is no council; a verb the tagger reads as a noun
    (
        "The regulator must consult the fire and rescue authority for the area.",
        [("consult", "consult", "other", ["other"], "must", False, A)],
    ),
    (
        "The removal takes effect if the governing body notifies the Commission.",
        [("notifies", "notify", "education", ["other"], "none", False, A)],
    ),
    # ---- after the first score of S39
    # of two alternative modals, the first
    (
        "Nothing limits the matters which the board must or may take into account.",
        [("take into account", "take into account", "other", [], "must", False, A)],
    ),
    # a by-agent after a manner phrase; prisoners are parties
    (
        "Before 2003 the prisoner was notified in writing by the Secretary of State.",
        [("notified", "notify", "secretary_of_state", ["other"], "none", False, P)],
    ),
    # ---- after the first score of S38
    # an opening gerund without a comma, and an aside after the modal
    (
        "Before giving a direction the Department must, if practicable, consult the trust.",
        [("consult", "consult", "secretary_of_state", ["health"], "must", False, A)],
    ),
    # ---- after the first score of S37
    # a horizontal bar printed for the lead-in dash
    (
        "In preparing the code, the Secretary of State must consult\u2015 (a) the Commissioner, "
        "and (b) the council.",
        [("consult", "consult", "secretary_of_state", [LA, "other"], "must", False, A)],
    ),
    # a body named by an acronym the lexicon lacks, and "it" for it
    (
        "The IBCA may appoint such committees as it considers appropriate.",
        [("considers", "consider", "other", [], "none", False, A)],
    ),
    # ---- after the first score of S36
    # "inform X that ...": the telling sense whatever X is
    (
        "The Ministers must inform the procurement subgroup that they have given a direction.",
        [("inform", "inform", "other", ["other"], "must", False, A)],
    ),
    # a contracting authority is any public body that awards contracts
    (
        "A contracting authority must notify the Secretary of State of the contract.",
        [("notify", "notify", "other", ["secretary_of_state"], "must", False, A)],
    ),
    # "require the contractor to inform": the object of a verb of control, a person noun
    (
        "The regulations may require the contractor to inform the council.",
        [("inform", "inform", "other", [LA], "none", False, A)],
    ),
    # ---- after the first score of S34
    # text an amendment inserts is read as sentences of its own, not as the amending
    # words' items; its own lead-ins still lead its items
    (
        "In section 9, for subsection (3) substitute—\n(3) The regulator must notify the "
        "trustees of the decision.",
        [("notify", "notify", "other", ["other"], "must", False, A)],
    ),
    (
        "After subsection (1) insert—\n(1A) The Secretary of State must—\n(a) consult the "
        "housing ombudsman, and\n(b) inform the council.",
        [
            ("consult", "consult", "secretary_of_state", ["other"], "must", False, A),
            ("inform", "inform", "secretary_of_state", [LA], "must", False, A),
        ],
    ),
    # ---- after the first score of S32
    # "must, or must not," offers both: the first alternative is read
    (
        "The regulations may list the matters which must, or must not, be taken into account.",
        [("taken into account", "take into account", "unspecified", [], "must", False, P)],
    ),
    # a name with "and" in it is one party; a Health and Wellbeing Board is the council's
    (
        "The trust must consult each relevant Health and Wellbeing Board.",
        [("consult", "consult", "health", [LA], "must", False, A)],
    ),
    # an opening gerund phrase without a comma: the party before the modal is the subject
    (
        "Before exercising the power under section 4 NHS England must consult the trust.",
        [("consult", "consult", "health", ["health"], "must", False, A)],
    ),
    # a term in the bracketed heading of a cited provision is no occurrence
    (
        "In section 7 of the Play Act 2030 (duty to consult parents), omit subsection (2).",
        [],
    ),
    # an aside's participle that took the modal: "must, having done that, consult"
    (
        "The council must, having done that, consult the parent.",
        [("consult", "consult", LA, ["parent"], "must", False, A)],
    ),
    # ---- the lead's four hand-found errors
    (
        "Local authorities must ensure that children, their parents and young people are "
        "involved in discussions about their support.",
        [("involved", "involve", "unspecified", ["child", "parent", YP], "must", False, P)],
    ),
    (
        "It is essential that an adoption agency, insofar as is reasonably practicable, "
        "involves and consults the child.",
        [
            ("involves", "involve", "other", ["child"], "none", False, A),
            ("consults", "consult", "other", ["child"], "none", False, A),
        ],
    ),
    (
        "The local authority must consult the parent and the head teacher of the school, and "
        "must take into account their views.",
        [
            ("consult", "consult", LA, ["education", "parent"], "must", False, A),
            (
                "take into account",
                "take into account",
                LA,
                ["education", "parent"],
                "must",
                False,
                A,
            ),
        ],
    ),
    (
        "The local authority and its partner commissioning bodies must make arrangements to "
        "work together.",
        [("work together", "work with", LA, ["health"], "none", False, A)],
    ),
    # ---- coordinated subjects of passives, stranded first members
    (
        "The governing body must secure that parents, carers and the young person are consulted.",
        [("consulted", "consult", "unspecified", ["parent", YP], "must", False, P)],
    ),
    (
        "The local authority must ensure that the child, his or her parent and the young person "
        "are involved in the review.",
        [("involved", "involve", "unspecified", ["child", "parent", YP], "must", False, P)],
    ),
    # ---- CFA / Code idioms
    (
        "The local authority must have regard to the views, wishes and feelings of the child "
        "and his or her parent, or the young person.",
        [("have regard to", "have regard to", LA, ["child", "parent", YP], "must", False, A)],
    ),
    (
        "The local authority must have regard to the importance of the child and his or her "
        "parent, or the young person, participating as fully as possible in decisions.",
        [
            ("have regard to", "have regard to", LA, [], "must", False, A),
            ("participating", "participate", "child", [], "none", False, A),
        ],
    ),
    (
        "The local authority must consult the child's parent or the young person before making "
        "the plan.",
        [("consult", "consult", LA, ["parent", YP], "must", False, A)],
    ),
    (
        "The local authority must notify the child's parent or the young person of its decision.",
        [("notify", "notify", LA, ["parent", YP], "must", False, A)],
    ),
    (
        "The governing body must inform the parent and the young person of the outcome of the "
        "review.",
        [("inform", "inform", "education", ["parent", YP], "must", False, A)],
    ),
    (
        "A local authority must co-operate with each of its local partners, and each local "
        "partner must co-operate with the local authority.",
        [
            ("co-operate", "cooperate", LA, ["professional"], "must", False, A),
            ("co-operate", "cooperate", "professional", [LA], "must", False, A),
        ],
    ),
    (
        "The local authority must secure that the young person is involved in the review.",
        [("involved", "involve", "unspecified", [YP], "must", False, P)],
    ),
    (
        "The local authority may consult the school where it considers it appropriate.",
        [
            ("consult", "consult", LA, ["education"], "may", False, A),
            ("considers", "consider", LA, [], "none", False, A),
        ],
    ),
    (
        "The governing body, proprietor or principal must co-operate with the local authority.",
        [("co-operate", "cooperate", "education", [LA], "must", False, A)],
    ),
    (
        "The local authority must seek advice and information from the health body.",
        [("seek", "seek", LA, ["health"], "must", False, A)],
    ),
    (
        "The Tribunal must have regard to this Code.",
        [("have regard to", "have regard to", "tribunal", [], "must", False, A)],
    ),
    (
        "Schools should work in partnership with parents.",
        [("work in partnership with", "work with", "education", ["parent"], "should", False, A)],
    ),
    (
        "The local authority must take reasonable steps to consult the young person.",
        [("consult", "consult", LA, [YP], "none", False, A)],
    ),
    (
        "The local authority need not consult the parent if the young person objects.",
        [("consult", "consult", LA, ["parent"], "need", True, A)],
    ),
    (
        "The local authority is not required to notify the school if the parent objects.",
        [("notify", "notify", LA, ["education"], "none", True, A)],
    ),
    (
        "The parent may request the local authority to consult the school.",
        [("consult", "consult", LA, ["education"], "may", False, A)],
    ),
    (
        "The local authority must, when it reviews the plan, consult the parent and the young "
        "person.",
        [("consult", "consult", LA, ["parent", YP], "must", False, A)],
    ),
    (
        "The local authority must give the parent notice and consult the parent.",
        [("consult", "consult", LA, ["parent"], "must", False, A)],
    ),
    (
        "The local authority must have regard to this Code when it considers a request.",
        [
            ("have regard to", "have regard to", LA, [], "must", False, A),
            ("considers", "consider", LA, [], "none", False, A),
        ],
    ),
    # ---- shared compounds, coordinated modifiers, mis-parsed heads
    (
        "Local authorities must work with health and education professionals.",
        [("work with", "work with", LA, ["education", "health"], "must", False, A)],
    ),
    (
        "Governing bodies, head teachers and designated teachers must have regard to the guidance.",
        [("have regard to", "have regard to", "education", [], "must", False, A)],
    ),
    (
        "Homes should work closely with the placing authority.",
        [("work closely with", "work with", "other", [LA], "should", False, A)],
    ),
    (
        "The home's procedures must take into account the views of the child.",
        [("take into account", "take into account", "other", ["child"], "must", False, A)],
    ),
    # ---- involve / engage recall and non-occurrences
    (
        "Everyone in the school who is likely to be involved in supporting children should be "
        "trained.",
        [("involved", "involve", "unspecified", ["education"], "none", False, P)],
    ),
    (
        "Children are expected to be involved in planning.",
        [("involved", "involve", "unspecified", ["child"], "none", False, P)],
    ),
    ("The assessment is likely to be involved.", []),
    ("Engagement with parents is essential.", []),
    (
        "The authority should consider involving the young person in the review.",
        [
            ("consider", "consider", LA, [], "should", False, A),
            ("involving", "involve", LA, [YP], "should", False, A),
        ],
    ),
    (
        "The local authority should engage with children, parents and young people.",
        [("engage", "engage", LA, ["child", "parent", YP], "should", False, A)],
    ),
    (
        "Young people will be engaged in making the arrangements.",
        [("engaged", "engage", "unspecified", [YP], "will", False, P)],
    ),
    # ---- keep X informed; coordinated that-clauses under ensure
    (
        "The authority must keep the parent informed of progress.",
        [("informed", "inform", LA, ["parent"], "must", False, P)],
    ),
    (
        "The agency must ensure that the child is kept informed and involved.",
        [
            ("informed", "inform", "unspecified", ["child"], "must", False, P),
            ("involved", "involve", "unspecified", ["child"], "must", False, P),
        ],
    ),
    (
        "The local authority must ensure that the parents are involved and that their views are "
        "taken into account.",
        [
            ("involved", "involve", "unspecified", ["parent"], "must", False, P),
            (
                "taken into account",
                "take into account",
                "unspecified",
                ["parent"],
                "must",
                False,
                P,
            ),
        ],
    ),
    # ---- work-with adverbs and partnership variants
    (
        "Settings should work productively with parents.",
        [("work productively with", "work with", "education", ["parent"], "should", False, A)],
    ),
    (
        "The home works in close partnership with the placing authority.",
        [("works in close partnership with", "work with", "other", [LA], "none", False, A)],
    ),
    # ---- bullet-style lead-in
    (
        "The local authority should: consult parents about the offer; inform young people of "
        "the changes; and work with health services.",
        [
            ("consult", "consult", LA, ["parent"], "should", False, A),
            ("inform", "inform", LA, [YP], "should", False, A),
            ("work with", "work with", LA, ["health"], "should", False, A),
        ],
    ),
    # ---- first and second person in an offer to care leavers
    (
        "We will consult you about the offer.",
        [("consult", "consult", LA, [YP], "will", False, A)],
    ),
    (
        "We can help you participate in society.",
        [("participate", "participate", YP, [], "can", False, A)],
    ),
    # ---- third round (issue 4): participles, shared objects, bullets
    (
        "Homes must assess each case individually taking into account the wishes of the child.",
        [("taking into account", "take into account", "other", ["child"], "must", False, A)],
    ),
    (
        "Children should be listened to, respected and involved in decisions about the home.",
        [("involved", "involve", "unspecified", ["child"], "should", False, P)],
    ),
    (
        "You have a right to be involved in decisions about your plan.",
        [("involved", "involve", "unspecified", [YP], "none", False, P)],
    ),
    (
        # bare "staff" with no institution in the unit reads as school staff (guidelines);
        # a gerund under a noun ("the importance of") takes no modal, also when the parser
        # hangs the second member of "listening to, involving and ..." off "understand"
        "Staff should understand the importance of listening to, involving and responding to "
        "the children in their care.",
        [("involving", "involve", "education", ["child"], "none", False, A)],
    ),
    (
        "Engage parents/carers in the review of the plan.",
        [("Engage", "engage", "unspecified", ["parent"], "none", False, A)],
    ),
    (
        "Include regular feedback from staff Engage parents in the review of arrangements.",
        [("Engage", "engage", "unspecified", ["parent"], "none", False, A)],
    ),
    ("Informed Choice is important.", []),
    # ---- fourth round (issue 4): comma participles, possessors, "how to", "for X to"
    (
        "Where a child is at risk of exclusion, the designated teacher, working with the social "
        "worker and the child's carers, should consider what support is needed.",
        [
            (
                "working with",
                "work with",
                "education",
                ["parent", "social_care"],
                "should",
                False,
                A,
            ),
            ("consider", "consider", "education", [], "should", False, A),
        ],
    ),
    (
        "How this is done will depend on the school's arrangements for engaging with parents.",
        [("engaging", "engage", "education", ["parent"], "none", False, A)],
    ),
    # a wh-infinitive ("how best to", "whether to") shares the doer and the modal of the verb
    # it completes (the labelled convention; a finite "how"/"whether" clause does not)
    (
        "Local authorities should consider how best to engage with care leavers.",
        [
            ("consider", "consider", LA, [], "should", False, A),
            ("engage", "engage", LA, [YP], "should", False, A),
        ],
    ),
    (
        "It may also be useful for personal advisers to seek the views of care leavers.",
        [("seek", "seek", "professional", [YP], "may", False, A)],
    ),
    # ---- summaries of duties (eleventh session, after S151-S153 were scored)
    # a duty that runs on in verb phrases separated by semicolons: each shares the first
    # verb's subject and modal; imperatives and a subject without a modal share nothing
    (
        "Councils must review the scheme every year; notify the Minister of any change; and "
        "involve tenants in the review.",
        [
            ("notify", "notify", LA, ["other"], "must", False, A),
            ("involve", "involve", LA, ["other"], "must", False, A),
        ],
    ),
    (
        "The board must set targets for each year; ensure that records are kept; consult the "
        "council before any change.",
        [("consult", "consult", "other", [LA], "must", False, A)],
    ),
    (
        "Keep a record of each visit; consult the parents about it.",
        [("consult", "consult", "unspecified", ["parent"], "none", False, A)],
    ),
    # "as they consider appropriate": the one who holds the duty judges, not a nearer subject
    (
        "The authority shall secure that every governor is provided with such training as "
        "they consider appropriate.",
        [("consider", "consider", LA, [], "none", False, A)],
    ),
    # a conjunct with a modal of its own, or one that points back at the duty ("when so
    # doing"), goes with the main clause, not with a relative clause the parser hung it on
    (
        "A council must promote training for adults who are subject to an assessment and "
        "must co-operate with each other and have regard to guidance when doing so.",
        [
            ("co-operate", "cooperate", LA, [LA], "must", False, A),
            ("have regard to", "have regard to", LA, [], "must", False, A),
        ],
    ),
    (
        "A council must make arrangements to identify adults who are not registered with a "
        "doctor and who are not receiving care at home and have regard to guidance when so "
        "doing.",
        [("have regard to", "have regard to", LA, [], "must", False, A)],
    ),
    # a participle after a noun phrase inside another verb's phrase is the clause's adjunct;
    # "having regard to" hung on a noun that names no party is the verb's
    (
        "A local authority must exercise its functions with a view to promoting the welfare "
        "of children, having regard to guidance.",
        [("having regard to", "have regard to", LA, [], "must", False, A)],
    ),
    (
        "The council may invite proposals for new services having regard to guidance from "
        "the Secretary of State.",
        [("having regard to", "have regard to", LA, [], "may", False, A)],
    ),
    # alternatives with a slash: the first is the doer; a recipient keeps both
    (
        "Local authorities/governing bodies must inform each teacher of the standards.",
        [("inform", "inform", LA, ["education"], "must", False, A)],
    ),
    # a capitalised plural names a kind of body, read as in lower case; a bare term word
    # after "and" followed by a clause opener is a verb; a base form after a participle
    # that modifies a noun coordinates with the verb above it
    (
        "The Transport Authorities must have regard to guidance.",
        [("have regard to", "have regard to", LA, [], "must", False, A)],
    ),
    (
        "A local authority must take into account general considerations and consult when "
        "determining planning matters.",
        [
            ("take into account", "take into account", LA, [], "must", False, A),
            ("consult", "consult", LA, [], "must", False, A),
        ],
    ),
    # a conjunct of a verb the tagger made a noun is a verb too
    (
        "A local authority must publish proposals, inform and consult in the prescribed "
        "manner before establishing a care trust.",
        [
            ("inform", "inform", LA, [], "must", False, A),
            ("consult", "consult", LA, [], "must", False, A),
        ],
    ),
    # authorities named by their statutory role in local government are councils, also in
    # a document that speaks of them more than of local authorities
    (
        "(1) The highway authority may provide such barriers as they consider necessary. "
        "(2) The highway authority must consult the waste disposal authority. (3) A highway "
        "authority must notify the traffic authority.",
        [
            ("consider", "consider", LA, [], "none", False, A),
            ("consult", "consult", LA, [LA], "must", False, A),
            ("notify", "notify", LA, [LA], "must", False, A),
        ],
    ),
    # a modal before an unpunctuated adjunct ("must when exercising its functions have
    # regard"), where the parse made "regard" the clause's head; "when so doing" ties the
    # second duty to the first
    (
        "A local authority must when exercising its functions have regard to the need to "
        "safeguard the welfare of children and have regard to guidance from the Secretary of "
        "State when so doing.",
        [
            ("have regard to", "have regard to", LA, [], "must", False, A),
            ("have regard to", "have regard to", LA, [], "must", False, A),
        ],
    ),
    # a perfect passive participle ("having been notified") is an adjunct of the main
    # clause: its modal, and its subject the one notified
    (
        "A local authority may vary a premises licence having been notified of a change of "
        "circumstances.",
        [("notified", "notify", "unspecified", [LA], "may", False, P)],
    ),
    # a second modal after "and", cut off from its verb by an aside, goes on with the
    # clause before "and" (here the parse made the first clause an adjunct of the second)
    (
        "If a child who is being looked after by a council dies, the council shall notify "
        "the Minister and shall, so far as is reasonably practicable, notify the child's "
        "parents.",
        [
            ("notify", "notify", LA, ["other"], "shall", False, A),
            ("notify", "notify", LA, ["parent"], "shall", False, A),
        ],
    ),
    # a child involved in conduct is no occurrence
    (
        "A school may make a contract with the parent of a child who is involved in truancy.",
        [],
    ),
]


@pytest.mark.parametrize(("sentence", "expected"), CASES, ids=[c[0][:48] for c in CASES])
def test_sentence(nlp, sentence: str, expected: list[tuple]) -> None:
    assert contract_fields(nlp, sentence) == expected


def test_expletive_it_is_not_an_actor(nlp) -> None:
    doc = nlp("It is for the registered person to judge whether it is appropriate to notify.")
    (span,) = doc.spans[SPANS_KEY]
    assert span._.actor_text != "it"


def test_plural_pronoun_names_every_member_of_its_antecedent(nlp) -> None:
    doc = nlp("The school must consult the parent and the social worker and consider their advice.")
    consider = next(s for s in doc.spans[SPANS_KEY] if s._.term == "consider")
    assert sorted(consider._.recipients) == ["parent", "social_care"]


def _as_act(nlp, text: str) -> list[tuple]:
    """(text, actor, recipients) of each occurrence, the text read as part of an Act."""
    doc = read_as(nlp, text, "act")
    return [(s.text, s._.actor, sorted(s._.recipients)) for s in doc.spans[SPANS_KEY]]


def test_a_quoted_label_names_the_party_it_stands_for_in_an_act(nlp) -> None:
    """A quoted label in brackets after a party ("LA1") names that party."""
    labelled = (
        "(2) Where a licensing authority (“LA1”) intends to suspend a licence granted by "
        "another licensing authority (“LA2”), LA1 must notify LA2 before it acts. (3) If LA1 "
        "decides to keep the licence in force, LA1 must notify LA2 of its decision."
    )
    assert _as_act(nlp, labelled) == [
        ("notify", "local_authority", ["local_authority"]),
        ("notify", "local_authority", ["local_authority"]),
    ]


def test_a_single_word_name_is_a_body_in_legislation_only(nlp) -> None:
    text = "Where the Institute has notified Ofqual of a decision, it must also inform Ofqual."
    assert _as_act(nlp, text) == [
        ("notified", "other", ["other"]),
        ("inform", "other", ["other"]),
    ]
    # guidance names people by first name ("work with Amy"): no party
    assert [f[3] for f in contract_fields(nlp, "The adviser must work with Amy.")] == [[]]


def test_a_duty_or_review_as_subject_takes_its_holder_in_legislation_only(nlp) -> None:
    act = (
        "(1) The regulator must review each decision it makes on an application. "
        "(2) The duty to consult the applicant does not apply where the decision is urgent."
    )
    assert _as_act(nlp, act) == [("consult", "other", ["other"])]
    guidance = (
        "The local authority must keep the plan up to date. "
        "Each review should consider the views of the parents."
    )
    assert [f[2] for f in contract_fields(nlp, guidance)] == ["unspecified"]


def test_a_requirement_as_subject_takes_its_holder_in_legislation(nlp) -> None:
    """ "The requirement to consult under subsection (1)" is the duty (1) put on its holder."""
    act = (
        "(1) Before making rules, the regulator must consult the panel. "
        "(2) The requirement to consult under subsection (1) does not apply in an emergency."
    )
    assert _as_act(nlp, act) == [("consult", "other", ["other"]), ("consult", "other", [])]


def test_an_infinitive_after_a_word_qualifying_a_party_is_the_partys(nlp) -> None:
    """ "firms eligible to participate", "persons entitled to participate"; a passive after
    such a word stays agentless."""
    assert [
        f[2]
        for f in contract_fields(
            nlp, "The scheme must list the firms eligible to participate in the trial."
        )
    ] == ["other"]
    assert [
        f[2]
        for f in contract_fields(
            nlp, "Persons entitled to participate in the scheme must register."
        )
    ] == ["other"]
    assert [
        f[2]
        for f in contract_fields(
            nlp, "The board must write to each person entitled to be consulted on the plan."
        )
    ] == ["unspecified"]


def test_a_modified_authority_is_no_council_where_the_document_is_not_about_councils(
    nlp,
) -> None:
    """ "the appropriate authority" of rules that never speak of local government is some
    other body; where the document speaks of local authorities it stays a council."""
    rules = (
        "(1) The appropriate authority must record the complaint. (2) The appropriate "
        "authority must notify the complainant. (3) The appropriate authority must consult "
        "the Commissioner."
    )
    assert {actor for _, actor, _ in _as_act(nlp, rules)} == {"other"}
    councils = (
        "(1) The local authority must assess the child. (2) The local authority must keep "
        "the plan under review. (3) The local authority must tell the parent. (4) The "
        "relevant authority must consult the parent."
    )
    assert [actor for _, actor, _ in _as_act(nlp, councils)] == ["local_authority"]


def test_a_name_or_short_form_the_document_defines_takes_the_group_of_what_it_names(
    nlp,
) -> None:
    """ "the Authority" defined as a named Authority is no council; a short form defined as
    a tribunal (or as a common noun phrase) takes that group."""
    rules = (
        "(1) In these Regulations “the Authority” means the Gas and Electricity Markets "
        "Authority; “VTW” means the Valuation Tribunal for Wales; “VO” means the valuation "
        "officer. (2) The Authority must notify the applicant. (3) The VTW must consider the "
        "appeal. (4) The VO must inform the appellant."
    )
    assert [actor for _, actor, _ in _as_act(nlp, rules)] == ["other", "tribunal", "other"]


def test_a_verb_misread_as_a_noun_takes_a_defined_short_form_before_it(nlp) -> None:
    """ "the OFR considers/NNS", where the document defines "the OFR": the defined party."""
    rules = (
        "(1) In this Part “the OFR” means the Office for Fair Rules. (2) The OFR may accept a "
        "commitment as to any effect that the OFR considers has resulted from the change."
    )
    assert [actor for text, actor, _ in _as_act(nlp, rules) if text == "considers"] == ["other"]
