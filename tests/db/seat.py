"""Another seat, as a separate process: `python tests/db/seat.py URL NAME [CODE]` commits one
street and prints 'committed ID' the moment its transaction is done."""
import sys

from desk.config import Settings
from desk.db import Database
from desk.models import Street
from desk.services.context import Context
from desk.services.unit import Actor


def main(url: str, name: str, code: str = "410481004") -> None:
    ctx = Context(db=Database(url), settings=Settings(), actor=Actor("seat2", "李娜", "duty_staff"))
    with ctx.unit() as u:
        st = Street(code=code, name=name)
        u.session.add(st)
        u.session.flush()
        u.changed("street", st.id, "insert")
    print("committed", st.id, flush=True)


if __name__ == "__main__":
    main(*sys.argv[1:4])
