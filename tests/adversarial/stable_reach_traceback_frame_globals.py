# assumption: under --assume-stable, a traceback's frame (`tb_frame.f_globals`) reaches the module namespace
def add(a, b):
    return a + b
def f(x):
    return add(x, 2)
try:
    raise ValueError
except ValueError as e:
    e.__traceback__.tb_frame.f_globals["add"] = lambda a, b: a * b
print(f(5))
