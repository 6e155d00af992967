# assumption: a partly constant chained comparison still evaluates its non-constant operand
def noisy():
    print("evaluated")
    return 5
print(1 < 2 < noisy(), 3 < 2 < noisy())
