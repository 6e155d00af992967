# assumption: an `if __name__ == "__main__":` block runs when the program is the main module
def add(a, b):
    return a + b
if __name__ == "__main__":
    print("main", add(1, 2))
else:
    print("not main")
