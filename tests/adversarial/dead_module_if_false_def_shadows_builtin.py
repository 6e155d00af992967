# assumption: a module-level dead `def len` does not run, so `len` stays the builtin
if False:
    def len(x):
        return 0
print(len("abc"))
