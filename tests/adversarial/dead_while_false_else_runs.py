# assumption: removing `while False:` keeps its `else:` block, which always runs
def f():
    while False:
        print("never")
    else:
        print("else runs")
    return 1
print(f())
while 0:
    pass
else:
    print("module else runs")
