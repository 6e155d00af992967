# assumption: big-int results fold exactly or are left alone
def big(n):
    return 2 ** n + 1
print(big(100), big(200), 3 ** 80)
