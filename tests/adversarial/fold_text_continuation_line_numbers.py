# assumption: a folded expression over several lines keeps the line numbers of the untouched statements after it
X = (1 +
     2)
Y = 2 * \
    3
S = '''a
b''' * 2
try:
    1 / 0
except ZeroDivisionError as e:
    print(e.__traceback__.tb_lineno)
