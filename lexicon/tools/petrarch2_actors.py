#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Converts the PETRARCH2/Phoenix actor dictionaries into lexicon/named-actors.tsv.

Usage (from the repository root):

    python3 lexicon/tools/petrarch2_actors.py DIR > lexicon/named-actors.tsv

DIR holds Phoenix.Countries.actors.txt, Phoenix.International.actors.txt and
Phoenix.MilNonState.actors.txt (openeventdata/petrarch2, petrarch2/data/dictionaries/, MIT
licence, copyright 2014 Open Event Data Alliance). The output is sorted and depends only on
those files, lexicon/countries.tsv, lexicon/actors.tsv and the English word list (--words, default
/usr/share/dict/american-english from Debian's wamerican), so running it twice gives the same
bytes. What was dropped, and how many, is printed to standard error.

Python 3 standard library only.
"""

import argparse
import collections
import datetime
import os
import re
import sys

FILES = (
    "Phoenix.Countries.actors.txt",
    "Phoenix.International.actors.txt",
    "Phoenix.MilNonState.actors.txt",
)

# CAMEO sector codes mapped to the project's sector codes (lexicon/actors.tsv). The first code
# after the country that is listed here gives the sector: PAKGOVHLH (health minister) is GOV.
SECTORS = {
    code: code
    for code in (
        "GOV MIL COP JUD LEG PTY OPP REB SEP CVL MED IGO NGO REL BUS LAB EDU REF HLH CRM SPY "
        "AGR ELI"
    ).split()
}
SECTORS.update(
    {
        "INS": "REB",  # insurgents: the project codes them REB (actors.tsv header)
        "UAF": "REB",  # unidentified armed forces: as actors.tsv codes gunmen
        "IMG": "REB",  # international militarised group (al-Qaeda, ...)
        "MNC": "BUS",  # multinational corporation
        "JRN": "MED",  # journalists
        "SET": "CVL",  # settlers
        "NGM": "NGO",  # non-governmental movement
    }
)
# Religions: REL where no sector code above comes first (IRQMUSSHI, a Shia group, is REL). After
# IMG, NGO or MNC they are never read as a country: IMGMUSALQ is al-Qaeda, not Mauritius (MUS).
RELIGIONS = set(
    "ADR ALE ATH BAH BUD CHR CON CPT CTH DOX DRZ HIN ITR JAN JEW JHW LDS MOS MUS PRO SFI SHI SHN "
    "SIK SUN TAO ZRO".split()
)
# Issue codes that, standing alone after a country, mark a non-governmental organisation.
NGO_ISSUES = set("HRI ENV DEV".split())
# Codes that are not ISO 3166 alpha-3 but stand for a country (old or CAMEO-only codes).
COUNTRY_ALIASES = {
    "TMP": "TLS",  # East Timor
    "KSV": "XKX",  # Kosovo, as countries.tsv codes it
    "ANG": "AGO",  # Angola
    "ROM": "ROU",  # Romania
    "ZAR": "COD",  # Zaire
    "BUR": "MMR",  # Burma
    "GZA": "PSE",  # Gaza
    "PAL": "PSE",  # Palestine
    "SUN": "RUS",  # Soviet Union: its successor state
    "USR": "RUS",  # Soviet Union
    "DDR": "DEU",  # East Germany
    "YUG": "SRB",  # Yugoslavia: its successor state
    "FRY": "SRB",  # Federal Republic of Yugoslavia
    "SCG": "SRB",  # Serbia and Montenegro
    "CSK": "CZE",  # Czechoslovakia
    "SRP": "BIH",  # Republika Srpska
}
# International and regional prefixes: no country. Those in SECTORS (IGO, NGO, MNC, IMG) also give
# the sector; NGO, MNC and IMG may be followed by the country they are based in (MNCUSA).
INTERNATIONAL = set(
    "IGO NGO MNC IMG INT AFR ASA CAS CAU CFR EAF EEU EUR LAM MEA NAF NMR SAF SAM SAS SEA WAF WEU "
    "WST KKL".split()
)
# Prefixes of fictional test countries: entities dropped.
FICTIONAL = {"KNT"}  # Kinakuta, TABARI's test country

COMMENT = re.compile(r"#.*$")
BRACKET = re.compile(r"\[([^\]]*)\]")
PARENTHESES = re.compile(r"\([^)]*\)")


class Entity:
    """One dictionary record: a primary phrase, its synonyms and its coded roles."""

    def __init__(self, file, line):
        self.file = file
        self.line = line
        self.names = []  # (raw phrase, line)
        self.roles = []  # (country, sector, from, to) after mapping
        self.coded = False  # any [code] seen, even one dropped


class Stats:
    def __init__(self):
        self.dropped = collections.Counter()
        self.unknown_codes = collections.Counter()
        self.bad_dates = []


def parse_date(text):
    """YYMMDD (00-30 is 20YY, as PETRARCH reads it) or YYYYMMDD; None if invalid."""
    if not text.isdigit() or len(text) not in (6, 8):
        return None
    if len(text) == 6:
        yy = int(text[:2])
        year = 2000 + yy if yy <= 30 else 1900 + yy
        month, day = int(text[2:4]), int(text[4:6])
    else:
        year, month, day = int(text[:4]), int(text[4:6]), int(text[6:8])
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


def map_code(code, countries, stats):
    """(country, sector) for a CAMEO actor code, or None to drop the role."""
    if code == "---" or not code:
        return None
    if len(code) % 3 != 0 or not code[:3].isalpha():
        stats.unknown_codes[code] += 1
        return None
    # Numeric segments (NGOCHRPRO214: a denomination number) carry no country or sector.
    segs = [code[i : i + 3] for i in range(0, len(code), 3) if code[i : i + 3].isalpha()]
    first = segs[0]
    country = None
    rest = segs[1:]
    sector = None
    if first in FICTIONAL:
        return None
    if first in COUNTRY_ALIASES:
        country = COUNTRY_ALIASES[first]
    elif first in countries:
        country = first
    elif first in INTERNATIONAL:
        sector = SECTORS.get(first)
        if (
            first != "IGO"
            and rest
            and rest[0] not in RELIGIONS
            and (rest[0] in countries or rest[0] in COUNTRY_ALIASES)
        ):
            country = COUNTRY_ALIASES.get(rest[0], rest[0])
            rest = rest[1:]
    else:
        rest = segs  # MEDxxx, ELI, HINRAD: a sector or religion with no country
    if sector is None:
        sector = next((SECTORS[s] for s in rest if s in SECTORS), None)
    if sector is None and any(s in RELIGIONS for s in rest):
        sector = "REL"
    if sector is None and rest and rest[0] in NGO_ISSUES:
        sector = "NGO"
    if country is None and sector is None:
        stats.unknown_codes[code] += 1
        return None
    return country, sector


def parse_roles(text, entity, lineno, countries, stats):
    for m in BRACKET.finditer(text):
        entity.coded = True
        body = m.group(1).strip()
        parts = body.split(None, 1)
        if not parts:
            continue
        code = parts[0]
        restriction = parts[1].replace(" ", "") if len(parts) > 1 else ""
        start = end = None
        if restriction:
            if restriction[0] in "<>":
                d = parse_date(restriction[1:])
                if d is None:
                    stats.bad_dates.append(f"{entity.file}:{lineno}: [{body}]")
                    continue
                if restriction[0] == "<":
                    end = d
                else:
                    start = d
            elif "-" in restriction:
                a, _, b = restriction.partition("-")
                start, end = parse_date(a), parse_date(b)
                if start is None or end is None or end < start:
                    stats.bad_dates.append(f"{entity.file}:{lineno}: [{body}]")
                    continue
            else:
                stats.bad_dates.append(f"{entity.file}:{lineno}: [{body}]")
                continue
        mapped = map_code(code, countries, stats)
        if mapped is None:
            stats.dropped["role: code '---' or a code with no country or sector"] += 1
            continue
        entity.roles.append((mapped[0], mapped[1], start, end))


def read_entities(path, countries, stats):
    """Reads one actor file the way PETRARCH2 does: a primary phrase starts a new record once the
    current one has a code; synonyms (+) and tab-indented restrictions belong to the current one."""
    file = os.path.basename(path)
    entities = []
    current = None
    with open(path, encoding="utf-8") as f:
        for lineno, raw in enumerate(f, 1):
            line = COMMENT.sub("", raw.rstrip("\n"))
            if not line.strip() or line.startswith("<!"):
                continue
            if line[0] in " \t":
                if current is not None:
                    parse_roles(line, current, lineno, countries, stats)
                continue
            text = line.split(";", 1)[0]
            phrase = BRACKET.split(text, 1)[0] if "[" in text else text
            if line[0] == "+":
                if current is not None:
                    current.names.append((phrase[1:].strip(), lineno))
                continue
            if current is None or current.coded:
                current = Entity(file, lineno)
                entities.append(current)
            current.names.append((phrase.strip(), lineno))
            if "[" in text:
                parse_roles(text[text.index("[") :], current, lineno, countries, stats)
    return entities


def normalise(phrase):
    """Lowercase words separated by single spaces, as the resolver compares them with tokens:
    parenthesised parts, a '+' glued into a phrase by mistake and a leading (or trailing ", the")
    article are removed, as the resolver drops a leading "the" from actor phrases."""
    p = phrase.replace("_", " ").replace("+", " ")
    p = PARENTHESES.sub(" ", p).replace("(", " ").replace(")", " ")
    words = p.lower().split()
    if len(words) > 1 and words[-1] == "the" and words[-2].endswith(","):
        words = words[:-1]
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    if words and words[-1].endswith(",") and len(words[-1]) > 1:
        words[-1] = words[-1][:-1]
    return " ".join(words)


def read_countries(path):
    iso3 = set()
    names = set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            cells = line.rstrip("\n").split("\t")
            iso3.add(cells[0].strip())
            for cell in cells[2:]:
                for v in cell.split("|"):
                    if v.strip() and v.strip() != "-":
                        names.add(" ".join(v.lower().split()))
    return iso3, names


def read_words(path):
    """Lower-case entries of the word list: ordinary English words (not proper nouns)."""
    words = set()
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            w = line.strip()
            if w and w == w.lower():
                words.add(w.replace("'s", "") if w.endswith("'s") else w)
    return words


def read_actor_terms(path):
    """The terms of actors.tsv, generic actor words and the organisations Annals lists itself,
    mapped to whether the term fixes a country (an organisation: "hezbollah" LBN)."""
    terms = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            cells = line.rstrip("\n").split("\t")
            country = cells[2].strip() if len(cells) > 2 else "-"
            terms[" ".join(cells[0].lower().split())] = country not in ("", "-")
    return terms


def drop_reason(name, words, country_names, actor_terms):
    """Why a name variant does more harm than good, or None."""
    tokens = name.replace(",", " ").split()
    if len(re.sub(r"[^a-z0-9]", "", name)) < 3 or not re.search(r"[a-z]", name):
        return "name of fewer than 3 letters or digits, or with no letter"
    if name in country_names:
        return "a country name, demonym or capital (countries.tsv codes it)"
    if name in actor_terms:
        return "a term of actors.tsv (which decides its sector and country)"
    if len(tokens) == 1 and (name in words or name.rstrip(".") in words):
        return "one word that is an ordinary English word"
    for k in range(1, len(tokens)):
        rest = " ".join(tokens[k:])
        if " ".join(tokens[:k]) in country_names and actor_terms.get(rest) is False:
            return "a country name and a generic actor term (Annals codes it from its parts)"
    if (
        len(tokens) == 2
        and all(t in words for t in tokens)
        and tokens[0] not in country_names  # "us congress", "afghan army" name a country
        and tokens[1] in actor_terms
    ):
        return "two ordinary words ending in an actor word: a description, not a name"
    return None


def given_names(entities):
    """Word -> the records with a name of several words that starts with it: a one-word person
    name that opens other people's names is a given name ("hussein", "abdullah", "albert")."""
    out = collections.defaultdict(set)
    for i, e in enumerate(entities):
        for raw, _ in e.names:
            words = normalise(raw).split()
            if len(words) > 1:
                out[words[0]].add(i)
    return out


def merged_roles(role_lists):
    """The roles of a name listed for several records (a person listed once as a leader and once
    as a minister): their union, in dictionary order, when the records share a country (or have
    none); None when they are in different countries (two people of the same name)."""
    countries = [{c for c, _, _, _ in roles if c} for roles in role_lists]
    known = [c for c in countries if c]
    if known and set.intersection(*known) == set() and len(known) > 1:
        return None
    out = []
    for roles in role_lists:
        out.extend(r for r in roles if r not in out)
    return tuple(out)


def format_date(d):
    return d.isoformat() if d else ""


def format_role(role):
    country, sector, start, end = role
    out = (country or "-") + " " + (sector or "-")
    if start or end:
        out += " " + format_date(start) + ".." + format_date(end)
    return out


HEADER = """\
# Annals lexicon: named actors (people, organisations, armed groups) with dated roles
# SPDX-License-Identifier: GPL-3.0-or-later AND MIT
#
# GENERATED FILE: do not edit by hand. To correct or add a name, put a row in a named-actors.tsv
# of your own and give its directory with --lexicon DIR (a row there replaces the built-in row of
# the same name). Rebuild this file with (from the repository root):
#
#   apt-get install wamerican   # once: the English word list used to drop common words
#   python3 lexicon/tools/petrarch2_actors.py DIR > lexicon/named-actors.tsv
#
# where DIR holds the PETRARCH2/Phoenix actor dictionaries Phoenix.Countries.actors.txt,
# Phoenix.International.actors.txt and Phoenix.MilNonState.actors.txt (openeventdata/petrarch2,
# petrarch2/data/dictionaries/ at commit 676801cd9cb2). Derived from PETRARCH2/Phoenix,
# MIT licence, Copyright (c) 2014 Open Event Data Alliance (see NOTICE). The tool also reads
# countries.tsv and actors.tsv beside this file. Its output is sorted and the same on every run.
#
# One row per name variant; the variants of one dictionary record share its entity and roles.
# Records are read as PETRARCH2 reads them: a primary phrase, its "+" synonyms and the
# tab-indented [CODE DATES] restrictions after them (codes on the phrase's own line count too).
# Columns (one TAB between columns, exactly 4 per row):
#   name     lowercase name variant, words separated by single spaces (underscores of the
#            dictionaries become spaces; parenthesised parts such as "(AAIA)" and a leading
#            "the" are left out, as the coder drops "the" from actor phrases)
#   entity   the record's primary name, lowercased: rows with the same entity are one actor
#   roles    "|"-separated roles, each "COUNTRY SECTOR [FROM..TO]":
#              COUNTRY  ISO 3166-1 alpha-3 as in countries.tsv, or "-" (IGOs, international
#                       groups). Old and CAMEO-only codes are mapped to a current country:
#                       TMP->TLS, KSV->XKX, ANG->AGO, ROM->ROU, ZAR->COD, BUR->MMR, GZA/PAL->PSE,
#                       USR/SUN->RUS, DDR->DEU, YUG/FRY/SCG->SRB, CSK->CZE, SRP->BIH. Regional
#                       prefixes (AFR, EUR, MEA, SAS, WST, ...) and INT give no country.
#              SECTOR   a sector code of actors.tsv, or "-": the first CAMEO code after the
#                       country that maps to one (PAKGOVHLH, a health minister, is GOV).
#                       INS (insurgents), UAF (unidentified armed forces) and IMG (international
#                       militarised groups) are REB; MNC (multinational corporations) is BUS;
#                       JRN is MED; SET (settlers) is CVL; NGM is NGO; a religion code (MUS, CHR,
#                       HIN, ...) with no sector before it is REL; HRI, ENV or DEV alone is NGO.
#                       IGO codes (IGOUNO, IGOWSTNAT, ...) are "- IGO". NGO, MNC and IMG may be
#                       followed by the country they are based in (MNCUSA is "USA BUS").
#              FROM..TO ISO dates, inclusive, either end may be empty (">D" in the dictionary
#                       is "D..", "<D" is "..D"); no dates: the default role, which holds
#                       when no dated role does. Two-digit years 00-30 are 20YY, the others 19YY,
#                       as PETRARCH2 reads them.
#   source   the dictionary file (Countries, International, MilNonState) and line of the name
#
# A name listed for several records (a leader listed again as a minister) gets the union of
# their roles when they share a country.
#
# Dropped, because they would do more harm than good (counts are printed by the script):
#   - records whose roles are all a country alone (AFGHANISTAN [AFG] with its cities and
#     provinces): places, which countries.tsv and the gazetteer resolve;
#   - records of the fictional test country Kinakuta (KNT), roles coded [---] (no actor) and
#     restrictions whose dates cannot be read ("2004017", an end before the start);
#   - names of fewer than 3 letters or digits ("un", "eu": actors.tsv lists them);
#   - names that are a country name, alternate, demonym or capital in countries.tsv;
#   - names that actors.tsv lists ("hamas", "taliban", "security council"): it decides them;
#   - a country name followed by a generic actor term of actors.tsv ("us congress", "german
#     chancellor"): the coder finds the country and the sector from the parts;
#   - one-word names that are ordinary lower-case English words ("order", "tigers", "falcon");
#   - two ordinary words ending in an actor term ("revolutionary army", "patriotic youth"):
#     descriptions that would give every such group one country;
#   - one-word names of people that open other records' names: given names ("hussein",
#     "abdullah", "albert"), which would make every Hussein a king of Jordan;
#   - names listed for several records in different countries (two people of the same name).
#
# name	entity	roles	source
"""

SHORT_FILE = {
    "Phoenix.Countries.actors.txt": "Countries",
    "Phoenix.International.actors.txt": "International",
    "Phoenix.MilNonState.actors.txt": "MilNonState",
}


def main(argv):
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dir", help="directory with the Phoenix.*.actors.txt files")
    ap.add_argument(
        "--lexicon",
        default=os.path.join(here, ".."),
        help="directory of countries.tsv and actors.tsv (default: the one above this tool)",
    )
    ap.add_argument(
        "--words",
        default="/usr/share/dict/american-english",
        help="English word list, one word a line (default: Debian wamerican's)",
    )
    ap.add_argument(
        "--verbose", action="store_true", help="list every dropped name on standard error"
    )
    args = ap.parse_args(argv)
    for name in FILES:
        if not os.path.isfile(os.path.join(args.dir, name)):
            sys.exit(
                f"petrarch2_actors.py: {os.path.join(args.dir, name)} is missing; give the "
                "directory of the PETRARCH2/Phoenix dictionaries"
            )
    if not os.path.isfile(args.words):
        sys.exit(
            f"petrarch2_actors.py: {args.words} is missing; install it with: apt-get install "
            "wamerican (or give --words FILE)"
        )
    iso3, country_names = read_countries(os.path.join(args.lexicon, "countries.tsv"))
    actor_terms = read_actor_terms(os.path.join(args.lexicon, "actors.tsv"))
    words = read_words(args.words)
    stats = Stats()

    records = []
    for name in FILES:
        for e in read_entities(os.path.join(args.dir, name), iso3, stats):
            if not e.roles:
                stats.dropped["record: no usable role"] += 1
            elif all(sector is None for _, sector, _, _ in e.roles):
                stats.dropped["record: a country alone (a place)"] += 1
            else:
                records.append(e)
    given = given_names(records)

    rows = collections.defaultdict(list)  # name -> [(entity name, roles, source)]
    dropped = []
    for i, e in enumerate(records):
        roles = []
        for r in e.roles:
            if r not in roles:
                roles.append(r)
        person = any(start or end for _, _, start, end in roles)
        primary = normalise(e.names[0][0])
        for raw, lineno in e.names:
            n = normalise(raw)
            source = f"{SHORT_FILE[e.file]}:{lineno}"
            if not n:
                continue
            reason = drop_reason(n, words, country_names, actor_terms)
            if reason is None and person and " " not in n and len(given[n] - {i}) > 0:
                reason = "one-word person name that opens other records' names (a given name)"
            if reason:
                stats.dropped["name: " + reason] += 1
                dropped.append(f"{source}\t{n}\t{reason}")
                continue
            rows[n].append((primary or n, tuple(roles), source))

    out = [HEADER]
    kept = 0
    for n in sorted(rows):
        variants = rows[n]
        roles = merged_roles([v[1] for v in variants])
        if roles is None:
            reason = "listed for several records in different countries"
            stats.dropped["name: " + reason] += 1
            dropped.extend(f"{v[2]}\t{n}\t{reason}" for v in variants)
            continue
        entity, _, source = min(variants, key=lambda v: (v[0], v[2]))
        out.append(f"{n}\t{entity}\t{'|'.join(format_role(r) for r in roles)}\t{source}\n")
        kept += 1
    sys.stdout.write("".join(out))

    print(f"petrarch2_actors.py: {kept} names of {len(records)} records written", file=sys.stderr)
    for reason, count in sorted(stats.dropped.items()):
        print(f"  dropped {count:6d}  {reason}", file=sys.stderr)
    for code, count in sorted(stats.unknown_codes.items()):
        print(f"  unknown code {code} ({count} roles)", file=sys.stderr)
    for bad in stats.bad_dates:
        print(f"  unreadable date restriction {bad}", file=sys.stderr)
    if args.verbose:
        for d in dropped:
            print("  dropped " + d, file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1:])
