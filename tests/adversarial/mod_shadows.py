# helper module (not a program): a `max` that is not the builtin


def max(*args):
    return "shadowed"
