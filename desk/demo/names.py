"""Plausible synthetic Chinese names (surnames weighted roughly by frequency)."""
from __future__ import annotations

import random

SURNAMES = ("王" * 8 + "李" * 8 + "张" * 7 + "刘" * 6 + "陈" * 5 + "杨" * 4 + "赵" * 3 + "黄" * 3 + "周" * 2
            + "吴" * 2 + "徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘"
              "杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文")
GIVEN_MALE = "伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宇浩凯健俊帆帅旭宁龙林欣建国志文海东峰亮成"
GIVEN_FEMALE = "芳娜敏静丽艳娟霞秀燕玲桂丹萍红琳雪婷倩颖慧洁琴云莉兰凤梅英晶佳月"


class NameMaker:
    """Names that do not repeat within one demo street."""

    def __init__(self, rng: random.Random, reserved: tuple[str, ...] = ()):
        self.rng = rng
        self.used: set[str] = set(reserved)

    def person(self, female: bool | None = None) -> str:
        rng = self.rng
        for _ in range(200):
            if female is None:
                female = rng.random() < 0.45
            pool = GIVEN_FEMALE if female else GIVEN_MALE
            given = rng.choice(pool) + (rng.choice(pool) if rng.random() < 0.6 else "")
            name = rng.choice(SURNAMES) + given
            if name not in self.used:
                self.used.add(name)
                return name
        raise RuntimeError("name pool exhausted")  # pragma: no cover


def phone(rng: random.Random) -> str:
    return rng.choice(("138", "139", "137", "135", "150", "151", "158", "187", "188", "176")) + \
        "".join(rng.choice("0123456789") for _ in range(8))
