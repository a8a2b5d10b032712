"""Party groups as data (textmine/groups.py): labels, sides, user lexicons, bad lines."""

from __future__ import annotations

from pathlib import Path

import pytest

from textmine.contract import ACTOR_GROUPS
from textmine.errors import LexiconError
from textmine.groups import default_groups, load_groups, relation_label


def test_bundled_groups_label_every_contract_group_and_side_the_measure() -> None:
    groups = default_groups()
    assert set(groups.labels) == ACTOR_GROUPS | {"unspecified", "none"}
    assert groups.label("none") == "no one named"
    assert groups.label("unspecified") == "no doer named"
    assert groups.label("a_new_group") == "a new group"
    assert groups.family == {"parent", "child", "young_person"}
    assert groups.professional == {
        "local_authority",
        "education",
        "health",
        "social_care",
        "professional",
    }
    assert groups.side("other") is None and groups.side("parent") == "family"
    assert relation_label("local_authority", "parent") == "local authority → parents"
    assert relation_label("unspecified", "none") == "no doer named → no one named"
    assert groups.order(["none", "other", "parent", "unspecified", "zz"]) == [
        "parent",
        "other",
        "zz",
        "unspecified",
        "none",
    ]


def test_a_user_lexicon_redefines_the_sides_and_relabels(tmp_path: Path) -> None:
    folder = tmp_path / "lexicon"
    folder.mkdir()
    (folder / "groups.jsonl").write_text(
        "// children's homes: the registered person is a group of its own\n"
        '{"group": "registered_person", "label": "the registered person"}\n'
        '{"group": "child", "label": "children in the home", "side": "family"}\n'
        '{"group": "other", "label": "Ofsted and others", "side": "professional"}\n',
        encoding="utf-8",
    )
    (folder / "actors.jsonl").write_text(
        '{"group": "placing_authority", "id": "pa", "pattern": [{"LOWER": "placing"}]}\n',
        encoding="utf-8",
    )
    groups = load_groups(folder)
    assert groups.family == {"child"} and groups.professional == {"other"}
    assert groups.label("child") == "children in the home"
    assert groups.label("parent") == "parents"  # not listed: the bundled label
    assert {"registered_person", "placing_authority", "parent"} <= groups.known
    assert list(groups.labels)[:2] == ["local_authority", "parent"]  # bundled order kept
    assert groups.source.endswith("groups.jsonl")


def test_a_lexicon_without_groups_file_keeps_the_bundled_sides(tmp_path: Path) -> None:
    groups = load_groups(tmp_path)
    assert groups.family == default_groups().family
    assert load_groups(None) is default_groups()


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("{not json", "2: not valid JSON"),
        ('{"group": "a b", "label": "x"}', "2: bad group name 'a b'"),
        ('{"group": "x", "label": ""}', "2: field 'label' must be a non-empty string"),
        ('{"group": "x", "label": "x", "side": "both"}', "2: side must be one of family"),
        ('{"group": "none", "label": "x", "side": "family"}', "2: 'none' cannot be on a side"),
        ('{"group": "x", "label": "x", "colour": 1}', "2: unknown field(s) colour"),
        ('{"group": "parent", "label": "again"}', "2: group 'parent' already on line 1"),
    ],
)
def test_bad_lines_name_file_and_line(tmp_path: Path, line: str, reason: str) -> None:
    (tmp_path / "groups.jsonl").write_text(
        '{"group": "parent", "label": "parents", "side": "family"}\n' + line + "\n",
        encoding="utf-8",
    )
    with pytest.raises(LexiconError) as info:
        load_groups(tmp_path)
    assert str(info.value).startswith(f"{tmp_path / 'groups.jsonl'}:{reason}")


@pytest.mark.slow
def test_a_user_lexicon_gives_the_registered_person_a_group_of_its_own(
    tmp_path: Path, nlp: object
) -> None:
    import shutil

    from textmine.analysis import analyse
    from textmine.settings import Settings

    folder = tmp_path / "lexicon"
    shutil.copytree(Path(__file__).resolve().parents[1] / "lexicons", folder)
    actors = folder / "actors.jsonl"
    bundled = '{"group": "other", "id": "registered_person",'
    assert bundled in actors.read_text(encoding="utf-8")
    actors.write_text(
        actors.read_text(encoding="utf-8").replace(
            bundled, '{"group": "registered_person", "id": "registered_person",'
        ),
        encoding="utf-8",
    )
    with (folder / "groups.jsonl").open("a", encoding="utf-8") as handle:
        handle.write('{"group": "registered_person", "label": "the registered person"}\n')
    text = tmp_path / "homes.txt"
    text.write_text(
        "\n\n".join(
            f"{n}.1 The registered person must {verb}."
            for n, verb in enumerate(
                [
                    "consult the child",
                    "inform the child's parent",
                    "notify the placing authority",
                    "consult each child",
                    "inform the local authority",
                    "consult the parents",
                    "notify the school",
                ],
                start=1,
            )
        )
        + "\n",
        encoding="utf-8",
    )
    analysis = analyse([text], settings=Settings(lexicon_dir=folder, use_cache=False))
    assert set(analysis.rows["actor"]) == {"registered_person"}
    assert analysis.groups.label("registered_person") == "the registered person"
    level = analysis.tables.asymmetry[analysis.tables.asymmetry["metric"] == "mean_level"]
    row = level[level["actor"] == "registered_person"].iloc[0]
    assert (row["n_family"], row["n_professional"]) == (4, 3)
    assert "the registered person" in "\n".join(analysis.summary_lines())
