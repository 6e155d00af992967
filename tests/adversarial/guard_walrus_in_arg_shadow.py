# assumption: the guarded fast path reads exactly the names the original reads, when it reads them
# modes: default kernels
def add(a, b):
    return a + b
def f(x):
    try:
        return add(x, undefined_name)
    except NameError:
        return "NameError"
print(f(1))
