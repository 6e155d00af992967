# assumption: a memo dict default persists between calls (and a fold may not pretend it is fresh)
def fib(n, memo={}):
    if n in memo:
        return memo[n]
    r = n if n < 2 else fib(n - 1) + fib(n - 2)
    memo[n] = r
    return r
print(fib(20), len(fib.__defaults__[0]))
