# assumption: a multi-statement callee in a while condition runs before every test
def more(i):
    print("test", i)
    j = i + 1
    return j < 3
def f():
    i = 0
    while more(i):
        i += 1
    return i
print(f())
