# assumption: an async generator function is never inlined or folded
import asyncio
async def agen(n):
    for i in range(n):
        yield i
async def collect():
    return [v async for v in agen(3)]
print(asyncio.run(collect()))
