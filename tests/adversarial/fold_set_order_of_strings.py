# assumption: folding a set of strings must not fix an iteration order that depends on the hash seed
# hashseeds: 0 2
def f():
    return list({"apple", "banana", "cherry", "date"})
print(f())
