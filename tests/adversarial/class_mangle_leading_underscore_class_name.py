# assumption: in class `_C`, `__helper` is mangled to `_C__helper` (leading underscores stripped), a different global
def __helper():
    return "plain"
def _C__helper():
    return "mangled"
class _C:
    def m(self):
        return __helper()
print(_C().m())
