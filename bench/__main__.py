"""``python -m bench``: run every benchmark and print its table."""

import argparse

from . import env


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--staff", type=int, default=15000, help="people in the scale org")
    parser.add_argument("--requests", type=int, default=30, help="timed requests per page")
    args = parser.parse_args(argv)

    env.setup_django()
    from . import (  # import models: only after django.setup()
        anonymity,
        coaching,
        knowledge,
        monitoring,
        scale,
        scan,
        steering,
    )

    scale.run(staff=args.staff, requests=args.requests)
    anonymity.run()
    scan.run(staff=args.staff)
    monitoring.run(staff=args.staff, requests=args.requests)
    knowledge.run(staff=args.staff)
    steering.run(staff=args.staff, requests=min(args.requests, 20))
    # Last: it turns the scale organisation into a childcare one (the norm applies there).
    coaching.run(staff=args.staff, requests=args.requests)


if __name__ == "__main__":
    main()
