# assumption: an argument with an effect is not duplicated when the parameter is used twice
calls = []
def tick():
    calls.append(1)
    return len(calls)
def square(x):
    return x * x
def f():
    return square(tick())
print(f(), len(calls))
