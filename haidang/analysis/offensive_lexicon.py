"""The words that offend on their own, learned from ViHOS train's span labels (MIT licence).

    python -m haidang.analysis.offensive_lexicon ../shared/data/vihos/train.csv   # rewrites data/offensive_words.txt

A word is kept when annotators marked it as offending in at least `MIN_SHARE` of its `MIN_COUNT` or more
occurrences in ViHOS *train*. Forms of address and pronouns are left out ("thằng em" is a little brother,
"con" a child): in ViHOS they are nearly always inside an insult, but they are not the insult. The
analyser lets the post-level model confirm offending spans only when one of these words is in them.
"""

from __future__ import annotations

import collections
import re
import sys
from pathlib import Path

from haidang.text.normalize import normalize_tones

PATH = Path(__file__).resolve().parent / "data" / "offensive_words.txt"
MIN_COUNT = 5
MIN_SHARE = 0.6
# Pronouns, forms of address and words of criticism: never "offending on their own".
NOT_ON_THEIR_OWN = frozenset((
    "thằng", "con", "nó", "no", "mày", "may", "tao", "tau", "m", "t", "bọn", "bon", "tụi", "tui", "chúng", "lũ", "lu",
    "kẻ", "em", "anh", "chị", "ông", "bà", "cô", "chú", "họ", "mình", "đám", "loại", "thứ", "tham", "nhũng",
    "phản", "kém", "giả", "lừa", "đỏ", "đen", "bóng", "thức", "thần", "khẩu", "máu", "tù", "cướp", "bắn", "thang",
    # everyday words that ViHOS marks only inside longer insults ("người khuyết tật", "quỹ", "đậu", "thuốc")
    "khuyết", "quỹ", "đậu", "thuoc", "vịt", "cỏ", "chôn", "bóp", "phẳng", "bám", "lồng", "xám", "dai", "qq",
    "banh", "bake", "bưng", "che", "cat", "cạn", "côn", "diệt", "hoại", "liềm", "lông", "mài", "nồi", "phím",
    "phốt", "si", "thải", "thấp", "thùng", "tụ", "vong", "ưa", "ảo", "đói", "đẻ", "đút", "núp", "nản", "nực", "th",
    "ke", "bom", "bong", "bu", "que", "ranh", "thí", "thượng", "tào", "đu", "lua", "nghiep", "khau", "mé", "xiên",
    "chim", "trộm", "giặc", "chủng", "bạo", "họa", "họng", "ngựa", "thụt", "vớ", "nhai", "nuốt", "mỏ", "tạc",
    "quật", "cắp", "loạn", "đả", "sua", "dien", "che", "lão",
))


def build(train_csv: str) -> list[str]:
    from .spans import load_rows

    texts, _labels, golds = load_rows(train_csv)
    inside, total = collections.Counter(), collections.Counter()
    for text, gold in zip(texts, golds, strict=True):
        for m in re.finditer(r"\w+", text):
            word = normalize_tones(m.group(0).lower())
            total[word] += 1
            inside[word] += any(i in gold for i in range(m.start(), m.end()))
    return sorted(w for w, n in total.items()
                  if n >= MIN_COUNT and inside[w] / n >= MIN_SHARE and w not in NOT_ON_THEIR_OWN and not w.isdigit())


def load() -> frozenset[str]:
    try:
        return frozenset(line.strip() for line in PATH.read_text(encoding="utf-8").splitlines()
                         if line.strip() and not line.startswith("#"))
    except OSError:
        return frozenset()


if __name__ == "__main__":
    words = build(sys.argv[1])
    PATH.write_text("# Built by haidang/analysis/offensive_lexicon.py from ViHOS train span labels (MIT).\n"
                    + "\n".join(words) + "\n", encoding="utf-8")
    print(f"{len(words)} words -> {PATH}")
