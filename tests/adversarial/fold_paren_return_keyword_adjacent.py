# assumption: removing the parentheses of a folded atom never joins it to a keyword (`return(1 + 2)` must not become `return3`)
import random
def f(flag):
    if flag:
        return(1 + 2)
    return(2 > 1)
print(f(random.random() < 2), f(random.random() > 2))
