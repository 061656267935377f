"""Regenerate the README's catalogue table: ``python -m mlkata.catalogue_table``."""

from . import catalogue


def main() -> None:
    kit = catalogue.load()
    readme = kit.root / "README.md"
    readme.write_text(catalogue.readme_with_table(readme.read_text(encoding="utf-8"), kit), encoding="utf-8")
    print(f"updated {readme}")


if __name__ == "__main__":
    main()
