"""A hostile corpus for the formula box: code injection, resource exhaustion, unicode tricks
and malformed input. Each must raise ExpressionError with a message that says what is wrong
and, where there is one place, points at the offending token; nothing may execute."""

from __future__ import annotations

import pytest

import surfaces
from formulas import parse
from surfaces import ExpressionError

INJECTION = [
    ("__import__('os').system('echo pwned')", "attribute access is not allowed: '.system'"),
    ("__import__('os')", "unknown function"),
    ("().__class__.__bases__[0].__subclasses__()", "attribute access is not allowed"),
    ("x.__class__", "attribute access is not allowed: '.__class__'"),
    ("sin.__globals__", "attribute access is not allowed: '.__globals__'"),
    ("eval('1+1')", "unknown function"),
    ("exec('import os')", "unknown function"),
    ("open('/etc/passwd')", "unknown function"),
    ("getattr(x, 'real')", "unknown function"),
    ("globals()", "unknown function"),
    ("breakpoint()", "unknown function"),
    ("lambda: 0", "lambda is not allowed"),
    ("(lambda: 0)()", "lambda is not allowed"),
    ("[x for x in range(10**9)]", "comprehensions are not allowed"),
    ("sum(x for x in range(9))", "unknown function"),
    ("{x: y}", "dicts are not allowed"),
    ("{x}", "sets are not allowed"),
    ("[x, y]", "lists are not allowed"),
    ("x, y", "tuples are not allowed"),
    ("x[0]", "indexing is not allowed"),
    ("(x := 3)", "assignment (:=) is not allowed"),
    ("f'{x}'", "f-strings are not allowed"),
    ("'a'*10**9", "strings are not allowed: ''a''"),
    ("b'x'", "strings are not allowed"),
    ("x if y else 0", "conditional expressions are not allowed"),
    ("x and y", "'and' / 'or' are not allowed"),
    ("not x", "operator is not allowed: 'not'"),
    ("~x", "operator is not allowed: '~'"),
    ("x < y", "comparisons are not allowed"),
    ("x == 1", "comparisons are not allowed"),
    ("x % 2", "operator is not allowed: '%'"),
    ("x @ y", "operator is not allowed: '@'"),
    ("x << 2", "operator is not allowed: '<<'"),
    ("x | y", "operator is not allowed: '|'"),
    ("x ^ 2", "'^' is not a power here; write x**2"),
    ("sin(*[x])", "unpacking (*) is not allowed"),
    ("sin(x=1)", "keyword arguments are not allowed: 'x=1'"),
    ("sin(x)(y)", "only the listed functions can be called"),
    ("x(2)", "'x' is not a function; write x*(...)"),
    ("pi(2)", "'pi' is not a function"),
    ("sin", "function needs an argument"),
    ("sin()", "sin takes 1 argument, got 0"),
    ("sin(x, y)", "sin takes 1 argument, got 2"),
    ("max(x)", "max takes two or more arguments, got 1"),
    ("True", "this is not a number"),
    ("None", "this is not a number"),
    ("...", "this is not a number"),
    ("1j*x", "complex numbers are not allowed: '1j'"),
    ("foo", "unknown name (allowed: x, y, pi, e and functions): 'foo'"),
    ("__builtins__", "unknown name"),
]

EXHAUSTION = [
    ("9**9**9**9", "exponent is too large"),
    ("10**10**10", "exponent is too large"),
    ("2**2**2**2**2", "exponent is too large"),
    ("10**400*x", "the power is too large: '10**400'"),
    ("(x+1)**100000", "exponent is too large (limit |p| <= 1000): '100000'"),
    ("x**1e308", "constant 1e+308 is out of range"),
    ("x**2000", "exponent is too large (limit |p| <= 1000): '2000'"),
    ("x*10**9**9", "exponent is too large"),
    ("(x**50)**50", "grows like a polynomial of degree 2500 (limit 100)"),
    ("(x+1)**101", "degree 101"),
    ("x**x**x**x**x", "too many nested powers with a variable exponent"),
    ("e**1000*x", "the power is too large"),
    ("exp(exp(exp(exp(100))))", "the value is too large"),
    ("x*2**400", "out of range"),
    ("1e999*x", "this is not a finite real number: '1e999'"),
    ("1e200*x", "constant 1e+200 is out of range"),
    ("1e-200*x", "constant 1e-200 is out of range"),
    ("factorial(10**6)", "unknown function"),
    ("*".join(f"sin(x+{i}*y)" for i in range(1, 20)), "too complex to differentiate quickly"),
    ("+".join(["x"] * 101), "too many parts: 201, the limit is 200"),
    ("-" * 100 + "x", "nested too deeply (limit 20 levels)"),
    ("sin(" * 30 + "x" + ")" * 30, "nested too deeply"),
    ("x" * 301, "too long: 301 characters, the limit is 300"),
    ("(" * 5000 + "x" + ")" * 5000, "too long: 10001 characters"),
    ("x+" * 10**6 + "x", "too long"),
    ("[" * 299, "too many nested parentheses"),
]

UNDEFINED = [
    ("1/0", "division by zero: '/'"),
    ("x/(1-1)", "division by zero"),
    ("x//0", "division by zero: '//'"),
    ("0**-1", "zero to a negative power is undefined"),
    ("(-8)**(1/3)", "this power is not a real number"),
    ("sqrt(-1)*x", "sqrt is not defined there"),
    ("log(0)*x", "log is not defined there"),
    ("arcsin(2)*x", "arcsin is not defined there"),
    ("1/(x-x)", "undefined or not real"),
    ("log(0*x)", "undefined or not real"),
]

UNICODE = [
    ("ｘ + y", "U+FF58"),  # fullwidth x: Python's parser would NFKC-normalize it to x
    ("𝐞𝐱𝐩(x)", "U+1D41E"),
    ("__𝐢𝐦𝐩𝐨𝐫𝐭__('os')", "U+1D422"),
    ("х + y", "U+0445 CYRILLIC SMALL LETTER HA"),  # looks like x
    ("x\u200b+y", "U+200B ZERO WIDTH SPACE"),
    ("x + y\u202e", "U+202E"),
    ("\u00a0x", "U+00A0 NO-BREAK SPACE"),
    ("x\x00", "U+0000"),
    ("x²", "write **2"),
    ("π*x", "write pi"),
    ("x − y", "write -"),
    ("x\n+ y", "line breaks are not allowed"),
]

MALFORMED = [
    ("", "the formula is empty"),
    ("   \t ", "the formula is empty"),
    ("x +", "the formula ends too early"),
    ("(x", "'(' was never closed"),
    ("x)", "unmatched ')'"),
    ("x y", "syntax error"),
    ("x = 1", "syntax error"),
    ("import os", "syntax error (invalid syntax): 'import'"),
    ("x; y", "syntax error"),
    ("def f(): pass", "syntax error"),
    ("yield x", "syntax error"),
    ("**x", "syntax error"),
    ("x ! y", "syntax error (invalid syntax): '!'"),
    ("1..2", "syntax error"),
]

CORPUS = INJECTION + EXHAUSTION + UNDEFINED + UNICODE + MALFORMED


def short(text: str) -> str:
    return text if len(text) <= 40 else f"{text[:30]}...({len(text)} chars)"


@pytest.mark.parametrize(("text", "message"), CORPUS, ids=[short(t) for t, _ in CORPUS])
def test_hostile_input_is_refused_with_a_useful_message(text, message):
    with pytest.raises(ExpressionError) as caught:
        parse(text)
    error = caught.value
    assert message in str(error)
    if error.position is not None:
        assert 0 <= error.position <= len(text)
        assert f"column {error.position + 1}" in str(error) or error.token is None
    if error.position is not None and error.token is not None:
        # The token is what the text holds at the position the message points to.
        assert text[error.position : error.position + len(error.token)] == error.token


@pytest.mark.parametrize(
    "template",
    [
        "__import__('pathlib').Path('{path}').write_text('x')",
        "open('{path}', 'w')",
        "[open('{path}', 'w') for _ in (1,)]",
        "(lambda: __import__('pathlib').Path('{path}').touch())()",
        "x + __import__('pathlib').Path('{path}').touch()",
        "exec(\"open('{path}', 'w')\")",
    ],
)
def test_injected_code_never_runs(tmp_path, template):
    path = tmp_path / "pwned"
    text = template.format(path=path)
    with pytest.raises(ExpressionError):
        surfaces.from_expression(text)
    assert not path.exists()


@pytest.mark.parametrize("value", [None, 42, b"x**2", ["x"], 1.5])
def test_non_text_is_refused(value):
    with pytest.raises(ExpressionError, match="the formula must be text"):
        parse(value)
    with pytest.raises(ExpressionError, match="the formula must be text"):
        surfaces.from_expression(value)
