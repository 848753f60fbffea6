"""benchmarks.own: the capability benchmarks' results go into a marked block of their doc,
one block per benchmark and engine, the rest of the doc kept."""

from benchmarks.own import write_block


def test_a_block_is_appended_then_replaced_and_the_other_engines_is_kept(tmp_path):
    doc = tmp_path / "programme.md"
    doc.write_text("# Programme\n\nProse written by hand.\n")
    write_block(doc, "programme-bench:sqlite", "SQLite: 9.1 ms")
    write_block(doc, "programme-bench:postgresql", "PostgreSQL: 7.3 ms")
    write_block(doc, "programme-bench:sqlite", "SQLite: 8.2 ms")
    text = doc.read_text()
    assert text.startswith("# Programme\n\nProse written by hand.\n")
    assert "SQLite: 8.2 ms" in text and "SQLite: 9.1 ms" not in text
    assert "PostgreSQL: 7.3 ms" in text
    assert text.count("<!-- programme-bench:sqlite:start -->") == 1
    assert text.index("programme-bench:sqlite:start") < text.index("postgresql:start")
