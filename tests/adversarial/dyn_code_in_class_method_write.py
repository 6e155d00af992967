# assumption: a `__defaults__` write inside a method counts for the whole module
def f(a, b=1):
    return a + b
class Patcher:
    def run(self):
        f.__defaults__ = (100,)
def use():
    return f(1)
print(use())
Patcher().run()
print(use())
