# assumption: folded `round` uses banker's rounding and keeps int/float result types
def r():
    return round(2.5), round(3.5), round(2.675, 2), round(-0.5), type(round(1.5)).__name__
print(r())
