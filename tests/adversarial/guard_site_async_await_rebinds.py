# assumption: a guarded call after an `await` is checked after the awaited code ran
import asyncio
import sys
def add(a, b):
    return a + b
async def rebind():
    sys.modules[__name__].add = lambda a, b: a * b
async def f():
    await rebind()
    return add(3, 4)
print(asyncio.run(f()))
