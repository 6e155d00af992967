# assumption: `f"{add(1, 2)=}"` prints the call's source text even when the call folds
def add(a, b):
    return a + b
print(f"{add(1, 2)=}", f"{add(1,2) = }")
