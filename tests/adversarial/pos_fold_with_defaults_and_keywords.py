# assumption: folding calls with defaults and keyword arguments is right (positive)
def area(w, h=2, *, scale=1):
    return w * h * scale
print(area(3), area(3, 4), area(h=5, w=2), area(1, scale=10))
