# assumption: non-ASCII identifiers inline and fold like ASCII ones (positive)
def λ(α, β):
    return α * β
def f(x):
    γ = λ(x, 2)
    return γ + λ(1, 1)
print(f(3), λ(2, 5))
