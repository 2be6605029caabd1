"""``briefing brief export ID -o OUT.pdf [--page-size A4|Letter]``: the PDF dossier.

    briefing brief export 1 -o tokayev.pdf
    wrote /home/me/tokayev.pdf (14 pages, A4)

The briefing is assembled from the store (read only) and rendered by
:mod:`briefing.services.dossier`; the file is written to a temporary file beside the
target and renamed, so a failed export leaves an existing file as it was.  Every
failure (unknown briefing, unknown page size, unwritable folder, full disk) is one
line on stderr and a non-zero exit.
"""

from __future__ import annotations

from briefing.cli import CliError
from briefing.cli.cmd_brief import briefing_id
from briefing.cli.context import open_store
from briefing.services import composer

EXIT_USAGE = 2
EXIT_WRITE = 4


def register(bsub) -> None:
    s = bsub.add_parser(
        "export", help="export the briefing as a PDF dossier",
        description="Render the briefing's included items as a PDF dossier (cover with the "
                    "classification marking, contents, sections, sources) and write it "
                    "to OUT.pdf; an existing file is replaced only once the new one is "
                    "complete.")
    s.add_argument("id", type=int, metavar="ID", help="the briefing (ids from 'brief list')")
    s.add_argument("-o", "--output", required=True, metavar="OUT.pdf",
                   help="the PDF file to write (replaced if it exists)")
    s.add_argument("--page-size", default="A4", metavar="A4|Letter",
                   help="paper size (default: A4)")
    s.set_defaults(func=run_export)


def run_export(args) -> int:
    # ReportLab is imported by this command only, not by every command's parser
    from briefing.services.dossier import DossierError, write_dossier
    from briefing.services.dossier.styles import layout_for

    try:
        layout_for(args.page_size)  # a page size it does not know is a usage error
    except DossierError as exc:
        raise CliError(str(exc), EXIT_USAGE) from None
    with open_store(args, readonly=True) as store:
        assembled = composer.assemble(store, briefing_id(store, args.id))
    try:
        written = write_dossier(assembled, args.output, page_size=args.page_size)
    except DossierError as exc:
        raise CliError(str(exc), EXIT_WRITE) from None
    pages = f"{written.pages} page{'s' if written.pages != 1 else ''}"
    print(f"wrote {written.path} ({pages}, {written.page_size})")
    return 0
