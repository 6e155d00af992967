# assumption: a raising folded expression raises the same exception type and message inside a try
def div(a, b):
    return a // b
try:
    div(1, 0)
except ZeroDivisionError as e:
    print("caught", e)
print(div(7, 2))
