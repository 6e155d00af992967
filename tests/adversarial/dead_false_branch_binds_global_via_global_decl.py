# assumption: removing `if False:` keeps a `global` declaration's effect on the rest of the function
X = 1
def f():
    if False:
        global X
    X = 5
f()
print(X)
