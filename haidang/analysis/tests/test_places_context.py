"""Place readings depend on the words around a name: ward words make wards, street/facility/person words
block them, bare two-syllable names stay ordinary words, legacy names map to current units."""

import pytest

from haidang.analysis.places import find_places, province_relevance

DONG_HOI, PHONG_NHA, BO_TRACH, LE_THUY, DONG_HA, NAM_DONG_HA, QUANG_TRI_WARD = (
    18880, 19165, 19141, 19249, 19333, 19351, 19360)
QUANG_TRI, PHU_THO = 44, 25


@pytest.fixture(autouse=True)
def _home(settings):
    settings.HAIDANG_PROVINCE_CODE = QUANG_TRI


def wards(text, **kw):
    return [p for p in find_places(text, **kw) if p["level"] == "ward"]


def codes(text, **kw):
    return [p["code"] for p in wards(text, **kw)]


# --- the two reported bugs -------------------------------------------------------------------------
def test_street_is_not_a_ward():
    assert find_places("đường Lý Thường Kiệt") == []
    assert not any("Lý Thường Kiệt" in p["name"] for p in find_places("Nhà tôi ở đường Lý Thường Kiệt"))


@pytest.mark.parametrize("text", ["anh ấy quê ở Phú Thọ", "sinh ra ở Phú Thọ", "Phú Thọ", "tỉnh Phú Thọ",
                                  "anh ấy quê ở phú thọ"])
def test_province_name_is_a_province_never_a_ward(text):
    found = find_places(text)
    assert wards(text) == []
    assert [(p["level"], p["code"]) for p in found] == [("province", PHU_THO)]
    assert province_relevance(found) == 0.0  # another province: not about the home one


def test_the_ward_is_read_when_its_word_is_written():
    assert codes("phường Phú Thọ, tỉnh Phú Thọ") == [7942]


# --- ward words -------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, code", [
    ("phường Đồng Hới", DONG_HOI), ("xã Phong Nha", PHONG_NHA), ("P. Đồng Hới", DONG_HOI),
    ("P.Đồng Hới", DONG_HOI), ("PHƯỜNG ĐỒNG HỚI", DONG_HOI), ("UBND xã Phong Nha họp dân", PHONG_NHA),
    ("Xã Lệ Thủy", LE_THUY), ("thị trấn Khe Sanh", 19429),
])
def test_ward_with_its_word(text, code):
    found = wards(text)
    assert [p["code"] for p in found] == [code]
    assert found[0]["confidence"] >= 0.9
    assert found[0]["province_code"] == QUANG_TRI


def test_street_then_ward_gives_the_ward_only():
    found = find_places("đường Lý Thường Kiệt, phường Đồng Hới")
    assert [p["code"] for p in found] == [DONG_HOI]
    text = "123 Lý Thường Kiệt, phường Đồng Hới"
    assert [p["code"] for p in find_places(text)] == [DONG_HOI]


@pytest.mark.parametrize("text", [
    "đường Tân Sơn Nhất", "số 12 Tân Sơn Nhất", "phố Đồng Hới", "ngõ 3 Đông Hà", "kiệt Lệ Thủy",
    "quốc lộ Đông Hà", "hẻm Buôn Ma Thuột", "đường Hồ Chí Minh",
])
def test_street_words_block_places(text):
    assert find_places(text) == []


@pytest.mark.parametrize("text", [
    "bệnh viện Đồng Hới", "Bệnh viện đa khoa Đồng Hới", "trường THPT Đồng Hới", "chợ Đông Hà",
    "cầu Nhật Lệ", "sân bay Tân Sơn Nhất", "chợ Buôn Ma Thuột",
])
def test_a_facility_named_after_a_place_is_not_the_ward(text):
    assert wards(text) == []


def test_facility_keeps_the_ward_when_the_ward_word_is_written():
    assert codes("bệnh viện phường Đồng Hới") == [DONG_HOI]
    assert codes("Trạm y tế xã Phong Nha") == [PHONG_NHA]


# --- without diacritics -----------------------------------------------------------------------------
@pytest.mark.parametrize("text, code", [("phuong dong hoi", DONG_HOI), ("xa phong nha", PHONG_NHA),
                                        ("Phuong Dong Hoi bi ngap", DONG_HOI)])
def test_texts_without_diacritics(text, code):
    found = wards(text)
    assert [p["code"] for p in found] == [code]
    assert 0.5 <= found[0]["confidence"] < wards("phường Đồng Hới")[0]["confidence"]


@pytest.mark.parametrize("text", ["duong ly thuong kiet", "benh vien dong hoi", "xa Thành Công lắm"])
def test_unaccented_context_words(text):
    assert wards(text) == []


@pytest.mark.parametrize("text", ["của Việt Nam", "còn có nhiều", "diễn biến phức tạp", "đồng hồi hộp"])
def test_other_diacritics_are_other_words(text):
    assert find_places(text) == []


# --- legacy names -----------------------------------------------------------------------------------
@pytest.mark.parametrize("text, level, code", [
    ("huyện Bố Trạch", "ward", BO_TRACH), ("thành phố Đồng Hới", "ward", DONG_HOI),
    ("tỉnh Quảng Bình", "province", QUANG_TRI), ("Quảng Bình", "province", QUANG_TRI),
    ("thị xã Quảng Trị", "ward", QUANG_TRI_WARD), ("huyện Lệ Thủy", "ward", LE_THUY),
    ("huyện Quảng Ninh", "ward", 19207), ("huyện đảo Cồn Cỏ", "ward", 19742),
])
def test_legacy_names_map_to_current_units(text, level, code):
    found = find_places(text)
    assert [(p["level"], p["code"]) for p in found] == [(level, code)]
    assert found[0]["legacy"] is True
    assert province_relevance(found) >= 0.8


def test_legacy_district_sharing_a_province_name():
    assert [(p["level"], p["code"]) for p in find_places("Quảng Ninh")] == [("province", 22)]


def test_bare_alias_still_read():
    found = find_places("hôm nay ở Đồng Hới mưa to")
    assert [p["code"] for p in found] == [DONG_HOI]
    assert found[0]["confidence"] >= 0.8


# --- ranking ----------------------------------------------------------------------------------------
def test_home_province_first():
    found = find_places("Từ phường Hoàn Kiếm, Hà Nội về Đồng Hới")
    assert [p["code"] for p in found][:1] == [DONG_HOI]
    assert found[0]["confidence"] < max(p["confidence"] for p in found)  # home first despite a lower score
    homes = [p["province_code"] == QUANG_TRI for p in found]
    assert homes == sorted(homes, reverse=True)
    assert {p["code"] for p in found} == {DONG_HOI, 70, 1}


def test_ward_and_province_with_the_same_code_are_both_kept():
    found = find_places("phường Giảng Võ và tỉnh Phú Thọ")
    assert {(p["level"], p["code"]) for p in found} == {("ward", 25), ("province", 25)}


def test_province_hint_resolves_an_ambiguous_ward():
    assert codes("phường Hòa Bình", province_hint="Phú Thọ") == [4795]
    assert codes("phường Hòa Bình, tỉnh Phú Thọ") == [4795]


# --- long unique names ------------------------------------------------------------------------------
def test_long_unique_name_read_bare_but_not_inside_a_phrase():
    assert codes("Nam Đông Hà") == [NAM_DONG_HA]
    assert codes("phía nam Đông Hà") == [DONG_HA]  # "south of Đông Hà"
    assert codes("Buôn Ma Thuột") == [24133]


# --- ordinary words, people -------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "anh Hải", "chị Hà", "anh Hải nói với chị Hà", "chị Lệ Thủy đi chợ", "Nguyễn Thị Lệ Thủy",
    "ông Trần Hưng Đạo", "Lý Thường Kiệt", "Bác Hồ Chí Minh",
    "giữ vững an ninh trật tự", "cầu mong hòa bình", "thống nhất đất nước", "Thống Nhất",
    "Độc lập - Tự do - Hạnh phúc", "độc lập", "dân chủ", "an toàn giao thông", "thành công rực rỡ",
    "thắng lợi vẻ vang", "rất hợp lý", "trung tâm thương mại", "Cô Ba bán bánh", "xã hội an toàn",
    "hợp tác xã Thành Công", "Thành Công", "Hòa Bình", "bình yên",
])
def test_ordinary_words_and_names_give_no_ward(text):
    assert wards(text) == []


def test_output_shape():
    (p,) = find_places("phường Đồng Hới")
    assert set(p) == {"name", "code", "level", "province_code", "province", "start", "end", "matched",
                      "confidence", "legacy"}
    assert p["name"] == "Phường Đồng Hới" and p["matched"] == "phường Đồng Hới"
    assert (p["start"], p["end"]) == (0, len("phường Đồng Hới"))
