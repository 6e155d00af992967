# assumption: with \r\n endings, a multi-line fold at module level keeps the line numbers of the untouched statements after it
X = (1 +
     2 +
     3)
try:
    1 / 0
except ZeroDivisionError as e:
    print(X, e.__traceback__.tb_lineno)
