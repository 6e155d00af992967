# assumption: a module constant read by an exec string keeps its binding (not removed as unused)
HIDDEN = 5
exec("print(HIDDEN * 2)")
