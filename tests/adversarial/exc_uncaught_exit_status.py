# assumption: an uncaught exception from a folded call keeps the traceback's last line and exit status 1
def parse(s):
    return int(s)
print("start")
parse("not a number")
