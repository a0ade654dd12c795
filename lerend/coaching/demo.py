"""Demo content of coaching (filled in below)."""


def add_demo(demo) -> list[str]:
    return []
