import time

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from lerend.demo import builder, content
from lerend.organisations.models import Location, Membership, Role, Team


class Command(BaseCommand):
    # Command-line help is for developers and stays English: argparse needs plain strings.
    help = (
        "Create the demo organisations (or, with --scale, one large organisation for "
        "benchmarks) and print the demo log-ins."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--scale",
            type=int,
            metavar="N",
            help="Build one extra organisation with N staff instead.",
        )
        parser.add_argument(
            "--rebuild",
            action="store_true",
            help="Delete the organisation(s) first and build them again.",
        )
        parser.add_argument(
            "--url",
            default=builder.DEMO_URL,
            metavar="URL",
            help="The address the demo is served on, for the printed links "
            "(make demo passes http://HOST:PORT/).",
        )

    def handle(self, *args, scale=None, rebuild=False, url=builder.DEMO_URL, **options):
        self.url = url.rstrip("/") + "/"
        if scale is not None:
            minimum = builder.scale_minimum(max(scale, 1))
            if scale < minimum:
                raise CommandError(
                    _("--scale needs at least %(minimum)d people.") % {"minimum": minimum}
                )
            plans = [builder.scale_plan(scale)]
        else:
            plans = [builder.childcare_plan(), builder.school_plan()]

        for plan in plans:
            started = time.perf_counter()
            outcome = builder.build(plan, rebuild=rebuild, demo_password_for_all=scale is None)
            self.report(outcome, time.perf_counter() - started)
            if scale is None:
                started = time.perf_counter()
                summary = content.add_content(outcome.organisation, base_url=self.url)
                self.report_content(summary, time.perf_counter() - started)

        logins = builder.demo_logins()
        path = builder.write_logins_file(logins)
        shown = {plan.slug for plan in plans}
        self.print_table([login for login in logins if login["slug"] in shown])
        self.stdout.write(_("The same log-ins are in %(path)s.") % {"path": path})

    def report(self, outcome, seconds):
        org = outcome.organisation
        counts = {
            "name": org.name,
            "locations": Location.objects.filter(organisation=org).count(),
            "teams": Team.objects.filter(organisation=org).count(),
            "people": Membership.objects.filter(organisation=org)
            .values("person")
            .distinct()
            .count(),
            "seconds": seconds,
        }
        if outcome.created:
            message = _(
                "Created %(name)s: %(locations)d locations, %(teams)d teams, "
                "%(people)d people (%(seconds).1f s)."
            )
        else:
            message = _(
                "%(name)s already exists (%(locations)d locations, %(teams)d teams, "
                "%(people)d people): nothing added, log-ins restored. Use --rebuild to "
                "start again."
            )
        self.stdout.write(self.style.SUCCESS(message % counts))

    def report_content(self, summary, seconds):
        if summary.added:
            self.stdout.write(
                _("Added demo content (%(parts)s) in %(seconds).1f s.")
                % {"parts": ", ".join(summary.added), "seconds": seconds}
            )
        for line in summary.notes:
            self.stdout.write(line)

    def print_table(self, logins):
        self.stdout.write("")
        self.stdout.write(
            self.style.MIGRATE_HEADING(
                _("Demo log-ins — open %(url)s and log in with:") % {"url": self.url}
            )
        )
        headers = [_("Organisation"), _("Role"), _("E-mail address"), _("Password")]
        rows = [
            [
                login["organisation"],
                str(Role(login["role"]).label),
                login["email"],
                login["password"],
            ]
            for login in logins
        ]
        widths = [max(len(row[i]) for row in [headers, *rows]) for i in range(len(headers))]

        def line(cells):
            return "  ".join(cell.ljust(w) for cell, w in zip(cells, widths, strict=True)).rstrip()

        self.stdout.write(line(headers))
        self.stdout.write("  ".join("-" * width for width in widths))
        for row in rows:
            self.stdout.write(line(row))
        self.stdout.write("")
