# assumption: a callee parameter named like a builtin is the argument, not the builtin, after inlining
def measure(len):
    return len * 2
def f(x):
    return measure(x) + len("ab")
print(f(5))
