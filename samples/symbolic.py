"""The chapter's simulation of symbolic programming, done for real.

The program is built as text (step 1: define the operations), compiled (step 2) — once by
Python's ``compile`` as in the chapter, once by astc, which sees the whole program and
rewrites it to ``print(10)`` — and executed (step 3).
"""

import astc


def add_():
    return """
def add(a, b):
    return a + b
"""


def fancy_func_():
    return """
def fancy_func(a, b, c, d):
    e = add(a, b)
    f = add(c, d)
    g = add(e, f)
    return g
"""


def evoke_():
    return add_() + fancy_func_() + "print(fancy_func(1, 2, 3, 4))"


prog = evoke_()
print(prog)
y = compile(prog, "", "exec")
exec(y)

result = astc.compile_source(prog, filename="<symbolic>")
print("--- the same program, compiled by astc:")
print(result.code)
exec(compile(result.code, "<symbolic, compiled by astc>", "exec"), {})
