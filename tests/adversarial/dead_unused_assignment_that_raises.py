# assumption: an unused assignment whose value can raise is not removed
def f(d):
    unused = d["k"]
    return "ok"
try:
    f({})
except KeyError:
    print("KeyError")
print(f({"k": 1}))
