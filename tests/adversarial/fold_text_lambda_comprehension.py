# assumption: folds inside lambdas, comprehensions and generator expressions
sq = lambda v, k=(3 - 1): v ** (1 + 1) + k
print(sq(3), [i * (2 + 3) for i in range(3) if i != (0 * 9)], sum((1 + 1) for _ in 'abc'))
print({(1 + 1): (2 * 2) for _ in 'a'}, {k: v for k, v in [((1, 2)[0], 'a' + 'b')]})
