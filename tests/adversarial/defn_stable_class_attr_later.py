# assumption: --assume-stable does not fold a call whose callee reads a class defined later
def make():
    return Box(2).v
try:
    print(make())
except NameError as e:
    print("NameError", e)
class Box:
    def __init__(self, v):
        self.v = v
print(make())
