"""Import of the national statistical division codes (统计用区划代码) into the street's communities.

9-digit codes are streets/towns, 12-digit codes are communities/villages; the parent of a
12-digit code is its first 9 digits. 12-digit codes padded with zeros (the NBS tables:
410481004000 is the street 410481004) are understood; higher levels (province, city, county)
are skipped. Either every row is good and the street's communities are created or renamed,
or nothing changes and each bad row is named by its line.
"""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from desk.models import Community, CommunityKind, Street
from desk.services import files, limits
from desk.services.context import Context
from desk.services.errors import ValidationError
from desk.services.incidents.import_read import encoding_of, excel_scientific, scientific_problem
from desk.services.permissions import require

CODE_COLUMNS = ("code", "代码", "区划代码", "统计用区划代码")
NAME_COLUMNS = ("name", "名称", "区划名称")


@dataclass(frozen=True)
class DivisionEntry:
    line: int
    code: str
    name: str
    level: str  # street, community


@dataclass(frozen=True)
class DivisionResult:
    street_code: str
    street_name: str
    street_created: bool
    created: int
    renamed: int
    unchanged: int
    skipped: int


def community_kind(code: str, name: str) -> CommunityKind:
    """NBS: village-level codes 001-199 are residents' committees, 200-399 villagers' committees."""
    if "村" in name and "社区" not in name:
        return CommunityKind.VILLAGE
    return CommunityKind.VILLAGE if int(code[9:]) >= 200 else CommunityKind.COMMUNITY


def short_name(name: str) -> str:
    """兴钢社区居民委员会 → 兴钢社区, 李辉庄村民委员会 → 李辉庄村, 某某居委会 → 某某社区; a name that
    already ends in 村 keeps its official form: 大坦村村委会 → 大坦村 (not 大坦村村)."""
    name = name.strip()
    for suffix, repl in (("社区居民委员会", "社区"), ("居民委员会", "社区"), ("村民委员会", "村"),
                         ("社区居委会", "社区"), ("居委会", "社区"), ("村委会", "村")):
        if name.endswith(suffix) and len(name) > len(suffix):
            stem = name[: -len(suffix)]
            return stem if stem.endswith(repl) else stem + repl
    return name


def _checked(reader, source: str):
    try:
        yield from reader
    except csv.Error as exc:
        raise ValidationError(f"{source}: 不是有效的 CSV 文件 (not a valid CSV file: {exc})") from exc


def _pick(header: list[str], names: tuple[str, ...]) -> int | None:
    lowered = [h.strip().lower() for h in header]
    for n in names:
        if n in lowered:
            return lowered.index(n)
    return None


NAME_MAX = limits.ORG_NAME.max  # street.name and community.name


def _name_problem(name: str) -> str | None:
    """Control characters or more than 64 characters once shortened (兴钢社区居民委员会 → 兴钢社区)."""
    return limits.ORG_NAME.problem(short_name(name))


def parse(text: str, source: str = "file", street: str | None = None
          ) -> tuple[list[DivisionEntry], dict[str, str], int]:
    """Entries, extra street names from parent columns, and the count of skipped higher levels.
    With ``street``, the rows of other streets are passed over: their problems do not block it."""
    return parse_rows(csv.reader(io.StringIO(text)), source, street)


def parse_rows(reader, source: str = "file", street: str | None = None
               ) -> tuple[list[DivisionEntry], dict[str, str], int]:
    """``parse`` over rows read one at a time (a national table of 600,000 rows is never held whole)."""
    rows = _checked(reader, source)
    header = next(rows, None)
    if header is None:
        raise ValidationError(f"{source}: 文件为空 (empty file)")
    code_i, name_i = _pick(header, CODE_COLUMNS), _pick(header, NAME_COLUMNS)
    lowered = [h.strip().lower() for h in header]
    if code_i is None and "village_code" in lowered:  # the published village tables
        code_i, name_i = lowered.index("village_code"), _pick(header, ("village_name",))
    if code_i is None or name_i is None:
        raise ValidationError(f"{source}: 缺少 code 和 name 列 (needs columns 'code' and 'name'; found: "
                              f"{', '.join(header)})")
    parent_i = _pick(header, ("street_code",))
    parent_name_i = _pick(header, ("street_name",))
    problems: list[str] = []
    entries: list[DivisionEntry] = []
    parents: dict[str, str] = {}
    seen: dict[str, int] = {}
    skipped = 0
    for line, row in enumerate(rows, start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) <= max(code_i, name_i):
            problems.append(f"第{line}行: 列数不足 (line {line}: too few columns)")
            continue
        code, name = row[code_i].strip(), row[name_i].strip()
        parent = row[parent_i].strip() if parent_i is not None and len(row) > parent_i else ""
        row_street = code[:9] if code.isdigit() and code.isascii() and len(code) >= 9 else parent
        if street is not None and row_street and row_street != street and code != street[:len(code)]:
            continue  # another street's row: --street imports one street, whatever the others hold
        if excel_scientific(code):
            problems.append(f"第{line}行: " + scientific_problem(code, "代码"))
            continue
        if not code.isdigit() or not code.isascii():
            problems.append(f"第{line}行: 代码“{limits.shown(code)}”含非数字字符 "
                            f"(line {line}: code '{limits.shown(code)}' is not all digits)")
            continue
        if not name:
            problems.append(f"第{line}行: 名称为空 (line {line}: name is empty)")
            continue
        name_problem = _name_problem(name)
        if name_problem:
            problems.append(f"第{line}行: {name_problem}")
            continue
        if len(code) == 12 and code.endswith("000"):
            if code[6:9] == "000":
                skipped += 1
                continue
            code = code[:9]
        if len(code) in (2, 4, 6):
            skipped += 1
            continue
        if len(code) not in (9, 12):
            problems.append(f"第{line}行: 代码“{code}”长度为{len(code)}位，应为9位(街道)或12位(社区/村) "
                            f"(line {line}: code has {len(code)} digits, expected 9 or 12)")
            continue
        if code in seen:
            problems.append(f"第{line}行: 代码{code}与第{seen[code]}行重复 (line {line}: duplicate of line {seen[code]})")
            continue
        seen[code] = line
        entries.append(DivisionEntry(line, code, name, "street" if len(code) == 9 else "community"))
        if parent_i is not None and parent_name_i is not None and len(row) > max(parent_i, parent_name_i):
            parent_name = row[parent_name_i].strip()
            if parent_name and not _name_problem(parent_name):
                parents.setdefault(row[parent_i].strip(), parent_name)
    if problems:
        raise ValidationError(f"{source}: {len(problems)} 行有误，未导入任何数据 (nothing imported)", problems)
    return entries, parents, skipped


def import_divisions(ctx: Context, path: Path, street_code: str | None = None) -> DivisionResult:
    require(ctx.actor, "org.import")
    if street_code is not None and (len(street_code) != 9 or not street_code.isdigit()):
        raise ValidationError(f"--street 应为9位街道代码 (got '{street_code}')")
    path = files.input_file(path, limits.MAX_DIVISIONS_FILE)
    encoding = encoding_of(path)
    try:
        with path.open("r", encoding=encoding, newline="") as f:
            entries, parent_names, skipped = parse_rows(csv.reader(f), str(path), street_code)
    except OSError as exc:
        raise ValidationError(f"无法读取文件 {path}: {exc.strerror or exc}") from exc
    streets = {e.code: e for e in entries if e.level == "street"}
    communities = [e for e in entries if e.level == "community"]
    if street_code is not None and (len(street_code) != 9 or not street_code.isdigit()):
        raise ValidationError(f"--street 应为9位街道代码 (got '{street_code}')")
    with ctx.unit() as u:
        s = u.session
        known_streets = {st.code: st for st in s.scalars(select(Street))}
        problems = [f"第{e.line}行: 上级街道{e.code[:9]}不在文件中也不在数据库中 "
                    f"(line {e.line}: unknown parent street {e.code[:9]})"
                    for e in communities
                    if e.code[:9] not in streets and e.code[:9] not in known_streets and e.code[:9] not in parent_names]
        if problems:
            raise ValidationError(f"{path}: {len(problems)} 行有误，未导入任何数据 (nothing imported)", problems)
        candidates = sorted({e.code[:9] for e in communities} | set(streets))
        if street_code is None:
            if len(candidates) != 1:
                shown = "、".join(candidates[:5]) + ("…" if len(candidates) > 5 else "")
                raise ValidationError(f"文件含 {len(candidates)} 个街道，请用 --street 指定一个 "
                                      f"(file holds {len(candidates)} streets; choose one with --street CODE: {shown})")
            street_code = candidates[0]
        if street_code not in candidates and street_code not in known_streets:
            raise ValidationError(f"文件中没有街道 {street_code} (street {street_code} is not in the file)")
        name = (streets[street_code].name if street_code in streets else
                parent_names.get(street_code) or (known_streets[street_code].name if street_code in known_streets else street_code))
        street = known_streets.get(street_code)
        created_street = street is None
        if street is None:
            street = Street(code=street_code, name=name)
            s.add(street)
            s.flush()
            u.changed("street", street.id, "insert")
        elif street.name != name and street_code in streets:
            street.name = name
            u.changed("street", street.id, "update")
        existing = {c.code: c for c in s.scalars(select(Community).where(Community.code.like(street_code + "%")))}
        created = renamed = unchanged = 0
        for e in communities:
            if e.code[:9] != street_code:
                continue
            cname, kind = short_name(e.name), community_kind(e.code, e.name)
            c = existing.get(e.code)
            if c is None:
                c = Community(street_id=street.id, code=e.code, name=cname, kind=kind)
                s.add(c)
                s.flush()
                u.changed("community", c.id, "insert")
                created += 1
            elif c.name != cname or c.kind != kind:
                c.name, c.kind = cname, kind
                u.changed("community", c.id, "update")
                renamed += 1
            else:
                unchanged += 1
        u.audit("import.divisions", "street", street.id, after={
            "file": path.name, "street": street_code, "created": created, "renamed": renamed})
    return DivisionResult(street_code, name, created_street, created, renamed, unchanged, skipped)
