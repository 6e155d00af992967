# assumption: a def under `if False:` at module level never binds; reading it raises NameError
if False:
    def g():
        return 1
try:
    g()
except NameError as e:
    print("NameError", e)
