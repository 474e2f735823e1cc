"""The `rasid` command: thin commands over library functions (see CONTRACT.md).

Exit status: 0 on success, 1 when some inputs were rejected, 2 on usage errors.
"""
from __future__ import annotations

import argparse
import sys

from rasid.cli import commands
from rasid.errors import RasidError


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="rasid", description="Story intelligence for Arabic news.")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    def db_option(p):
        p.add_argument("--db", default=None, help="database file (default ./rasid.db or $RASID_DB)")

    p = sub.add_parser("ingest", help="ingest files and folders (.txt .html .jsonl RSS/Atom)")
    p.add_argument("paths", nargs="+", metavar="PATH")
    db_option(p)
    p.add_argument("--quiet", "-q", action="store_true", help="no progress bar or summary")
    p.add_argument("--workers", type=int, default=None, metavar="N",
                   help="processes for the per-article stages (default: setting `workers`, 0 = one per core)")
    p.add_argument("--engine", choices=("local", "spark"), default=None,
                   help="run the per-article stages in a local process pool (default) or on Spark")
    p.add_argument("--master", default=None, metavar="URL",
                   help="Spark master for --engine spark (default: setting `spark_master`, local[2])")
    p.set_defaults(func=commands.cmd_ingest)

    p = sub.add_parser("resolve", help="resolve every entity again from all its mentions "
                                       "(an ingest reads only the stories it changed)")
    db_option(p)
    p.set_defaults(func=commands.cmd_resolve)

    p = sub.add_parser("stories", help="one line per story, newest first")
    db_option(p)
    p.add_argument("--json", action="store_true", help="print JSON instead of text")
    p.set_defaults(func=commands.cmd_stories)

    p = sub.add_parser("entities", help="people, organisations and places, most mentioned first")
    db_option(p)
    p.add_argument("--type", choices=("PER", "ORG", "LOC"), default=None)
    p.add_argument("--limit", type=int, default=50)
    p.add_argument("--role", default=None, metavar="TITLE",
                   help="who the corpus calls TITLE (e.g. \"الرئيس السوري\"), with dates")
    p.add_argument("--on", default=None, metavar="YYYY-MM-DD", help="with --role: the holder on that day")
    p.add_argument("--json", action="store_true", help="print JSON instead of text")
    p.set_defaults(func=commands.cmd_entities)

    p = sub.add_parser("show", help="one story with its articles (or one article, or one entity)")
    p.add_argument("story_id", metavar="ID", help="a story, article or entity id, or a unique prefix of one")
    db_option(p)
    p.add_argument("--json", action="store_true", help="print JSON instead of text")
    p.add_argument("--explain", nargs="?", const="", default=None, metavar="OTHER_ID",
                   help="why articles are or are not linked as copies, rewrites or translations: "
                        "every pair of a story, an article's candidates, or one pair")
    p.set_defaults(func=commands.cmd_show)

    p = sub.add_parser("export", help="export everything as json, jsonl or csv")
    db_option(p)
    p.add_argument("--format", required=True, choices=("json", "jsonl", "csv"))
    p.add_argument("--out", default=None, help="output file (default: standard output)")
    p.set_defaults(func=commands.cmd_export)

    p = sub.add_parser("search", help="full-text search over normalized Arabic")
    p.add_argument("query")
    db_option(p)
    p.add_argument("--limit", type=int, default=20)
    p.add_argument("--json", action="store_true", help="print JSON instead of text")
    p.set_defaults(func=commands.cmd_search)

    p = sub.add_parser("serve", help="the web UI and REST API (Arabic, right to left)")
    db_option(p)
    p.add_argument("--host", default="127.0.0.1",
                   help="address to listen on (default loopback; others need a configured token)")
    p.add_argument("--port", type=int, default=8000)
    p.add_argument("--workers", type=int, default=1, help="server processes (default 1)")
    p.set_defaults(func=commands.cmd_serve)

    p = sub.add_parser("train-ner", help="train the CRF name tagger from the public corpora")
    p.add_argument("--data", default="../shared/data",
                   help="folder holding anercorp/, aqmar/, wojood_sample/, newsfane_gold/")
    p.add_argument("--out", default=None,
                   help="model folder to write (default: the one shipped inside the package)")
    p.add_argument("--corpora", default=None,
                   help="comma-separated subset of anercorp,aqmar,wojood,newsfane")
    p.add_argument("--unlabelled", nargs="+", default=(), metavar="SOURCE",
                   help="unlabelled text whose word clusters adapt the tagger to it: your rasid "
                        "database (or a postgresql:// URL), .jsonl files with a text field, or "
                        "UTF-8 text files, one document per line")
    p.set_defaults(func=commands.cmd_train_ner)

    p = sub.add_parser("demo", help="ingest the bundled demo corpus and print a digest")
    db_option(p)
    p.set_defaults(func=commands.cmd_demo)
    return parser


def main(argv: list[str] | None = None) -> int:
    from rasid.config import load_settings
    from rasid.text.blas import limit_blas_threads

    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        limit_blas_threads(load_settings().blas_threads)
        return args.func(args)
    except RasidError as e:
        print(f"rasid: error: {e}", file=sys.stderr)
        return getattr(e, "exit_status", 2)
    except KeyboardInterrupt:
        print("rasid: interrupted; every committed batch is kept: run the same command again "
              "to finish", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
