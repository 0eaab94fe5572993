"""The command line as a user meets it: exit codes, messages, and the PDFs it writes."""

import re

import pytest

from briefing_app.core.assemble import assemble
from briefing_app.core.brief import Brief, PointChoice
from briefing_app.core.brief_file import save_brief
from briefing_app.core.library import load_library
from briefing_app.core.paths import builtin_library
from briefing_app.core.recommend import recommended_ids

from .pdf_reading import all_text, page_texts, reader


def no_traceback(result):
    assert "Traceback" not in result.stderr + result.stdout


def italian_carrier() -> str:
    return load_library([builtin_library()]).country("IT").carriers[0].id


def test_version(cli):
    result = cli("--version")
    assert result.returncode == 0 and re.match(r"briefing-app \d+\.\d+", result.stdout)


def test_officer_brief_from_the_built_in_library(cli, tmp_path):
    out = tmp_path / "it.pdf"
    result = cli("export", "--country", "it", "--carrier", italian_carrier(), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert "Wrote officer" in result.stdout
    pages = page_texts(out)
    for number, text in enumerate(pages, start=1):
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        assert lines[0] == "UNCLASSIFIED", lines[:2]
        assert "UNCLASSIFIED" in lines[-1] or "UNCLASSIFIED" in lines[-2]
        assert f"Page {number} of {len(pages)}" in text
    assert "Talking points" in pages[0]


def test_handout_carries_no_officer_only_text(cli, tmp_path):
    library = load_library([builtin_library()])
    carrier = italian_carrier()
    out = tmp_path / "handout.pdf"
    result = cli("export", "--country", "IT", "--carrier", carrier, "--variant", "handout", "-o", str(out))
    assert result.returncode == 0, result.stderr
    country = library.country("IT")
    ids = recommended_ids(library, country, country.carrier(carrier))
    assembled = assemble(library, Brief(country="IT", carrier=carrier,
                                        points=tuple(PointChoice(id=i) for i in ids)))
    text = " ".join(all_text(out).split())
    assert any(" ".join(p.text.split())[:40] in text for p in assembled.handout_points)
    for point in assembled.points:
        for secret in [point.background] + [qa.answer for qa in point.if_raised]:
            if secret:
                assert " ".join(secret.split())[:50] not in text
    assert "UNCLASSIFIED" not in text and "(U)" not in text


def test_planted_officer_only_strings_stay_out_of_the_handout(cli, mini_library, tmp_path):
    out = tmp_path / "h.pdf"
    result = cli("export", "--library", str(mini_library), "--country", "IT", "--carrier", "tim",
                 "--variant", "handout", "-o", str(out))
    assert result.returncode == 0, result.stderr
    text = all_text(out)
    assert "Article 7" in text
    for planted in ("BACKGROUND-", "QUESTION-", "ANSWER-", "Huawei radio equipment"):
        assert planted not in text
    info = reader(out).metadata
    assert info.title and not info.author and not info.subject


def test_same_brief_gives_identical_bytes(cli, mini_library, tmp_path):
    brief = tmp_path / "m.brief"
    save_brief(Brief(country="IT", carrier="tim", points=(PointChoice(id="compulsion-law"),)), brief)
    outputs = []
    for name in ("a.pdf", "b.pdf"):
        assert cli("export", str(brief), "--library", str(mini_library), "-o", str(tmp_path / name)).returncode == 0
        outputs.append((tmp_path / name).read_bytes())
    assert outputs[0] == outputs[1]


def test_export_from_a_brief_file_with_chosen_points_and_letter_paper(cli, mini_library, tmp_path):
    brief = tmp_path / "m.brief"
    save_brief(Brief(country="NZ", carrier="spark"), brief)
    out = tmp_path / "nz.pdf"
    result = cli("export", str(brief), "--library", str(mini_library), "--point", "subsidy-financing",
                 "--paper", "letter", "-o", str(out))
    assert result.returncode == 0, result.stderr
    box = reader(out).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)
    text = all_text(out)
    assert "Financing for trusted vendors" in text and "Article 7" not in text
    assert "Wrote officer (1 point, 1 page, letter)" in result.stdout


@pytest.mark.parametrize("args, words", [
    (["--country", "XX"], "unknown country code 'XX'"),
    (["--country", "IT", "--carrier", "spark"], "'spark' is not a carrier in Italy"),
    (["--country", "IT", "--point", "no-such-point"], "point 'no-such-point' is not in the library"),
])
def test_bad_input_exits_1_with_one_line_per_fault(cli, mini_library, tmp_path, args, words):
    result = cli("export", "--library", str(mini_library), *args, "-o", str(tmp_path / "x.pdf"))
    assert result.returncode == 1
    assert words in result.stderr
    no_traceback(result)
    assert not (tmp_path / "x.pdf").exists()


def test_bad_output_paths(cli, mini_library, tmp_path):
    for target, words in ((tmp_path, "is a folder"), (tmp_path / "no" / "x.pdf", "does not exist")):
        result = cli("export", "--library", str(mini_library), "--country", "IT", "-o", str(target))
        assert result.returncode == 1 and words in result.stderr
        no_traceback(result)


def test_bad_brief_file_exits_1(cli, tmp_path):
    bad = tmp_path / "bad.brief"
    bad.write_text('{"schema_version": 1, "country": ')
    result = cli("export", str(bad), "-o", str(tmp_path / "x.pdf"))
    assert result.returncode == 1 and f"{bad}: line 1" in result.stderr
    no_traceback(result)


@pytest.mark.parametrize("args", [["export", "--country", "IT"], ["export", "-o", "x.pdf"],
                                  ["library"], ["frobnicate", "x"], ["export", "--variant", "poster", "-o", "x.pdf"]])
def test_usage_errors_exit_2(cli, args):
    result = cli(*args)
    assert result.returncode == 2 and "usage:" in result.stderr
    no_traceback(result)


def test_library_check_passes_on_the_built_in_library(cli):
    result = cli("library", "check")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Library OK:")


def test_library_check_reports_every_fault_in_one_run(cli, library_copy):
    points = library_copy / "points"
    (points / "subsidy/subsidy-financing.toml").write_text('id = "subsidy-financing"\ntitle = = 1\n')
    law = points / "state-compulsion/compulsion-law.toml"
    title = 'title = "Chinese law obliges firms to assist state intelligence work"\n'
    law.write_text(law.read_text().replace(title, ""))
    base = points / "base-traffic/base-commercial.toml"
    base.write_text(base.read_text().replace('topic = "base-traffic"', 'topic = "base-trafic"'))
    (points / "base-trafic").mkdir()
    base.rename(points / "base-trafic/base-commercial.toml")
    edge = points / "edge-core/edge-huawei.toml"
    edge.write_text(edge.read_text().replace("{{ carrier.name }}'s", "{{ carrier.name }'s")
                    .replace('BACKGROUND-EDGE', '{{ carrier.vendor_list }}'))
    result = cli("library", "check", str(library_copy))
    assert result.returncode == 1
    no_traceback(result)
    err = result.stderr
    assert re.search(r"subsidy-financing\.toml: line 2, column \d+: TOML syntax error", err)
    assert "compulsion-law.toml: field 'title': is missing" in err
    assert "base-commercial.toml: field 'topic': unknown topic 'base-trafic'" in err
    assert "edge-huawei.toml: field 'text': template syntax error" in err
    assert "edge-huawei.toml: field 'background': unknown field 'carrier.vendor_list'" in err
    assert "problem(s)" in err


def test_library_check_warns_about_stale_reviews_but_passes(cli, mini_library):
    result = cli("library", "check", str(mini_library), "--max-age", "400")
    assert result.returncode == 0
    assert "subsidy-financing.toml: field 'reviewed': warning: last reviewed 2020-01-01" in result.stderr
    assert "warning(s)" in result.stdout


def test_library_list_explains_recommendations(cli, mini_library):
    result = cli("library", "list", "--library", str(mini_library), "--country", "nz", "--carrier", "spark")
    assert result.returncode == 0, result.stderr
    lines = {line.split()[0]: line for line in result.stdout.splitlines()}
    assert "core point for every meeting" in lines["compulsion-law"]
    assert "not recommended: condition not met" in lines["base-commercial"]
    assert "[stale: reviewed 2020-01-01]" in lines["subsidy-financing"]


def test_collection_is_back_on_after_a_command_and_before_the_window(mini_library, tmp_path,
                                                                       monkeypatch, capsys):
    """`main` pauses garbage collection while modules load; the window must not run without it."""
    import gc

    from briefing_app import __main__, app

    out = tmp_path / "brief.pdf"
    assert __main__.main(["export", "--library", str(mini_library), "--country", "IT", "-o",
                          str(out)]) == 0
    assert gc.isenabled() and out.is_file()
    seen = []
    monkeypatch.setattr(app, "run_app", lambda brief: seen.append(gc.isenabled()) or 0)
    assert __main__.main([]) == 0
    assert seen == [True]


def test_a_library_folder_that_does_not_exist_stops_the_export(cli, tmp_path):
    out = tmp_path / "brief.pdf"
    result = cli("export", "--country", "IT", "--library", str(tmp_path / "nowhere"), "-o", str(out))
    assert result.returncode == 1 and not out.exists()
    assert result.stderr.strip() == f"{tmp_path / 'nowhere'}: library folder does not exist"


def test_a_point_given_twice_is_a_usage_error(cli, tmp_path):
    result = cli("export", "--country", "IT", "--point", "sc-ownership", "--point", "sc-ownership",
                 "-o", str(tmp_path / "brief.pdf"))
    assert result.returncode == 2
    assert "--point sc-ownership given more than once" in result.stderr


def test_output_cut_short_by_a_closed_pipe_or_a_full_disk_is_no_traceback(tmp_path):
    import os
    import subprocess
    import sys

    from tests.conftest import ROOT

    args = [sys.executable, "-m", "briefing_app", "library", "list", "--country", "JP"]
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"} | {"PYTHONPATH": str(ROOT)}
    reader = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=ROOT)
    reader.stdout.close()  # like `| head` that has already stopped reading
    assert reader.wait(timeout=60) == 0
    assert reader.stderr.read() == b""
    if os.path.exists("/dev/full"):
        with open("/dev/full", "w") as full:
            result = subprocess.run(args, stdout=full, stderr=subprocess.PIPE, text=True, env=env,
                                    cwd=ROOT, timeout=60)
        assert result.returncode == 1
        assert result.stderr.strip() == "briefing-app: No space left on device"


def test_the_market_share_point_does_not_tell_a_host_what_its_operators_could_build(cli, tmp_path):
    """Japan's operators built 5G with trusted vendors years ago: the point says it has been
    done, not that operators in Japan 'can' do it."""
    out = tmp_path / "jp.pdf"
    result = cli("export", "--country", "JP", "--point", "mk-market-share", "-o", str(out))
    assert result.returncode == 0, result.stderr
    text = " ".join(all_text(out).split())
    assert "first-class 5G networks have been built with them" in text
    assert "operators in Japan can build" not in text


def test_a_brief_without_meeting_details_prints_its_title_once(cli, tmp_path):
    """No date, post or counterparts: the header above the title would only repeat the title
    and 'to be confirmed', which the meeting table already says."""
    out = tmp_path / "de.pdf"
    result = cli("export", "--country", "DE", "--carrier", "deutsche-telekom", "-o", str(out))
    assert result.returncode == 0, result.stderr
    first = " ".join(page_texts(out)[0].split())
    assert first.count("Meeting with Telekom Deutschland") == 1
    assert first.startswith("UNCLASSIFIED (U) Meeting with Telekom Deutschland (U) Officer brief")


def test_library_check_names_a_broken_condition_on_an_if_raised_answer(cli, library_copy):
    edge = library_copy / "points/edge-core/edge-huawei.toml"
    edge.write_text(edge.read_text() + '\n[[if_raised]]\nquestion = "Only in the radio network?"\n'
                    'answer = "Still sensitive."\nwhen = "carrier.vendor_roles"\n')
    result = cli("library", "check", str(library_copy))
    assert result.returncode == 1
    no_traceback(result)
    assert "edge-huawei.toml: field 'if_raised #1.when': unknown field 'carrier.vendor_roles'" in result.stderr
