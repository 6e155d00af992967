# assumption: a module name spelled with a compatibility character is the same global as its NFKC form
ℌ = 5
def get():
    return H * 2
print(get(), ℌ)
