# assumption: a class's cold method bodies are set aside while its hot method is rewritten, and put back verbatim: a cold body using zero-argument super() (the __class__ cell), a cold generator and a cold async method keep working
import asyncio


def double(x):
    return x * 2


class Base:
    def describe(self):
        return "base"


class Child(Base):
    LIMIT = 2 + 3

    def describe(self):
        inner = super().describe()
        tag = __class__.__name__
        return inner + "/" + tag

    def hot(self, v):
        return double(v) + 1

    def numbers(self, n):
        total = 0
        for i in range(n):
            total += i
            yield total

    async def later(self, v):
        await asyncio.sleep(0)
        result = v * 3
        return result


c = Child()
print(c.describe(), c.hot(4), list(c.numbers(4)), Child.LIMIT)
print(asyncio.run(c.later(5)))
print(type(Child.numbers(c, 1)).__name__)
