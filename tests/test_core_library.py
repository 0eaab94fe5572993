"""The loader reads every file, reports every fault with file and place, and keeps the rest."""

from pathlib import Path

from briefing_app.core.check import check_library
from briefing_app.core.library import load_library
from briefing_app.core.paths import builtin_library


def faults_for(library_dir: Path) -> list[str]:
    return [str(f) for f in check_library(load_library([library_dir])) if not f.warning]


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_the_test_library_loads_cleanly(mini_library):
    library = load_library([mini_library])
    assert library.errors == []
    assert [t.id for t in library.topics][:2] == ["state-compulsion", "edge-core"]
    assert set(library.countries) == {"IT", "NZ"}
    assert library.carrier("tim")[0].name == "Italy"


def test_the_built_in_library_has_no_errors():
    library = load_library([builtin_library()])
    assert [str(f) for f in check_library(library) if not f.warning] == []
    assert {"state-compulsion", "edge-core", "base-traffic", "subsidy"} <= {t.id for t in library.topics}


def test_toml_syntax_error_names_file_and_line(library_copy):
    write(library_copy / "points/subsidy/subsidy-financing.toml", 'id = "x"\ntitle = \n')
    (fault,) = faults_for(library_copy)
    assert "subsidy-financing.toml: line 2" in fault
    assert "TOML syntax error" in fault


def test_missing_field_and_wrong_type_are_reported_in_words(library_copy):
    path = library_copy / "points/subsidy/subsidy-financing.toml"
    text = path.read_text().replace('releasable = true\n', 'releasable = "yes"\n')
    write(path, text.replace('title = "Financing for trusted vendors"\n', ""))
    faults = faults_for(library_copy)
    assert any("field 'title': is missing" in f for f in faults)
    assert any("field 'releasable': must be true or false" in f for f in faults)


def test_unknown_topic_and_misplaced_id(library_copy):
    src = (library_copy / "points/subsidy/subsidy-financing.toml").read_text()
    write(library_copy / "points/lunch/lunch.toml",
          src.replace('id = "subsidy-financing"', 'id = "lunch"').replace('topic = "subsidy"', 'topic = "lunch"'))
    write(library_copy / "points/subsidy/renamed.toml", src)
    faults = faults_for(library_copy)
    assert any("lunch.toml: field 'topic': unknown topic 'lunch'" in f for f in faults)
    assert any("renamed.toml: field 'id': 'subsidy-financing' must equal the file name" in f for f in faults)


def test_template_faults_name_the_field(library_copy):
    path = library_copy / "points/state-compulsion/compulsion-law.toml"
    text = path.read_text().replace('background = "BACKGROUND-COMPULSION', 'background = "{{ country.nmae }}')
    write(path, text.replace("QUESTION-COMPULSION", "{% if %}"))
    faults = faults_for(library_copy)
    assert any("field 'background': unknown field 'country.nmae'" in f for f in faults)
    assert any("field 'if_raised #1.question': template syntax error" in f for f in faults)


def test_duplicate_carrier_ids_across_countries(library_copy):
    path = library_copy / "countries/nz.toml"
    write(path, path.read_text().replace('id = "spark"', 'id = "tim"'))
    assert any("carrier id is also used by Italy" in f for f in faults_for(library_copy))


def test_a_broken_file_leaves_the_rest_usable(library_copy):
    write(library_copy / "countries/nz.toml", "\x00\x01 not toml")
    library = load_library([library_copy])
    assert len(library.errors) == 1
    assert "IT" in library.countries and "NZ" not in library.countries
    assert len(library.points) == 4


def test_a_later_folder_overrides_and_adds(library_copy, mini_library, tmp_path):
    overlay = tmp_path / "overlay"
    src = (mini_library / "points/subsidy/subsidy-financing.toml").read_text()
    write(overlay / "points/subsidy/subsidy-financing.toml", src.replace("ready to discuss", "OVERRIDDEN"))
    write(overlay / "points/subsidy/subsidy-new.toml", src.replace('"subsidy-financing"', '"subsidy-new"'))
    library = load_library([mini_library, overlay])
    assert library.errors == []
    assert "OVERRIDDEN" in library.points["subsidy-financing"].text
    assert "subsidy-new" in library.points


def test_stale_reviews_are_warnings(mini_library):
    import datetime as dt

    faults = check_library(load_library([mini_library]), today=dt.date(2026, 11, 27))
    (stale,) = [f for f in faults if f.warning]
    assert "subsidy-financing.toml" in stale.file
    assert "last reviewed 2020-01-01" in stale.reason
    assert check_library(load_library([mini_library]), today=dt.date(2026, 11, 27),
                         max_age_days=3000) == []


def test_loading_pauses_garbage_collection_and_restores_it(mini_library, monkeypatch):
    """Loading runs without collection (it is faster) and leaves it as it found it, even when a
    file is broken; a window left without collection would grow without bound."""
    import gc

    from briefing_app.core import library

    seen = []
    real = library._load_folder
    monkeypatch.setattr(library, "_load_folder", lambda *a: seen.append(gc.isenabled()) or real(*a))
    assert gc.isenabled()
    load_library([mini_library, mini_library / "missing"])
    assert seen == [False, False] and gc.isenabled()
    gc.disable()
    try:
        load_library([mini_library])
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_a_topic_summary_is_a_warning_not_an_error(library_copy):
    """Topics once had an optional `summary` the app never showed: an officer's topics.toml that
    still has one loads, with a warning saying it can go."""
    path = library_copy / "topics.toml"
    write(path, path.read_text().replace('title = "', 'summary = "What it covers."\ntitle = "', 1))
    library = load_library([library_copy])
    assert not library.errors
    assert [f.reason for f in library.faults] == ["is no longer used (the app never showed it); it can be removed"]
    assert {t.id for t in library.topics} >= {"state-compulsion", "edge-core", "base-traffic", "subsidy"}
