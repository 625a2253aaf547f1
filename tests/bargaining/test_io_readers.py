"""Readers: KTAB CSV, DEU TSV, BDM CSV, detente YAML and long CSV."""
import numpy as np
import pytest

from detente.bargaining.inputs import AT_LEAST, AT_MOST
from detente.bargaining.io import read_deu_tsv, read_inputs, read_ktab_csv, read_long_csv, read_yaml
from detente.errors import BargainingInputError


def test_ktab_two_dimensions(benchmarks_dir):
    x = read_ktab_csv(benchmarks_dir / "ktab" / "SOE-Pol-Comp.csv")
    assert x.n_actors == 13 and x.issues == ("Policy", "Competitive")
    assert x.actors[0] == "XJ" and x.capability[0] == 100.0
    assert x.position[1].tolist() == [45, 65] and x.salience[1].tolist() == [44.7, 41.3]


def test_ktab_bare_dimension_names(benchmarks_dir):
    x = read_ktab_csv(benchmarks_dir / "ktab" / "dummyData_3Dim.csv")
    assert x.issues == ("dim1", "dim2", "dim3") and x.n_actors == 7
    assert x.position[2, 2] == pytest.approx(0.07)


def test_deu_all_issues_skip_gdp_row(benchmarks_dir):
    x = read_deu_tsv(benchmarks_dir / "deu3" / "deu3_blksv.tsv")
    assert x.n_issues == 364 and x.issues[0] == "d00032i1"
    assert x.n_actors == 30 and x.actors[:2] == ("com", "ep")
    assert x.capability[0] == pytest.approx(4.1)  # GDP row as default capability
    assert np.isfinite(x.observed).sum() == 353


def test_deu_one_issue_absent_actors(benchmarks_dir):
    x = read_deu_tsv(benchmarks_dir / "deu3" / "deu3_blksv.tsv", issue="d00032i1")
    com, bu = x.actors.index("com"), x.actors.index("bu")
    assert x.position[com, 0] == 100 and x.present[com, 0]
    assert not x.present[bu, 0]  # Bulgaria had not joined in 2000
    assert x.reference[0] == 0 and x.observed[0] == 100


def test_deu_missing_code_999_means_absent(tmp_path):
    tsv = tmp_path / "mini.tsv"
    tsv.write_text('"isnr"\t"pa"\t"pb"\t"pc"\t"sa"\t"sb"\t"sc"\t"rp"\t"out"\n'
                   '\t1\t1\t1\t\t\t\t\t\n'
                   '"x1"\t10\t999\t30\t50\t50\t50\t\t20\n')
    x = read_deu_tsv(tsv)
    assert x.present[:, 0].tolist() == [True, False, True]
    assert np.isnan(x.reference[0]) and x.observed[0] == 20


def test_deu_unknown_issue(benchmarks_dir):
    with pytest.raises(BargainingInputError, match="no issue with isnr"):
        read_deu_tsv(benchmarks_dir / "deu3" / "deu3_blksv.tsv", issue="nope")


def test_bdm_csv_salience_scaled(benchmarks_dir):
    x = read_inputs(benchmarks_dir / "cases" / "bdm1994_emissions_scholz.csv")
    assert x.n_actors == 10 and x.salience[0, 0] == pytest.approx(80.0)


YAML = """
scale: [0, 100]
issues:
  - {id: territory, reference: 20}
  - sanctions
actors:
  - name: UKR
    capability: 30
    veto: true
    position: {territory: 0, sanctions: 90}
    salience: {territory: 95, sanctions: 60}
    red_line: {territory: "<= 30"}
    range: {territory: [0, 10]}
  - name: RUS
    capability: 60
    veto: true
    position: {territory: 100}
    salience: {territory: 90}
    red_line: {territory: ">= 50"}
    spread: {territory: 5}
    salience_spread: {territory: 10}
    capability_spread: 3
"""


def test_yaml_reader(tmp_path):
    p = tmp_path / "case.yaml"
    p.write_text(YAML)
    x = read_yaml(p)
    assert x.actors == ("UKR", "RUS") and x.issues == ("territory", "sanctions")
    assert x.veto.tolist() == [True, True]
    assert x.red_dir[:, 0].tolist() == [AT_MOST, AT_LEAST] and x.red_line[:, 0].tolist() == [30, 50]
    assert not x.present[1, 1]  # RUS states no sanctions position
    assert x.reference[0] == 20 and np.isnan(x.reference[1])
    assert x.uncertainty.position_high[0, 0] == 10 and x.uncertainty.position_sd[1, 0] == 5
    assert x.uncertainty.salience_sd[1, 0] == 10 and x.uncertainty.capability_sd.tolist() == [0, 3]


def test_yaml_bad_red_line(tmp_path):
    p = tmp_path / "bad.yaml"
    p.write_text(YAML.replace('"<= 30"', '"about 30"'))
    with pytest.raises(BargainingInputError, match="actor UKR, issue territory.*'>= 30'"):
        read_yaml(p)


def test_yaml_unknown_issue(tmp_path):
    p = tmp_path / "bad.yaml"
    p.write_text(YAML.replace("position: {territory: 100}", "position: {territory: 100, crimea: 3}"))
    with pytest.raises(BargainingInputError, match="unknown issue.*crimea"):
        read_yaml(p)


def test_long_csv(tmp_path):
    p = tmp_path / "case.csv"
    p.write_text("actor,issue,position,salience,capability,veto,red_line,reference\n"
                 "A,x,10,50,2,yes,<= 40,30\nB,x,80,40,1,,>= 20,\nB,y,5,10,1,,,\n")
    x = read_inputs(p)
    assert x.actors == ("A", "B") and x.issues == ("x", "y")
    assert x.capability.tolist() == [2, 1] and x.veto.tolist() == [True, False]
    assert x.reference[0] == 30 and not x.present[0, 1]
    assert x.red_dir[:, 0].tolist() == [AT_MOST, AT_LEAST]


def test_long_csv_missing_columns(tmp_path):
    p = tmp_path / "case.csv"
    p.write_text("actor,issue,position\nA,x,10\n")
    with pytest.raises(BargainingInputError, match="needs columns"):
        read_long_csv(p)


def test_missing_file(tmp_path):
    with pytest.raises(BargainingInputError, match="no such file"):
        read_inputs(tmp_path / "nothing.yaml")


def test_deu_capability_must_cover_every_actor(benchmarks_dir):
    with pytest.raises(BargainingInputError, match="capability missing for DEU actors"):
        read_deu_tsv(benchmarks_dir / "deu3" / "deu3_blksv.tsv", capability={"de": 29})


def test_not_a_ktab_file(tmp_path):
    p = tmp_path / "x.csv"
    p.write_text("a,b\n1,2\n3,4\n")
    with pytest.raises(BargainingInputError, match="not a KTAB CSV"):
        read_inputs(p)


def test_ktab_short_actor_line(tmp_path):
    p = tmp_path / "x.csv"
    p.write_text("S,desc,2,1\nActor,Description,Power,Pstn1,Sal1\nA,a,10,50,40\nB,b,5,60\n")
    with pytest.raises(BargainingInputError, match="actor line 'B' needs"):
        read_ktab_csv(p)


def test_unknown_issue_filter(benchmarks_dir):
    with pytest.raises(BargainingInputError, match="no issue 'nope'; issues are Policy, Competitive"):
        read_inputs(benchmarks_dir / "ktab" / "SOE-Pol-Comp.csv", issue="nope")
