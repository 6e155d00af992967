# assumption: a folded call returning a list default returns the function's one default object
def conf(opts=[1]):
    return opts
a = conf()
a.append(2)
print(conf(), conf.__defaults__)
