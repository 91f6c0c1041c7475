"""Build the claims paraphrase set from `source.py` (hand-written, CC0-1.0). Deterministic.

    .venv/bin/python datasets/claims/build.py

Writes, next to this file:
- `claims.jsonl`: the claims (76 from `source.py`, 46 from `source_styled.py`, 32 from `source_hard.py`) in the
  `haidang claims import` format;
- `pairs.jsonl`: {"claim_id", "text", "style"}: each rewording of `source.py` rendered in styles
  (as written, without accents, teencode, added commentary, teencode with commentary), then the
  rewordings of `source_styled.py` as they were written, each with its own style;
- `unrelated.jsonl`: {"text"}: posts that repeat no claim, templated from hand-written sentences,
  many of them on the claims' own topics (dengue figures, vaccination days, reservoir levels, bank
  apps, exam timetables) so that precision is measured on hard negatives, not only on chatter; then
  the hand-written same-topic posts of `source_styled.py` (`SAME_TOPIC`), then those of
  `source_hard.py` (`DISTRACTORS`).
The close-topic claims of `source_hard.py` (`NEAR`) come last in `claims.jsonl` and `pairs.jsonl`, so
adding them left every earlier row byte for byte the same.
"""

from __future__ import annotations

import itertools
import json
import random
import re
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from source import CLAIMS  # noqa: E402
from source_hard import DISTRACTORS, NEAR  # noqa: E402
from source_styled import SAME_TOPIC, STYLED  # noqa: E402

TEENCODE = [("không", "ko"), ("được", "dc"), ("người", "ng"), ("với", "vs"), ("biết", "bít"), ("rồi", "r"),
            ("gì", "j"), ("mọi người", "mn"), ("bây giờ", "bh"), ("vậy", "v"), ("quá", "wá"), ("thôi", "thui"),
            ("nhé", "nha"), ("phải", "fải"), ("anh em", "ae"), ("chồng", "ck"), ("vợ", "vk"), ("đi", "đy")]
BEFORE = ["Trời ơi mọi người ơi!", "Nóng: ", "Chia sẻ cho cả nhà biết:", "Mình vừa đọc được tin này.",
          "Không biết có thật không nhưng", "Ai ở gần xác minh giúp với:", "Ae cẩn thận nhé,", "Thật hay đùa vậy?",
          "Tin từ nhóm Zalo của xóm:", "Đọc mà run cả người.", "Hóng các bác chuyên gia,", "Sáng nay nghe hàng xóm kể"]
AFTER = ["Share cho nhiều người biết!!!", "😱😱😱", "Mọi người nghĩ sao?", "Ai có thông tin thêm không?",
         "Lo quá các bác ạ.", "Nghe mà hoang mang.", "Chia sẻ ngay kẻo muộn.", "Thật không thể tin nổi 😡",
         "Có ai kiểm chứng chưa?", "Bà con truyền tai nhau suốt từ sáng.", "👇👇👇", "Cả nhà lưu ý!"]


def strip_accents(text: str) -> str:
    text = unicodedata.normalize("NFD", text).replace("đ", "d").replace("Đ", "D")
    return unicodedata.normalize("NFC", "".join(c for c in text if unicodedata.category(c) != "Mn"))


def teencode(text: str) -> str:
    out = text.lower()
    for word, code in TEENCODE:
        out = re.sub(rf"(?<!\w){word}(?!\w)", code, out)
    return out


def commentary(text: str, rng: random.Random) -> str:
    return f"{rng.choice(BEFORE)} {text[0].lower() + text[1:]}. {rng.choice(AFTER)}"


STYLES = [
    ("as_written", lambda t, rng: t),
    ("no_accents", lambda t, rng: strip_accents(t)),
    ("teencode", lambda t, rng: teencode(t)),
    ("commentary", lambda t, rng: commentary(t, rng)),
    ("teencode_commentary", lambda t, rng: teencode(commentary(t, rng))),
    ("no_accents_commentary", lambda t, rng: strip_accents(commentary(t, rng)).lower()),
]


def pairs(rng: random.Random) -> list[dict]:
    out = []
    for n, (claim_id, _statement, _verdict, _correction, rewordings) in enumerate(CLAIMS):
        for k, text in enumerate(rewordings):
            # Two styles per rewording, rotating so every style appears across the set.
            for style_index in ((n + k) % 6, (n + k + 3) % 6):
                style, render = STYLES[style_index]
                out.append({"claim_id": claim_id, "text": render(text, rng), "style": style})
    return out


# --- unrelated posts -------------------------------------------------------------------------------

PLACES = ["Đông Hà", "Đồng Hới", "Vĩnh Linh", "Gio Linh", "Hải Lăng", "Triệu Phong", "Cam Lộ", "Hướng Hóa",
          "Đakrông", "Lệ Thủy", "Quảng Ninh", "Bố Trạch", "Phong Nha", "Cửa Việt", "Khe Sanh", "Ba Đồn"]
NUMBERS = ["12", "25", "30", "48", "60", "75", "120", "200", "350"]
DAYS = ["thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy", "Chủ nhật"]
TEMPLATES = [
    # On the claims' own topics, but saying something else (hard negatives).
    "Trung tâm Y tế {place} ghi nhận {n} ca sốt xuất huyết trong tuần, đa số đã ổn định và xuất viện",
    "Bệnh viện đa khoa tỉnh khuyến cáo người dân diệt lăng quăng, đậy kín dụng cụ chứa nước để phòng sốt xuất huyết",
    "Trạm y tế {place} tổ chức tiêm vắc xin sởi cho trẻ vào sáng {day}, phụ huynh nhớ mang sổ tiêm chủng",
    "{place} hoàn thành tiêm vắc xin phòng bạch hầu cho {n} học sinh trong đợt chiến dịch vừa qua",
    "Mực nước hồ thủy điện Rào Quán hiện ở mức an toàn, công ty vận hành theo đúng quy trình",
    "Hồ Khe Ngang tích nước đạt {n} phần trăm dung tích, đủ phục vụ tưới cho vụ hè thu",
    "Đài khí tượng dự báo {place} có mưa rào và dông vài nơi vào chiều tối {day}, nhiệt độ cao nhất 33 độ",
    "Ngân hàng thông báo nâng cấp ứng dụng vào đêm {day}, khách hàng cập nhật phiên bản mới trên kho ứng dụng chính thức",
    "Công an {place} hướng dẫn người dân nhận diện cuộc gọi lừa đảo, tuyệt đối không chuyển tiền cho người lạ",
    "Điện lực {place} thông báo tạm ngừng cấp điện khu vực tổ dân phố {n} từ 7 giờ đến 11 giờ sáng {day} để bảo trì lưới",
    "Sở Giáo dục công bố lịch thi tuyển sinh lớp 10, thí sinh {place} thi tại {n} điểm thi",
    "Giá hồ tiêu tại {place} tăng khoảng {n} nghìn đồng một ký so với tháng trước, nông dân phấn khởi",
    "Hợp tác xã {place} thu hoạch thanh long ruột đỏ, năng suất đạt {n} tạ mỗi héc ta",
    "Chợ {place} sáng nay giá rau xanh ổn định, cà chua và rau muống đều giảm nhẹ",
    "Đoàn kiểm tra liên ngành lấy mẫu thực phẩm tại chợ {place}, kết quả đều đạt yêu cầu",
    "Bưu điện {place} hướng dẫn người dân tra cứu bưu phẩm trên trang web chính thức của bưu điện",
    "Ngư dân {place} trúng mẻ cá cơm đầu mùa, giá bán tại cảng {n} nghìn đồng một ký",
    "Cao tốc Cam Lộ - La Sơn lưu lượng xe tăng cao dịp cuối tuần, lực lượng chức năng phân luồng",
    "Cảng hàng không Đồng Hới tăng thêm {n} chuyến bay dịp hè để phục vụ khách du lịch",
    "Động Phong Nha đón {n} nghìn lượt khách trong tháng, tăng mạnh so với cùng kỳ năm trước",
    "Bãi biển Cửa Tùng bố trí thêm đội cứu hộ, du khách tắm biển trong khu vực có cắm cờ",
    "Thành cổ Quảng Trị tổ chức lễ thả hoa đăng tri ân các anh hùng liệt sĩ vào tối {day}",
    "UBND xã ở {place} công khai danh sách hộ được hỗ trợ sửa nhà sau bão tại nhà văn hóa thôn",
    "Trường tiểu học ở {place} khánh thành dãy phòng học mới với {n} phòng khang trang",
    "Giáo viên {place} tham gia tập huấn chương trình giáo dục phổ thông mới trong {n} ngày",
    "Sở Nông nghiệp khuyến cáo bà con {place} mua phân bón ở đại lý uy tín, giữ hóa đơn để đối chiếu",
    "Hội Nông dân {place} tổ chức hội thảo trồng lúa hữu cơ với {n} hội viên tham dự",
    "Thủ tục cấp đổi căn cước công dân được thực hiện tại công an {place} vào các ngày làm việc trong tuần",
    "Bảo hiểm xã hội tỉnh chi trả lương hưu tháng này tại {n} điểm chi trả trên địa bàn {place}",
    "Người dân {place} có thể đăng ký tài khoản định danh điện tử tại công an xã, không mất phí",
    # Everyday posts.
    "Quán bún bò mới mở ở {place} ngon mà giá mềm, cả nhà cuối tuần ghé thử nhé",
    "Cần tìm gia sư dạy toán lớp {n} khu vực {place}, ưu tiên sinh viên sư phạm",
    "Chiều {day} đội bóng thiếu niên {place} giao hữu ở sân vận động, mời bà con đến cổ vũ",
    "Nhà mình ở {place} cần bán lại chiếc xe đạp điện còn mới, ai cần nhắn tin nhé",
    "Cảm ơn các y bác sĩ bệnh viện {place} đã chăm sóc mẹ tôi rất tận tình",
    "Sáng nay đường lên {place} sương mù dày, các bác đi xe nhớ bật đèn",
    "Lớp học bơi miễn phí cho trẻ em {place} khai giảng vào {day}, đăng ký tại nhà văn hóa",
    "Hội chợ nông sản {place} kéo dài {n} ngày với nhiều gian hàng đặc sản địa phương",
    "Tuyến đường vào trung tâm {place} đang được trải nhựa lại, mọi người chịu khó đi đường vòng",
    "Chúc mừng các em học sinh {place} đạt giải cao trong kỳ thi học sinh giỏi tỉnh",
    "Phường ở {place} ra quân dọn vệ sinh môi trường sáng {day}, mời bà con cùng tham gia",
    "Mưa to cả buổi chiều ở {place}, cây xanh đổ chắn một đoạn đường, công nhân đã dọn xong",
    "Cà phê sáng ở {place} với bạn bè, trời mát mẻ dễ chịu",
    "Ai biết chỗ sửa điện thoại uy tín ở {place} chỉ mình với, máy bị hỏng màn hình",
    "Đám cưới ở quê {place} vui quá, cả xóm cùng đến chung vui",
    "Mùa này lúa ở {place} chín vàng đồng, bà con tranh thủ gặt trước mưa",
    "Hướng dẫn nộp hồ sơ xin học bổng cho sinh viên {place} trước ngày {n} tháng này",
    "Câu lạc bộ dưỡng sinh {place} tập luyện mỗi sáng lúc 5 giờ ở công viên",
    "Xe buýt tuyến {place} điều chỉnh giờ chạy chuyến đầu từ 5 giờ 30 phút",
    "Mình mới nhận nuôi một chú chó nhỏ ở {place}, ai có kinh nghiệm chăm chó con cho xin lời khuyên",
]


def unrelated(rng: random.Random, count: int = 2400) -> list[dict]:
    seen: set[str] = set()
    out = []
    combos = list(itertools.product(TEMPLATES, PLACES, NUMBERS, DAYS))
    rng.shuffle(combos)
    for template, place, n, day in combos:
        text = template.format(place=place, n=n, day=day)
        if text in seen:
            continue
        seen.add(text)
        style = rng.random()
        if style < 0.2:
            text = strip_accents(text)
        elif style < 0.35:
            text = teencode(text)
        elif style < 0.5:
            text = f"{rng.choice(BEFORE)} {text}. {rng.choice(AFTER)}"
        out.append({"text": text})
        if len(out) >= count:
            break
    return out


def main() -> None:
    rng = random.Random(2026)
    with open(HERE / "claims.jsonl", "w", encoding="utf-8") as f:
        for claim_id, statement, verdict, correction, _r in [*CLAIMS, *STYLED, *NEAR]:
            f.write(json.dumps({"claim_id": claim_id, "statement": statement, "verdict": verdict,
                                "correction": correction}, ensure_ascii=False) + "\n")
    with open(HERE / "pairs.jsonl", "w", encoding="utf-8") as f:
        for row in pairs(rng):
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
        # Written in their style by hand: copied as they are (and after the rest, so that adding them
        # left the rows above, and the random draws below, unchanged).
        for claim_id, _s, _v, _c, rewordings in [*STYLED, *NEAR]:
            for style, text in rewordings:
                f.write(json.dumps({"claim_id": claim_id, "text": text, "style": style}, ensure_ascii=False) + "\n")
    with open(HERE / "unrelated.jsonl", "w", encoding="utf-8") as f:
        for row in unrelated(rng):
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
        for text in [*SAME_TOPIC, *DISTRACTORS]:
            f.write(json.dumps({"text": text}, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
