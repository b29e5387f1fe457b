#!/usr/bin/env python3
"""Derive the per-province load drivers of Scenarios/provinces/provinces.csv.

The table has two kinds of columns:

  * sourced columns (id ... communes), typed in from the sources of docs/sources.md, section 3 "Provinces";
    this script never changes them, it only checks them;
  * derived columns (wan_sites ... ndxp_lookups_per_day), recomputed here from the sourced columns and the
    constants below. Every constant is explained, with its arithmetic, in docs/sources.md, section 3,
    "Derived columns".

Usage (Python 3 standard library only):

  scripts/derive-provinces.py            # recompute the derived columns in place, print the checks
  scripts/derive-provinces.py --check    # only compare; exit 1 if a derived value or a check differs
  scripts/derive-provinces.py PATH       # another copy of the table

Rounding: every derived value is rounded to the nearest integer with Python's round() (ties go to the even
integer), so column sums can differ from the national figure by a few units.
"""

import csv
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_TABLE = os.path.join(HERE, "..", "Scenarios", "provinces", "provinces.csv")

# --------------------------------------------------------------------------------------------------
# Checks on the sourced columns (docs/sources.md, section 3)
# --------------------------------------------------------------------------------------------------
EXPECTED_UNITS = 34                 # [14] 34 provincial-level units since 1 Jul 2025
EXPECTED_CITIES = 6                 # [P1][P16] 6 centrally-run cities + 28 provinces
EXPECTED_POPULATION = 101_342_900   # sum of NSO 2024 average populations; NSO national 2024 = 101.34M [13]
EXPECTED_COMMUNES = 3_321           # [P3] 3,321 commune-level units (communes, wards, special zones)
REGION_CENTRE = {"north": "tslcd-north", "central": "tslcd-central", "south": "tslcd-south"}

# --------------------------------------------------------------------------------------------------
# Constants of the derived columns (all "A:" unless a source is named; see docs/sources.md, section 3)
# --------------------------------------------------------------------------------------------------
VNEID_L2_ACCOUNTS_NATIONAL = 65_000_000   # [6] ">65M level 2" VNeID accounts, Sep 2025
VNEID_LOGINS_PER_DAY_NATIONAL = 4_500_000 # [5] "3-6M users/day" -> 4.5M mid, as Scenarios/vn-national.yaml
DOSSIERS_PER_CAPITA_DAY = 1.0e-3          # [P17] TP.HCM 637k / 46 d / 13.6M = 1.02e-3 (all levels)
DOSSIERS_PER_CAPITA_DAY_LOW = 0.4e-3      # A: lower end for provinces (not cities); no provincial series exists
ONLINE_SHARE = 0.58                       # [P18] Ha Noi 59.7%, [P17] TP.HCM 58%, [16] national 57-60%
COMMUNE_SHARE = 0.70                      # [P17] TP.HCM commune level 450k of 637k = 71%
NPD_VERIFICATIONS_PROVINCES_DAY = 225_000 # [4] ~0.9M/day nationally x 25% provinces' share (A:, vn-national.yaml)
NDXP_LOOKUPS_PROVINCES_DAY = 1_550_000    # [20] 3.1M/day in 2025 (A: trend) x 50% involving a province (A:, vn-province.yaml)
EXTRA_WAN_SITES = {"ha-noi": 30}          # [P27] Ha Noi keeps 30 legacy reception points besides its 126 communes
# The portfolio's province template (Scenarios/provinces/province-template.yaml) takes its loads from the same
# national figures as Scenarios/vn-national.yaml and vn-province.yaml, shared by population, so that the 34 provinces
# add up to what the national scenario assumes:
COUNTER_DOSSIERS_DAY = 16_200             # [16] 39k dossiers/day x (1 - 58.5% online) = 16.2k at counters nationally
NPSP_ONLINE_DOSSIERS_DAY = 22_815         # [16] 39k x 58.5% online through NPSP
ACTIONS_PER_DOSSIER = 15                  # A: officer screen actions per dossier (vn-province.yaml officer-actions)
COMMUNE_LINK_MBPS = 188                   # [22] 88% of commune links at 200 Mbps, the rest at 100 Mbps
CIVIL_RECORDS = 65_000_000                # [S6] >65M civil-status records digitised nationally
NDC1_LATENCY_MS = {"north": 1, "central": 6, "south": 12}   # A: one way to Hanoi (figures sec. 3)

SOURCED = ["id", "name", "full_name", "kind", "nso_code", "merged_from", "region", "regional_centre",
           "population", "population_source", "population_qmds", "area_km2", "communes"]
DERIVED = ["wan_sites", "vneid_l2_accounts", "vneid_logins_per_day", "dossiers_per_day",
           "dossiers_per_day_low", "dossiers_online_per_day", "dossiers_commune_per_day",
           "npd_verifications_per_day", "ndxp_lookups_per_day", "counter_intake_per_day", "npsp_online_per_day",
           "officer_actions_per_day", "commune_wan_mbps", "civil_records", "ndc1_latency_ms"]


def derive(row, national_population):
    """Return the derived columns of one province as a dict of ints."""
    population = int(row["population"])
    share = population / national_population
    dossiers = round(population * DOSSIERS_PER_CAPITA_DAY)
    # Cities keep the central rate (it was measured in the two largest cities); provinces get a low value.
    if row["kind"] == "city":
        dossiers_low = dossiers
    else:
        dossiers_low = round(population * DOSSIERS_PER_CAPITA_DAY_LOW)
    return {
        # one commune public-administration centre per commune + the provincial centre [P25]
        "wan_sites": int(row["communes"]) + 1 + EXTRA_WAN_SITES.get(row["id"], 0),
        "vneid_l2_accounts": round(VNEID_L2_ACCOUNTS_NATIONAL * share),
        "vneid_logins_per_day": round(VNEID_LOGINS_PER_DAY_NATIONAL * share),
        "dossiers_per_day": dossiers,
        "dossiers_per_day_low": dossiers_low,
        "dossiers_online_per_day": round(dossiers * ONLINE_SHARE),
        "dossiers_commune_per_day": round(dossiers * COMMUNE_SHARE),
        "npd_verifications_per_day": round(NPD_VERIFICATIONS_PROVINCES_DAY * share),
        "ndxp_lookups_per_day": round(NDXP_LOOKUPS_PROVINCES_DAY * share),
        "counter_intake_per_day": round(COUNTER_DOSSIERS_DAY * share),
        "npsp_online_per_day": round(NPSP_ONLINE_DOSSIERS_DAY * share),
        "officer_actions_per_day": round(ACTIONS_PER_DOSSIER * (COUNTER_DOSSIERS_DAY + NPSP_ONLINE_DOSSIERS_DAY) * share),
        "commune_wan_mbps": int(row["communes"]) * COMMUNE_LINK_MBPS,
        "civil_records": round(CIVIL_RECORDS * share),
        "ndc1_latency_ms": NDC1_LATENCY_MS[row["region"]],
    }


def check_sourced(rows):
    """Return a list of problems found in the sourced columns."""
    problems = []
    if len(rows) != EXPECTED_UNITS:
        problems.append(f"{len(rows)} rows, expected {EXPECTED_UNITS}")
    ids = [r["id"] for r in rows]
    if len(set(ids)) != len(ids):
        problems.append("duplicate ids: " + ", ".join(sorted({i for i in ids if ids.count(i) > 1})))
    for r in rows:
        if not r["id"].isascii() or r["id"] != r["id"].lower() or " " in r["id"]:
            problems.append(f"{r['id']}: id is not a lower-case ascii slug")
        if r["kind"] not in ("city", "province"):
            problems.append(f"{r['id']}: kind {r['kind']!r}")
        if REGION_CENTRE.get(r["region"]) != r["regional_centre"]:
            problems.append(f"{r['id']}: region {r['region']!r} does not match centre {r['regional_centre']!r}")
    cities = sum(1 for r in rows if r["kind"] == "city")
    if cities != EXPECTED_CITIES:
        problems.append(f"{cities} cities, expected {EXPECTED_CITIES}")
    population = sum(int(r["population"]) for r in rows)
    if population != EXPECTED_POPULATION:
        problems.append(f"population sums to {population:,}, expected {EXPECTED_POPULATION:,}")
    communes = sum(int(r["communes"]) for r in rows)
    if communes != EXPECTED_COMMUNES:
        problems.append(f"communes sum to {communes:,}, expected {EXPECTED_COMMUNES:,}")
    return problems


def main(argv):
    check_only = "--check" in argv
    paths = [a for a in argv if a != "--check"]
    path = paths[0] if paths else DEFAULT_TABLE

    with open(path, encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        header = reader.fieldnames
        rows = list(reader)
    missing = [c for c in SOURCED if c not in header]
    if missing:
        print("missing sourced columns: " + ", ".join(missing), file=sys.stderr)
        return 1

    problems = check_sourced(rows)
    national_population = sum(int(r["population"]) for r in rows)

    changed = 0
    for r in rows:
        for column, value in derive(r, national_population).items():
            if r.get(column) != str(value):
                changed += 1
                r[column] = str(value)

    columns = SOURCED + DERIVED + [c for c in header if c not in SOURCED + DERIVED]
    if check_only:
        if header != columns:
            problems.append("column order differs from SOURCED + DERIVED")
        if changed:
            problems.append(f"{changed} derived values are out of date (run without --check)")
    else:
        with open(path, "w", encoding="utf-8", newline="") as f:
            writer = csv.DictWriter(f, fieldnames=columns, lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)

    # Report: totals per region and nationally.
    def total(column, subset):
        return sum(int(r[column]) for r in subset)

    shown = ["population", "communes", "wan_sites", "vneid_l2_accounts", "dossiers_per_day", "dossiers_per_day_low"]
    print(f"{'':10}{'units':>6}" + "".join(f"{c:>22}" for c in shown))
    for region in ("north", "central", "south"):
        subset = [r for r in rows if r["region"] == region]
        print(f"{region:10}{len(subset):>6}" + "".join(f"{total(c, subset):>22,}" for c in shown))
    print(f"{'total':10}{len(rows):>6}" + "".join(f"{total(c, rows):>22,}" for c in shown))
    if not check_only:
        print(f"{path}: {changed} derived values updated")
    for p in problems:
        print("problem: " + p, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
