"""Our stylesheets are minified in the built site (jalur/outputs/minify.py) without changing what they say."""

from __future__ import annotations

import tinycss2

from jalur.core.project import ROOT
from jalur.outputs.minify import STYLESHEETS, minify_css


def meaning(css: str) -> list:
    """The stylesheet's tokens, without whitespace and comments, nested blocks included."""

    def walk(tokens):
        out = []
        for token in tokens:
            if token.type in ("whitespace", "comment"):
                continue
            if token.type == "function":
                out.append((token.type, token.name, walk(token.arguments)))
            elif token.type in ("() block", "[] block", "{} block"):
                out.append((token.type, walk(token.content)))
            else:
                out.append((token.type, token.serialize()))
        return out

    return walk(tinycss2.parse_component_value_list(css, skip_comments=True))


def test_minifying_keeps_every_rule_and_string_and_drops_comments_and_spacing():
    for rel in STYLESHEETS:
        source = (ROOT / "overrides" / rel).read_text(encoding="utf-8")
        small = minify_css(source)
        assert meaning(small) == meaning(source), rel
        assert "/*" not in small and len(small) < 0.75 * len(source), rel
    rule = 'a::after { content: " (" attr(href) ")"; } /* note */'
    assert minify_css(rule) == 'a::after{content: " (" attr(href) ")";}\n'


def test_the_built_site_serves_the_minified_stylesheet(mini_site):
    built = (mini_site.site_dir / "id" / STYLESHEETS[0]).read_text(encoding="utf-8")
    assert built == minify_css((ROOT / "overrides" / STYLESHEETS[0]).read_text(encoding="utf-8"))


def test_pages_lose_indentation_but_keep_line_breaks_and_verbatim_elements():
    from jalur.outputs.minify import minify_html

    script = "<script>\n  if (a) {\n    b();\n  }\n</script>"
    page = "<ul>\n    <li>a</li>\n\n    <li>b</li>\n</ul>\n<pre>  x\n    y</pre>\n  " + script
    assert minify_html(page) == "<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n<pre>  x\n    y</pre>\n" + script


def test_the_built_pages_are_minified_and_still_whole(mini_site):
    html = (mini_site.site_dir / "id" / "index.html").read_text(encoding="utf-8")
    assert "\n  <" not in html.split("<script", 1)[0]  # no indented line before the first script
    assert html.rstrip().endswith("</html>") and "<main" in html


def test_our_scripts_ship_minified_and_still_parse(real_site, tmp_path):
    import shutil
    import subprocess

    from jalur.outputs.minify import SCRIPTS

    # Each language has the checklist's script and its own search plugin.
    built = [path for lang in ("id", "en") for rel in SCRIPTS if (path := real_site.site_dir / lang / rel).is_file()]
    assert sorted(p.name for p in built) == sorted(["checklist.js"] * 2 + ["lunr.id.min.js", "lunr.en-x-jr.min.js"])
    source = (ROOT / "overrides" / "assets" / "javascripts" / "checklist.js").read_text(encoding="utf-8")
    small = (real_site.site_dir / "id" / "assets" / "javascripts" / "checklist.js").read_text(encoding="utf-8")
    assert "/*" in source and "/*" not in small and len(small) < 0.75 * len(source)
    node = shutil.which("node")
    if node:  # Chromium runs them in the browser tests; here, each must at least parse
        for i, path in enumerate(built):
            copy = tmp_path / f"{i}-{path.name}"
            copy.write_bytes(path.read_bytes())
            subprocess.run([node, "--check", str(copy)], check=True)
