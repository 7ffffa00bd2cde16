"""`desk key merge OLD_KEY_FILE`: re-encrypt the values a stray key left in the database (security admin)."""
from __future__ import annotations

from pathlib import Path

from desk.cli.common import acting_context
from desk.config import describe_url
from desk.services import datakey_merge


def register(sub, parent) -> None:
    p = sub.add_parser("key", help="数据密钥 (data key): merge")
    ksub = p.add_subparsers(dest="key_command", required=True, metavar="{merge}")
    m = ksub.add_parser("merge", parents=[parent],
                        help="把用另一把(旧)密钥加密的个人信息改用本数据库的密钥重新加密 (安全管理员)")
    m.add_argument("old_key_file", type=Path, help="另一把密钥的密钥文件")
    m.set_defaults(func=merge)


def merge(args) -> int:
    # The start-up key check would stop here on a database with two keys: the merge checks the key itself.
    ctx = acting_context(args, check_key=False)
    rep = datakey_merge.merge_key(ctx, args.old_key_file)
    print(f"{describe_url(ctx.db.url)}: 已用本数据库的密钥重新加密 {rep.re_encrypted} 个值"
          + ("，并登记了密钥校验值" if rep.registered else ""))
    if rep.unreadable:
        print(f"两把密钥都无法解密的值 {len(rep.unreadable)} 个，未改动 (decrypt with neither key): "
              + ", ".join(rep.unreadable[:20]))
        return 2
    return 0
