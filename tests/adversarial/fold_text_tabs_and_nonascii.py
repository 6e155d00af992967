# assumption: tab-indented code with a non-ASCII identifier and a fold on the same line
def f():
	naïve = 'ü'; print(naïve, (2 + 2), 'ñ' * 2)
	if 1 < 2:
		print(7 * 6)
f()
