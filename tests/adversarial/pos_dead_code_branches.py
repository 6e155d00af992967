# assumption: dead-code removal of constant branches and after-return code keeps behaviour (positive)
def f(a):
    unused = 3
    if False:
        print("debug")
    while 0:
        print("never")
    return a * 2
    print("never either")
print(f(21))
