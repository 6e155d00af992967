# assumption: a coroutine function call is never evaluated as a plain call
import asyncio
async def c(x):
    return x + 1
co = c(1)
print(type(co).__name__)
print(asyncio.run(co))
