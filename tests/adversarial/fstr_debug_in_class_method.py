# assumption: inlining into a method keeps the callee's `=` specifier text
def label(count):
    return f"{count=}"
class C:
    def m(self, n):
        return label(n * 2)
print(C().m(4))
