"""The CJK TrueType faces embedded in every PDF, so a sheet prints the same on any PC.

Official documents use 方正小标宋 for titles, 黑体 for headings and 仿宋_GB2312 for the body. Where
those are not installed, the nearest faces that reportlab can embed are used (STACK.md: Noto CJK's
PostScript outlines are refused; STSong-Light is not embedded): a Song/Ming face for body text (AR PL
UMing on Linux, SimSun/FangSong on Windows) and a Hei face for titles and headings (WenQuanYi Micro
Hei on Linux, SimHei on Windows). With no CJK TrueType face at all, a clear error names what to install.
"""
from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from pathlib import Path

from desk.services.errors import DeskError

log = logging.getLogger(__name__)


class FontMissing(DeskError):
    """No CJK TrueType face that can be embedded."""


_WIN = Path(os.environ.get("WINDIR", "C:/Windows")) / "Fonts"
# (path, subfont index) in order of preference
SONG = [(_WIN / "simfang.ttf", 0), (_WIN / "simsun.ttc", 0),
        (Path("/usr/share/fonts/truetype/arphic/uming.ttc"), 0),
        (Path("/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf"), 0)]
HEI = [(_WIN / "simhei.ttf", 0), (_WIN / "msyh.ttc", 0),
       (Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"), 0),
       (Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"), 0)]


@dataclass(frozen=True)
class Faces:
    body: str      # Song / Fangsong style
    heading: str   # Hei style


_faces: Faces | None = None


def _register(name: str, candidates) -> str | None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    extra = os.environ.get(f"DESK_FONT_{name.upper()}")
    paths = ([(Path(extra), 0)] if extra else []) + list(candidates)
    for path, index in paths:
        if not path.is_file():
            continue
        try:
            pdfmetrics.registerFont(TTFont(f"Desk{name}", str(path), subfontIndex=index))
            log.info("PDF %s face: %s", name, path)
            return f"Desk{name}"
        except Exception as exc:  # noqa: BLE001 - a face reportlab cannot embed; try the next
            log.warning("cannot embed %s: %s", path, exc)
    return None


def faces() -> Faces:
    """Register the faces once per process and return their names."""
    global _faces
    if _faces is None:
        body = _register("Song", SONG)
        heading = _register("Hei", HEI)
        if body is None and heading is None:
            raise FontMissing("找不到可嵌入的中文 TrueType 字体：Windows 需要 simsun.ttc 或 simhei.ttf，"
                              "Debian 需要 fonts-arphic-uming 或 fonts-wqy-microhei "
                              "(no embeddable CJK TrueType font found)")
        _faces = Faces(body or heading, heading or body)
    return _faces
