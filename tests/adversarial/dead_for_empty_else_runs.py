# assumption: a `for` over an empty tuple still runs its `else:` block
def f():
    for x in ():
        return "body"
    else:
        return "else"
print(f())
