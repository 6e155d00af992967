# assumption: builtins are the builtins when the module does not bind the name (it rebinds it in `builtins`)
import builtins
real_len = builtins.len
builtins.len = lambda x: 42
try:
    print(len("abc"))
finally:
    builtins.len = real_len
print(len("abc"))
