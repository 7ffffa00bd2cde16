"""`desk demo --seed N [--households N] [--days N] [--now TIME]`: the demo street, current to the hour
it is run (``--now`` fixes its "now" for a deterministic result)."""
from __future__ import annotations

import time
from datetime import datetime

from desk.cli.common import acting_context, open_context
from desk.config import describe_url
from desk.services import accounts
from desk.clock import local
from desk.services.errors import ValidationError
from desk.services.incidents.import_time import parse_time
from desk.demo import DemoOptions, build_demo, street_missing


def register(sub, parent) -> None:
    p = sub.add_parser("demo", parents=[parent], help="生成演示街道 (院岭街道) 的模拟数据")
    p.add_argument("--seed", type=int, default=1, help="随机种子：相同种子生成相同数据 (默认 1)")
    p.add_argument("--households", type=int, default=16000, help="全街道户数 (默认 16000，约 40 个网格)")
    p.add_argument("--days", type=int, default=365, help="生成多少天的事件等历史数据 (默认 365)")
    p.add_argument("--now", metavar="TIME",
                   help="演示数据的“现在”，如 2026-11-25 09:00 (默认：运行时的整点，看板上的时限与今天相符；"
                        "固定它则同一种子生成相同数据)")
    p.add_argument("--if-empty", action="store_true", help="数据库已有街道时什么也不做 (for setup scripts)")
    p.add_argument("--accounts", action="store_true",
                   help="同时建立每个角色一个演示账户 (密码 Demo-Pass-2026；仅供演示)")
    p.set_defaults(func=run)


def run(args) -> int:
    if args.if_empty:  # for setup scripts (run.sh): a look that needs no sign-in, and changes nothing when filled
        looked = open_context(args)
        if not street_missing(looked):
            print(f"数据库已有街道数据，未生成演示数据: {describe_url(looked.db.url)}")
            if args.accounts and accounts.account_count(looked) == 0:
                from desk.demo.accounts import create_demo_accounts

                print("已建立 " + create_demo_accounts(looked))  # no account yet: the system acts
            return 0
    ctx = acting_context(args, "org.import")
    if args.accounts and accounts.account_count(ctx) > 0:  # refused before the demo is built
        raise ValidationError("数据库中已有账户，不再建立演示账户 (the database already has accounts)")
    started = time.monotonic()
    now = _now(args.now, ctx.clock.now())
    r = build_demo(ctx, DemoOptions(seed=args.seed, households=args.households, days=args.days, now=now))
    extra = "；".join(r.parts)
    print(f"已生成演示街道 {r.street_name}: {r.communities} 个社区/村, {r.grids} 个网格, {r.households} 户, "
          f"{r.staff} 名工作人员{('；' + extra) if extra else ''}")
    if args.accounts:
        from desk.demo.accounts import create_demo_accounts

        print("已建立 " + create_demo_accounts(ctx))
    print(f"种子 {args.seed}, 截至 {local(now):%Y-%m-%d %H:%M}, 用时 {time.monotonic() - started:.1f} 秒 → {describe_url(ctx.db.url)}")
    return 0


def _now(text: str | None, clock_now: datetime) -> datetime:
    """``--now`` read as local time; without it, the hour the command runs (the demo is current)."""
    if not text:
        return clock_now.replace(minute=0, second=0, microsecond=0)
    at = parse_time(text)
    if at is None:
        raise ValidationError(f"--now 无法识别 {text!r}；例如 2026-11-25 09:00 (unreadable time)")
    return at
