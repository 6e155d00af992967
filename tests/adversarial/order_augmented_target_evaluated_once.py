# assumption: `d[k()] += v()` evaluates k() once and before v()
log = []
def k():
    log.append("k")
    return "a"
def v():
    log.append("v")
    return 1
def f():
    d = {"a": 1}
    d[k()] += v()
    return d
print(f(), log)
