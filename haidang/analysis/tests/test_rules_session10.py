"""Tenth pass (#12): insults said of oneself or a thing, words a story reports someone shouting, "chặn cầu"
read as "chân cầu", "hay sao" read as "hãy", a complaint read as a rumour, a crowd sent to someone's Facebook.

Every example here was written for this file; none is a row of the civic set or of the batches written for it."""

import pytest

from haidang.analysis import rules
from haidang.analysis.analyzer import analyze
from haidang.text.normalize import normalize

HARMFUL = {"scam", "impersonation", "misinformation", "hate_harassment", "incitement", "personal_data"}


def top(text: str) -> str:
    return analyze(text, explain=False)["top_category"]


@pytest.mark.parametrize("text", [
    # insults said of oneself, of an app, of the weather: nobody is addressed
    "ngu vl, quen tat bep, noi com khet het. tu chui minh",
    "dm cai app ngan hang, chuyen tien 3 lan ko dc, goi hoai ko ai bat may",
    # words a story reports someone shouting at a game or a match
    'Thằng em chơi game cả tối cứ hét "giết nó đi! chém nó đi!", mẹ tưởng nhà có đánh nhau 😅',
    'Ông chú coi bóng đá thua, chửi như tát nước "đá vậy thì giết hết tụi bây cho rồi", xong lại mở lon bia',
    # "chân vịt", "chân cầu" are no blockade; a complaint that asks the water company to check is no rumour
    "ghe tui bi gay chan vit vi luong can. ba con da ky don gui xa tu thang 5, de nghi nao vet som",
    "Chủ nhật ni đoàn thanh niên tập trung dưới chân cầu Hiền Lương để dọn rác, ai rảnh ra phụ nghe.",
    "Nước máy ở khu phố 4 mấy bữa ni đục, nhà nhà phải mua nước bình mà nấu. Đề nghị công ty cấp nước "
    "kiểm tra và công khai kết quả.",
])
def test_lawful_posts_get_no_harmful_top_category(text):
    assert top(text) not in HARMFUL


@pytest.mark.parametrize("text, category", [
    ("Tối chủ nhật ni anh em ra chặn cầu Nhật Lệ, mang gậy với dao theo, đứa mô chạy qua thì xử luôn",
     "incitement"),
    ("Sáng mai 7h cả làng ra chặn đứng QL1 đoạn qua Gio Linh, mang đá với gậy theo phòng tụi nó xông vô",
     "incitement"),
    ("ai thay xe cho cat lau di qua thon thi chan lai, xi lop, dap kinh, khong de tui no cho nua", "incitement"),
    ("Từ mai đóng cao tốc đoạn qua Vĩnh Linh 20 ngày, tất cả xe phải vòng QL1, chia sẻ cho mọi người biết",
     "misinformation"),
    ("tu thang sau ai chua tiem mui nhac lai se bi thu bang lai, bo cong an ra van ban roi, lo di tiem di",
     "misinformation"),
    ("Cá chết trắng bờ biển Cửa Việt, nhà máy xả thải ban đêm, đừng ai ăn cá biển nữa, chia sẻ gấp", "misinformation"),
    ("sdt 0912 345 678 cua con Hoa ban ca o cho, fb no la Hoa Ca Chep, no lua tien hang, moi nguoi vo chui no",
     "personal_data"),
    ("đơn hàng của chị bị thất lạc, chị ck giúp em 30k phí lưu kho vô STK 1029384756 MB để em gửi lại trong ngày",
     "scam"),
    ("người bắc vô đây làm ăn toàn gian xảo, dân gì đâu mà gian từ trong trứng", "hate_harassment"),
    ("thằng Nam lớp bên ngồi xe lăn mà cũng đòi đi thi, đồ tàn phế, biết thân biết phận đi", "hate_harassment"),
])
def test_harmful_posts_get_their_category(text, category):
    assert top(text) == category


def test_reported_speech_is_the_quoted_words_after_a_verb_of_saying():
    text = 'bố cứ hét "chém nó đi" suốt, còn mẹ nói "thôi đi ngủ"'
    spans = rules.reported_speech(text)
    assert [text[s:e] for s, e in spans] == ["chém nó đi", "thôi đi ngủ"]
    assert rules.reported_speech('Bà con "chặn đường" làm chi') == []  # quotes with no one saying them


def test_a_harmless_pair_counts_only_as_written_when_the_post_has_accents():
    hay = rules.fold_aligned(normalize("ra chặn cầu"))
    hit = {"term": "chan", "start": 3, "end": 7}
    assert rules._drop_harmless(hay, [hit], normalize("ra chặn cầu")) == [hit]
    assert rules._drop_harmless(rules.fold_aligned(normalize("dưới chân cầu")), [{**hit, "start": 5, "end": 9}],
                                normalize("dưới chân cầu")) == []
    # typed plain, "chan cau" is both: the harmless reading wins, as before
    assert rules._drop_harmless("ra chan cau", [hit], "ra chan cau") == []


def test_a_threat_to_someone_keeps_its_purpose():
    # "cho mi biết tay" is both the act and its purpose; said to someone, it still threatens
    assert top("Con mụ bán rau kia, mi coi chừng tau, tối ni tau ra đón đường cho mi biết tay.") == "hate_harassment"


def test_starred_out_letters_are_read_as_the_term_they_hide():
    text = "dân xứ nớ toàn l*a đ*o"
    hits = rules.masked_hits(text, normalize(text))
    assert [normalize(text)[h["start"]:h["end"]] for h in hits["hate_trait_people"]] == ["toàn la đo"]
    assert rules.masked_hits("c*", normalize("c*")) == {}  # too few letters show to read anything
    assert top("người bắc vô đây toàn l*a đ*o, dân gì đâu mà gian từ trong trứng") == "hate_harassment"


@pytest.mark.parametrize("text", [
    "Dat ven song Gianh nha nuoc thu hoi het lam khu du lich, khong den bu dong nao. Nguoi quen lam o huyen noi "
    "chac chan, ai co dat thi ban le di",
    "Phó chủ tịch huyện bị cách chức vì vụ đất rừng, tin nội bộ, báo không dám đăng đâu.",
    "Từ năm học tới học sinh THCS phải mua sách của trường, mỗi bộ 600k, bắt buộc mua, Sở GD chỉ đạo rồi.",
])
def test_a_fake_decision_told_by_an_insider_is_a_rumour(text):
    assert top(text) == "misinformation"


def test_a_price_notice_that_says_where_to_check_it_is_lawful():
    text = ("Từ ngày 1/1, giá nước sinh hoạt tại Đồng Hới điều chỉnh theo quyết định của UBND tỉnh, bậc 2 tăng 600 "
            "đồng/m3. Khách hàng xem chi tiết tại trụ sở công ty cấp nước.")
    assert top(text) not in HARMFUL


def test_hay_before_sao_is_or_not_a_call():
    # typed plain, "hay" is also "hãy"; "… hay sao" asks a question
    found = rules.incitement_signals(normalize("ong troi muon dap pha mua mang hay sao ma mua hoai"))
    assert [s["rule"] for s in found] == ["incitement.violence_term"]
    found = rules.incitement_signals(normalize("anh em hay dap pha tram can di"))
    assert found and found[0]["rule"] == "incitement.call_to_violence"


@pytest.mark.parametrize("text", [
    # an OTP named, not asked for
    "Sóng ở xóm tui chập chờn, tin OTP ngân hàng về trễ cả chục phút, hết hạn luôn. Đề nghị nhà mạng kiểm tra trạm.",
    "App chặn tin rác xài được, lọc gần hết tin vay tiền, trúng thưởng, có lúc chặn nhầm tin OTP ngân hàng.",
    # gamers: a quote told as what a friend shouted, players counted, the writer blaming themself
    '"giết nó đi" là thằng bạn tao hét lúc đánh boss, chứ ko phải giết thật nha mn 🤣',
    "Đấu hạng toàn gặp team gà, 3 thằng feed liên tục, gánh ko nổi, thôi đi ngủ",
    "tao vừa tự lao vô trụ một mình rồi chết, óc chó thiệt chớ 🤡",
])
def test_more_lawful_posts_get_no_harmful_top_category(text):
    assert top(text) not in HARMFUL


@pytest.mark.parametrize("text, category", [
    ("Zalo: tai khoan cua ban vi pham chinh sach va se bi khoa trong 24h. Gui khang nghi tai zalo-baove.help de giu "
     "tai khoan.", "scam"),
    ("Kiếm 400k/ngày tại nhà, đầu tư 2tr lãi 25% sau 5 ngày, ae Đồng Hới ib em hướng dẫn", "scam"),
    ("CHIA SE GAP!!! So Y te xac nhan tin nhan tu dau so 0869 chua virus, mo ra la dien thoai bi chiem quyen, mat "
     "sach tien trong tai khoan. Ai nhan duoc thi xoa ngay, gui cho ca nha biet", "misinformation"),
    ("con Hạnh lớp 12A đó đĩ lắm ae, gặp ở đâu thì chửi thẳng vô mặt nó", "hate_harassment"),
])
def test_more_harmful_posts_get_their_category(text, category):
    assert top(text) == category


def test_a_bare_host_on_a_newer_top_level_domain_is_a_link():
    from haidang.text.normalize import extract_entities

    assert [u["value"] for u in extract_entities("gửi kháng nghị tại zalo-baove.help nhé")["urls"]] == ["zalo-baove.help"]
    assert extract_entities("xong.la vậy thôi")["urls"] == []  # "la" is a word, not a country here


@pytest.mark.parametrize("text", [
    # a claim or a slur named in quotes, to debunk or to mock it
    'Mấy cái clip "lá ổi chữa tiểu đường" hại người lắm, ông ngoại mình nghe theo giờ phải nhập viện, đừng tin nghe.',
    'tui dan Le Thuy lay chong Vinh Linh may nam roi, nha chong thuong lam, nen may cai tro "dan Le Thuy ranh ma" nghe '
    'thay buon cuoi',
    'Ngoài chợ hôm qua có ông say la lớn "tụi bây là đồ mọi rợ" với mấy chị người Pa Kô bán rau, cả chợ ra can, '
    'công an xã đã mời ông lên làm việc.',
])
def test_what_a_post_quotes_to_answer_it_is_not_what_it_says(text):
    assert top(text) not in HARMFUL


@pytest.mark.parametrize("text, category", [
    ("fw tu nhom khac: tu thang sau ai chua cap nhat VNeID muc 2 se bi khoa the ATM, khong rut duoc luong, han chot "
     "15/12", "misinformation"),
    ("Đàn bà lái xe như đầu đất, ra đường toàn gây tai nạn, cấm hết cho đường thoáng", "hate_harassment"),
    ("Bọn Tin Lành cứ tới nhà dụ dỗ, loại người đó nên đuổi ra khỏi làng hết", "hate_harassment"),
])
def test_forwarded_rumours_and_a_people_with_one_trait(text, category):
    assert top(text) == category


def test_a_people_in_a_news_report_is_not_degraded_by_the_crime_reported():
    report = ("Ngày 9/12, Công an phường Đông Hà cho biết đang tạm giữ hình sự một đối tượng về hành vi trộm cắp tài "
              "sản của một phụ nữ bán hàng ở chợ. " + "Vụ việc đang được điều tra làm rõ, cơ quan công an đề nghị "
              "người dân cảnh giác, khóa xe cẩn thận khi đi chợ. " * 6 +
              "Người phụ nữ bị mất chiếc xe máy và số tiền bán hàng, đối tượng trộm cắp đã bị bắt.")
    assert top(report) not in HARMFUL
