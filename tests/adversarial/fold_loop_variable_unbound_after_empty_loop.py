# assumption: a loop variable is unbound after an empty loop; folding must not invent a value
def last(n):
    for i in range(n):
        pass
    return i
print(last(3))
try:
    last(0)
except UnboundLocalError:
    print("UnboundLocalError")
