# assumption: folds inside an `async def` (await, async for, async with) land where they should
import asyncio
async def agen():
    for i in range(2):
        yield i * (1 + 1)
async def f():
    await asyncio.sleep((0 * 1))
    return [v + (2 * 5) async for v in agen()]
print(asyncio.run(f()))
