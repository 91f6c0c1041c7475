# ruff: noqa: UP031  (a data script: printf-style tables read fine here)
#!/usr/bin/env python3
"""Build civic.csv: a hand-written, labelled Vietnamese dataset of short public posts
for the Hai Dang project (Quang Tri province). Original text, licence CC0-1.0.

Each entry of POSTS is (text, kind, category, lawful). The script assigns ids in
order, computes the split from a SHA-256 of the text (never chosen by hand),
checks labels and uniqueness, writes civic.csv and prints a count table.

Usage:  python3 build.py
"""
import collections
import csv
import hashlib
import os
import re

POSTS = [
    # =====================================================================
    # LAWFUL POSTS (lawful = 1)
    # =====================================================================

    # ---- criticism_policy: harsh but civil criticism of a policy (other) ----
    ("Tăng phí gửi xe ở bệnh viện lên 5 nghìn một lượt mà bãi vẫn nắng chang chang, không có mái che. Vô lý hết sức, đề nghị Sở Y tế xem lại.", "criticism_policy", "other", 1),
    ("Giá đất bồi thường dự án mở rộng đường ở Phường Đông Hà thấp hơn giá thị trường cả chục lần. Dân bức xúc là đúng, chính sách này phải xem lại.", "criticism_policy", "other", 1),
    ("Học phí năm nay tăng mà cơ sở vật chất trường vẫn như cũ. Phụ huynh thất vọng lắm, mong Sở Giáo dục và Đào tạo giải trình rõ ràng.", "criticism_policy", "other", 1),
    ("Quy hoạch con đường mới cắt ngang khu dân cư Phường Đồng Hới mà không lấy ý kiến người dân. Làm vậy là không ổn, cần công khai phương án.", "criticism_policy", "other", 1),
    ("Thu phí vỉa hè theo mét vuông với mấy hộ buôn bán nhỏ là quá nặng. Bà con bán rau bán cá lời được mấy đồng mà thu kiểu này thì vô lý.", "criticism_policy", "other", 1),
    ("Thuế khoán hộ kinh doanh năm nay áp cao quá, quán mình doanh thu giảm mà thuế lại tăng. Thất vọng thật sự, mong cơ quan thuế đối thoại với hộ kinh doanh.", "criticism_policy", "other", 1),
    ("Sáp nhập xã xong rồi mà giấy tờ phải đổi lại tùm lum, đi làm thủ tục xa gấp đôi. Chủ trương thì hay nhưng cách làm phải xem lại cho dân đỡ khổ.", "criticism_policy", "other", 1),
    ("Cấm xe tải qua cầu cũ mà không làm đường tránh trước thì hàng hóa phải đi vòng mấy chục cây số. Quyết định kiểu này thiếu tính toán.", "criticism_policy", "other", 1),
    ("Phí thu gom rác tăng gấp rưỡi nhưng xe rác tuần chỉ đến hai lần. Tăng phí thì dịch vụ cũng phải tăng chứ, bức xúc quá!!!", "criticism_policy", "other", 1),
    ("Mình phản đối việc chặt hàng cây xà cừ để mở rộng lòng đường. Còn nhiều phương án khác, đề nghị tỉnh tổ chức lấy ý kiến rộng rãi trước khi làm.", "criticism_policy", "other", 1),
    ("Khoản thu 'xã hội hóa' đầu năm ở trường con tôi lên gần 2 triệu, nhiều khoản không rõ mục đích. Chủ trương xã hội hóa mà thành gánh nặng thì phải xem lại.", "criticism_policy", "other", 1),
    ("Bảng giá đất mới làm tiền chuyển mục đích sử dụng đất tăng vọt, nông dân muốn làm cái nhà cho con cũng không nổi. Quá vô lý.", "criticism_policy", "other", 1),
    ("Quy định đóng cửa bãi biển Nhật Lệ lúc 22h vào mùa hè là quá sớm, ảnh hưởng dịch vụ du lịch. Mong chính quyền cân nhắc lại.", "criticism_policy", "other", 1),
    ("Phí tham quan mới ở Phong Nha tăng gần gấp đôi, khách nội địa than trời. Tăng giá phải đi kèm chất lượng, chứ thế này khách bỏ đi hết.", "criticism_policy", "other", 1),
    ("Chính sách hỗ trợ ngư dân vay vốn đóng tàu thủ tục rườm rà quá, làm hồ sơ nửa năm chưa xong. Hỗ trợ kiểu ni thì ngư dân chịu chết.", "criticism_policy", "other", 1),
    ("VÔ LÝ: tiền điện tháng 6 nhà tôi gấp đôi tháng 5 dù dùng như cũ. Cách tính bậc thang hiện nay bất công với hộ đông người, cần sửa.", "criticism_policy", "other", 1),
    ("Bắt học sinh tiểu học mua đồng phục tại trường với giá cao hơn ngoài chợ là không hợp lý. Phụ huynh phải có quyền lựa chọn chứ.", "criticism_policy", "other", 1),
    ("Dự án lấn sông Nhật Lệ làm khu đô thị rất đáng lo về môi trường và thoát lũ. Đề nghị công bố báo cáo đánh giá tác động môi trường cho dân biết.", "criticism_policy", "other", 1),
    ("Thất vọng với phương án phân luồng giao thông mới ở nút giao Quốc lộ 9, giờ cao điểm còn tắc hơn trước. Phải xem lại gấp.", "criticism_policy", "other", 1),
    ("Phí trông giữ ô tô ở trung tâm Đông Hà 30 nghìn một lượt là quá cao so với thu nhập của người dân tỉnh mình.", "criticism_policy", "other", 1),
    ("Dồn ghép điểm trường lẻ ở vùng cao làm các cháu phải đi bộ cả chục cây số. Tiết kiệm ngân sách kiểu này là đánh đổi bằng tương lai của trẻ con.", "criticism_policy", "other", 1),
    ("Không hiểu sao phí cấp đổi sổ đỏ lại tăng trong khi giờ làm online gần hết rồi. Chi phí giảm mà phí tăng, thật khó chấp nhận.", "criticism_policy", "other", 1),
    ("Chủ trương di dời chợ cũ ra chỗ mới xa khu dân cư làm tiểu thương bức xúc vì chợ mới vắng hoe. Trước khi di dời sao không khảo sát kỹ?", "criticism_policy", "other", 1),
    ("cái quy định cấm bán hàng rong quanh bệnh viện nghe thì văn minh nhưng mấy o bán xôi sống bằng nghề đó, nên bố trí chỗ cho họ chứ cấm trắng thì tội", "criticism_policy", "other", 1),
    ("Tăng giá nước sạch 20% một lần là sốc. Nước thì lúc đục lúc trong, mong công ty cấp nước và Sở Xây dựng giải thích lộ trình tăng giá.", "criticism_policy", "other", 1),
    ("Mức phạt nồng độ cồn thì tôi ủng hộ, nhưng thủ tục lấy lại xe bị tạm giữ lòng vòng mất cả tuần thì cần cải tiến ngay.", "criticism_policy", "other", 1),
    ("Chính sách thu hồi đất nông nghiệp làm khu công nghiệp ở Hải Lăng cần minh bạch hơn về giá bồi thường và việc làm cho người mất đất.", "criticism_policy", "other", 1),
    ("Cắt tuyến xe buýt Đồng Hới – Ba Đồn là quyết định rất đáng tiếc, học sinh, sinh viên và người già đi lại khó khăn hẳn. Mong tỉnh xem lại.", "criticism_policy", "other", 1),
    ("Cách tính thuế đất phi nông nghiệp mới làm nhiều hộ ở Lệ Thủy phải đóng gấp 3. Bức xúc lắm nhưng tôi vẫn mong được giải thích có căn cứ.", "criticism_policy", "other", 1),
    ("Cho doanh nghiệp thuê gần hết bãi tắm Bảo Ninh, dân địa phương muốn tắm biển cũng phải trả tiền. Biển là của chung, chính sách vậy là không công bằng.", "criticism_policy", "other", 1),

    # ---- criticism_official: criticism of officials by title only (other) ----
    ("Chủ tịch UBND xã hứa sửa đường từ đầu năm mà tới giờ vẫn chưa thấy gì. Làm việc tắc trách như vậy thì đề nghị cấp trên xem xét trách nhiệm.", "criticism_official", "other", 1),
    ("Cán bộ địa chính xã hẹn đi hẹn lại 5 lần mà hồ sơ vẫn nằm đó. Thiếu trách nhiệm quá, dân đi lại tốn công tốn của.", "criticism_official", "other", 1),
    ("Giám đốc sở phụ trách phải chịu trách nhiệm về việc dự án chậm tiến độ 3 năm. Nếu không làm được thì nên từ chức để người khác làm.", "criticism_official", "other", 1),
    ("Trưởng công an phường cần giải thích vì sao tụ điểm đua xe trước cổng chợ tồn tại cả năm mà không dẹp. Người dân báo nhiều lần rồi.", "criticism_official", "other", 1),
    ("Hiệu trưởng trường chúng tôi điều hành yếu kém, thu chi không minh bạch. Phụ huynh đề nghị cơ quan quản lý giáo dục vào thanh tra.", "criticism_official", "other", 1),
    ("Thật thất vọng với cách trả lời qua loa của phó chủ tịch phường trong buổi tiếp dân hôm qua. Người dân cần câu trả lời cụ thể, không cần hứa suông.", "criticism_official", "other", 1),
    ("Trưởng khoa cấp cứu cần xem lại cách tổ chức ca trực đêm. Bệnh nhân nằm chờ 2 tiếng không ai hỏi, đó là thiếu trách nhiệm.", "criticism_official", "other", 1),
    ("Đề nghị kỷ luật cán bộ bộ phận một cửa xã vì đòi dân 'bồi dưỡng' mới nhận hồ sơ. Tôi sẵn sàng làm việc với cơ quan chức năng để cung cấp thông tin.", "criticism_official", "other", 1),
    ("Chủ tịch UBND phường nên từ chức nếu không giải quyết được ngập úng mà năm nào cũng hứa. Nói thẳng vậy thôi chứ dân hết kiên nhẫn rồi.", "criticism_official", "other", 1),
    ("Cán bộ thú y xã làm việc chểnh mảng, dịch tả lợn lan cả thôn mới xuống kiểm tra. Đề nghị cấp trên xem xét trách nhiệm.", "criticism_official", "other", 1),
    ("Ban quản lý dự án làm đường kiểu gì mà mới bàn giao 6 tháng đã lún nứt. Người đứng đầu ban phải chịu trách nhiệm trước dân.", "criticism_official", "other", 1),
    ("Trưởng thôn tự ý thu tiền làm đường mà không họp dân. Việc này cần được xã kiểm tra, làm rõ, không thể để vậy được.", "criticism_official", "other", 1),
    ("Tôi cho rằng lãnh đạo Sở Nông nghiệp và Môi trường đã chậm trễ trong xử lý vụ cá chết trên sông. Phản ứng chậm như vậy là yếu kém.", "criticism_official", "other", 1),
    ("Giám đốc bệnh viện nên công khai lý do máy chụp CT hỏng 3 tháng chưa sửa. Bệnh nhân phải chuyển tuyến, tốn kém vô cùng.", "criticism_official", "other", 1),
    ("Đội trưởng đội quản lý trật tự đô thị xử lý hàng quán lấn chiếm kiểu 'chỗ nặng chỗ nhẹ'. Đề nghị làm công bằng, ai sai cũng phải xử.", "criticism_official", "other", 1),
    ("cán bộ phường tiếp dân mà mặt cứ nặng như chì, hỏi gì cũng 'lên mạng mà xem'. thái độ vậy thì nên đi học lại kỹ năng phục vụ nhân dân", "criticism_official", "other", 1),
    ("Chủ tịch xã ký xác nhận nguồn gốc đất sai làm mấy hộ tranh chấp cả năm trời. Cần làm rõ trách nhiệm cá nhân trong vụ này.", "criticism_official", "other", 1),
    ("Trưởng phòng quản lý đô thị cấp phép cho nhà cao tầng chắn lối thoát nước của cả khu. Quyết định cẩu thả, đề nghị thanh tra vào cuộc.", "criticism_official", "other", 1),
    ("Lãnh đạo công ty môi trường đô thị nên xin lỗi dân vì để rác tồn đọng cả tuần dịp Tết. Làm việc như vậy là kém.", "criticism_official", "other", 1),
    ("Giám đốc trung tâm y tế cần chịu trách nhiệm về tình trạng thiếu vắc xin kéo dài. Câu giải thích 'do cấp trên chưa cấp' dân nghe mãi rồi.", "criticism_official", "other", 1),
    ("Cán bộ kiểm lâm địa bàn để rừng phòng hộ bị chặt ngay sát đường mà không biết? Hoặc là thiếu trách nhiệm, hoặc có vấn đề, đề nghị làm rõ.", "criticism_official", "other", 1),
    ("Hiệu trưởng cho học sinh nghỉ học để đi đón đoàn khách là không đúng. Nhà trường là để dạy học, không phải để làm phong trào.", "criticism_official", "other", 1),
    ("Thanh tra xây dựng đi kiểm tra rồi về, công trình sai phép vẫn lên tiếp tầng 5. Kiểm tra kiểu gì vậy? Đề nghị cấp trên làm rõ.", "criticism_official", "other", 1),
    ("Lãnh đạo UBND xã nhận đơn của dân 2 tháng không trả lời là quá thời hạn giải quyết khiếu nại. Tôi sẽ gửi đơn lên tỉnh.", "criticism_official", "other", 1),
    ("Trưởng công an xã nên xem lại cách chỉ đạo cấp dưới, tổ tuần tra đi ngang sòng bạc mà như không thấy. Dân mất lòng tin lắm.", "criticism_official", "other", 1),
    ("Thật sự không chấp nhận được khi chủ tịch phường vắng mặt trong buổi đối thoại về chính dự án mà phường đề xuất.", "criticism_official", "other", 1),
    ("Giám đốc ban quản lý chợ để tiểu thương ngồi dưới mái tôn dột nát mấy năm, thu phí đều mà không sửa. Không làm được thì đề nghị thay người.", "criticism_official", "other", 1),
    ("Cán bộ phụ trách chính sách xã hội của xã lập danh sách hộ nghèo sai, người khá giả thì có, người khó khăn thì không. Yêu cầu rà soát lại công khai.", "criticism_official", "other", 1),
    ("Thật buồn khi một phó giám đốc sở trả lời báo chí rằng 'dân tự chịu' về việc nước nhiễm phèn. Phát ngôn thiếu trách nhiệm, nên xin lỗi người dân.", "criticism_official", "other", 1),
    ("Chủ tịch UBND xã cần công khai lý do chậm chi trả tiền hỗ trợ lũ lụt cho bà con. Đã 4 tháng rồi, chậm vậy là tắc trách.", "criticism_official", "other", 1),

    # ---- complaint_road: roads, bridges, traffic safety (grievance) ----
    ("Đoạn Quốc lộ 1 qua Phường Ba Đồn ổ gà chi chít, tối qua lại có người té xe. Xin hỏi Sở Xây dựng bao giờ thì vá?", "complaint_road", "grievance", 1),
    ("Đèn đường khu vực đầu cầu Nhật Lệ tắt cả tuần nay, đi tối rất nguy hiểm. Mong đơn vị quản lý kiểm tra giúp.", "complaint_road", "grievance", 1),
    ("Đường vào thôn ở Xã Quảng Ninh mùa mưa thành ruộng bùn, xe cứu thương không vào được. Kính đề nghị xã xem xét làm đường bê tông.", "complaint_road", "grievance", 1),
    ("Nắp cống trên đường Hùng Vương bị vỡ mấy hôm rồi, chỉ cắm cành cây báo hiệu. Ai có trách nhiệm làm ơn xử lý trước khi có tai nạn.", "complaint_road", "grievance", 1),
    ("Xin hỏi dự án nâng cấp Quốc lộ 9 đoạn qua Xã Cam Lộ bao giờ xong? Bụi mù mịt cả năm, nhà dân hai bên ho sù sụ.", "complaint_road", "grievance", 1),
    ("Biển báo tốc độ ở dốc gần Xã Khe Sanh bị cây che khuất, xe tải xuống dốc nhanh lắm. Đề nghị phát quang và đặt thêm gương cầu lồi.", "complaint_road", "grievance", 1),
    ("Cầu treo qua suối ở thôn em ván gỗ mục hết rồi, học sinh đi học qua đó ngày hai lượt. Mong chính quyền Xã Lệ Thủy kiểm tra sửa chữa sớm.", "complaint_road", "grievance", 1),
    ("Ngã ba vào chợ Đông Hà không có đèn tín hiệu, sáng nào cũng kẹt cứng. Có thể bố trí người điều tiết giờ cao điểm được không ạ?", "complaint_road", "grievance", 1),
    ("Đường mới làm xong ở Phường Đồng Hới mà mưa một trận đã bong nhựa từng mảng. Đề nghị kiểm tra chất lượng công trình và yêu cầu bảo hành.", "complaint_road", "grievance", 1),
    ("Xe chở cát chạy suốt đêm trên đường liên thôn ở Xã Bố Trạch, đường nát, dân mất ngủ. Xin cơ quan chức năng kiểm tra tải trọng.", "complaint_road", "grievance", 1),
    ("Vạch sơn qua đường trước trường tiểu học ở Phường Quảng Trị mờ hết, không có biển báo khu vực trường học. Các cháu băng qua đường rất nguy hiểm.", "complaint_road", "grievance", 1),
    ("duong tu cho Lao Bao vao cua khau bi lun mot doan dai, xe container di qua rung ca nha. mong so xay dung xuong kiem tra giup dan", "complaint_road", "grievance", 1),
    ("Xin phản ánh: mương thoát nước dọc đường ở Xã Vĩnh Linh bị lấp, mưa là nước tràn lên mặt đường. Kính mong xã cho nạo vét.", "complaint_road", "grievance", 1),
    ("Điểm dừng xe buýt trước Bệnh viện đa khoa tỉnh Quảng Trị không có mái che, người bệnh đứng nắng chờ xe. Đề nghị bổ sung nhà chờ.", "complaint_road", "grievance", 1),
    ("Cho hỏi đoạn đường ven sông Gianh bị sạt lở từ mùa lũ năm ngoái đến nay đã có kế hoạch khắc phục chưa? Xe máy đi qua phải né sát mép.", "complaint_road", "grievance", 1),

    # ---- complaint_hospital: hospitals, clinics, health insurance (grievance) ----
    ("Đưa mẹ đi khám ở Bệnh viện Hữu nghị Việt Nam - Cu Ba Đồng Hới, chờ từ 6h sáng đến 11h mới tới lượt. Mong bệnh viện cải thiện khâu lấy số.", "complaint_hospital", "grievance", 1),
    ("Nhà vệ sinh khu nội trú khoa Nhi Bệnh viện đa khoa tỉnh Quảng Trị hôi quá, vòi nước hỏng mấy ngày. Xin bệnh viện cho người sửa.", "complaint_hospital", "grievance", 1),
    ("Có bảo hiểm y tế đúng tuyến mà vẫn phải mua thêm thuốc ngoài danh mục gần 1 triệu. Xin hỏi Sở Y tế như vậy có đúng quy định không?", "complaint_hospital", "grievance", 1),
    ("Trạm y tế xã chúng tôi chiều thứ Bảy không có ai trực, con sốt cao phải chạy 20 cây số lên bệnh viện. Đề nghị bố trí trực đầy đủ.", "complaint_hospital", "grievance", 1),
    ("Nhân viên quầy thu viện phí nói chuyện cộc lốc, hỏi thêm câu là gắt. Bệnh nhân đã mệt rồi, mong bệnh viện nhắc nhở.", "complaint_hospital", "grievance", 1),
    ("Xin hỏi Bệnh viện đa khoa tỉnh Quảng Trị: tại sao kết quả xét nghiệm máu phải chờ tới 2 ngày? Bệnh nhân ở xa đi lại rất vất vả.", "complaint_hospital", "grievance", 1),
    ("Bãi gửi xe bệnh viện thu 10 nghìn xe máy qua đêm mà không có vé, không niêm yết giá. Như vậy có phải thu sai quy định không ạ?", "complaint_hospital", "grievance", 1),
    ("Con tôi nằm viện 5 ngày, giường nằm ghép 3 bé một giường. Biết là quá tải nhưng mong tỉnh sớm có giải pháp mở rộng khoa Nhi.", "complaint_hospital", "grievance", 1),
    ("Cho em hỏi trung tâm y tế khu vực Khe Sanh có bác sĩ chuyên khoa sản trực thường xuyên không ạ? Vợ em sắp sinh mà nghe nói phải chuyển xuống Đông Hà.", "complaint_hospital", "grievance", 1),
    ("Máy lạnh phòng bệnh hỏng giữa mùa nắng 39 độ, bệnh nhân người già rất khổ. Kính mong ban giám đốc bệnh viện quan tâm.", "complaint_hospital", "grievance", 1),
    ("Tôi bị từ chối cấp giấy chuyển tuyến dù bác sĩ ghi cần phẫu thuật chuyên sâu. Xin Sở Y tế hướng dẫn quy trình để tôi thực hiện đúng.", "complaint_hospital", "grievance", 1),
    ("Gọi xe cấp cứu 115 mất 40 phút mới tới Xã Hải Lăng. Không biết do thiếu xe hay do điều phối, mong được giải thích.", "complaint_hospital", "grievance", 1),
    ("benh vien gi ma bon ve sinh dat ngay hanh lang, nguoi nha benh nhan nam ngoai hanh lang ngui mui. can cai thien gap", "complaint_hospital", "grievance", 1),
    ("Thuốc cấp theo bảo hiểm ở bệnh viện cứ hết, bảo ra ngoài mua. Người bệnh mạn tính như bố tôi tháng nào cũng tốn thêm tiền.", "complaint_hospital", "grievance", 1),
    ("Phòng khám dịch vụ ngoài giờ của bệnh viện thu phí cao nhưng bác sĩ khám chưa tới 3 phút. Đề nghị bệnh viện xem lại chất lượng.", "complaint_hospital", "grievance", 1),

    # ---- complaint_school: schools, fees, safety (grievance) ----
    ("Trường tiểu học ở Phường Đông Hà thu tiền máy chiếu, rèm cửa, quạt... mỗi em 500 nghìn. Xin hỏi Sở Giáo dục và Đào tạo các khoản này có đúng quy định?", "complaint_school", "grievance", 1),
    ("Bếp ăn bán trú trường mầm non cho các cháu ăn cơm với canh toàn nước. Phụ huynh xin được công khai thực đơn và chi phí.", "complaint_school", "grievance", 1),
    ("Phòng học ở điểm trường thôn bị dột, mưa là cô trò phải kê bàn tránh nước. Mong xã hỗ trợ sửa mái trước mùa mưa bão.", "complaint_school", "grievance", 1),
    ("Con tôi bị ép đi học thêm ở nhà cô chủ nhiệm, không đi thì bị 'để ý'. Phụ huynh rất bức xúc, đề nghị nhà trường làm rõ.", "complaint_school", "grievance", 1),
    ("Xin hỏi lịch thi tuyển sinh lớp 10 năm nay của tỉnh đã chốt chưa ạ? Thông tin trên nhóm phụ huynh mỗi người nói một kiểu.", "complaint_school", "grievance", 1),
    ("Nhà vệ sinh trường THCS không có nước, các con nhịn đi vệ sinh cả buổi. Đề nghị nhà trường và cơ quan quản lý kiểm tra ngay.", "complaint_school", "grievance", 1),
    ("Xe đưa đón học sinh của trường chở quá số người, các cháu ngồi chen chúc. Đề nghị cơ quan chức năng kiểm tra vì an toàn của trẻ.", "complaint_school", "grievance", 1),
    ("Nhà trường bắt mua cả bộ sách giáo khoa kèm sách tham khảo, giá gần 1 triệu. Có bắt buộc không hay phụ huynh được tự chọn?", "complaint_school", "grievance", 1),
    ("Học sinh ở Xã Phong Nha phải lội suối đi học vì chưa có cầu. Mùa mưa các con nghỉ học cả tuần. Xin chính quyền quan tâm.", "complaint_school", "grievance", 1),
    ("Trường con tôi thiếu giáo viên tiếng Anh nửa học kỳ rồi, các con tự học. Khi nào Sở bố trí được giáo viên ạ?", "complaint_school", "grievance", 1),
    ("Sân trường ở Phường Ba Đồn ngập mỗi khi mưa to, học sinh phải xắn quần lội vào lớp. Mong nâng nền sân trong dịp hè.", "complaint_school", "grievance", 1),
    ("Em là học sinh lớp 12, xin hỏi năm nay có hỗ trợ ký túc xá cho học sinh vùng xa học ở trường chuyên không ạ?", "complaint_school", "grievance", 1),
    ("Cô giáo phạt học sinh đứng ngoài nắng cả tiết vì không thuộc bài. Phụ huynh mong nhà trường nhắc nhở, giáo dục kiểu này không ổn.", "complaint_school", "grievance", 1),
    ("Ban đại diện cha mẹ học sinh thu quỹ lớp 1 triệu mỗi em mà chi không công khai. Xin hỏi quy định hiện nay về quỹ này như thế nào?", "complaint_school", "grievance", 1),
    ("truong mam non o xa Gio Linh chi nhan tre tu 18 thang, con em moi 12 thang thi gui o dau? mong xa mo them nhom tre", "complaint_school", "grievance", 1),

    # ---- complaint_land: land records, compensation, planning (grievance) ----
    ("Gia đình tôi nộp hồ sơ cấp sổ đỏ ở Xã Bố Trạch từ tháng 3 đến nay chưa có kết quả, quá hạn rất lâu. Xin hỏi hồ sơ đang vướng ở khâu nào?", "complaint_land", "grievance", 1),
    ("Nhà hàng xóm xây tường lấn sang đất tôi gần nửa mét, đã báo xã mà chưa ai xuống đo đạc. Mong cán bộ địa chính giải quyết.", "complaint_land", "grievance", 1),
    ("Giá bồi thường đất vườn dự án ở Phường Đông Hà chỉ bằng một phần ba giá chuyển nhượng. Xin công khai căn cứ tính giá.", "complaint_land", "grievance", 1),
    ("Đất nhà tôi bị ghi sai diện tích trong sổ, muốn đính chính mà đi mấy lần vẫn chưa được. Xin hướng dẫn thủ tục cụ thể.", "complaint_land", "grievance", 1),
    ("Xin hỏi khu tái định cư cho các hộ bị thu hồi đất làm đường ven biển bao giờ mới có hạ tầng? Dân đã nhận đất 2 năm mà chưa có điện nước.", "complaint_land", "grievance", 1),
    ("Quy hoạch treo ở khu vực chúng tôi 10 năm nay, không được xây, không được sửa, không được chuyển nhượng. Mong tỉnh sớm quyết định điều chỉnh hay hủy quy hoạch.", "complaint_land", "grievance", 1),
    ("Đất rừng sản xuất nhà tôi được giao từ năm 2000 nay bị chồng lấn với đất lâm trường. Kính đề nghị Sở Nông nghiệp và Môi trường xác minh.", "complaint_land", "grievance", 1),
    ("Hồ sơ tách thửa cho con ở Xã Lệ Thủy bị trả lại 3 lần, mỗi lần một lý do khác nhau. Xin cho biết một lần đầy đủ các yêu cầu.", "complaint_land", "grievance", 1),
    ("Xin hỏi đất ông bà để lại không có giấy tờ, sử dụng ổn định từ trước 1980 thì có được cấp giấy không ạ? Xã bảo chờ mãi.", "complaint_land", "grievance", 1),
    ("Tiền bồi thường cây cối hoa màu cho dự án điện gió ở vùng Khe Sanh tính sai số cây của nhà tôi. Đề nghị kiểm đếm lại có mặt chủ hộ.", "complaint_land", "grievance", 1),
    ("Doanh nghiệp đổ đất san lấp mặt bằng tràn sang ruộng nhà tôi, lúa chết cả sào. Báo xã mấy lần chưa thấy xử lý.", "complaint_land", "grievance", 1),
    ("Thông báo thu hồi đất chỉ dán ở nhà văn hóa thôn, nhiều hộ đi làm ăn xa không biết. Đề nghị gửi văn bản trực tiếp cho từng hộ.", "complaint_land", "grievance", 1),
    ("Chúng tôi đề nghị đăng bản đồ quy hoạch sử dụng đất mới của Phường Đồng Hới lên trang thông tin của phường để dân tiện tra cứu.", "complaint_land", "grievance", 1),
    ("Bên đo đạc thu phí trích đo 3 triệu mà không xuất hóa đơn. Xin hỏi mức phí đúng theo quy định là bao nhiêu?", "complaint_land", "grievance", 1),
    ("dat nha toi o xa Quang Ninh bi ghi ten nguoi khac trong so muc ke, xin hoi phai lam don gui den dau de duoc giai quyet", "complaint_land", "grievance", 1),

    # ---- complaint_utility: water, electricity, garbage, pollution, flooding (grievance) ----
    ("Khu phố tôi ở Phường Đông Hà mất nước 3 ngày liền mà không có thông báo. Bà con phải đi xin nước giếng. Mong công ty cấp nước trả lời.", "complaint_utility", "grievance", 1),
    ("Nước máy ở Phường Ba Đồn mấy hôm nay có màu vàng đục và mùi tanh. Xin hỏi nước có đảm bảo an toàn để nấu ăn không?", "complaint_utility", "grievance", 1),
    ("Bãi rác tạm ở đầu thôn bốc mùi nồng nặc, ruồi nhặng bay vào nhà. Xin xã sớm cho xe thu gom và di dời bãi rác.", "complaint_utility", "grievance", 1),
    ("Cứ mưa to 30 phút là đường Lý Thường Kiệt ngập đến đầu gối. Hệ thống thoát nước có vấn đề, mong được khắc phục.", "complaint_utility", "grievance", 1),
    ("Điện chập chờn cả tuần nay ở Xã Vĩnh Linh, cháy mấy cái tủ lạnh rồi. Xin ngành điện kiểm tra lại trạm biến áp.", "complaint_utility", "grievance", 1),
    ("Xưởng chế biến gỗ ở cụm công nghiệp xả bụi và gây ồn cả đêm. Dân quanh đó không ngủ được, xin kiểm tra việc tuân thủ quy định môi trường.", "complaint_utility", "grievance", 1),
    ("Mặt sông Thạch Hãn đoạn qua Phường Quảng Trị có nhiều rác thải và váng dầu. Đề nghị cơ quan môi trường lấy mẫu kiểm tra.", "complaint_utility", "grievance", 1),
    ("Xin hỏi tại sao hóa đơn tiền nước tháng này tăng gấp 3 trong khi nhà tôi không thay đổi thói quen sử dụng?", "complaint_utility", "grievance", 1),
    ("Xe rác đổ rác xong để nước rỉ chảy lênh láng trên đường, mùi kinh khủng. Mong công ty môi trường xử lý.", "complaint_utility", "grievance", 1),
    ("Trạm bơm tiêu úng ở Lệ Thủy hỏng đúng mùa mưa, ruộng ngập trắng. Mong ngành nông nghiệp cho sửa gấp.", "complaint_utility", "grievance", 1),
    ("Cắt điện không báo trước, quán tôi mất cả buổi bán hàng, thực phẩm hỏng hết. Đề nghị điện lực thông báo sớm ít nhất 1 ngày.", "complaint_utility", "grievance", 1),
    ("Chiều nào cũng có người đốt rơm rạ, khói mù mịt cả xóm, trẻ con ho. Xin xã tuyên truyền và có biện pháp.", "complaint_utility", "grievance", 1),
    ("Khu dân cư mới ở Xã Gio Linh đã có người ở hai năm mà chưa có đường ống nước sạch, phải dùng nước giếng nhiễm phèn.", "complaint_utility", "grievance", 1),
    ("cong thoat nuoc truoc nha em o Dong Hoi bi tac, nuoc thai den ngom boc mui. mong phuong cho nguoi xuong thong cong a", "complaint_utility", "grievance", 1),
    ("Cá chết nổi trắng ở hồ điều hòa trung tâm mấy ngày nay. Xin hỏi cơ quan chức năng đã có kết quả kiểm tra nguyên nhân chưa?", "complaint_utility", "grievance", 1),

    # ---- petition_dialogue: lawful petitions, letters, requests for dialogue (grievance) ----
    ("Bà con khu phố 4 ai đồng ý đề nghị làm lại mương thoát nước thì ký tên vào đơn kiến nghị, tối thứ Sáu tập hợp tại nhà văn hóa để gửi lên phường.", "petition_dialogue", "grievance", 1),
    ("Chúng tôi đề nghị UBND xã tổ chức buổi đối thoại công khai với các hộ bị ảnh hưởng bởi dự án mở rộng đường. Mong xã sắp xếp thời gian.", "petition_dialogue", "grievance", 1),
    ("Kêu gọi phụ huynh trường tiểu học cùng ký thư góp ý gửi Sở Giáo dục và Đào tạo về các khoản thu đầu năm. Mẫu thư mình để trong nhóm phụ huynh.", "petition_dialogue", "grievance", 1),
    ("Các hộ tiểu thương chợ cũ thống nhất gửi kiến nghị bằng văn bản lên UBND tỉnh về phương án di dời chợ. Ai muốn góp ý nội dung thì nhắn mình.", "petition_dialogue", "grievance", 1),
    ("Đề nghị đại biểu HĐND đưa vấn đề ngập úng vào buổi tiếp xúc cử tri kỳ này. Mọi người nhớ đến dự đông đủ và phát biểu nhé.", "petition_dialogue", "grievance", 1),
    ("Mình đã soạn đơn kiến nghị về việc nhà máy gây ô nhiễm, hiện có 126 chữ ký. Thứ Hai sẽ nộp tại bộ phận một cửa và gửi bản sao cho Sở Nông nghiệp và Môi trường.", "petition_dialogue", "grievance", 1),
    ("Ngư dân ở Xã Quảng Ninh mong được gặp lãnh đạo tỉnh để trình bày khó khăn về cảng cá. Chúng tôi đã gửi văn bản xin lịch tiếp dân.", "petition_dialogue", "grievance", 1),
    ("Kính gửi UBND Phường Đồng Hới: chúng tôi, các hộ dân tổ dân phố 7, kiến nghị lắp đèn chiếu sáng cho kiệt 15 và kiệt 17. Danh sách chữ ký đính kèm.", "petition_dialogue", "grievance", 1),
    ("Ai ở thôn Tân Lập quan tâm việc làm cầu qua suối thì chiều Chủ nhật họp ở nhà văn hóa thôn, thống nhất nội dung kiến nghị gửi xã nha.", "petition_dialogue", "grievance", 1),
    ("Đề xuất mọi người gửi phản ánh qua cổng dịch vụ công và đường dây nóng của tỉnh thay vì chỉ bức xúc trên mạng. Càng nhiều phản ánh chính thức càng nhanh được xử lý.", "petition_dialogue", "grievance", 1),
    ("Hội người cao tuổi xã kiến nghị mở tuyến xe buýt trợ giá đi bệnh viện tỉnh. Đơn đã có chữ ký của 300 cụ, sẽ chuyển qua Mặt trận xã.", "petition_dialogue", "grievance", 1),
    ("Chúng tôi xin được tổ chức buổi họp dân có mặt đại diện chủ đầu tư để làm rõ phương án bồi thường. Mong xã đứng ra làm cầu nối.", "petition_dialogue", "grievance", 1),
    ("Mời bà con ký tên ủng hộ kiến nghị giữ lại bãi tắm công cộng ở Bảo Ninh cho người dân. Ký trực tiếp tại quán nước đầu kiệt hoặc điền phiếu online.", "petition_dialogue", "grievance", 1),
    ("Phụ huynh lớp 5A thống nhất đề nghị gặp ban giám hiệu để trao đổi về việc dạy thêm. Trưởng ban phụ huynh sẽ gửi giấy đề nghị.", "petition_dialogue", "grievance", 1),
    ("Tiểu thương chợ Đông Hà đề nghị được đối thoại trực tiếp với ban quản lý chợ và UBND phường về mức phí mới trước khi áp dụng.", "petition_dialogue", "grievance", 1),

    # ---- news_report: news sentences, incl. crime/violence/disaster words (other) ----
    ("Công an tỉnh Quảng Trị vừa bắt giữ 3 đối tượng lừa đảo giả danh nhân viên ngân hàng, chiếm đoạt hơn 2 tỷ đồng của 15 người dân.", "news_report", "other", 1),
    ("Một vụ tai nạn giao thông nghiêm trọng xảy ra trên Quốc lộ 1 đoạn qua Xã Hải Lăng khiến 2 người tử vong, 1 người bị thương nặng.", "news_report", "other", 1),
    ("Vụ đâm chém tại quán nhậu ở Phường Đông Hà: cơ quan công an đã tạm giữ hình sự đối tượng gây án sau 6 giờ truy xét.", "news_report", "other", 1),
    ("CHÁY LỚN TẠI KHO HÀNG Ở PHƯỜNG ĐỒNG HỚI, KHÔNG CÓ THIỆT HẠI VỀ NGƯỜI", "news_report", "other", 1),
    ("Theo Sở Y tế, từ đầu năm đến nay toàn tỉnh ghi nhận 1.245 ca sốt xuất huyết, tăng 30% so với cùng kỳ, chưa có ca tử vong.", "news_report", "other", 1),
    ("Lũ trên sông Gianh lên nhanh, hàng trăm hộ dân ở vùng trũng Phường Ba Đồn đã được di dời đến nơi an toàn trong đêm qua.", "news_report", "other", 1),
    ("Công an phường bắt quả tang đối tượng giả danh nhân viên điện lực đến nhà người già thu tiền 'kiểm tra công tơ'.", "news_report", "other", 1),
    ("Tòa án nhân dân tỉnh mở phiên xét xử vụ lừa đảo đầu tư tiền ảo, bị cáo chủ mưu lĩnh 12 năm tù.", "news_report", "other", 1),
    ("Một ngư dân ở Xã Vĩnh Linh mất tích khi đánh bắt gần bờ, lực lượng biên phòng đang tổ chức tìm kiếm.", "news_report", "other", 1),
    ("Xe khách lật trên đèo thuộc Quốc lộ 9, hơn 10 hành khách bị thương được đưa đến trung tâm y tế khu vực Khe Sanh cấp cứu.", "news_report", "other", 1),
    ("Phòng Cảnh sát hình sự triệt phá đường dây cho vay nặng lãi qua app với lãi suất lên tới 1.000%/năm, thu giữ nhiều tài liệu liên quan.", "news_report", "other", 1),
    ("Nam thanh niên bị đánh trọng thương sau va chạm giao thông ở Xã Lệ Thủy, công an đang truy tìm nhóm đối tượng.", "news_report", "other", 1),
    ("Cháy nhà trong đêm ở Xã Cam Lộ, người dân phá cửa cứu 2 cháu nhỏ thoát nạn.", "news_report", "other", 1),
    ("Bão gây mưa lớn, nhiều tuyến đường ở Xã Phong Nha bị chia cắt; chính quyền đã sơ tán 500 hộ dân.", "news_report", "other", 1),
    ("Báo và Phát thanh, Truyền hình Quảng Trị ghi nhận hàng loạt tài khoản mạng xã hội mạo danh UBND tỉnh để lừa bán 'suất mua nhà ở xã hội'.", "news_report", "other", 1),
    ("Công an tỉnh khởi tố đối tượng giả danh cán bộ Viện kiểm sát gọi điện yêu cầu nạn nhân chuyển 800 triệu đồng vào 'tài khoản tạm giữ'.", "news_report", "other", 1),
    ("Xử phạt 7,5 triệu đồng chủ tài khoản Facebook đăng tin sai sự thật về vỡ đập thủy điện gây hoang mang dư luận.", "news_report", "other", 1),
    ("Dịch tả lợn châu Phi bùng phát tại 3 thôn ở Xã Gio Linh, hơn 200 con lợn đã bị tiêu hủy.", "news_report", "other", 1),
    ("Va chạm giữa xe tải và xe máy trên đường Hồ Chí Minh, người điều khiển xe máy tử vong tại chỗ.", "news_report", "other", 1),
    ("Bắt giữ nhóm đối tượng dùng hung khí gây rối trật tự công cộng tại khu vực bãi biển, thu giữ 2 con dao tự chế.", "news_report", "other", 1),
    ("Lao Bảo: lực lượng chức năng bắt giữ xe chở 500 kg pháo lậu qua biên giới.", "news_report", "other", 1),
    ("Theo Công an tỉnh, 6 tháng đầu năm xảy ra hơn 80 vụ lừa đảo qua mạng với tổng thiệt hại khoảng 40 tỷ đồng; thủ đoạn phổ biến là giả danh cơ quan nhà nước.", "news_report", "other", 1),
    ("Một cụ bà ở Phường Đồng Hới bị lừa mất 300 triệu đồng sau cuộc gọi tự xưng 'công an' báo con trai bị bắt.", "news_report", "other", 1),
    ("Mưa lớn gây sạt lở đất vùi lấp một căn nhà ở vùng núi phía tây tỉnh, rất may gia đình đã sơ tán trước đó.", "news_report", "other", 1),
    ("Trung tâm Kiểm soát bệnh tật tỉnh cho biết tuần qua ghi nhận 48 ca tay chân miệng, chủ yếu ở trẻ dưới 5 tuổi.", "news_report", "other", 1),
    ("Hai nhóm thanh niên hỗn chiến bằng hung khí tại Phường Đông Hà, công an đã triệu tập 9 đối tượng liên quan.", "news_report", "other", 1),
    ("Khởi tố vụ án giết người xảy ra tại Xã Bố Trạch, nghi phạm đã ra đầu thú sau 2 ngày lẩn trốn.", "news_report", "other", 1),
    ("Tàu cá bị chìm do sóng lớn ngoài khơi cửa Nhật Lệ, 7 thuyền viên được tàu bạn cứu sống.", "news_report", "other", 1),
    ("Xuất hiện website giả mạo Cổng dịch vụ công để lừa người dân nộp phạt giao thông, Công an tỉnh đề nghị người dân cảnh giác.", "news_report", "other", 1),
    ("Bệnh viện đa khoa tỉnh Quảng Trị phẫu thuật thành công cho bệnh nhân bị cành cây đâm xuyên bụng khi đi rừng.", "news_report", "other", 1),
    ("Công an Xã Khe Sanh bắt đối tượng mạo danh cảnh sát giao thông, thu tiền 'phạt nóng' của tài xế xe tải.", "news_report", "other", 1),
    ("Ngộ độc thực phẩm sau tiệc cưới ở Xã Quảng Ninh, 47 người phải nhập viện; Sở Y tế đã lấy mẫu xét nghiệm.", "news_report", "other", 1),
    ("Nước sông Thạch Hãn dâng cao, Phường Quảng Trị khuyến cáo người dân không đi lại qua các ngầm tràn.", "news_report", "other", 1),
    ("Phát hiện 2 tấn nội tạng động vật bốc mùi hôi thối tại một cơ sở kinh doanh, cơ quan thú y đã tiêu hủy toàn bộ.", "news_report", "other", 1),
    ("Nạn nhân 19 tuổi bị lừa sang nước ngoài làm 'việc nhẹ lương cao' đã được giải cứu và đưa về quê an toàn.", "news_report", "other", 1),
    ("Hỏa hoạn thiêu rụi 3 ki-ốt tại chợ Ba Đồn trong đêm, thiệt hại ước tính hơn 1 tỷ đồng.", "news_report", "other", 1),
    ("Đối tượng trộm xe máy ở bãi xe bệnh viện bị camera ghi lại, công an phường đã bắt giữ và thu hồi tài sản.", "news_report", "other", 1),
    ("Một học sinh đuối nước khi tắm sông ở Xã Cam Lộ; ngành giáo dục khuyến cáo phụ huynh quản lý con em dịp hè.", "news_report", "other", 1),
    ("TIN NÓNG: Bắt giữ 2 đối tượng mạo danh nhân viên bưu điện gọi điện báo 'bưu phẩm chứa ma túy' để tống tiền người dân.", "news_report", "other", 1),
    ("Đoàn kiểm tra liên ngành phát hiện cơ sở sản xuất giò chả dùng hàn the tại Phường Đồng Hới, xử phạt 25 triệu đồng.", "news_report", "other", 1),

    # ---- official_notice: notices, schedules, scam warnings quoting the scam (other) ----
    ("THÔNG BÁO: Điện lực khu vực tạm ngừng cấp điện từ 7h00 đến 16h00 ngày 15/8 để bảo dưỡng đường dây tại các tổ dân phố 3, 4, 5 Phường Đông Hà. Mong quý khách hàng thông cảm.", "official_notice", "other", 1),
    ("UBND Xã Lệ Thủy thông báo: tổ chức tiêm vắc xin sởi – rubella cho trẻ từ 1 đến 5 tuổi vào sáng thứ Bảy tại trạm y tế xã. Phụ huynh mang theo sổ tiêm chủng.", "official_notice", "other", 1),
    ("Hưởng ứng ngày tổng vệ sinh môi trường, đề nghị toàn thể hộ gia đình tổ dân phố 2 dọn dẹp khu vực trước nhà vào 6h30 sáng Chủ nhật.", "official_notice", "other", 1),
    ("Sở Giáo dục và Đào tạo thông báo thời gian đăng ký dự tuyển lớp 10 từ ngày 10/5 đến 20/5, thí sinh đăng ký trực tuyến trên hệ thống tuyển sinh của Sở.", "official_notice", "other", 1),
    ("CẢNH BÁO LỪA ĐẢO: Công an không làm việc qua điện thoại và không yêu cầu chuyển tiền. Nếu nhận được tin nhắn 'Bạn có giấy triệu tập, liên hệ số 0912 605 338', hãy báo ngay cho công an nơi gần nhất.", "official_notice", "other", 1),
    ("Công an phường khuyến cáo: gần đây xuất hiện tin nhắn 'Tài khoản VNeID của bạn bị khóa, truy cập vneid-xacthuc.com để mở lại'. Đây là trang giả mạo, tuyệt đối không truy cập.", "official_notice", "other", 1),
    ("Đường dây nóng tiếp nhận phản ánh về an toàn thực phẩm của Sở Y tế: 0233 3888 115 (trong giờ hành chính). Người dân phát hiện vi phạm xin liên hệ.", "official_notice", "other", 1),
    ("Thông báo lịch tiếp công dân định kỳ của Chủ tịch UBND Phường Đồng Hới: sáng thứ Năm tuần thứ hai hằng tháng tại trụ sở phường.", "official_notice", "other", 1),
    ("Trường THPT thông báo tuyển sinh lớp 10 năm học mới: chỉ tiêu 450 học sinh, 10 lớp. Hồ sơ nộp tại văn phòng nhà trường trong giờ hành chính.", "official_notice", "other", 1),
    ("Sở Nông nghiệp và Môi trường khuyến cáo bà con tạm dừng gieo sạ vụ Hè Thu trong 5 ngày tới do dự báo có mưa lớn.", "official_notice", "other", 1),
    ("Thông báo: cầu phao tạm thời đóng từ 18h hôm nay do nước sông Gianh lên cao. Người và phương tiện đi đường vòng qua cầu chính.", "official_notice", "other", 1),
    ("BHXH tỉnh lưu ý: cơ quan BHXH không gọi điện hay nhắn tin yêu cầu cập nhật thông tin qua đường link. Các tin nhắn kiểu 'bhxh-capnhat.net' đều là giả mạo.", "official_notice", "other", 1),
    ("UBND Xã Bố Trạch thông báo chi trả trợ cấp xã hội tháng 9 tại nhà văn hóa các thôn từ ngày 5 đến ngày 7. Đề nghị người hưởng mang theo CCCD.", "official_notice", "other", 1),
    ("Ban Chỉ huy phòng thủ dân sự tỉnh: bão đang hướng vào đất liền, đề nghị tàu thuyền khẩn trương vào nơi tránh trú, người dân gia cố nhà cửa, không ra biển từ 12h ngày mai.", "official_notice", "other", 1),
    ("Thông báo tuyển dụng viên chức: Sở Y tế tuyển 25 chỉ tiêu điều dưỡng, hồ sơ nộp trực tiếp tại Sở. Sở không thu bất kỳ khoản 'chạy việc' nào, mọi lời mời nộp tiền đều là lừa đảo.", "official_notice", "other", 1),
    ("Ngân hàng không bao giờ gửi đường link yêu cầu nhập mã OTP. Các tin nhắn dẫn tới trang như 'vietcombank-xacthuc.com' là giả mạo, quý khách vui lòng xóa ngay.", "official_notice", "other", 1),
    ("Phường Quảng Trị thông báo phun hóa chất diệt muỗi phòng chống sốt xuất huyết tại khu phố 1, 2 vào sáng thứ Ba. Đề nghị các hộ mở cửa, che đậy thức ăn.", "official_notice", "other", 1),
    ("Trung tâm Văn hóa – Thể thao thông báo: giải bóng đá thiếu niên sẽ khai mạc lúc 15h ngày 20/7 tại sân vận động trung tâm.", "official_notice", "other", 1),
    ("UBND tỉnh thông báo lấy ý kiến nhân dân về dự thảo quy hoạch giao thông đô thị, góp ý gửi về Sở Xây dựng trước ngày 30/9.", "official_notice", "other", 1),
    ("Cảnh báo thủ đoạn: đối tượng gọi điện tự xưng cán bộ thuế, yêu cầu cài ứng dụng từ link lạ. Cơ quan thuế chỉ hướng dẫn tải ứng dụng từ kho ứng dụng chính thức.", "official_notice", "other", 1),
    ("Thông báo lịch thu gom rác mới tại Phường Ba Đồn: xe thu gom đi qua các tuyến phố chính từ 17h đến 19h hằng ngày. Đề nghị không để rác ra đường ngoài khung giờ.", "official_notice", "other", 1),
    ("Công an tỉnh thông báo: người dân tố giác tội phạm gọi số 113 hoặc liên hệ trực tiếp công an xã, phường nơi cư trú.", "official_notice", "other", 1),
    ("Trạm y tế Phường Đông Hà tổ chức khám sàng lọc tăng huyết áp, đái tháo đường miễn phí cho người từ 40 tuổi vào ngày 12/10.", "official_notice", "other", 1),
    ("Thông báo tạm ngừng cấp nước từ 22h ngày 3/6 đến 5h ngày 4/6 để sửa chữa đường ống chính dọc Quốc lộ 9, mong khách hàng chủ động dự trữ nước.", "official_notice", "other", 1),
    ("Khuyến cáo: bưu điện không thu phí giao hàng qua tin nhắn chứa link. Tin nhắn 'Buu pham cua ban bi giu, thanh toan phi tai vnpost-giaohang.info' là giả mạo.", "official_notice", "other", 1),
    ("Ban quản lý Vườn quốc gia thông báo tạm dừng đón khách tham quan hang động từ ngày mai do mưa lũ, du khách đã đặt vé được hoàn tiền đầy đủ.", "official_notice", "other", 1),
    ("Kết quả tuyển sinh lớp 6 được niêm yết tại bảng tin nhà trường và trang thông tin điện tử của trường từ ngày 25/6.", "official_notice", "other", 1),
    ("UBND Xã Khe Sanh thông báo: diễn tập phòng cháy chữa cháy rừng vào sáng ngày 18/4, người dân nghe tiếng còi báo động không hoang mang.", "official_notice", "other", 1),

    # ---- warning_scam: citizens warning others, quoting the scam (other) ----
    ("Mọi người ơi cẩn thận, mình vừa nhận tin 'Vietcombank: TK cua quy khach bi tam khoa, vui long xac thuc tai vietcombank-xacthuc.com'. Link giả đó, đừng ai bấm nha!!!", "warning_scam", "other", 1),
    ("Cảnh báo: có đứa lấy ảnh đại diện Facebook của em trai mình nhắn tin mượn tiền bạn bè. Ai nhận được tin hỏi vay thì đừng chuyển, lừa đảo đấy.", "warning_scam", "other", 1),
    ("Bà con lưu ý, số 0856 214 397 gọi tự xưng công an phường bảo mình có giấy triệu tập. Mình ra hỏi thẳng công an phường thì không có chuyện đó. Lừa đảo đó mọi người.", "warning_scam", "other", 1),
    ("Ai nhận SMS báo bưu phẩm bị giữ, đòi trả phí ở vnpost-giaohang.info thì xóa đi nhé. Mẹ mình suýt chuyển 30 nghìn, mà vào trang đó là mất luôn tài khoản.", "warning_scam", "other", 1),
    ("Zalo tên 'Tuyển dụng Shopee' số 0789 335 102 mời làm việc online, like video nhận hoa hồng. Mình làm thử bị bắt nạp tiền, mất 5 triệu. Đừng ai dính nha.", "warning_scam", "other", 1),
    ("CẢNH GIÁC!!! Nhóm Telegram 'Đầu tư cùng chuyên gia' hứa lãi 30%/tháng là lừa đảo, cô mình mất 200 triệu rồi. Chia sẻ cho người thân biết.", "warning_scam", "other", 1),
    ("Mình vừa nhận link 'dichvucong-gov.vn.top' nhắn bảo nộp phạt nguội. Trang thật không có đuôi kiểu đó đâu, mọi người đừng nhập thông tin.", "warning_scam", "other", 1),
    ("Ai đang tìm vay tiền không thế chấp trên Facebook cẩn thận nha, mấy trang đó bắt đóng 'phí giải ngân' trước rồi chặn luôn.", "warning_scam", "other", 1),
    ("anh em cẩn thận, có tin nhắn 'chuc mung ban trung thuong xe SH, lien he 0947 118 620 de nhan giai'. lừa đảo 100%, ko ai cho không xe đâu", "warning_scam", "other", 1),
    ("Tỉnh táo nha cả nhà: cuộc gọi tự xưng nhân viên điện lực nói sẽ cắt điện tối nay nếu không chuyển tiền ngay. Điện lực không bao giờ làm vậy.", "warning_scam", "other", 1),
    ("Bạn mình bị hack Zalo rồi, ai nhận được tin nhắn nhờ chuyển khoản hộ hay link bình chọn thì đừng bấm, đó không phải bạn ấy.", "warning_scam", "other", 1),
    ("Thấy nhiều người share trang 'Quỹ hỗ trợ đồng bào lũ lụt Quảng Trị' dùng số tài khoản cá nhân. Mọi người ủng hộ qua kênh chính thức của Mặt trận nhé, kẻo bị lừa.", "warning_scam", "other", 1),
    ("Cảnh báo: mấy tin nhắn 'BHXH thông báo cập nhật sổ hưu, bấm link' đang gửi cho người già. Ông bà nhà ai thì nhắc giúp, đừng bấm.", "warning_scam", "other", 1),
    ("Mẹ mình nhận cuộc gọi bảo 'con bà bị tai nạn đang cấp cứu, chuyển gấp 50 triệu'. May mà gọi được cho mình. Chiêu này cũ rồi, ai có bố mẹ già nhớ dặn.", "warning_scam", "other", 1),
    ("Mọi người ơi số 0938 477 215 giả làm shipper gọi bảo có đơn COD bị lỗi, bảo quét mã QR để nhận hoàn tiền. Đừng quét nha, quét là mất tiền.", "warning_scam", "other", 1),

    # ---- debunk: correcting false rumours (other) ----
    ("Tin đồn 'vỡ đập thủy lợi, nước sắp về Phường Quảng Trị' lan trên mạng tối qua là sai sự thật. Ban chỉ huy phòng thủ dân sự tỉnh khẳng định các hồ đập đang vận hành an toàn.", "debunk", "other", 1),
    ("Sở Y tế khẳng định không có chuyện uống nước lá đu đủ chữa khỏi sốt xuất huyết. Người bệnh cần đến cơ sở y tế để được theo dõi.", "debunk", "other", 1),
    ("Thông tin 'học sinh toàn tỉnh nghỉ học 2 tuần vì dịch' là giả. Sở Giáo dục và Đào tạo chưa ban hành văn bản nào như vậy.", "debunk", "other", 1),
    ("Clip 'cá voi dạt vào bờ biển Nhật Lệ' đang lan truyền thực chất được quay ở nước ngoài từ nhiều năm trước, không phải ở Quảng Trị.", "debunk", "other", 1),
    ("Không có chuyện UBND tỉnh 'thu hồi toàn bộ đất vườn không có sổ'. Văn bản đang được chia sẻ là giả mạo, con dấu và chữ ký bị cắt ghép.", "debunk", "other", 1),
    ("Bài đăng nói 'vắc xin sởi gây vô sinh' là hoàn toàn sai. Vắc xin đã được dùng hàng chục năm và kiểm định chặt chẽ, phụ huynh yên tâm cho con đi tiêm.", "debunk", "other", 1),
    ("Tin đồn sắp có động đất 8 độ ở miền Trung là vô căn cứ; cơ quan chuyên môn khẳng định không ai có thể dự báo chính xác động đất như vậy.", "debunk", "other", 1),
    ("Mình đã hỏi trực tiếp điện lực: thông báo 'cắt điện toàn tỉnh 3 ngày' trên Zalo là giả, lịch cắt điện thật chỉ có ở vài tổ dân phố.", "debunk", "other", 1),
    ("Bức ảnh 'nhà máy rò rỉ hóa chất, cá chết hàng loạt trên sông Gianh' là ảnh cũ ở tỉnh khác. Sở Nông nghiệp và Môi trường đã kiểm tra, nước sông bình thường.", "debunk", "other", 1),
    ("TIN ĐỒN SAI: giá xăng không tăng 5.000 đồng/lít từ đêm nay như một số trang đăng. Mọi người không cần xếp hàng đổ xăng.", "debunk", "other", 1),

    # ---- review: restaurants, hotels, tours, shops, incl. harsh negative (other) ----
    ("Quán bún bò gần chợ Đông Hà nước dùng đậm đà, thịt mềm, giá 35k. Chủ quán vui tính, sẽ quay lại.", "review", "other", 1),
    ("Khách sạn ở Phong Nha phòng sạch, view sông đẹp xuất sắc, nhân viên nhiệt tình tư vấn tour hang. 10 điểm!", "review", "other", 1),
    ("Tệ hết chỗ nói. Gọi con cá nướng chờ 1 tiếng, ra thì cháy khét, tính tiền 450k. Không bao giờ quay lại quán này.", "review", "other", 1),
    ("Tour khám phá hang động 1 ngày ổn, hướng dẫn viên am hiểu, nhưng bữa trưa hơi sơ sài so với giá.", "review", "other", 1),
    ("Homestay quảng cáo có hồ bơi mà tới nơi hồ cạn nước, phòng thì ẩm mốc. Cảm giác bị lừa, thất vọng ghê.", "review", "other", 1),
    ("Bánh canh ở Đồng Hới ngon nhức nách, sợi dai, nước sệt vừa. Ăn xong muốn ăn thêm bát nữa 😋", "review", "other", 1),
    ("Chèo kayak ở Phong Nha vui nổ trời, đáng đồng tiền. Nhớ mang đồ thay vì tắm bùn xong bẩn lắm nha.", "review", "other", 1),
    ("Shop điện thoại này bán máy cũ nói là mới, bảo hành thì đùn đẩy. Mọi người cân nhắc trước khi mua.", "review", "other", 1),
    ("Nhà hàng hải sản ở bãi biển: tôm tươi, mực ngon, nhưng phục vụ chậm và hay quên món. 3/5 sao.", "review", "other", 1),
    ("Khách sạn gần ga Đông Hà sạch sẽ, giá mềm, chủ cho gửi xe miễn phí. Đi công tác ở đây là hợp lý.", "review", "other", 1),
    ("Quán cà phê mới mở bên bờ sông Nhật Lệ view đẹp mà nước uống dở tệ, cà phê như nước lã. Đẹp thôi chưa đủ đâu chủ quán ơi.", "review", "other", 1),
    ("Tiệm sửa xe đầu ngõ làm ẩu, thay nhông xích xong về 2 hôm đã kêu lọc cọc. Chủ tiệm còn cãi lại. Đánh giá 1 sao.", "review", "other", 1),
    ("Đi tour Thành cổ Quảng Trị và địa đạo Vịnh Mốc, xúc động lắm. Hướng dẫn viên kể chuyện rất có tâm.", "review", "other", 1),
    ("Cháo canh cá lóc ở Lệ Thủy đúng vị, bà chủ múc cho đầy tô. Giá chỉ 25 nghìn, rẻ mà no.", "review", "other", 1),
    ("Quán lẩu dê: thịt dai như cao su, nước lẩu nhạt, nhân viên thì chảnh. Đúng kiểu 'chặt chém' khách du lịch.", "review", "other", 1),
    ("Resort ở Bố Trạch không gian yên tĩnh, bữa sáng đa dạng. Điểm trừ là wifi yếu và đường vào hơi khó đi.", "review", "other", 1),
    ("Mua áo ở shop online ở Đồng Hới, hàng giống hình, giao nhanh trong ngày. Recommend mọi người nha.", "review", "other", 1),
    ("Xe khách tuyến Đồng Hới - Huế nhồi nhét khách, tài xế phóng nhanh, bật nhạc to cả đêm. Kinh khủng, ai đi thì tránh nhà xe này.", "review", "other", 1),
    ("Bò nướng ở Cam Lộ thơm, chấm mắm ruốc quá đã. Nhưng nên đặt bàn trước vì cuối tuần đông.", "review", "other", 1),
    ("Thuê xe máy ở Phong Nha, chủ đưa xe cũ phanh kém, lúc trả còn bắt đền vết xước có từ trước. Mọi người chụp ảnh xe kỹ trước khi thuê.", "review", "other", 1),
    ("quán ốc ở Ba Đồn ngon mà rẻ, ốc hút xào sả ớt đỉnh của chóp. đi 4 đứa ăn no nê có 300k", "review", "other", 1),
    ("Chợ đêm Đồng Hới đồ ăn nhiều nhưng vệ sinh chưa tốt, rác vứt tứ tung. Ban quản lý nên đặt thêm thùng rác.", "review", "other", 1),

    # ---- satire: jokes, figurative violent words (other) ----
    ("Tắc đường cầu Đông Hà giờ tan tầm lâu đến mức mình kịp học xong một khóa tiếng Anh online. Chết cười với giao thông quê mình 😂", "satire", "other", 1),
    ("Đi làm cái giấy xác nhận mà phải qua 4 bàn, bàn nào cũng bảo 'anh qua bàn kia'. Đúng là môn chạy tiếp sức truyền thống.", "satire", "other", 1),
    ("Trời Đồng Hới mùa này nóng tới mức đập quả trứng lên yên xe máy là chín, khỏi cần bếp.", "satire", "other", 1),
    ("Gió Lào thổi kiểu này thì đến cái quạt cũng xin nghỉ phép. Giết thời gian bằng cách ngồi trong nhà tắm cả ngày.", "satire", "other", 1),
    ("Sếp hứa tăng lương từ hồi đường này còn là đường đất, giờ đường đã làm lại 3 lần mà lương vẫn y nguyên 🤣", "satire", "other", 1),
    ("Hôm qua cả nhóm đánh chén hết 3 con gà với 2 thùng bia, sáng nay đứa nào cũng 'chết' không dậy nổi.", "satire", "other", 1),
    ("Bánh lọc nhà bà ngoại cháy hàng từ 7h sáng, ai muốn ăn thì phải dậy sớm hơn con gà trống.", "satire", "other", 1),
    ("Đường xóm em nhiều ổ gà đến nỗi có người đề xuất thả cá nuôi luôn cho đỡ phí.", "satire", "other", 1),
    ("Nộp hồ sơ online cho nhanh, ai dè hệ thống báo 'vui lòng mang bản giấy đến nộp trực tiếp'. Số hóa kiểu chết cười.", "satire", "other", 1),
    ("Thời tiết miền Trung: sáng nắng, trưa mưa, chiều lụt, tối mất điện. Combo đủ vị không cần đặt trước.", "satire", "other", 1),
    ("Kẹt xe ở ngã tư mà mấy bác bấm còi như thể còi to thì xe phía trước bay lên được.", "satire", "other", 1),
    ("Tuyên bố chính thức: tôi sẽ 'xử đẹp' cái báo thức này nếu nó còn kêu lúc 5h sáng Chủ nhật.", "satire", "other", 1),
    ("Nghe đồn năm nay làm đường xong trước mùa mưa. Nghe đồn thôi nha, chứ mình đợi từ hồi con mình còn học mẫu giáo.", "satire", "other", 1),
    ("Đội bóng xã mình đá trận nào thua trận nấy nhưng khâu ăn mừng sau trận thì vô địch toàn tỉnh 🏆", "satire", "other", 1),
    ("Trời 12 độ, người Quảng Trị gọi đó là 'rét chết cóng', còn người miền Bắc gọi đó là 'mát'.", "satire", "other", 1),

    # ---- daily_life: everyday posts, own-shop phone numbers, dialect, no diacritics (other) ----
    ("Bán cá khô, mực khô nhà làm ở Xã Quảng Ninh, đảm bảo không hóa chất. Ai cần liên hệ cửa hàng em 0914 327 658 nha.", "daily_life", "other", 1),
    ("Nhặt được ví da màu nâu ở bến xe Đồng Hới sáng nay, trong có giấy tờ. Ai là chủ nhắn mình, mô tả đúng thì mình gửi lại.", "daily_life", "other", 1),
    ("Chừ mới đi đám cưới về, đồ ăn ngon mà rượu nhiều quá, bọ mạ ơi say răng rứa 😵", "daily_life", "other", 1),
    ("Tối nay đá bóng sân xã, đội thôn Trung gặp thôn Đông. Ai rảnh ra cổ vũ nha!", "daily_life", "other", 1),
    ("Sáng ni đi câu ở sông Nhật Lệ được con cá vược 2 ký, vui hết nấc.", "daily_life", "other", 1),
    ("Mi đi mô rứa? Tau chờ mi ở quán cà phê từ nãy chừ rồi đó.", "daily_life", "other", 1),
    ("Trời hôm nay nắng quá, 40 độ luôn. Mọi người nhớ uống nhiều nước nghe.", "daily_life", "other", 1),
    ("can ban gap xe wave doi 2018, xe chinh chu, giay to day du, gia 9tr co thuong luong. lh 0367 512 448", "daily_life", "other", 1),
    ("Chúc mừng đám cưới bạn thân nhất của mình! Trăm năm hạnh phúc nha hai đứa 💍❤️", "daily_life", "other", 1),
    ("Ai ở Phường Ba Đồn biết chỗ sửa máy giặt uy tín chỉ mình với, máy nhà mình kêu như máy cày.", "daily_life", "other", 1),
    ("Răng mà mưa hoài rứa hè, phơi đồ cả tuần không khô.", "daily_life", "other", 1),
    ("Tìm chó lạc: chó cỏ màu vàng, đeo vòng cổ đỏ, lạc ở khu vực chợ Cam Lộ chiều qua. Ai thấy báo giúp mình 0975 226 713, hậu tạ.", "daily_life", "other", 1),
    ("Cuối tuần này cả nhà đi Phong Nha chơi, ai có kinh nghiệm chọn hang nào hợp với trẻ con thì chỉ mình với.", "daily_life", "other", 1),
    ("Nhà mình nhận nấu cỗ đám giỗ, tiệc tân gia tại Đông Hà. Đặt tiệc gọi 0705 318 924 (chị Hằng).", "daily_life", "other", 1),
    ("Hom nay di cho mua dc may con cua bien chac nich, ve hap ca nha an ngon qua troi", "daily_life", "other", 1),
    ("Việt Nam thắng rồi!!! Cả xóm ra đường đi bão, vui chi lạ 🇻🇳", "daily_life", "other", 1),
    ("O ơi, chừ cá nục bao nhiêu một ký rứa? Mạ con dặn mua 2 ký về kho.", "daily_life", "other", 1),
    ("Ai mượn cái thang nhôm nhà mình mà chưa trả thì trả giùm với nha, mai cần dùng rồi 😅", "daily_life", "other", 1),
    ("Mùa nồm ni nhà cửa ướt nhẹp, lau mấy lần vẫn trơn.", "daily_life", "other", 1),
    ("Lớp võ miễn phí cho thiếu nhi tại nhà văn hóa thôn, tối thứ 3, 5, 7. Các bé đăng ký với thầy ở sân.", "daily_life", "other", 1),
    ("Nhận dạy kèm toán lớp 6-9 tại nhà, khu vực Phường Đồng Hới. Liên hệ cô Lan 0398 672 105.", "daily_life", "other", 1),
    ("Tau nói mi rồi, đi biển mùa ni sóng to lắm, ở nhà cho chắc.", "daily_life", "other", 1),
    ("Sinh nhật con gái tròn 1 tuổi, cảm ơn ông bà nội ngoại và cô chú đã đến chung vui 🎂", "daily_life", "other", 1),
    ("tim nguoi danh roi dien thoai mau den o cong truong thpt sang nay, lien he phong bao ve nha truong de nhan lai", "daily_life", "other", 1),
    ("Mùa ni lúa chín vàng đồng rồi, mấy bữa nữa là gặt. Cầu trời đừng có bão.", "daily_life", "other", 1),
    ("Mấy đứa bạn cũ lớp 12A1 khóa 2010 ơi, tháng sau họp lớp ở Đông Hà nha, ai đi báo tên cho mình.", "daily_life", "other", 1),
    ("Cần thuê nhà nguyên căn gần Bệnh viện Hữu nghị Việt Nam - Cu Ba Đồng Hới cho người nhà điều trị dài ngày, giá dưới 3 triệu. Ai có inbox em.", "daily_life", "other", 1),
    ("Cho hỏi chừ mua vé tàu ra Hà Nội ở ga Đồng Hới có còn không mọi người? Dịp lễ sợ hết.", "daily_life", "other", 1),
    ("Bên mình thu mua phế liệu tận nhà, giá cao. Gọi 0825 491 336 có xe đến ngay.", "daily_life", "other", 1),
    ("Chiều ni đội mình đá giao hữu với đội Lệ Thủy, thua 2-3 nhưng vui. Tuần sau phục thù!", "daily_life", "other", 1),

    # =====================================================================
    # HARMFUL POSTS (lawful = 0)
    # =====================================================================

    # ---- scam_sms: telco/SIM, wrong transfer, fake relative, OTP phishing (scam) ----
    ("[Viettel] Thue bao cua quy khach se bi khoa 2 chieu trong 24h do chua chuan hoa thong tin. Cap nhat ngay tai viettel-chuanhoa.com", "scam_sms", "scam", 0),
    ("Quy khach duoc tang 500.000 diem doi qua. Diem het han trong hom nay, doi ngay tai doiqua-vinaphone.net", "scam_sms", "scam", 0),
    ("Mobifone thong bao: SIM cua quy khach sap ngung ho tro, de nang cap SIM 4G mien phi vui long goi lai 0593 182 746 va doc day so in tren SIM.", "scam_sms", "scam", 0),
    ("Chị ơi em chuyển nhầm 2 triệu vào tài khoản chị, chị chuyển lại giúp em qua số tài khoản này nhé, em đang cần gấp tiền viện phí cho mẹ 🙏", "scam_sms", "scam", 0),
    ("Ban co 1 tin nhan thoai tu nguoi than dang cho. Nghe ngay tai tinnhan-thoai.site truoc 24h, sau thoi gian nay tin nhan se bi xoa.", "scam_sms", "scam", 0),
    ("Me oi con bi mat dien thoai, day la so moi cua con. Me chuyen giup con 5 trieu vao stk 1903 5528 4417 nhe, con dang can gap ko goi dc", "scam_sms", "scam", 0),
    ("Anh ơi em là nhân viên tổng đài, em vừa gửi mã xác thực 6 số về máy anh, anh đọc giúp em để hoàn tất tặng data miễn phí nhé.", "scam_sms", "scam", 0),
    ("Tong dai: Quy khach da dang ky thanh cong goi cuoc 199.000d/thang. De HUY goi cuoc vui long truy cap huy-goicuoc.top va nhap so the ngan hang.", "scam_sms", "scam", 0),
    ("Bố đây, bố đang ở bệnh viện, điện thoại sắp hết pin. Con chuyển ngay 10 triệu vào tài khoản cô y tá 0913 6624 0581 giúp bố, đừng gọi lại.", "scam_sms", "scam", 0),
    ("Chao ban! Ban duoc chon nhan goi data 100GB mien phi. Bam vao link va dang nhap Facebook de kich hoat: data-free4g.click", "scam_sms", "scam", 0),
    ("C.ẩ.n c.ấ.p: sim của bạn bị nhân bản, kẻ gian đang dùng số của bạn. Gọi ngay 0587 209 614 để khóa sim giả trước 17h hôm nay.", "scam_sms", "scam", 0),
    ("e ơi a nhờ chút, OTP ngân hàng của a bị gửi nhầm sang số e, e đọc lại giúp a 6 số vừa nhận dc ko, a cảm ơn nhiều", "scam_sms", "scam", 0),
    ("Vinaphone tri an: thue bao cua ban duoc cong 300.000d vao tai khoan chinh. Xac nhan trong 2h tai vina-trian.vip, nhap so dien thoai va ma OTP.", "scam_sms", "scam", 0),

    # ---- scam_bank: fake bank alerts, OTP/account lock, card upgrade (scam) ----
    ("Vietcombank: Tai khoan cua quy khach bi tam khoa do dang nhap tren thiet bi la. Vui long xac thuc tai vietcombank-xacthuc.com de tranh bi khoa vinh vien.", "scam_bank", "scam", 0),
    ("[BIDV] Quy khach co giao dich -24.500.000 VND tai ATM. Neu khong phai quy khach thuc hien, huy giao dich tai bidv-huygiaodich.net", "scam_bank", "scam", 0),
    ("Ngân hàng thông báo: theo quy định mới, tài khoản chưa cập nhật sinh trắc học sẽ bị dừng giao dịch. Cập nhật ngay tại agribank-sinhtrachoc.com.vn-update.top", "scam_bank", "scam", 0),
    ("Techcombank: The tin dung cua ban duoc nang han muc len 80.000.000d. Dang ky truoc 23h59 hom nay tai techcom-nanghanmuc.com", "scam_bank", "scam", 0),
    ("Chao anh, em la nhan vien ngan hang, the ATM cua anh het han can doi sang the chip. Anh cung cap giup em so the va ma OTP de em lam thu tuc tai nha a.", "scam_bank", "scam", 0),
    ("VCB thong bao: Quy khach nhan duoc 1 khoan hoan tien 2.350.000d. Nhan tien tai vcb-hoantien.vip, nhap so tai khoan va mat khau de xac nhan.", "scam_bank", "scam", 0),
    ("T.K c.ủ.a b.ạ.n s.ẽ b.ị k.h.ó.a s.a.u 24h. V.u.i l.ò.n.g x.á.c m.i.n.h t.ạ.i mbbank-baomat.com", "scam_bank", "scam", 0),
    ("VietinBank: He thong phat hien tai khoan cua ban lien quan den giao dich dang ngo. Goi ngay 0563 148 297 de bo phan bao mat ho tro xu ly.", "scam_bank", "scam", 0),
    ("Kính gửi khách hàng, để tiếp tục sử dụng ứng dụng ngân hàng sau ngày 1/7, quý khách vui lòng cài bản cập nhật tại bank-app-update.link và cấp quyền trợ năng cho ứng dụng.", "scam_bank", "scam", 0),
    ("Sacombank thong bao tai khoan cua quy khach dang bi tru phi duy tri 99.000d/thang. Huy dich vu tai sacom-huyphi.info truoc 24h.", "scam_bank", "scam", 0),
    ("Anh/chị ơi, em bên ngân hàng hỗ trợ mở thẻ tín dụng không cần chứng minh thu nhập, hạn mức 50 triệu. Gửi em ảnh 2 mặt CCCD và mã OTP là xong liền ạ.", "scam_bank", "scam", 0),
    ("[VCB-ALERT] Phat hien dang nhap bat thuong tu thiet bi moi. Neu khong phai ban, vao ngay vcb-baove.online de khoa tai khoan tam thoi.", "scam_bank", "scam", 0),
    ("THÔNG BÁO: tài khoản ngân hàng chưa xác minh lại trước 30/6 sẽ bị phong tỏa theo quy định mới. Quý khách truy cập nganhang-xacminh.com và đăng nhập để xác minh.", "scam_bank", "scam", 0),

    # ---- scam_parcel: fake delivery fees, customs, COD refunds (scam) ----
    ("VNPost: Buu pham cua ban dang bi giu tai kho do sai dia chi. Vui long cap nhat va thanh toan phi 25.000d tai vnpost-giaohang.info", "scam_parcel", "scam", 0),
    ("Đơn hàng của bạn đã đến kho Đồng Hới nhưng chưa thanh toán phí hải quan 185.000đ. Thanh toán trong 24h để tránh hoàn hàng: giaohang-nhanh.top", "scam_parcel", "scam", 0),
    ("Alo em shipper đây, đơn hàng của chị bị lỗi thanh toán, chị quét mã QR em gửi qua Zalo để được hoàn lại 350k nha.", "scam_parcel", "scam", 0),
    ("J&T Express: Kien hang ma JT8839201 giao khong thanh cong. Xac nhan lai dia chi tai jnt-xacnhan.vip, phi giao lai 15.000d", "scam_parcel", "scam", 0),
    ("Bạn có bưu phẩm quốc tế chứa hàng cấm, cần đóng phí kiểm tra 2.500.000đ, nếu không hồ sơ sẽ chuyển cho cơ quan điều tra. Liên hệ Zalo 0816 223 579.", "scam_parcel", "scam", 0),
    ("GHN: Don hang #GH45291 cua ban bi tam giu vi thieu phi van chuyen 12.000d. Thanh toan ngay tai ghn-phiship.com de nhan hang trong ngay.", "scam_parcel", "scam", 0),
    ("Shopee: Ban co 1 don hang duoc hoan tien 499.000d do giao tre. Nhan tien tai shopee-hoantien.click, dang nhap ngan hang de xac nhan.", "scam_parcel", "scam", 0),
    ("Chào chị, em bên giao hàng, chị có đơn COD 480k gửi từ Hà Nội, em để ở chốt bảo vệ rồi, chị chuyển khoản giúp em vào stk 0391 7520 4466 nha.", "scam_parcel", "scam", 0),
    ("v.n.p.o.s.t thông báo: bưu kiện của quý khách k thể giao do thiếu thông tin. Cập nhật tại vnpost-capnhat.net trong 12h", "scam_parcel", "scam", 0),
    ("Kien hang cua quy khach co kich thuoc vuot quy dinh, can dong them phi 39k. Ib zalo 0768 402 531 de duoc huong dan thanh toan.", "scam_parcel", "scam", 0),
    ("THÔNG BÁO: Hàng của bạn bị hải quan giữ lại do khai báo sai giá trị. Vui lòng nộp phạt 1.200.000đ qua link haiquan-thongquan.com để thông quan.", "scam_parcel", "scam", 0),
    ("DHL: Your parcel is on hold. Pay 1.99 USD redelivery fee at dhl-vn-redelivery.com. Buu kien se bi huy sau 48h.", "scam_parcel", "scam", 0),
    ("don hang lazada cua ban da giao that bai 2 lan, bam vao lazada-giaolai.shop de dat lich giao lai va thanh toan phi luu kho 20k nhe", "scam_parcel", "scam", 0),

    # ---- scam_job: fake part-time jobs, task scams, labour export (scam) ----
    ("Tuyển CTV làm online tại nhà, chỉ cần like và follow video TikTok, mỗi lượt 15k, ngày kiếm 300-500k. Ib zalo 0352 907 184 để được hướng dẫn.", "scam_job", "scam", 0),
    ("Viec nhe luong cao!!! Tha tim san pham tren Shopee nhan hoa hong 10-30%, rut tien ngay. Khong can von, chi can dt co mang. Lh zalo 0978 113 562", "scam_job", "scam", 0),
    ("Tuyển 50 bạn nữ làm việc tại Campuchia, bao ăn ở, lương 25 triệu/tháng, không cần kinh nghiệm, không cần ngoại ngữ. Bao vé máy bay, liên hệ gấp.", "scam_job", "scam", 0),
    ("Cần người làm nhiệm vụ đánh giá 5 sao cho khách sạn, mỗi nhiệm vụ 20k. Làm xong nhiệm vụ combo nạp 500k nhận lại 650k.", "scam_job", "scam", 0),
    ("Tuyển nhân viên nhập liệu tại nhà, đóng phí tài liệu 350k để nhận hồ sơ, thu nhập 8-12tr/tháng. Ai quan tâm cmt 'nhận' mình ib.", "scam_job", "scam", 0),
    ("Tuyen dung k can bang cap, lam 2-3h/ngay tren dt, thu nhap 500k/ngay. Ib mk dc hd chi tiet nha 💰💰", "scam_job", "scam", 0),
    ("Chương trình xuất khẩu lao động Nhật Bản bay nhanh trong 1 tháng, không cần học tiếng, đóng cọc 30 triệu giữ suất. Số lượng có hạn.", "scam_job", "scam", 0),
    ("Ứng tuyển CTV bán hàng cho sàn thương mại điện tử, chỉ cần đặt đơn ảo để tăng tương tác, hoàn tiền gốc + hoa hồng 15% sau 5 phút.", "scam_job", "scam", 0),
    ("Tuyển 20 bạn sinh viên làm thêm dịp hè, xem video YouTube mỗi ngày nhận 200k. Đăng ký bằng cách gửi ảnh CCCD và số tài khoản cho admin.", "scam_job", "scam", 0),
    ("Cty cần tuyển gấp 10 bạn làm việc online, công việc đơn giản là bấm like fanpage, hoa hồng 15-20%. Add tele @viecnhe_kiemtien để nhận việc.", "scam_job", "scam", 0),
    ("T.u.y.ể.n d.ụ.n.g: việc nhẹ, l.ư.ơ.n.g c.a.o, ngồi nhà kiếm 10 củ/tháng. Inbox ngay kẻo hết suất.", "scam_job", "scam", 0),
    ("Tuyển lao động đi làm tại khu công nghiệp nước ngoài, lương 1.500 USD, đóng phí làm hồ sơ 5 triệu. Bao đậu visa 100%.", "scam_job", "scam", 0),
    ("Chị đang tuyển người thử việc xem livestream và thả tim, nhiệm vụ đầu được 50k. Nhiệm vụ nâng cao phải tự nạp vốn, rút lại gấp đôi. Nhắn chị nhé.", "scam_job", "scam", 0),

    # ---- scam_investment: crypto/forex/Ponzi promises (scam) ----
    ("Đầu tư tiền điện tử cùng chuyên gia, lãi 30%/tháng, cam kết hoàn vốn 100%. Vào nhóm Telegram ngay để nhận tín hiệu miễn phí.", "scam_investment", "scam", 0),
    ("San forex uy tin, nap 5tr sau 1 thang rut 15tr. Co chuyen gia keo lenh 24/7, khong lo chay. Ib de duoc ho tro mo tk", "scam_investment", "scam", 0),
    ("Dự án nông nghiệp công nghệ cao, góp vốn 10 triệu nhận lãi 2%/ngày, rút gốc bất kỳ lúc nào. Giới thiệu bạn bè được thêm 10% hoa hồng.", "scam_investment", "scam", 0),
    ("Cơ hội đầu tư đất nền ven biển Quảng Trị qua app 'chia nhỏ sổ đỏ', mỗi phần 5 triệu, lãi 40%/năm bảo đảm. Số lượng có hạn, chốt trong hôm nay.", "scam_investment", "scam", 0),
    ("Coin mới sắp lên sàn lớn, mua ngay giá 0.01$, dự kiến x100 trong 2 tuần. Anh em vào group kín, slot có hạn 🚀🚀🚀", "scam_investment", "scam", 0),
    ("Chơi sàn vàng quốc tế lãi 5-10%/ngày, có đội ngũ phân tích riêng. Ai đã thua lỗ ở nơi khác, inbox để được 'gỡ' lại.", "scam_investment", "scam", 0),
    ("Bạn chỉ cần nạp từ 1 triệu vào ví đầu tư, hệ thống AI tự động giao dịch, lợi nhuận 3%/ngày rút về ngân hàng ngay.", "scam_investment", "scam", 0),
    ("dau tu chung khoan cung thay, cam ket lai 30%/thang, lo thay den. zalo 0776 518 203. da co hon 2000 hoc vien lai deu", "scam_investment", "scam", 0),
    ("Góp vốn mua cổ phần công ty sắp niêm yết, mỗi suất 50 triệu, 6 tháng nhân ba. Hợp đồng có đóng dấu đỏ, đảm bảo pháp lý.", "scam_investment", "scam", 0),
    ("NHẬN ỦY THÁC ĐẦU TƯ, LỢI NHUẬN 25%/THÁNG, KHÔNG RỦI RO. Đã chi trả cho hàng nghìn nhà đầu tư. Liên hệ ngay!", "scam_investment", "scam", 0),
    ("Mô hình nuôi 'gà ảo' trên app: mua gà 2 triệu, sau 30 ngày bán lại 3 triệu. Mời thêm người còn được thưởng. Không tham gia là thiệt.", "scam_investment", "scam", 0),
    ("Sàn đầu tư được 'cấp phép quốc tế', nạp USDT nhận lãi 1,5%/ngày. Hôm nay khuyến mại nạp 10 triệu tặng thêm 3 triệu.", "scam_investment", "scam", 0),
    ("Ae nào muốn x2 tài khoản trong 1 tuần thì vào nhóm tín hiệu VIP, phí 2 triệu, thua hoàn tiền. Link nhóm: t.me/tinhieu_vip_x2", "scam_investment", "scam", 0),

    # ---- scam_loan: no-collateral loans with upfront fees (scam) ----
    ("Vay tiền nhanh không cần thế chấp, chỉ cần CCCD, giải ngân trong 15 phút, hạn mức 10-100 triệu. Liên hệ Zalo 0339 284 716.", "scam_loan", "scam", 0),
    ("Ho tro vay von khong can chung minh thu nhap, no xau van vay dc. Lai suat 0.5%/thang. Ib zalo 0898 641 207 duoc duyet ngay", "scam_loan", "scam", 0),
    ("Hồ sơ vay của anh đã được duyệt 50 triệu, nhưng cần đóng phí bảo hiểm khoản vay 2 triệu trước khi giải ngân. Anh chuyển vào tài khoản công ty nhé.", "scam_loan", "scam", 0),
    ("Bạn nhập sai số tài khoản nên khoản vay bị đóng băng. Để mở băng cần nộp 10% giá trị khoản vay, nếu không sẽ bị khởi kiện.", "scam_loan", "scam", 0),
    ("Vay tiêu dùng online, duyệt 5 phút, không gọi người thân, không thẩm định. Tải app tại vaynhanh-247.apk", "scam_loan", "scam", 0),
    ("Ban dang can tien gap? Vay 20tr ngay hom nay, chi can chup anh CCCD va khuon mat. Khong can den ngan hang. LH 0569 742 038", "scam_loan", "scam", 0),
    ("Cho vay trả góp theo ngày không thế chấp, bà con tiểu thương vay được ngay, chỉ cần đóng trước phí hồ sơ 500k. Gọi 0833 257 619.", "scam_loan", "scam", 0),
    ("Chúc mừng! Bạn được chọn vào chương trình vay ưu đãi lãi 0% dành cho hộ nghèo. Điền thông tin và số thẻ ngân hàng tại vayuudai-hongheo.com.", "scam_loan", "scam", 0),
    ("Vay tien mat k can the chap, giai ngan tan noi trong 1h. Chi can sdt va anh cccd 2 mat. Ib zalo 0708 592 146", "scam_loan", "scam", 0),
    ("Khoản vay 30 triệu của chị đã sẵn sàng giải ngân, nhưng tài khoản đang có 'điểm tín dụng thấp'. Chị nạp 3 triệu để chứng minh năng lực tài chính, tiền sẽ hoàn lại cùng khoản vay.", "scam_loan", "scam", 0),
    ("Ho tro sinh vien vay von hoc tap 10tr, khong lai 6 thang dau. Dang ky: dien ten, truong, so tai khoan va ma OTP vao form nay.", "scam_loan", "scam", 0),
    ("Nợ xấu, bị ngân hàng từ chối? Bên em vẫn hỗ trợ vay 100 triệu qua app, đóng phí mở hồ sơ 1,5 triệu là có tiền ngay.", "scam_loan", "scam", 0),
    ("V.a.y t.i.ề.n n.h.a.n.h 24/7 - k cần thẩm định - k cần gặp mặt. Zalo 0941 385 027", "scam_loan", "scam", 0),

    # ---- scam_prize: prize winnings requiring a fee or credentials (scam) ----
    ("Chúc mừng quý khách đã trúng thưởng xe máy SH trong chương trình tri ân khách hàng. Vui lòng nộp phí trước bạ 3.500.000đ để nhận giải. Liên hệ 0522 819 436.", "scam_prize", "scam", 0),
    ("Ban da trung thuong 1 chiec iPhone 16 Pro Max tu chuong trinh vong quay may man. Nhan giai tai quatang-tri-an.xyz, phi van chuyen 99k.", "scam_prize", "scam", 0),
    ("THÔNG BÁO TRÚNG THƯỞNG: số điện thoại của bạn đã trúng giải nhất 200 triệu đồng chương trình 'Sinh nhật nhà mạng'. Gọi tổng đài 0592 147 386 để làm thủ tục.", "scam_prize", "scam", 0),
    ("Chúc mừng tài khoản Facebook của bạn được chọn nhận quà 5 triệu. Xác nhận bằng cách đăng nhập tại shopee-quatang.online.", "scam_prize", "scam", 0),
    ("Chuc mung ban da trung 50 trieu, vui long dong thue thu nhap ca nhan 10% (5tr) vao stk 1027 3384 5519 de chung toi chuyen tien thuong.", "scam_prize", "scam", 0),
    ("Bạn đã được chọn ngẫu nhiên nhận 1 chỉ vàng 9999 nhân dịp khai trương. Nhấn vào link và nhập số thẻ ngân hàng để nhận quà.", "scam_prize", "scam", 0),
    ("Trung thuong chuong trinh khach hang may man cua sieu thi dien may: 1 tivi 65 inch. De nhan hang ban can chuyen phi bao hiem 1.2tr. Ib zalo 0779 260 815.", "scam_prize", "scam", 0),
    ("Xin chúc mừng, mã dự thưởng trên nắp chai của bạn đã trúng 100 triệu. Liên hệ Zalo 0377 541 902 và chuyển phí xác minh 2 triệu để nhận thưởng.", "scam_prize", "scam", 0),
    ("Vòng quay may mắn mừng Tết: ai quay cũng trúng, 100% nhận quà. Chỉ cần chia sẻ bài viết và nhập tài khoản ngân hàng để nhận tiền lì xì.", "scam_prize", "scam", 0),
    ("b.ạ.n đ.ã t.r.ú.n.g t.h.ư.ở.n.g 1 xe Vision, vui lòng ib fanpage để được hướng dẫn nhận giải, phí thủ tục chỉ 1tr5.", "scam_prize", "scam", 0),
    ("Cam on ban da tham gia minigame. Ban la nguoi may man nhan 10 trieu. Vui long gui ma OTP vua nhan de xac nhan danh tinh nguoi nhan giai.", "scam_prize", "scam", 0),
    ("Chúc mừng! Bạn trúng chuyến du lịch Phú Quốc 3 ngày 2 đêm miễn phí cho 2 người. Chỉ cần đặt cọc 1.500.000đ giữ chỗ trước 18h hôm nay.", "scam_prize", "scam", 0),
    ("Kết quả bốc thăm: thuê bao của quý khách trúng giải đặc biệt 'Tri ân 30 năm'. Giải thưởng sẽ bị hủy nếu không nộp lệ phí nhận giải trong 24h.", "scam_prize", "scam", 0),

    # ---- impersonation_police: fake police/procuracy/court summons, fines (impersonation) ----
    ("CÔNG AN TỈNH QUẢNG TRỊ THÔNG BÁO TRIỆU TẬP: Ông/bà có liên quan đến vụ án rửa tiền, yêu cầu liên hệ ngay cán bộ điều tra qua Zalo 0523 674 918 trước 17h hôm nay. Không chấp hành sẽ bị bắt giữ.", "impersonation_police", "impersonation", 0),
    ("Công an phường thông báo: thuê bao của bạn liên quan đến đường dây lừa đảo, đề nghị chuyển toàn bộ số dư tài khoản vào tài khoản tạm giữ của cơ quan điều tra để xác minh.", "impersonation_police", "impersonation", 0),
    ("CSGT thông báo: phương tiện biển số 74A-xxx vi phạm tốc độ bị phạt nguội 4.000.000đ. Nộp phạt ngay tại csgt-phatnguoi.vn-pay.com để tránh bị tước bằng.", "impersonation_police", "impersonation", 0),
    ("Viện kiểm sát thông báo: lệnh bắt tạm giam số 135/LB đối với ông/bà đã được ban hành. Liên hệ cán bộ thụ lý 0348 590 271 để được hướng dẫn giải quyết.", "impersonation_police", "impersonation", 0),
    ("Tòa án nhân dân tỉnh thông báo: bạn có đơn khởi kiện nợ tín dụng, phiên tòa mở vào ngày mai. Để hoãn phiên tòa, liên hệ thư ký tòa qua Telegram @toaan_thuky.", "impersonation_police", "impersonation", 0),
    ("Công an phường đề nghị công dân cài ứng dụng 'Dịch vụ công Bộ Công an' qua link dvc-bocongan.apk để xác minh định danh VNeID mức 2. Quá hạn sẽ khóa tài khoản định danh.", "impersonation_police", "impersonation", 0),
    ("Alo đây là Công an tỉnh, anh có một bưu phẩm chứa ma túy gửi từ nước ngoài đứng tên anh. Anh phải hợp tác điều tra, không được nói với ai, chuyển tiền chứng minh tài sản vào tài khoản chúng tôi cung cấp.", "impersonation_police", "impersonation", 0),
    ("cong an xa thong bao: tai khoan dinh danh vneid cua ban chua kich hoat muc 2, truy cap vneid-kichhoat.online hoac goi 0762 318 459 truoc 24h de tranh bi phat", "impersonation_police", "impersonation", 0),
    ("Cảnh sát hình sự: con trai bà đang bị tạm giữ vì đánh nhau gây thương tích. Muốn bảo lãnh tại ngoại cần chuyển 80 triệu trong 2 giờ. Không được báo cho người khác.", "impersonation_police", "impersonation", 0),
    ("THÔNG BÁO TRIỆU TẬP LẦN 2: công dân có số CCCD đuôi 4827 không có mặt theo giấy triệu tập lần 1. Kết bạn Zalo 0834 712 690 để làm việc trực tuyến.", "impersonation_police", "impersonation", 0),
    ("Chị nghe đây, tôi là điều tra viên Công an tỉnh, hồ sơ của chị liên quan vụ án tham nhũng. Chị chuyển tiền vào tài khoản tạm giữ để Viện kiểm sát kiểm tra, xong vụ án sẽ hoàn trả đủ.", "impersonation_police", "impersonation", 0),
    ("C.ô.n.g a.n thông báo: bạn bị phạt nguội lỗi vượt đèn đỏ. Thanh toán trong 48h tại link dichvucong-phatnguoi.top nếu không sẽ bị khởi tố.", "impersonation_police", "impersonation", 0),
    ("CSGT Quảng Trị: xe của ông/bà đang bị tạm giữ do liên quan vụ tai nạn bỏ trốn. Gọi 0357 981 402 gặp đội trưởng để xử lý và nộp tiền bảo lãnh.", "impersonation_police", "impersonation", 0),
    ("Phòng An ninh mạng thông báo: tài khoản Facebook của bạn phát tán nội dung vi phạm. Để tránh bị truy tố, nộp phạt hành chính 7.500.000đ qua tài khoản 0511 0004 8876 6.", "impersonation_police", "impersonation", 0),
    ("Lệnh bắt khẩn cấp: ông/bà bị truy nã vì liên quan đến đường dây buôn lậu. Liên hệ ngay cán bộ điều tra qua Telegram @canbo_dieutra để giải trình và tránh bị bắt.", "impersonation_police", "impersonation", 0),
    ("Công an Phường Đồng Hới yêu cầu công dân cập nhật thông tin cư trú qua đường link sau, người không cập nhật sẽ bị xóa đăng ký thường trú: cutru-capnhat.net", "impersonation_police", "impersonation", 0),
    ("Thông báo từ cơ quan cảnh sát: CCCD của bạn bị kẻ gian dùng mở tài khoản rửa tiền. Cài app 'Bảo vệ công dân' theo hướng dẫn của cán bộ để tài khoản của bạn được giám sát an toàn.", "impersonation_police", "impersonation", 0),
    ("VKS nhan dan tinh thong bao: ho so cua ong ba dang duoc dieu tra. Yeu cau giu bi mat, khong tiet lo cho gia dinh, lien he 0986 204 573 de duoc huong dan chuyen tien xac minh nguon goc.", "impersonation_police", "impersonation", 0),
    ("Cán bộ Công an xã thông báo: để nhận hỗ trợ lũ lụt qua VNeID, người dân gửi ảnh CCCD 2 mặt, số tài khoản và mã OTP cho cán bộ qua Zalo 0397 150 624.", "impersonation_police", "impersonation", 0),
    ("Giấy triệu tập điện tử: yêu cầu anh/chị có mặt tại trụ sở Công an tỉnh lúc 8h ngày mai. Nếu không thể có mặt, làm việc online qua video call với điều tra viên, Zalo 0869 437 251.", "impersonation_police", "impersonation", 0),
    ("Công an thông báo: bạn có dấu hiệu liên quan đến tài khoản cá độ bóng đá. Để được xóa tên khỏi danh sách, đóng phí xác minh 5 triệu cho cán bộ thụ lý.", "impersonation_police", "impersonation", 0),
    ("TOA AN THONG BAO: quy khach co ho so no xau bi khoi kien. Vui long goi lai 0593 261 804 de nop tien tam ung an phi, neu khong se cuong che tai san.", "impersonation_police", "impersonation", 0),

    # ---- impersonation_agency: fake Sở/UBND/EVN/BHXH/tax/post/treasury (impersonation) ----
    ("EVN thông báo: quý khách được hoàn tiền điện 312.000đ do tính sai giá. Nhận hoàn tiền tại evn-hoantien.com, nhập số thẻ ngân hàng để nhận.", "impersonation_agency", "impersonation", 0),
    ("BHXH thông báo: sổ hưu của ông/bà cần cập nhật thông tin trước ngày 30, nếu không sẽ tạm dừng chi trả lương hưu. Cập nhật tại bhxh-capnhat.net", "impersonation_agency", "impersonation", 0),
    ("Cơ quan thuế thông báo: bạn có khoản hoàn thuế TNCN 1.850.000đ. Vui lòng tải ứng dụng từ link thue-hoantien.apk để nhận tiền.", "impersonation_agency", "impersonation", 0),
    ("UBND tỉnh Quảng Trị thông báo hỗ trợ 3 triệu đồng cho mỗi hộ bị ảnh hưởng lũ lụt. Đăng ký nhận tiền qua Zalo cán bộ phụ trách 0375 802 641.", "impersonation_agency", "impersonation", 0),
    ("Sở Giáo dục và Đào tạo thông báo xét học bổng cho học sinh nghèo vượt khó, phụ huynh chuyển lệ phí hồ sơ 200.000đ vào STK cá nhân cán bộ phụ trách để được xét duyệt.", "impersonation_agency", "impersonation", 0),
    ("Điện lực: nhà bạn nợ tiền điện 2 kỳ, sẽ bị cắt điện trong 2 giờ tới. Chuyển khoản ngay cho nhân viên thu ngân qua số 0382 764 195 để giữ điện.", "impersonation_agency", "impersonation", 0),
    ("Bưu điện tỉnh thông báo: quý khách có giấy tờ của Tòa án chưa nhận, bấm phím 9 hoặc gọi 0582 617 034 để được chuyển máy tới Tòa xử lý.", "impersonation_agency", "impersonation", 0),
    ("UBND Xa thong bao: cap nhat thong tin nhan tro cap nguoi cao tuoi qua link trocap-xa.gov-vn.info, neu khong cap nhat se bi cat tro cap", "impersonation_agency", "impersonation", 0),
    ("Sở Y tế tuyển dụng đặc cách 30 điều dưỡng, không cần thi. Liên hệ văn phòng Sở qua số 0917 285 364, lệ phí 'ưu tiên hồ sơ' 15 triệu.", "impersonation_agency", "impersonation", 0),
    ("Cơ quan thuế: hộ kinh doanh chưa kê khai sẽ bị phạt 20 triệu. Để được hướng dẫn, kết bạn Zalo cán bộ thuế 0708 943 152 và cài ứng dụng theo link.", "impersonation_agency", "impersonation", 0),
    ("BHXH thông báo: thẻ BHYT của bạn đã hết hạn, gia hạn online trong hôm nay với mức phí ưu đãi tại bhyt-giahan.site, thanh toán bằng thẻ ATM.", "impersonation_agency", "impersonation", 0),
    ("Thông báo từ UBND Phường Đông Hà: chương trình nhà ở xã hội mở đăng ký, đặt cọc 50 triệu để giữ suất qua tài khoản cá nhân của cán bộ phụ trách.", "impersonation_agency", "impersonation", 0),
    ("EVNCPC: Cong to dien nha ban sap duoc thay the mien phi, vui long xac nhan lich hen tai evncpc-lichhen.com va thanh toan phi dat coc 100k", "impersonation_agency", "impersonation", 0),
    ("Sở Nông nghiệp và Môi trường thông báo: hộ gia đình được hỗ trợ giống lúa miễn phí, cần đăng ký và nộp phí vận chuyển 150k qua số điện thoại cán bộ 0354 620 978.", "impersonation_agency", "impersonation", 0),
    ("Alo BHXH tỉnh đây ạ, bà được nhận lại 4,2 triệu tiền BHYT đóng thừa, bà đọc giúp con mã số vừa gửi về điện thoại để hệ thống chuyển tiền nhé.", "impersonation_agency", "impersonation", 0),
    ("Bộ phận một cửa UBND xã: hồ sơ cấp sổ đỏ của ông đã được duyệt, cần nộp lệ phí 'đẩy nhanh' 3 triệu qua tài khoản cán bộ để nhận trong tuần.", "impersonation_agency", "impersonation", 0),
    ("Kho bạc Nhà nước thông báo: tài khoản nhận tiền bồi thường giải phóng mặt bằng của ông/bà cần xác minh lại. Truy cập khobac-xacminh.com và nhập mật khẩu ngân hàng.", "impersonation_agency", "impersonation", 0),

    # ---- rumour_health: false health claims, fake attributions (misinformation) ----
    ("SỞ Y TẾ XÁC NHẬN: uống nước lá đu đủ 3 lần/ngày chữa khỏi hoàn toàn sốt xuất huyết, không cần vào viện. Chia sẻ gấp cho người thân!!!", "rumour_health", "misinformation", 0),
    ("Tin từ bác sĩ Bệnh viện đa khoa tỉnh: vắc xin sởi đợt này gây sốt cao và tự kỷ ở trẻ, phụ huynh đừng cho con đi tiêm. Share để cứu các cháu.", "rumour_health", "misinformation", 0),
    ("Ăn tỏi sống với mật ong lúc đói mỗi sáng tiêu diệt 100% tế bào ung thư, bệnh viện không muốn bạn biết điều này.", "rumour_health", "misinformation", 0),
    ("Nước giếng ở Đông Hà đã nhiễm virus lạ, ai uống sẽ bị viêm gan. Sở Y tế đang giấu thông tin, mọi người đừng dùng nước giếng nữa!", "rumour_health", "misinformation", 0),
    ("Bác sĩ bệnh viện Cu Ba khuyên: tiểu đường chỉ cần uống nước mướp đắng thay thuốc, 2 tuần là đường huyết về bình thường, bỏ thuốc tây đi kẻo hại gan.", "rumour_health", "misinformation", 0),
    ("CẢNH BÁO: dịch bệnh lạ làm chết 20 người ở Lệ Thủy chỉ trong 1 tuần, bệnh viện quá tải, đề nghị mọi người không ra khỏi nhà. Chia sẻ ngay!", "rumour_health", "misinformation", 0),
    ("Bộ Y tế vừa công bố: đắp lá ngải cứu hơ nóng lên trán chữa đột quỵ tại nhà hiệu quả hơn đưa vào viện.", "rumour_health", "misinformation", 0),
    ("tin gap: tiem vac xin hpv cho con gai se gay vo sinh, bs benh vien tinh da xac nhan. ai co con gai thi dung cho tiem nha", "rumour_health", "misinformation", 0),
    ("Sốt xuất huyết năm nay do muỗi biến đổi gen thả ra từ phòng thí nghiệm, uống nước dừa pha muối là miễn dịch. Mọi người chia sẻ đi.", "rumour_health", "misinformation", 0),
    ("Trung tâm Kiểm soát bệnh tật tỉnh thông báo khẩn: bánh mì ở các lò trên địa bàn nhiễm thuốc chuột, 5 người đã chết. Không ăn bánh mì trong 1 tuần.", "rumour_health", "misinformation", 0),
    ("Viên uống thảo dược này chữa khỏi tiểu đường, huyết áp, gout chỉ sau 1 liệu trình, đã được Sở Y tế cấp phép là 'thuốc đặc trị'.", "rumour_health", "misinformation", 0),
    ("Uống rượu ngâm tỏi mỗi ngày sẽ không bao giờ nhiễm cúm A, bí quyết của các cụ đã được bác sĩ xác nhận. Chia sẻ để mọi người cùng biết.", "rumour_health", "misinformation", 0),
    ("Bệnh viện Hữu nghị Việt Nam - Cu Ba Đồng Hới đã phát hiện ca đậu mùa khỉ lây qua không khí, cả khoa bị phong tỏa. Mọi người tránh xa khu vực Đồng Hới!", "rumour_health", "misinformation", 0),
    ("Nghe nói học sinh uống sữa học đường bị ngộ độc hàng loạt, Sở Giáo dục đang bưng bít, chia sẻ cho phụ huynh biết ngay.", "rumour_health", "misinformation", 0),
    ("NHỎ NƯỚC CHANH VÀO MẮT CHỮA ĐAU MẮT ĐỎ TRONG 1 ĐÊM, BÁC SĨ NHÃN KHOA KHUYÊN DÙNG. Đừng tốn tiền mua thuốc!", "rumour_health", "misinformation", 0),
    ("Sở Y tế Quảng Trị xác nhận: ăn cá biển bây giờ gây ung thư vì biển bị nhiễm xạ. Gia đình có trẻ nhỏ tuyệt đối không ăn.", "rumour_health", "misinformation", 0),
    ("Vắc xin cúm tiêm cho người già thực chất là thử nghiệm, đã có hàng chục cụ tử vong sau tiêm mà không được công bố.", "rumour_health", "misinformation", 0),
    ("Mẹo chữa rắn cắn: chỉ cần đắp lá thuốc lào và hút nọc bằng miệng, không cần đi viện. Bác sĩ xác nhận rồi, share cho dân đi rừng.", "rumour_health", "misinformation", 0),
    ("Dich cum moi lay qua wifi va song dien thoai 5G, tat wifi ban dem de bao ve con nho. Chia se gap!", "rumour_health", "misinformation", 0),
    ("Ngâm chân nước muối gừng mỗi tối thải độc gan thận, chữa được suy thận giai đoạn cuối không cần chạy thận.", "rumour_health", "misinformation", 0),
    ("Có người đi khám ở trạm y tế phường về bị lây HIV do kim tiêm dùng lại, ít nhất 30 người nhiễm mà cơ quan chức năng im lặng. Chia sẻ gấp!", "rumour_health", "misinformation", 0),
    ("Giáo sư đầu ngành khẳng định: sốt xuất huyết không cần truyền dịch, chỉ cần uống nước cam và ăn cháo trắng là khỏi, vào viện chỉ tốn tiền.", "rumour_health", "misinformation", 0),

    # ---- rumour_disaster: false dam breaks, earthquakes, chemical leaks (misinformation) ----
    ("KHẨN CẤP!!! ĐẬP THỦY LỢI ĐÃ VỠ, nước đang đổ về Phường Quảng Trị, ai ở vùng thấp chạy ngay, chia sẻ gấp cho người thân!", "rumour_disaster", "misinformation", 0),
    ("Nhà khoa học cảnh báo: 3 ngày nữa sẽ có động đất 8 độ richter ở miền Trung, tâm chấn gần Đông Hà. Chuẩn bị đồ sơ tán đi mọi người.", "rumour_disaster", "misinformation", 0),
    ("Nhà máy ở khu công nghiệp Nam Đông Hà rò rỉ hóa chất độc, khói bay về khu dân cư. Đóng kín cửa, không ra ngoài, share ngay!!!", "rumour_disaster", "misinformation", 0),
    ("Thủy điện xả lũ trong đêm, nước sông Gianh sẽ lên 5 mét trong 2 giờ tới. Bà con Ba Đồn chạy ngay lên chỗ cao, đừng đợi thông báo!", "rumour_disaster", "misinformation", 0),
    ("tin khan: song than sap vao bo bien Quang Binh cu trong dem nay, ai o ven bien bao nhau di xa, share lien", "rumour_disaster", "misinformation", 0),
    ("Cá chết hàng loạt ở cửa Nhật Lệ là do tàu lạ đổ chất phóng xạ xuống biển, tắm biển sẽ bị bỏng da. Chia sẻ để mọi người tránh.", "rumour_disaster", "misinformation", 0),
    ("Nghe người trong ngành nói bão sắp vào là siêu bão cấp 17 mạnh nhất lịch sử, chính quyền đang giấu để khỏi hoang mang. Mua gạo trữ ngay!", "rumour_disaster", "misinformation", 0),
    ("Hồ chứa nước ở Cam Lộ đã nứt, có thể vỡ bất cứ lúc nào trong đêm nay. Thông tin nội bộ, ai biết thì báo nhau chạy.", "rumour_disaster", "misinformation", 0),
    ("Cháy rừng lớn ở Phong Nha đã lan đến khu dân cư, hàng trăm nhà bị thiêu rụi, khách du lịch đang mắc kẹt!!! (ảnh minh họa)", "rumour_disaster", "misinformation", 0),
    ("KHẨN: nước biển dâng bất thường, cả Xã Quảng Ninh sẽ bị nhấn chìm trong đêm. Sơ tán ngay không cần chờ chính quyền.", "rumour_disaster", "misinformation", 0),
    ("Đường ống khí gas dưới lòng đất ở trung tâm Đồng Hới sắp phát nổ, đã có mùi khí rò rỉ. Ai ở gần đó rời đi ngay!!!", "rumour_disaster", "misinformation", 0),
    ("Mạch nước ngầm ở Vĩnh Linh bị nhiễm thạch tín do vỡ bãi thải mỏ, uống vào là chết. Cơ quan chức năng biết mà giấu.", "rumour_disaster", "misinformation", 0),
    ("Lũ quét đã cuốn trôi cả bản gần Khe Sanh, hơn 100 người mất tích mà báo chí không được đưa tin. Chia sẻ cho cả nước biết.", "rumour_disaster", "misinformation", 0),
    ("Cầu Nhật Lệ bị nứt dầm, có thể sập bất cứ lúc nào, đừng ai đi qua cầu nữa!! Thông tin từ kỹ sư làm cầu.", "rumour_disaster", "misinformation", 0),
    ("Đêm nay xả lũ hồ lớn ở thượng nguồn, nước về Hải Lăng sẽ ngập tới mái nhà. Đưa xe cộ lên cao hết đi, chuyển tiếp cho tất cả nhóm Zalo.", "rumour_disaster", "misinformation", 0),
    ("Xuất hiện vết nứt đất dài 2km ở Lệ Thủy, chuyên gia nói là dấu hiệu núi lửa sắp phun trào. Chia sẻ gấp!", "rumour_disaster", "misinformation", 0),

    # ---- rumour_public: fake decisions/announcements attributed to agencies (misinformation) ----
    ("Sở Giáo dục và Đào tạo vừa ra quyết định cho toàn bộ học sinh tỉnh nghỉ học đến hết tháng vì dịch, phụ huynh đừng cho con đến trường nữa. Share cho các nhóm phụ huynh.", "rumour_public", "misinformation", 0),
    ("UBND tỉnh ra quyết định thu hồi toàn bộ đất vườn chưa có sổ đỏ từ ngày 1/10 để giao cho doanh nghiệp. Ai chưa có sổ thì mất đất. (ảnh văn bản)", "rumour_public", "misinformation", 0),
    ("Từ tháng sau giá điện sinh hoạt ở Quảng Trị tăng gấp đôi theo quyết định của Sở Công Thương, ai có tiền thì lắp pin mặt trời ngay.", "rumour_public", "misinformation", 0),
    ("Sở Y tế thông báo từ tuần sau ngừng khám BHYT ở tất cả bệnh viện tuyến tỉnh, người bệnh phải trả 100% viện phí.", "rumour_public", "misinformation", 0),
    ("Thông báo mới của Công an tỉnh: từ 1/11 xe máy không có camera hành trình sẽ bị phạt 5 triệu. Chia sẻ cho mọi người cùng biết.", "rumour_public", "misinformation", 0),
    ("Phường Đông Hà sẽ giải tỏa trắng chợ Đông Hà trong tháng này, tiểu thương không được bồi thường đồng nào. Tin chính xác từ cán bộ phường.", "rumour_public", "misinformation", 0),
    ("So xay dung thong bao: tat ca nha xay truoc nam 2000 o Dong Hoi phai pha do de lam duong moi, khong boi thuong. Ai co nha cu thi chuan bi.", "rumour_public", "misinformation", 0),
    ("Công văn khẩn của Sở Giáo dục: từ năm học tới, học sinh phải đóng 5 triệu 'phí chuyển đổi số' mới được nhập học.", "rumour_public", "misinformation", 0),
    ("UBND tỉnh quyết định cấm đánh bắt cá trên toàn bộ vùng biển của tỉnh trong 6 tháng, tàu nào ra khơi sẽ bị tịch thu. (nguồn: nội bộ)", "rumour_public", "misinformation", 0),
    ("Từ tuần sau Bệnh viện đa khoa tỉnh Quảng Trị ngừng tiếp nhận bệnh nhân không có hộ khẩu tại Phường Đông Hà.", "rumour_public", "misinformation", 0),
    ("Nóng: Sở Tài chính công bố bỏ toàn bộ trợ cấp người cao tuổi từ tháng 12, các cụ sẽ không được nhận tiền nữa.", "rumour_public", "misinformation", 0),
    ("THÔNG BÁO: theo văn bản của UBND tỉnh, từ ngày mai đóng cửa khẩu Lao Bảo 3 tháng, hàng hóa không được thông quan. Ai có hàng thì bán tháo đi.", "rumour_public", "misinformation", 0),

    # ---- incitement: calls to gather, block, attack, with time/place/weapons (incitement) ----
    ("Tối nay 8h anh em tập trung chặn Quốc lộ 1 đoạn qua cầu, mang gậy gộc theo, đốt lốp xe cho chúng nó biết tay.", "incitement", "incitement", 0),
    ("Cả thôn kéo nhau lên đập phá trụ sở xã đi, nói mãi không nghe thì phải cho chúng nó một bài học.", "incitement", "incitement", 0),
    ("Thằng chủ quán đó dám cãi lại khách, mai anh em qua đánh cho nó một trận, đập nát cái quán luôn.", "incitement", "incitement", 0),
    ("toi nay 9h tap trung o nga ba, mang theo dao kiem, nhom ben kia dam dong vao anh em minh thi xu luon", "incitement", "incitement", 0),
    ("Ai có xe tải thì sáng mai đỗ chắn ngang cổng nhà máy, không cho xe nào ra vào. Đứa nào cản thì ném đá vào mặt.", "incitement", "incitement", 0),
    ("Đốt hết mấy cái máy xúc của công ty đó đi, tụi nó phá đất của làng thì làng phá máy của tụi nó.", "incitement", "incitement", 0),
    ("Tìm ra nhà thằng tài xế gây tai nạn rồi, tối nay 10h anh em đến phá cửa lôi nó ra mà xử.", "incitement", "incitement", 0),
    ("Chủ nhật này dân bãi ngang ra chặn đường vào cảng, mang theo xăng, nếu bị giải tán thì đốt xe của chúng nó.", "incitement", "incitement", 0),
    ("Bọn thu mua cá ép giá, ngày mai cả bến kéo đến nhà nó, đập hết kho lạnh, coi như trả thù cho bà con.", "incitement", "incitement", 0),
    ("Anh em đâu, tối mai tập trung ở quảng trường, mang ống tuýp, gặp nhóm xe bên kia là chiến luôn.", "incitement", "incitement", 0),
    ("Ai bức xúc vụ giải tỏa thì sáng mai 6h mang dao rựa ra công trường, gặp đứa nào cưỡng chế thì chém.", "incitement", "incitement", 0),
    ("đ.á.n.h c.h.ế.t nó đi, loại đó không đáng sống. Ai biết nó ở đâu thì tối nay cùng tới.", "incitement", "incitement", 0),
    ("Tập trung lúc 19h tại cổng chợ, mỗi người mang theo một can xăng, đốt sạch dãy ki-ốt của tụi chiếm chỗ.", "incitement", "incitement", 0),
    ("Thầy giáo đó đánh con tôi, phụ huynh trong lớp mai kéo vào trường đánh hắn một trận cho nhớ đời.", "incitement", "incitement", 0),
    ("Mấy thằng làng bên dám bắt trộm cá hồ làng mình, tối nay cả đám mang gậy qua bên đó đập nát thuyền của chúng.", "incitement", "incitement", 0),
    ("Mai đi chặn xe chở rác vào bãi, xe nào vào thì chọc thủng lốp, tài xế nào cãi thì đánh.", "incitement", "incitement", 0),
    ("Biết nhà ông giám đốc dự án rồi, anh em tối nay ném mắm tôm, ném gạch vào nhà cho nó sợ.", "incitement", "incitement", 0),
    ("tap trung dot lop xe chan cau luc 7h sang, ai khong tham gia la phan boi lang, mang theo gay va da", "incitement", "incitement", 0),
    ("Cứ tự xử đi bà con: gặp đứa nào trộm chó thì đánh cho tàn phế, không cần báo công an.", "incitement", "incitement", 0),
    ("Tối thứ 7 này anh em cổ động viên thôn Đông mang theo hung khí, trận này thua thì đánh luôn trọng tài với cổ động viên bên kia.", "incitement", "incitement", 0),
    ("Ai có bom xăng thì mang theo, mình ném vào kho của công ty đó lúc nửa đêm, không ai biết đâu.", "incitement", "incitement", 0),
    ("Kéo hết thanh niên trong xóm lên trạm thu phí, đập hết barie, nhân viên nào cản thì đánh.", "incitement", "incitement", 0),
    ("Mấy đứa nghiện tụ tập ở bãi đất trống, tối nay mình mang gậy ra đánh cho chúng nó không dám quay lại.", "incitement", "incitement", 0),
    ("ALO ANH EM! 20H TỐI NAY CÓ MẶT Ở CẦU ĐÔNG HÀ, MANG ĐỦ ĐỒ NGHỀ, XỬ XONG VỤ NÀY RỒI TÍNH.", "incitement", "incitement", 0),
    ("Lập nhóm chặn mấy xe chở khách du lịch vào Phong Nha, ném đá cho họ sợ mà không dám đến nữa.", "incitement", "incitement", 0),

    # ---- personal_data: doxxing private persons (fictitious IDs/phones/addresses) (personal_data) ----
    ("Đây là thằng lừa tiền của mình: Nguyễn Văn Hùng, CCCD 045089012347, số điện thoại 0912 483 756, nhà ở số 12 ngõ 5 đường Lê Lợi, Đông Hà. Ai gặp nó thì báo mình.", "personal_data", "personal_data", 0),
    ("Ai biết con này ở đâu không? Tên Trần Thị Mai, sđt 0368 274 915, STK Vietcombank 1012 8847 3365. Nó giật chồng người ta xong bỏ trốn.", "personal_data", "personal_data", 0),
    ("Đăng lên cho cả xóm biết: nhà số 47 kiệt 3 đường Trần Hưng Đạo, Đồng Hới là nhà của thằng nợ tiền không trả. Số CCCD của nó đây 044092005831.", "personal_data", "personal_data", 0),
    ("Bóc phốt chủ shop online bùng hàng: Lê Hoàng Phúc, CMND 194562318, zalo 0779 104 582, địa chỉ thôn 3 Xã Bố Trạch. Mọi người share cho nó nổi tiếng.", "personal_data", "personal_data", 0),
    ("thang nay dam xe chay tron, ten Pham Quoc Toan, nha o so 8 duong Nguyen Du Ba Don, sdt 0965 337 210. ai biet thi xu no", "personal_data", "personal_data", 0),
    ("Gửi ảnh căn cước của con đó lên đây cho mọi người nhận mặt: Hồ Thị Thanh, số 045187004419, sinh năm 1987, quê Gio Linh, hiện ở trọ đối diện chợ.", "personal_data", "personal_data", 0),
    ("Số điện thoại của cô giáo chủ nhiệm lớp con tôi là 0387 615 204, nhà ở số 23 đường Phan Bội Châu, ai muốn hỏi cô 'quan tâm' học sinh thế nào thì cứ gọi, gọi suốt đêm luôn.", "personal_data", "personal_data", 0),
    ("Thằng Đặng Minh Khoa này quỵt tiền công thợ, đây là STK BIDV 5331 0002 7746 và nhà nó ở số 16 ngõ 2 đường Hùng Vương. Ai ở gần thì ghé thăm nó.", "personal_data", "personal_data", 0),
    ("Đây là số CCCD 045308003172 của con bé lớp 11 đánh bạn trong clip, tên Ngô Thị Thu Hà, nhà ở khu phố 6 Phường Đông Hà. Mọi người vào mà nói chuyện với nó.", "personal_data", "personal_data", 0),
    ("Share mạnh: tay bác sĩ trực đêm qua làm chết bệnh nhân tên Võ Văn Tài, nhà riêng số 9 kiệt 12 đường Quang Trung, sđt 0912 730 468. Cả nhà nó ở đó.", "personal_data", "personal_data", 0),
    ("Công khai danh sách khách nợ của tiệm cho ai cũng biết: chị Lan 0356 221 784 nợ 3 triệu, anh Bình 0903 472 615 nợ 5 triệu, nhà ở xóm Bàu gần giếng làng.", "personal_data", "personal_data", 0),
    ("Đưa thông tin thằng đòi nợ thuê lên đây: Trương Văn Quý, cccd 044091007265, điện thoại 0826 593 104. Hắn ở phòng trọ số 5 dãy trọ sau bệnh viện.", "personal_data", "personal_data", 0),
    ("Ai biết thằng này ở đâu không, nó chụp lén con gái mình. Tên Lê Đức Anh, 0707 341 928, nhà ở tổ 4 Phường Ba Đồn gần nhà thờ.", "personal_data", "personal_data", 0),
    ("Đây là số CMND 197325418 và địa chỉ của mụ hàng xóm hay báo công an về nhà tôi: số 31 đường Lý Thái Tổ. Ai ghét nó thì cứ đến.", "personal_data", "personal_data", 0),
    ("chủ xe này đậu chắn cổng nhà mình cả tuần, tên Phan Minh Cường, sdt 0.9.4.8.5.2.1.6.3.7, nhà số 6 kiệt 20 Trần Phú. Mọi người gọi cho nó nghe chửi.", "personal_data", "personal_data", 0),
    ("Ảnh chụp CCCD 045301002846 của con nhỏ tố tôi trên mạng đây, tên Nguyễn Ngọc Hân, sinh 2001. Để xem còn dám tố nữa không.", "personal_data", "personal_data", 0),
    ("Nhân viên ngân hàng tư vấn ẩu làm mình mất tiền: Hoàng Thị Yến, sđt 0934 582 617, nhà ở chung cư khu đô thị mới block B phòng 304. Ai rảnh ghé thăm.", "personal_data", "personal_data", 0),
    ("STK của thằng lừa đảo ở Lệ Thủy đây: Agribank 3908 2051 4472 29, chủ TK Trần Văn Nam, CCCD 044088012938. Nhà nó ở thôn 2 ngay sau trường tiểu học.", "personal_data", "personal_data", 0),
    ("Bóc phốt người yêu cũ bạo lực: Mai Xuân Hòa, số 0398 715 206, làm ở cây xăng đầu cầu, nhà ở 14 ngõ 7 đường Lê Duẩn. Ai muốn dạy nó thì cứ đến.", "personal_data", "personal_data", 0),
    ("Danh sách những người ký đơn kiện nhà tôi kèm số điện thoại: ông Thịnh 0918 226 504, bà Liên 0375 418 902, chú Sơn 0865 203 771. Gọi cho họ mà hỏi.", "personal_data", "personal_data", 0),
    ("Đây là CCCD 045192006643 của mụ bán hàng giả ở chợ, mặt trước mặt sau đủ cả, để mọi người biết mặt. Nhà nó ở số 5 đường Nguyễn Trãi.", "personal_data", "personal_data", 0),
    ("ai o gan thon 5 xa Cam Lo thi qua nha so 27 cua thang Hieu (0975 862 314) ma hoi no, tien nguoi ta ma dam an, cccd no la 045090011827", "personal_data", "personal_data", 0),

    # ---- hate_group: degrading generalisations about a group (hate_harassment) ----
    ("Bọn Bắc kỳ vào đây làm ăn toàn lừa đảo, đứa nào cũng gian như nhau, đuổi hết về quê đi.", "hate_group", "hate_harassment", 0),
    ("Dân tộc thiểu số trên vùng núi lười biếng, chỉ biết ngồi chờ trợ cấp, nuôi tụi nó tốn tiền thuế của người Kinh.", "hate_group", "hate_harassment", 0),
    ("Mấy đứa pê đê bệnh hoạn, ra đường thấy là ngứa mắt, nên cấm tụi nó xuất hiện ở chỗ đông người.", "hate_group", "hate_harassment", 0),
    ("Đàn bà thì biết gì mà đòi làm lãnh đạo, về nhà nấu cơm cho chồng đi, đẻ con là việc duy nhất của tụi nó.", "hate_group", "hate_harassment", 0),
    ("Người khuyết tật là gánh nặng xã hội, sinh ra chỉ để ăn bám, nuôi họ làm gì cho phí.", "hate_group", "hate_harassment", 0),
    ("bon dan lang ben do toan ke trom cho, mat day tu ong den chau, dung cho chung no vao lang minh", "hate_group", "hate_harassment", 0),
    ("Dân Quảng Bình cũ toàn lũ cãi cùn, sáp nhập với tụi nó về là xui cả tỉnh.", "hate_group", "hate_harassment", 0),
    ("Tụi theo đạo đó mê tín, ngu dốt, suốt ngày tụ tập, nên đuổi khỏi xóm cho yên.", "hate_group", "hate_harassment", 0),
    ("Bọn Nam kỳ ăn chơi trác táng, lười lao động, ra đây làm chỉ tổ phá.", "hate_group", "hate_harassment", 0),
    ("Mấy người Vân Kiều dưới chợ bẩn thỉu, hôi hám, đừng bán hàng cho tụi nó kẻo xui.", "hate_group", "hate_harassment", 0),
    ("Con gái học đại học làm gì, đứa nào học cao cũng hư hỏng rồi ế chỏng chơ.", "hate_group", "hate_harassment", 0),
    ("Bọn tự kỷ với thiểu năng nên nhốt ở nhà, cho đi học chung làm chậm cả lớp con tôi, lũ ăn hại.", "hate_group", "hate_harassment", 0),
    ("Dân Thanh Hóa vào đây là trộm cắp tăng, đứa nào cũng đầu gấu, thấy là phải đề phòng.", "hate_group", "hate_harassment", 0),
    ("Tụi dân chài ven biển toàn lũ vô học, thô lỗ, nói chuyện như chửi, không đáng làm người.", "hate_group", "hate_harassment", 0),
    ("Mấy ông bà già ở quê là lũ lạc hậu ăn hại, để chúng nó tự sinh tự diệt cho xã hội nhẹ gánh.", "hate_group", "hate_harassment", 0),

    # ---- harassment_person: insults, threats, profanity at a person (hate_harassment) ----
    ("Thằng chủ trọ ngu như chó, đ.m mày trả cọc cho tao không thì biết tay.", "harassment_person", "hate_harassment", 0),
    ("Con đ* kia mày còn đăng bài nói xấu tao nữa thì tao ra tận nhà xé mồm mày.", "harassment_person", "hate_harassment", 0),
    ("M nghĩ m là ai hả thằng óc lợn, loại mất dạy như m đi chết đi cho rảnh nợ.", "harassment_person", "hate_harassment", 0),
    ("vl cái con mặt l*n này, ăn nói như cc, gặp ngoài đường tao tát cho rụng răng.", "harassment_person", "hate_harassment", 0),
    ("Thằng béo lớp 9A hôi như cú, ai chơi với nó là bị lây bẩn. Cả lớp tẩy chay nó đi.", "harassment_person", "hate_harassment", 0),
    ("Mày mà còn bén mảng tới nhà tao thì tao chặt chân. Tao nói là làm, đừng thử.", "harassment_person", "hate_harassment", 0),
    ("Con bé bán hàng online kia vừa xấu vừa ngu, livestream như con khỉ, ai vào chửi nó cho vui đi.", "harassment_person", "hate_harassment", 0),
    ("d.m thang shipper oc cho, giao hang cham con cai lai, bo may biet nha may o dau do nhe", "harassment_person", "hate_harassment", 0),
    ("Cái con mụ hàng xóm lắm mồm, đồ đĩ già, tao mà gặp thì tao cho ăn cái dép vào mặt.", "harassment_person", "hate_harassment", 0),
    ("Thằng đó mặt như đầu gối, ngu không tả nổi, sống chỉ tổ chật đất.", "harassment_person", "hate_harassment", 0),
    ("Mày là thứ rác rưởi, cả họ nhà mày đều là đồ ăn hại. Đ.m cái loại vô ơn.", "harassment_person", "hate_harassment", 0),
    ("n.g.u n.h.ư b.ò mà cũng đòi lên mạng dạy đời, thằng ml, cút về chuồng.", "harassment_person", "hate_harassment", 0),
    ("Con ranh 2k7 hỗn láo, tao biết trường mày rồi, mai tao đứng cổng chờ mày.", "harassment_person", "hate_harassment", 0),
    ("Thằng thợ điện làm ẩu, đồ chó má, mày liệu hồn, tao sẽ cho mày không làm ăn được ở xứ này nữa.", "harassment_person", "hate_harassment", 0),
    ("vcl cái thằng chồng cũ của t, đúng loại súc vật, đ** ai chịu nổi.", "harassment_person", "hate_harassment", 0),
    ("Tau nói cho mi biết, mi mà còn nhắn tin cho vợ tau thì tau đập mi gãy giò, đồ mặt dày.", "harassment_person", "hate_harassment", 0),
]

# =====================================================================
# BATCH 2: written later by hand, in other words and styles than the first batch (more
# dialect, posts without diacritics, news with violent words, warnings quoting links). The
# split is computed from the text like the rest.
# =====================================================================
POSTS += [
    # ---- criticism_official (batch 2): officials by title, blunt, dialect, no diacritics ----
    ("Ông chủ tịch huyện cũ hứa làm cầu treo cho bản từ hồi bầu cử, chừ sáp nhập rồi cũng không ai nhắc tới. Hứa mà không làm thì đừng hứa.", "criticism_official", "other", 1),
    ("Phó giám đốc Sở Xây dựng trả lời chất vấn mà vòng vo tam quốc, không nói được công trình chậm vì ai. Đại biểu hỏi thẳng thì phải trả lời thẳng.", "criticism_official", "other", 1),
    ("chu tich xa minh lam viec kieu gi ma dan len gap 3 lan deu bao di hop. nguoi dung dau ma tron dan thi dan biet hoi ai", "criticism_official", "other", 1),
    ("Cán bộ tư pháp xã ghi sai tên trong giấy khai sinh của cháu, đi sửa thì bị bắt viết đơn lại từ đầu. Lỗi của cán bộ mà dân phải chịu, vô trách nhiệm.", "criticism_official", "other", 1),
    ("Tôi đề nghị HĐND tỉnh chất vấn Giám đốc Sở Tài nguyên về việc mỏ cát trái phép hoạt động công khai trên sông Gianh suốt 2 năm.", "criticism_official", "other", 1),
    ("Bí thư xã phát biểu trong hội nghị là 'dân cứ từ từ', trong khi nước lũ vô nhà ba ngày chưa rút. Nói rứa là không hiểu dân.", "criticism_official", "other", 1),
    ("Trưởng phòng giáo dục cũ để xảy ra chuyện mua sắm thiết bị giá cao gấp ba. Phải điều tra làm rõ chứ không thể chỉ rút kinh nghiệm.", "criticism_official", "other", 1),
    ("Cảnh sát giao thông chốt ở ngã tư chỉ lo bắt lỗi xe máy, còn xe ben chở quá tải chạy ầm ầm thì không thấy ai dừng. Đề nghị xử lý công bằng.", "criticism_official", "other", 1),
    ("Một số cán bộ thuế phường hướng dẫn hộ kinh doanh mỗi người một kiểu, dân không biết nghe ai. Lãnh đạo chi cục nên chấn chỉnh.", "criticism_official", "other", 1),
    ("Thủ trưởng đơn vị thi công đường ven biển phải giải trình vì sao để xe chở vật liệu làm hỏng đường dân sinh mà không sửa lại.", "criticism_official", "other", 1),
    ("Giám đốc công ty cấp nước nói 'nước đạt chuẩn' nhưng dân hứng ra toàn cặn vàng. Mời ông về uống thử một ly nước nhà tôi rồi hãy nói.", "criticism_official", "other", 1),
    ("Lãnh đạo phường chỉ xuống hiện trường khi có báo chí, còn dân kêu thì im. Cách làm việc vì thành tích như vậy cần thay đổi.", "criticism_official", "other", 1),
    ("cán bộ một cửa ở phường nói chuyện với người già như quát con nít, o tui về khóc cả buổi. mong lãnh đạo phường nhắc nhở", "criticism_official", "other", 1),
    ("Đề nghị Ủy ban kiểm tra xem xét việc Chủ tịch UBND xã cho người nhà trúng thầu liên tiếp các công trình của xã.", "criticism_official", "other", 1),
    ("Bác sĩ trưởng trạm y tế xã đi làm muộn về sớm như cơm bữa, người bệnh đến lúc 2 giờ chiều không có ai. Trung tâm y tế nên kiểm tra.", "criticism_official", "other", 1),
    ("Ông trưởng ban quản lý rừng phòng hộ nói không biết rừng bị phá, vậy thì ông đang quản lý cái gì? Nên nhận trách nhiệm và xin thôi việc.", "criticism_official", "other", 1),
    ("Thẳng thắn mà nói, lãnh đạo Sở Giao thông đã sai khi để nhà thầu yếu năng lực thi công tuyến tránh. Hậu quả là dân chịu bụi ba năm.", "criticism_official", "other", 1),
    ("Cán bộ địa chính mà đo đất nhà tui thiếu 40 mét vuông so với sổ, hỏi lại thì nói 'máy đo rứa'. Đề nghị đo lại có mặt các hộ liền kề.", "criticism_official", "other", 1),
    ("Công an xã xử lý vụ trộm bò chậm quá, dân báo từ tuần trước mà đến giờ chưa ai xuống lấy lời khai. Mong lãnh đạo công an xã quan tâm.", "criticism_official", "other", 1),
    ("Giám đốc bệnh viện huyện cần trả lời công khai vì sao thuốc BHYT thường xuyên hết, bệnh nhân phải ra ngoài mua. Chuyện này kéo dài quá lâu rồi.", "criticism_official", "other", 1),
    ("HIEU TRUONG TRUONG THCS cho hoc sinh nghi de lam le khanh thanh, phu huynh khong dong y. hoc la quyen cua tre con, khong phai de trang tri.", "criticism_official", "other", 1),
    ("Tổ trưởng tổ dân phố thu quỹ mà không bao giờ công khai thu chi. Ai hỏi thì bảo 'không tin thì thôi'. Đề nghị phường kiểm tra.", "criticism_official", "other", 1),
    ("Chủ tịch phường đã hứa trước cử tri sẽ dẹp bãi tập kết rác tự phát. Ba tháng rồi mùi hôi vẫn y nguyên. Cử tri sẽ nhớ lời hứa này.", "criticism_official", "other", 1),
    ("Cán bộ kiểm lâm nhận tiền 'làm ngơ' cho xe gỗ là chuyện cả xóm biết. Tôi đã gửi đơn tố cáo kèm hình ảnh lên Chi cục Kiểm lâm.", "criticism_official", "other", 1),
    ("Ông giám đốc trung tâm đăng kiểm nên xem lại thái độ nhân viên, khách hỏi một câu là nạt. Dịch vụ công mà như ban ơn.", "criticism_official", "other", 1),

    # ---- criticism_policy (batch 2) ----
    ("Quy định mỗi hộ chỉ được đăng ký một chỗ đỗ xe trong khu tập thể là không sát thực tế, nhà có ba thế hệ thì làm sao. Mong ban quản lý sửa.", "criticism_policy", "other", 1),
    ("Chính sách tinh giản biên chế giáo viên mầm non trong lúc trẻ tăng là ngược đời. Một cô trông 35 cháu thì chất lượng ra răng?", "criticism_policy", "other", 1),
    ("thu phi tham quan thanh co quang tri ma khu ve sinh ban nhu chuong heo. thu tien thi cung phai dau tu lai chu", "criticism_policy", "other", 1),
    ("Kế hoạch chuyển chợ cá Nhật Lệ vào trong phố gây ách tắc và mùi hôi cho cả khu dân cư. Phương án đưa ra chưa hợp lý.", "criticism_policy", "other", 1),
    ("Đề án thu phí xe vào trung tâm Đông Hà giờ cao điểm là học đòi thành phố lớn. Tỉnh mình chưa có xe buýt tử tế thì dân đi bằng gì?", "criticism_policy", "other", 1),
    ("Tôi không đồng tình với chủ trương cho doanh nghiệp làm sân golf trên đất rừng phòng hộ ven biển. Rừng phi lao là lá chắn cát của dân.", "criticism_policy", "other", 1),
    ("Mức hỗ trợ 500 nghìn cho hộ bị ngập nặng là quá bèo, không đủ mua cái nồi cơm điện. Chính sách hỗ trợ thiên tai cần tính lại.", "criticism_policy", "other", 1),
    ("Bắt buộc học sinh cài ứng dụng điểm danh trả phí mỗi năm 200 nghìn là không đúng chủ trương miễn học phí. Sở cần vào cuộc.", "criticism_policy", "other", 1),
    ("Quy hoạch treo 15 năm ở khu vực Bắc Hồ, dân không được xây, không được bán. Quy hoạch kiểu ni là trói chân dân.", "criticism_policy", "other", 1),
    ("Chính sách đổi giấy phép lái xe sang PET nói là tự nguyện mà chỗ mô cũng nhắc phải đổi, dân hoang mang xếp hàng. Thông tin phải rõ ràng.", "criticism_policy", "other", 1),
    ("Tăng lệ phí trước bạ xe máy ở tỉnh lên 5% là gánh nặng với công nhân và sinh viên. Đề nghị HĐND tỉnh cân nhắc lại mức thu.", "criticism_policy", "other", 1),
    ("Bỏ tuyến đò ngang qua sông Thạch Hãn khi chưa có cầu thay thế là quyết định vội vàng, học sinh phải đi vòng 12 cây số.", "criticism_policy", "other", 1),
    ("Thủ tục xin hỗ trợ tiền điện cho hộ nghèo quá rườm rà, 7 loại giấy tờ cho 50 nghìn một tháng. Chính sách tốt mà làm thế này thì dân bỏ.", "criticism_policy", "other", 1),
    ("Quy định cấm thả trâu bò trên đê là đúng, nhưng chưa quy hoạch bãi chăn thả thay thế thì bà con miền núi biết đưa trâu đi đâu?", "criticism_policy", "other", 1),
    ("Dự án kè biển 300 tỷ làm xong bãi tắm mất luôn cát. Ai thẩm định dự án này cần giải thích cho người dân Hải Thanh.", "criticism_policy", "other", 1),
    ("Chủ trương sáp nhập trường tiểu học thôn vào trường xã nghe hợp lý trên giấy, nhưng đường đi qua đèo, mùa mưa trẻ con không tới trường được.", "criticism_policy", "other", 1),
    ("Giá vé tàu Thống Nhất ga Đông Hà dịp Tết tăng 40% mà toa cũ, điều hòa hỏng. Ngành đường sắt nói đổi mới mà chưa thấy đâu.", "criticism_policy", "other", 1),
    ("Quy định mới bắt ngư dân lắp thiết bị giám sát hành trình tự bỏ tiền là quá sức, tàu nhỏ thu nhập có bao nhiêu. Nhà nước nên hỗ trợ.", "criticism_policy", "other", 1),
    ("Cắt giảm giờ mở cửa thư viện tỉnh còn 4 giờ mỗi ngày là bước lùi. Học sinh ôn thi cuối tuần không có chỗ ngồi học.", "criticism_policy", "other", 1),
    ("Chính sách miễn phí xe buýt cho người cao tuổi rất hay nhưng tuyến về xã thì cắt hết, ông bà tui có được đi mô.", "criticism_policy", "other", 1),

    # ---- complaints (batch 2): roads, hospitals, schools, land, utilities ----
    ("Đường liên thôn từ Hiền Lương vào Vĩnh Sơn ổ gà to như cái nia, tối qua hai người đi xe máy té. Xin xã cho vá tạm trước mùa mưa.", "complaint_road", "grievance", 1),
    ("duong vao thon 3 xa cam thuy lay loi qua, xe cap cuu khong vao duoc. de nghi chinh quyen xem xet lam lai duong cho dan", "complaint_road", "grievance", 1),
    ("Cây cầu tràn qua suối ở bản Cù Bai bị lũ cuốn trôi lan can từ tháng trước, trẻ con đi học qua rất nguy hiểm. Kính đề nghị cấp trên quan tâm.", "complaint_road", "grievance", 1),
    ("Đèn đường trên tuyến Lê Duẩn đoạn gần cầu Đông Hà tắt cả tuần, tối đi đường tối om. Mong Ban quản lý công trình công cộng kiểm tra.", "complaint_road", "grievance", 1),
    ("Nắp cống ở ngã ba chợ bị vỡ, đã có xe máy sụp bánh. Phản ánh lên đường dây nóng của phường mà chưa thấy ai xuống xử lý.", "complaint_road", "grievance", 1),
    ("Bệnh viện đa khoa khu vực cho bệnh nhân nằm ghép 3 người một giường giữa mùa sốt xuất huyết. Xin hỏi Sở Y tế có kế hoạch tăng giường không?", "complaint_hospital", "grievance", 1),
    ("Mẹ tôi đi khám BHYT đúng tuyến mà vẫn bị thu thêm tiền 'dịch vụ theo yêu cầu' dù không yêu cầu gì. Đề nghị bệnh viện giải thích khoản thu này.", "complaint_hospital", "grievance", 1),
    ("Trạm y tế xã Hướng Phùng không có thuốc hạ sốt cho trẻ em, bà con phải đi 30 cây số ra thị trấn. Mong ngành y tế cấp bổ sung.", "complaint_hospital", "grievance", 1),
    ("xep hang lay so kham tu 5h sang ma 10h chua toi luot, o benh vien tinh. de nghi lam dat lich kham qua dien thoai cho dan do kho", "complaint_hospital", "grievance", 1),
    ("Nhà vệ sinh khoa Nhi bệnh viện tỉnh hỏng vòi nước cả tháng, mấy mẹ phải xách nước từ tầng dưới lên. Xin ban giám đốc quan tâm.", "complaint_hospital", "grievance", 1),
    ("Trường mầm non xã Triệu Phong thu tiền máy lạnh mà phòng học vẫn chỉ có quạt trần. Phụ huynh xin nhà trường công khai khoản thu.", "complaint_school", "grievance", 1),
    ("Sân trường tiểu học ngập nước mỗi khi mưa, các cháu phải lội vào lớp. Đề nghị phòng giáo dục cho nâng nền sân trước năm học mới.", "complaint_school", "grievance", 1),
    ("Con tôi lớp 2 mà mỗi ngày phải học thêm buổi tối ở nhà cô chủ nhiệm, không học thì bị nhắc trước lớp. Xin nhà trường chấn chỉnh.", "complaint_school", "grievance", 1),
    ("truong thpt o huyen nha tui thieu giao vien tin hoc ca nam nay, hoc sinh tu hoc tren mang. mong so giao duc bo sung giao vien", "complaint_school", "grievance", 1),
    ("Xe đưa đón học sinh của trường chở 40 cháu trên xe 29 chỗ. Phụ huynh rất lo, đề nghị nhà trường và công an kiểm tra.", "complaint_school", "grievance", 1),
    ("Gia đình tôi bị thu hồi 800 mét vuông đất lúa làm đường tránh, đã ba năm mà chưa nhận đủ tiền bồi thường. Xin hỏi Ban bồi thường bao giờ chi trả?", "complaint_land", "grievance", 1),
    ("Hồ sơ cấp sổ đỏ lần đầu của nhà tôi nộp ở bộ phận một cửa từ tháng 3, hẹn tháng 5, chừ tháng 9 vẫn chưa có. Xin cơ quan giải quyết đúng hẹn.", "complaint_land", "grievance", 1),
    ("Đất tái định cư giao cho dân ở khu Nam Đông Hà nằm dưới đường điện cao thế, không xây nhà được. Đề nghị đổi lô khác cho các hộ.", "complaint_land", "grievance", 1),
    ("Giá bồi thường cây keo khi làm đường cao tốc chỉ tính 20 nghìn một cây trong khi cây đã 4 năm tuổi. Bà con kiến nghị định giá lại.", "complaint_land", "grievance", 1),
    ("nha tui o tu nam 1985, gio xa noi dat lan chiem hanh lang duong, khong cap so. de nghi xa kiem tra lai ban do cu giup dan", "complaint_land", "grievance", 1),
    ("Nước máy khu phố 4 phường Đông Lễ mất liên tục ba ngày không báo trước. Nhà có người già và trẻ nhỏ rất khổ, mong công ty cấp nước trả lời.", "complaint_utility", "grievance", 1),
    ("Điện chập chờn cả tuần, tủ lạnh nhà tôi hỏng luôn. Báo tổng đài điện lực ba lần mà chưa ai xuống kiểm tra trạm biến áp.", "complaint_utility", "grievance", 1),
    ("Bãi rác tạm ở đầu thôn bốc mùi, ruồi bay vào nhà dân. Xin xã cho xe thu gom đúng lịch và chuyển bãi ra xa khu dân cư.", "complaint_utility", "grievance", 1),
    ("Mạng internet cáp quang ở xã Tân Long rớt liên tục, học sinh học online không được. Nhà mạng hẹn sửa mãi không tới.", "complaint_utility", "grievance", 1),
    ("tiền nước tháng ni nhà tui tính 45 khối trong khi hai vợ chồng ở, đồng hồ chạy cả khi khóa van. xin công ty nước xuống kiểm tra đồng hồ", "complaint_utility", "grievance", 1),

    # ---- petition_dialogue (batch 2) ----
    ("Bà con thôn Bích La ký tên vào đơn kiến nghị gửi UBND xã đề nghị lắp đèn tín hiệu ở đoạn quốc lộ qua trường học. Ai đồng ý thì ký ở nhà văn hóa thôn.", "petition_dialogue", "grievance", 1),
    ("Chúng tôi, các hộ kinh doanh chợ Đông Hà, đề nghị được đối thoại trực tiếp với Ban quản lý chợ về mức phí mới trước khi áp dụng.", "petition_dialogue", "grievance", 1),
    ("Kính gửi Hội đồng nhân dân tỉnh: cử tri phường Nam Lý kiến nghị sớm xây dựng nhà văn hóa khu phố, hiện sinh hoạt phải mượn sân nhà dân.", "petition_dialogue", "grievance", 1),
    ("moi nguoi trong xom cung ky don gui xa xin lam muong thoat nuoc nhe, minh de mau don o quan tap hoa co Lan", "petition_dialogue", "grievance", 1),
    ("Đề nghị UBND phường tổ chức buổi tiếp xúc để người dân góp ý phương án chỉnh trang vỉa hè trước khi thi công. Chúng tôi sẵn sàng tham gia.", "petition_dialogue", "grievance", 1),
    ("Phụ huynh lớp 5B xin gặp Ban giám hiệu để trao đổi về việc đổi giáo viên giữa năm. Chúng tôi mong được nghe lý do một cách cởi mở.", "petition_dialogue", "grievance", 1),
    ("Nhóm ngư dân Cửa Tùng gửi kiến nghị lên Sở Nông nghiệp đề nghị nạo vét luồng lạch, tàu ra vào mắc cạn nhiều lần.", "petition_dialogue", "grievance", 1),
    ("Xin mời bà con tham dự buổi họp dân tối thứ Bảy tại nhà văn hóa để cùng góp ý phương án bồi thường dự án điện gió. Có đại diện chủ đầu tư tham dự.", "petition_dialogue", "grievance", 1),

    # ---- news_report (batch 2): crime, accidents, violent words, arrests ----
    ("Công an tỉnh Quảng Trị vừa bắt giữ nhóm đối tượng dùng dao, kiếm tự chế đánh nhau tại khu vực cầu Đông Hà đêm 12/8 khiến 2 người bị thương.", "news_report", "other", 1),
    ("Theo Công an phường, đối tượng N.V.T. (25 tuổi) đã dùng gậy đánh một tài xế xe ôm công nghệ sau va chạm giao thông. Vụ việc đang được điều tra.", "news_report", "other", 1),
    ("Tòa án nhân dân tỉnh mở phiên xét xử lưu động vụ án giết người xảy ra tại xã Hướng Hóa, bị cáo lĩnh án chung thân.", "news_report", "other", 1),
    ("Cháy lớn tại xưởng gỗ ở khu công nghiệp Nam Đông Hà, lực lượng PCCC mất 3 giờ mới khống chế được đám cháy, không có thương vong.", "news_report", "other", 1),
    ("Mưa lớn kéo dài khiến đập tràn ở xã Tân Hợp bị sạt một phần, chính quyền đã sơ tán 12 hộ dân. Đơn vị quản lý cho biết thân đập vẫn an toàn.", "news_report", "other", 1),
    ("Công an huyện cũ triệt phá đường dây lừa đảo giả danh nhân viên ngân hàng, thu giữ 40 sim rác và 12 tài khoản ngân hàng.", "news_report", "other", 1),
    ("Ngày 5/9, một nhóm thanh niên cầm hung khí chặn đường, đập phá xe máy của người đi đường tại Quốc lộ 9. Công an đã khởi tố vụ án.", "news_report", "other", 1),
    ("Sở Y tế ghi nhận 320 ca sốt xuất huyết trong tháng 7, tăng 25% so với cùng kỳ. Chưa có ca tử vong. Người dân được khuyến cáo diệt lăng quăng.", "news_report", "other", 1),
    ("Xe tải mất lái lao vào chợ tạm ven đường Hồ Chí Minh làm 3 người chết, 5 người bị thương. Tài xế đã bị tạm giữ.", "news_report", "other", 1),
    ("Theo báo Quảng Trị, phiên tòa xét xử nhóm 'tín dụng đen' dùng sơn, mắm tôm ném vào nhà con nợ đã tuyên phạt các bị cáo từ 2 đến 7 năm tù.", "news_report", "other", 1),
    ("Bộ đội biên phòng phát hiện nhóm đối tượng vận chuyển pháo nổ qua biên giới, thu giữ 300 kg pháo các loại.", "news_report", "other", 1),
    ("Hàng trăm người dân tụ tập xem đua thuyền truyền thống trên sông Kiến Giang dịp Quốc khánh, lực lượng chức năng bố trí phân luồng giao thông.", "news_report", "other", 1),
    ("Một học sinh bị bạn cùng lớp đánh hội đồng, clip lan truyền trên mạng. Nhà trường cho biết đã mời phụ huynh các em lên làm việc.", "news_report", "other", 1),
    ("Lũ quét tại bản Ka Tăng cuốn trôi 2 ngôi nhà, một người mất tích. Lực lượng cứu hộ đang tìm kiếm, theo Ban chỉ huy phòng chống thiên tai tỉnh.", "news_report", "other", 1),
    ("Nổ bình gas tại một quán ăn trên đường Trần Hưng Đạo làm 2 người bị bỏng. Cơ quan chức năng đang điều tra nguyên nhân.", "news_report", "other", 1),
    ("Công an phường Đồng Hới bắt quả tang đối tượng đang trộm cắp xe máy, thu giữ dao, kìm cộng lực và 3 biển số giả.", "news_report", "other", 1),
    ("Người phụ nữ ở xã Gio Linh bị lừa 600 triệu đồng sau khi nghe cuộc gọi tự xưng công an yêu cầu chuyển tiền 'xác minh'. Công an khuyến cáo người dân cảnh giác.", "news_report", "other", 1),
    ("VKSND tỉnh phê chuẩn quyết định khởi tố bị can đối với nguyên chủ tịch xã về tội lợi dụng chức vụ, quyền hạn trong thi hành công vụ.", "news_report", "other", 1),
    ("Trung tâm dự báo khí tượng thủy văn tỉnh cho biết bão số 5 có thể đổ bộ vào Quảng Trị chiều mai, gió giật cấp 12. Người dân không ra khơi.", "news_report", "other", 1),
    ("Xô xát giữa hai nhóm thanh niên tại quán karaoke ở phường Ba Đồn khiến một người bị đâm trọng thương, nghi phạm đã ra đầu thú.", "news_report", "other", 1),
    ("Ghi nhận tại hiện trường, nhiều cây xanh bị bão quật đổ chắn ngang đường Hùng Vương. Công nhân đang cưa cắt, dọn dẹp.", "news_report", "other", 1),
    ("Sở Nông nghiệp xác nhận dịch tả lợn châu Phi xuất hiện tại 2 thôn của xã Cam Lộ, đã tiêu hủy 48 con lợn và phun khử trùng.", "news_report", "other", 1),
    ("tin nong: tai nan lien hoan 4 xe tren cau Nhat Le 2 sang nay, 1 nguoi bi thuong nang da duoc dua di cap cuu. CSGT dang phan luong", "news_report", "other", 1),
    ("Phiên tòa xét xử vụ án 'Giết người' và 'Cố ý gây thương tích' tại Khe Sanh thu hút đông người dân theo dõi.", "news_report", "other", 1),
    ("Đồn biên phòng Cửa Việt cứu 7 ngư dân gặp nạn khi tàu cá bị sóng đánh chìm cách bờ 20 hải lý.", "news_report", "other", 1),

    # ---- official_notice (batch 2) ----
    ("Điện lực Quảng Trị thông báo tạm ngừng cấp điện từ 7h00 đến 11h30 ngày 14/10 tại khu vực phường Đông Thanh để bảo dưỡng lưới điện.", "official_notice", "other", 1),
    ("UBND xã thông báo: từ ngày 1/11, bộ phận một cửa tiếp nhận hồ sơ cả sáng thứ Bảy. Người dân có thể nộp hồ sơ trực tuyến tại cổng dịch vụ công quốc gia.", "official_notice", "other", 1),
    ("Công an xã thông báo lịch làm căn cước cho trẻ em dưới 14 tuổi vào Chủ nhật này tại hội trường xã. Phụ huynh mang theo giấy khai sinh.", "official_notice", "other", 1),
    ("Trung tâm y tế thông báo tiêm vắc xin sởi miễn phí cho trẻ từ 1 đến 5 tuổi tại các trạm y tế xã, phường từ ngày 20 đến 25 tháng này.", "official_notice", "other", 1),
    ("Thông báo của Ban chỉ huy phòng chống thiên tai: các hộ vùng thấp trũng ven sông Thạch Hãn chuẩn bị sơ tán khi có lệnh. Đường dây nóng 0233 3852 143.", "official_notice", "other", 1),
    ("Phường tổ chức ngày Chủ nhật xanh: ra quân dọn vệ sinh kênh mương, phát quang bụi rậm. Mời bà con mang theo cuốc, xẻng, bao tải tham gia.", "official_notice", "other", 1),
    ("Sở Giáo dục và Đào tạo thông báo lịch thi tuyển sinh lớp 10 năm học mới. Thí sinh xem danh sách phòng thi trên cổng thông tin của Sở.", "official_notice", "other", 1),
    ("UBND phường lưu ý: cơ quan nhà nước không yêu cầu người dân chuyển tiền hay cung cấp mã OTP qua điện thoại. Mọi thủ tục làm trực tiếp tại trụ sở.", "official_notice", "other", 1),
    ("Thông báo tuyển dụng viên chức giáo viên năm 2026 của Sở Nội vụ: hồ sơ nộp trực tiếp, không thu bất kỳ khoản phí nào ngoài lệ phí dự tuyển theo quy định.", "official_notice", "other", 1),
    ("Công an tỉnh thông báo: lực lượng chức năng sẽ tổ chức diễn tập phòng cháy chữa cháy tại chợ Đông Hà sáng thứ Năm, người dân đừng hoang mang.", "official_notice", "other", 1),
    ("Bưu điện tỉnh thông báo nghỉ giao dịch ngày Quốc khánh 2/9, các bưu cục mở cửa lại từ ngày 3/9.", "official_notice", "other", 1),
    ("thong bao: xa to chuc hop dan ve viec lam duong be tong thon 5, luc 19h toi thu sau tai nha van hoa. de nghi moi ho cu dai dien tham du", "official_notice", "other", 1),

    # ---- warning_scam (batch 2): quoting links, numbers, message text ----
    ("CẢNH BÁO: đang có tin nhắn giả Vietcombank 'tài khoản của quý khách bị khóa, truy cập vcb-xacminh.top để mở khóa'. Đây là lừa đảo, tuyệt đối không bấm vào.", "warning_scam", "other", 1),
    ("Mọi người cẩn thận nha, có số 0868 442 913 gọi xưng là công an phường nói mình liên quan đường dây ma túy, bắt cài app. Tui cúp máy rồi báo công an thật.", "warning_scam", "other", 1),
    ("Ai nhận được tin 'Bưu cục thông báo bưu phẩm của bạn bị giữ, thanh toán phí 25.000đ tại vnpost-giaohang.info' thì đừng làm theo, đó là trang giả.", "warning_scam", "other", 1),
    ("Chia sẻ để bà con biết: bọn lừa giả danh nhân viên điện lực gọi báo 'cắt điện trong 2 giờ nếu không thanh toán', rồi gửi mã QR lạ. Điện lực không bao giờ làm vậy.", "warning_scam", "other", 1),
    ("Mẹ tui suýt mất 50 triệu vì một đứa gọi video giả giọng em tui xin chuyển tiền gấp. Mọi người gọi lại số quen để xác nhận trước khi chuyển nha.", "warning_scam", "other", 1),
    ("canh bao lua dao: trang 'dichvucong-quangtri.com' khong phai cong dich vu cong cua tinh. ai da nhap thong tin thi doi mat khau ngan hang ngay", "warning_scam", "other", 1),
    ("Tỉnh táo nha mọi người: tin tuyển cộng tác viên 'like TikTok 50k/nhiệm vụ, liên hệ Telegram @kiemtien_qt' là chiêu lừa nạp tiền. Bạn tui mất 12 triệu rồi.", "warning_scam", "other", 1),
    ("Lưu ý của ngân hàng: không ai được yêu cầu bạn đọc mã OTP. Nếu có người xưng nhân viên ngân hàng hỏi mã, hãy cúp máy và gọi tổng đài in sau thẻ.", "warning_scam", "other", 1),
    ("Cảnh giác chiêu 'bạn trúng thưởng xe SH, nộp 3 triệu phí trước bạ để nhận'. Nhà bác tui ở xã Cam Hiếu suýt bị rồi, may con cháu can kịp.", "warning_scam", "other", 1),
    ("PSA: có nhóm Zalo 'Hỗ trợ vay vốn Quảng Trị' hứa giải ngân 50 triệu trong 30 phút nhưng bắt nạp phí bảo hiểm khoản vay trước. Lừa đó, đừng nạp.", "warning_scam", "other", 1),
    ("Bà con lưu ý, mấy đứa mạo danh cán bộ BHXH gọi điện nói 'hoàn tiền BHYT đóng thừa', xin số tài khoản và mã OTP. BHXH không gọi điện kiểu đó đâu.", "warning_scam", "other", 1),
    ("Tin nhắn 'Cục Thuế thông báo quý khách có khoản hoàn thuế 2.450.000đ, truy cập gdt-hoanthue.cc' là giả mạo. Cục Thuế chỉ dùng tên miền gdt.gov.vn.", "warning_scam", "other", 1),
    ("mn đừng tin mấy page 'lấy lại tiền bị lừa' nha, nó lừa lần hai đó, đòi phí 'luật sư' 5 triệu rồi chặn luôn. bị lừa thì ra công an trình báo", "warning_scam", "other", 1),
    ("Công an xã cảnh báo: đối tượng gọi điện tự xưng 'cán bộ Tòa án' thông báo có giấy triệu tập, đề nghị kết bạn Zalo để nhận. Tòa án không gửi giấy triệu tập qua Zalo.", "warning_scam", "other", 1),
    ("Nhắc lại cho ai chưa biết: link bit.ly/nhanqua-tet gửi qua Messenger là mã độc chiếm tài khoản Facebook. Bấm vô là mất nick.", "warning_scam", "other", 1),
    ("Cẩn thận shipper giả: gọi nói có đơn COD 350k, bảo chuyển khoản trước vì 'đang ở xa'. Mình không đặt gì thì đừng chuyển nha cả nhà.", "warning_scam", "other", 1),
    ("Cảnh báo chiêu lừa đầu tư tiền ảo 'lãi 5% mỗi ngày, cam kết hoàn vốn' đang rao trên các nhóm Facebook ở Đông Hà. Nhiều người đã mất trắng.", "warning_scam", "other", 1),
    ("Ngân hàng Agribank khuyến cáo: tin nhắn yêu cầu cập nhật sinh trắc học qua đường link agribank-capnhat.net là giả. Chỉ cập nhật trên ứng dụng chính thức.", "warning_scam", "other", 1),

    # ---- debunk (batch 2) ----
    ("Thông tin 'vỡ đập thủy điện Rào Quán' đang lan truyền là sai sự thật. Ban quản lý đập xác nhận hồ chứa vận hành bình thường, bà con yên tâm.", "debunk", "other", 1),
    ("Không có chuyện nước máy Đông Hà nhiễm độc như tin đồn trên mạng. Trung tâm kiểm soát bệnh tật đã lấy mẫu, kết quả đạt chuẩn.", "debunk", "other", 1),
    ("Bác sĩ khoa truyền nhiễm khẳng định: lá đu đủ không chữa được sốt xuất huyết, người bệnh có dấu hiệu nặng phải vào viện ngay, đừng tin lời đồn.", "debunk", "other", 1),
    ("Tin 'từ tháng sau không có sổ đỏ sẽ bị thu hồi đất' là tin giả. Sở Nông nghiệp và Môi trường đã đính chính, không có quyết định nào như vậy.", "debunk", "other", 1),
    ("Clip 'động đất ở Quảng Trị' là cảnh quay ở nước ngoài từ năm 2023. Viện Vật lý địa cầu không ghi nhận trận động đất nào trong khu vực.", "debunk", "other", 1),
    ("Bài 'uống nước lá ổi chữa khỏi tiểu đường, bỏ thuốc tây' là sai, nhiều người bỏ thuốc đã phải nhập viện. Hãy hỏi bác sĩ trước khi dùng.", "debunk", "other", 1),
    ("Mấy hôm ni có tin đồn 'bắt cóc trẻ em bằng xe bảy chỗ' ở Vĩnh Linh. Công an huyện đã xác minh, không có vụ nào như vậy, đề nghị không chia sẻ.", "debunk", "other", 1),
    ("ĐÍNH CHÍNH: tin 'Sở Y tế xác nhận vắc xin gây vô sinh' là bịa đặt. Sở Y tế chưa bao giờ có văn bản như vậy.", "debunk", "other", 1),
    ("tin 'ngan hang sap dong bang tai khoan chua xac thuc' la sai nha, ngan hang nha nuoc da bac bo. dung bam link la de 'xac thuc'", "debunk", "other", 1),
    ("Không phải cá chết ở cửa biển do 'chất phóng xạ'. Chi cục thủy sản cho biết nguyên nhân là nước thải ao nuôi tôm và thời tiết nắng nóng.", "debunk", "other", 1),
    ("Hình ảnh 'cầu Hiền Lương sập' là ảnh ghép. Chúng tôi vừa đi qua sáng nay, cầu vẫn bình thường, mọi người đừng hoang mang nha.", "debunk", "other", 1),
    ("Xin khẳng định: Bệnh viện tỉnh không ngừng khám BHYT. Bài viết lan truyền trên mạng là giả mạo văn bản của bệnh viện.", "debunk", "other", 1),

    # ---- review, satire, daily_life (batch 2) ----
    ("Quán bún bò ở đường Lê Lợi dở tệ, nước dùng nhạt như nước ốc, giá 45k. Chủ quán thái độ còn lồi lõm. Không quay lại nữa.", "review", "other", 1),
    ("Homestay ở Phong Nha sạch sẽ, chủ nhà dễ thương, bữa sáng ngon. Trừ điểm là wifi yếu và đường vào hơi lầy sau mưa.", "review", "other", 1),
    ("tiem sua xe dau cau Dong Ha lam an gian doi, thay nhot xong tinh tien gap doi ngoai. anh em tranh ra nha", "review", "other", 1),
    ("Tour thuyền vào động Thiên Đường đáng tiền, hướng dẫn viên kể chuyện hay. Chỉ tiếc xe điện phải chờ lâu.", "review", "other", 1),
    ("Khách sạn 3 sao mà chăn có vết bẩn, máy lạnh kêu như máy cày. Gọi lễ tân thì bảo 'mai sửa'. Một sao là còn nhiều.", "review", "other", 1),
    ("Đội bóng xã mình đá như mơ ngủ, thua 0-5 mà vẫn cười. Chắc huấn luyện viên phải 'xử' tụi nó bằng 10 vòng sân quá 😂", "satire", "other", 1),
    ("Giá xăng tăng thế này chắc tui bán xe mua con trâu đi làm cho rồi, vừa tiết kiệm vừa có phân bón ruộng.", "satire", "other", 1),
    ("Đường trước nhà tui ổ gà nhiều tới mức có thể thả cá nuôi. Ai cần đất làm ao thì qua đây, miễn phí 😅", "satire", "other", 1),
    ("Cuối tuần này cả nhà quyết 'tiêu diệt' nồi lẩu cá kình với chai rượu nếp. Ai rảnh qua 'chiến' cùng nha.", "satire", "other", 1),
    ("Nghe nói mạng 5G về huyện, tui leo lên nóc nhà đứng cả tiếng vẫn một vạch. Chắc 5G là 5 giờ mới load xong một tấm ảnh.", "satire", "other", 1),
    ("Mất ví màu nâu ở khu vực chợ Đông Hà sáng nay, trong có căn cước và thẻ ngân hàng. Ai nhặt được xin liên hệ 0935 218 664, hậu tạ.", "daily_life", "other", 1),
    ("bán lô đất 150m2 mặt tiền đường liên xã ở Triệu Độ, sổ đỏ chính chủ, giá thương lượng. ai cần liên hệ chính chủ 0912 335 871", "daily_life", "other", 1),
    ("Chiều ni trời đẹp, tui với mấy o trong xóm đi chợ cá Cửa Việt, cá thu tươi rói, 180 nghìn một ký. Mệ nấu canh chua là hết sảy.", "daily_life", "other", 1),
    ("Cần tìm người giúp việc theo giờ ở phường Đông Lễ, làm buổi sáng từ thứ 2 đến thứ 6, lương thỏa thuận. Nhắn tin cho mình nhé.", "daily_life", "other", 1),
    ("Tối nay trực tiếp trận Việt Nam gặp Thái Lan, quán cà phê nhà mình có màn hình lớn. Anh em qua cổ vũ, cháy hết mình nào!", "daily_life", "other", 1),
    ("Đám cưới con gái út nhà tui tổ chức ngày 15/12 tại nhà văn hóa thôn. Kính mời bà con làng xóm đến chung vui.", "daily_life", "other", 1),
    ("răng mà bữa ni trời nóng rứa, mới 8 giờ sáng mà ra đường như lò bánh mì. bà con nhớ uống nhiều nước nghe", "daily_life", "other", 1),
    ("Shop mình nhận đặt bánh sinh nhật, giao tận nơi trong nội thành Đồng Hới. Đặt qua fanpage hoặc ghé cửa hàng số 12 đường Quang Trung.", "daily_life", "other", 1),
    ("Nhặt được con chó nhỏ lông vàng đi lạc ở đầu ngõ 24 Trần Phú, chủ nuôi liên hệ mình để nhận lại nhé.", "daily_life", "other", 1),
    ("Ai có kinh nghiệm trồng ớt mùa mưa ở vùng cát ven biển chỉ giúp với. Năm ngoái ớt nhà mình chết rũ hết.", "daily_life", "other", 1),

    # ---- scams (batch 2) ----
    ("[TB] Thue bao cua ban duoc tang 500 phut goi va 10GB data. Soan DK gui 9029 hoac truy cap khuyenmai-viettel.vip de nhan qua truoc 23h hom nay.", "scam_sms", "scam", 0),
    ("Quý khách có 1 điểm thưởng VinID sắp hết hạn, đổi ngay quà 2.000.000đ tại vinid-doiqua.top trước 24h. Cảm ơn quý khách.", "scam_sms", "scam", 0),
    ("Ban co 1 khoan phat nguoi chua nop 1.800.000d. Nop ngay tai csgt-phatnguoi.net de tranh bi tuoc bang lai. Han chot hom nay.", "scam_sms", "scam", 0),
    ("SIM của bạn sẽ bị khóa 2 chiều sau 24h do chưa chuẩn hóa thông tin. Bấm vào chuanhoa-sim.xyz và nhập số căn cước, mã OTP để giữ số.", "scam_sms", "scam", 0),
    ("Chúc mừng bạn được chọn nhận gói hỗ trợ 3 triệu từ chương trình an sinh, điền thông tin thẻ ATM tại hotro-ansinh.online để nhận tiền.", "scam_sms", "scam", 0),
    ("TECHCOMBANK: Tai khoan cua quy khach dang duoc dang nhap tren thiet bi la. Neu khong phai ban, huy ngay tai tcb-baomat.com", "scam_bank", "scam", 0),
    ("Ngân hàng thông báo thẻ của bạn sẽ ngừng hoạt động do chưa cập nhật sinh trắc học. Vui lòng cập nhật qua đường link mb-sinhtrachoc.cc trong hôm nay.", "scam_bank", "scam", 0),
    ("Alo chị ơi em bên ngân hàng BIDV, thẻ tín dụng của chị được nâng hạn mức lên 80 triệu, chị đọc giúp em mã số vừa gửi về máy để em kích hoạt nha.", "scam_bank", "scam", 0),
    ("Quý khách có giao dịch chuyển tiền 15.000.000đ đang chờ xử lý. Nếu không thực hiện, liên hệ ngay nhân viên hỗ trợ qua Zalo 0772 519 846 để hủy.", "scam_bank", "scam", 0),
    ("Vietinbank: tài khoản của bạn bị tạm khóa do phát hiện hoạt động bất thường, để mở khóa hãy đăng nhập vietinbank-mokhoa.info và nhập OTP.", "scam_bank", "scam", 0),
    ("Đơn hàng của bạn không giao được do sai địa chỉ. Cập nhật địa chỉ và thanh toán phí giao lại 12.000đ tại ghn-capnhat.top nhé.", "scam_parcel", "scam", 0),
    ("Kiện hàng từ Nhật gửi cho anh đang bị hải quan giữ lại vì chưa đóng thuế, anh chuyển 4,5 triệu vào tài khoản 190368224117 để thông quan, nhanh kẻo bị tịch thu.", "scam_parcel", "scam", 0),
    ("J&T Express: bưu kiện của quý khách đang giữ tại kho do thiếu phí vận chuyển 18.000đ. Thanh toán tại jt-express-vn.shop trong 24h để tránh hoàn hàng.", "scam_parcel", "scam", 0),
    ("Em shipper đây, chị có đơn hàng 1 triệu 2, chị chuyển khoản trước giúp em qua số tài khoản 8801 2345 6789 vì em không nhận tiền mặt được nha.", "scam_parcel", "scam", 0),
    ("Bạn có một gói quà tặng từ nước ngoài trị giá 5.000 USD, vui lòng nộp phí bảo hiểm 7 triệu cho bên vận chuyển để nhận hàng. Liên hệ Telegram @giaohang_quocte.", "scam_parcel", "scam", 0),
    ("Tuyển CTV đánh máy tại nhà, không cọc, lương 300-500k/ngày, làm trên điện thoại. Kết bạn Zalo 0856 427 193 để nhận việc ngay, số lượng có hạn.", "scam_job", "scam", 0),
    ("VIEC NHE LUONG CAO: xuat khau lao dong Han Quoc khong can thi tieng, phi tron goi 90 trieu, dat coc truoc 30 trieu de giu suat. Lien he gap.", "scam_job", "scam", 0),
    ("Cần 20 bạn làm nhiệm vụ thả tim sản phẩm trên Shopee, mỗi đơn hoa hồng 15%. Nạp đơn đầu 200k nhận về 260k trong 5 phút. Inbox mình.", "scam_job", "scam", 0),
    ("Tuyển nhân viên trực page, làm tại nhà, thu nhập 12-15 triệu/tháng. Yêu cầu đóng 500k phí đào tạo và đồng phục, hoàn lại sau tháng đầu.", "scam_job", "scam", 0),
    ("tuyen gap 10 ban di lam o Dubai luong 40tr, bao an o, khong can tieng anh. ai muon di ib em, dong truoc 15tr lam ho so", "scam_job", "scam", 0),
    ("Quỹ đầu tư vàng quốc tế: góp 10 triệu nhận lãi 3%/ngày, rút tiền bất cứ lúc nào. Đã có 5.000 thành viên. Vào nhóm Telegram để được hướng dẫn.", "scam_investment", "scam", 0),
    ("Dự án tiền số QTCoin sắp niêm yết, mua ngay giá 0,1 USD, sau 1 tháng x10 tài khoản. Cơ hội đổi đời chỉ dành cho 100 người đầu tiên.", "scam_investment", "scam", 0),
    ("Chị em nào muốn có thu nhập thụ động thì tham gia gói tiết kiệm online của em, gửi 5 triệu mỗi tháng nhận về 7 triệu, cam kết không rủi ro.", "scam_investment", "scam", 0),
    ("Nhóm kín chuyên gia chứng khoán: bảo đảm lợi nhuận 30% mỗi tuần, phí tham gia 2 triệu. Ai không tin cứ xem ảnh chụp lợi nhuận thành viên.", "scam_investment", "scam", 0),
    ("dau tu nong trai ao, mua 1 con bo 3 trieu, 20 ngay ban lai 4 trieu 5, gioi thieu ban be duoc them hoa hong. ai vo nhom thi inbox", "scam_investment", "scam", 0),
    ("Vay tiền nhanh không thế chấp, chỉ cần căn cước, giải ngân trong 15 phút, lãi 0% tháng đầu. Nhắn Zalo 0398 174 526 để được duyệt.", "scam_loan", "scam", 0),
    ("Hồ sơ vay 50 triệu của anh đã được duyệt, nhưng do sai số tài khoản nên bị đóng băng. Anh nộp phí mở khóa 10% để giải ngân trong hôm nay.", "scam_loan", "scam", 0),
    ("Hỗ trợ vay vốn tiêu dùng nợ xấu vẫn vay được, không thẩm định, không gọi người thân. Phí hồ sơ 1 triệu, chuyển trước là có tiền ngay.", "scam_loan", "scam", 0),
    ("vay von ngan hang ho tro nguoi ngheo lai suat 0.5%, duyet nhanh trong ngay, chi can dong phi bao hiem khoan vay 2tr. lh 0707 263 185", "scam_loan", "scam", 0),
    ("Chúc mừng số điện thoại của bạn trúng giải nhất chương trình tri ân khách hàng: 1 xe máy Vision. Nộp phí trước bạ 3,2 triệu để nhận xe, liên hệ 0879 345 216.", "scam_prize", "scam", 0),
    ("Bạn là khách hàng may mắn nhận iPhone 16 Pro Max từ chương trình quay số của Shopee. Xác nhận và thanh toán phí vận chuyển tại shopee-quatang.club.", "scam_prize", "scam", 0),
    ("Chúc mừng bạn đã trúng thưởng 50 triệu đồng từ gameshow truyền hình. Để nhận thưởng, chuyển 5% thuế thu nhập vào tài khoản 123456789012 trước 17h.", "scam_prize", "scam", 0),
    ("CHÚC MỪNG! Facebook của bạn được chọn nhận quà tri ân 10 triệu. Đăng nhập tại fb-trian.com để xác nhận danh tính và nhận quà ngay!", "scam_prize", "scam", 0),
    ("Chúc mừng chị đã trúng vòng quay may mắn, phần quà là tủ lạnh Samsung. Chị chuyển phí giao hàng 650k cho em qua số tài khoản 0421 000 365 88 nhé.", "scam_prize", "scam", 0),
    ("ck gấp cho e 2tr qua stk 109876543210 nha chị, e bị kẹt ở viện, mai e trả liền, đừng gọi vì e đang nằm truyền không nói được", "scam_sms", "scam", 0),

    # ---- impersonation_police (batch 2) ----
    ("Cảnh sát điều tra Công an tỉnh Quảng Trị thông báo: ông/bà có liên quan đến vụ án rửa tiền, yêu cầu kết bạn Zalo 0359 284 617 để làm việc, không được tiết lộ với người thân.", "impersonation_police", "impersonation", 0),
    ("PHÒNG CSGT CÔNG AN TỈNH: phương tiện của bạn vi phạm tốc độ, mức phạt 4.000.000đ. Nộp phạt online tại csgt-quangtri.com trong 48h để tránh bị tạm giữ xe.", "impersonation_police", "impersonation", 0),
    ("Tôi là cán bộ Viện kiểm sát nhân dân tối cao, tài khoản của anh đang bị phong tỏa do liên quan đường dây ma túy. Anh chuyển toàn bộ tiền sang tài khoản tạm giữ để kiểm tra.", "impersonation_police", "impersonation", 0),
    ("Thông báo của Tòa án nhân dân tỉnh: bà có đơn khởi kiện nợ thẻ tín dụng, phiên tòa xét xử vào ngày mai. Gọi ngay 0762 948 315 để hòa giải, nếu không sẽ bị cưỡng chế.", "impersonation_police", "impersonation", 0),
    ("Công an phường thông báo: số định danh của bạn bị sai lệch trên VNeID, cần cập nhật gấp qua ứng dụng tải tại vneid-capnhat.apk, nếu không sẽ bị khóa tài khoản.", "impersonation_police", "impersonation", 0),
    ("cong an tinh thong bao trieu tap ong/ba den lam viec ve vu lua dao qua mang. lien he dong chi Tuan qua zalo 0925 736 418 de nhan giay trieu tap", "impersonation_police", "impersonation", 0),
    ("Alo, tôi là thượng úy Minh, Công an quận, anh có một bưu phẩm chứa ma túy gửi đi Campuchia. Để chứng minh trong sạch, anh cài ứng dụng theo link tôi gửi và làm theo hướng dẫn.", "impersonation_police", "impersonation", 0),
    ("Cục Cảnh sát giao thông: bằng lái xe của bạn sẽ bị thu hồi do chưa tích hợp VNeID. Tích hợp ngay tại gplx-tichhop.vip, phí 150.000đ.", "impersonation_police", "impersonation", 0),
    ("Công an xã thông báo: hộ gia đình ông/bà chưa hoàn thành đăng ký tạm trú, sẽ bị phạt 2 triệu đồng. Nộp phạt qua số tài khoản 0651 000 123 4567 của cán bộ phụ trách.", "impersonation_police", "impersonation", 0),
    ("TRIỆU TẬP KHẨN: Cơ quan CSĐT yêu cầu bạn có mặt trong hôm nay hoặc liên hệ qua Telegram @canbo_dieutra để làm việc trực tuyến. Không chấp hành sẽ bị bắt giữ.", "impersonation_police", "impersonation", 0),
    ("Cán bộ công an phường đây, chị có một biên bản phạt nguội chưa nộp, chị chuyển khoản 1,5 triệu cho tôi để tôi nộp hộ, khỏi phải lên phường mất công.", "impersonation_police", "impersonation", 0),
    ("Thanh tra Bộ Công an thông báo: tài khoản ngân hàng của bạn liên quan đến đường dây đánh bạc, vui lòng cung cấp số tài khoản và mã OTP để xác minh.", "impersonation_police", "impersonation", 0),
    ("canh sat khu vuc bao: nha minh thuoc dien kiem tra cu tru, nhan tin zalo 0889 157 342 gui anh cccd 2 mat va anh chan dung de lam ho so", "impersonation_police", "impersonation", 0),
    ("Đội CSGT thông báo: xe biển số 74A-xxx.xx vi phạm nồng độ cồn qua camera. Quét mã QR trong ảnh để nộp phạt 6 triệu trước khi bị tước bằng.", "impersonation_police", "impersonation", 0),
    ("Viện kiểm sát nhân dân tỉnh gửi lệnh bắt tạm giam qua email, ông cần nộp tiền bảo lãnh 200 triệu vào tài khoản của Viện do cán bộ Hùng cung cấp.", "impersonation_police", "impersonation", 0),

    # ---- impersonation_agency (batch 2): banks, post, departments, tax, EVN ----
    ("Sở Giáo dục và Đào tạo thông báo: phụ huynh đóng phí bảo hiểm và học bạ điện tử 350.000đ cho mỗi học sinh qua tài khoản cá nhân cô Hạnh 104872365911 trước thứ 6.", "impersonation_agency", "impersonation", 0),
    ("UBND phường thông báo hỗ trợ 2 triệu đồng cho hộ bị ảnh hưởng bão, đăng ký nhận qua Zalo 0934 275 186, gửi kèm ảnh căn cước và số tài khoản.", "impersonation_agency", "impersonation", 0),
    ("Cục Thuế thông báo: quý khách có khoản hoàn thuế TNCN 3.200.000đ. Vui lòng cài đặt ứng dụng eTax tại etax-hoanthue.apk và đăng nhập tài khoản ngân hàng để nhận.", "impersonation_agency", "impersonation", 0),
    ("Bưu điện Việt Nam (VNPost): bạn có giấy báo phạt hành chính gửi qua bưu điện chưa nhận. Bấm số 9 để gặp nhân viên hoặc gọi 0812 463 957.", "impersonation_agency", "impersonation", 0),
    ("Điện lực Quảng Trị: hộ gia đình nợ tiền điện 2 tháng, sẽ cắt điện lúc 16h hôm nay. Thanh toán ngay cho nhân viên qua số tài khoản 100293847561 hoặc Zalo 0905 631 274.", "impersonation_agency", "impersonation", 0),
    ("BHXH Việt Nam thông báo: sổ BHXH của bạn bị trùng thông tin, cần xác thực lại trên ứng dụng VssID mới tại vssid-xacthuc.com, nhập số căn cước và mật khẩu ngân hàng.", "impersonation_agency", "impersonation", 0),
    ("Sở Lao động thông báo chi trả trợ cấp thất nghiệp đợt 2, người lao động kết bạn Zalo cán bộ phụ trách 0367 815 249 để được hướng dẫn nhận tiền.", "impersonation_agency", "impersonation", 0),
    ("Ngân hàng Nhà nước Việt Nam yêu cầu các chủ tài khoản xác thực lại thông tin trước 30/6, nếu không tài khoản bị đóng băng. Xác thực tại sbv-xacthuc.online", "impersonation_agency", "impersonation", 0),
    ("so y te thong bao: nguoi dan dang ky tiem vac xin cum mien phi qua link dangky-tiemchung.xyz, dong phi giu cho 50k, lien he zalo 0378 422 619", "impersonation_agency", "impersonation", 0),
    ("Sở Tài nguyên và Môi trường thông báo: hồ sơ cấp sổ đỏ của ông/bà bị thiếu, nộp bổ sung lệ phí 1.200.000đ qua tài khoản cán bộ thụ lý để được giải quyết sớm.", "impersonation_agency", "impersonation", 0),
    ("Kho bạc Nhà nước thông báo hoàn trả tiền đất dư cho các hộ tái định cư, liên hệ ông Phong - cán bộ kho bạc qua số 0837 612 954 để làm thủ tục nhận tiền.", "impersonation_agency", "impersonation", 0),
    ("VNPost thông báo: Bưu phẩm chứa giấy tờ của bạn bị hoàn do thiếu phí. Thanh toán 15.000đ tại vnpost-vn.top để nhận lại trong hôm nay.", "scam_parcel", "scam", 0),
    ("Viettel thông báo: thuê bao của quý khách trúng thưởng 10 triệu trong chương trình 'Tri ân 20 năm'. Gọi ngay tổng đài viên qua số 0961 752 834 để làm thủ tục nhận thưởng.", "scam_prize", "scam", 0),
    ("Ban quản lý dự án tỉnh: các hộ nhận tiền bồi thường đợt 3 cần nộp 5% phí thẩm định vào số tài khoản 190344712398 trước khi nhận tiền, quá hạn coi như từ chối.", "impersonation_agency", "impersonation", 0),
    ("UBND TỈNH QUẢNG TRỊ: hỗ trợ người có công 5 triệu đồng dịp 27/7, đăng ký tại ubnd-quangtri.site và nhập thông tin tài khoản ngân hàng để nhận tiền.", "impersonation_agency", "impersonation", 0),

    # ---- rumour_health (batch 2) ----
    ("Bác sĩ Bệnh viện Bạch Mai chia sẻ: uống một thìa giấm táo mỗi sáng làm tan khối u, nhiều bệnh nhân ung thư đã khỏi. Chia sẻ để cứu người!", "rumour_health", "misinformation", 0),
    ("Bộ Y tế vừa xác nhận: cúm A năm nay lây qua ăn thịt gà, tuyệt đối không ăn gà trong 3 tháng tới. Share cho người thân biết gấp!!!", "rumour_health", "misinformation", 0),
    ("Tỏi ngâm mật ong ăn mỗi ngày 3 tép chữa dứt điểm cao huyết áp, không cần uống thuốc nữa. Mẹ mình áp dụng 1 tháng đã ngưng thuốc tây.", "rumour_health", "misinformation", 0),
    ("nuoc la tia to dun soi uong 3 ngay khoi han sot xuat huyet, khong can vao vien, bac si cung khuyen. ai co nguoi nha bi thi lam lien nha", "rumour_health", "misinformation", 0),
    ("Cảnh báo: vắc xin sởi đợt này gây tự kỷ ở trẻ, đã có 10 cháu ở Đông Hà bị sau khi tiêm. Các mẹ đừng cho con đi tiêm, chia sẻ gấp.", "rumour_health", "misinformation", 0),
    ("Trung tâm kiểm soát bệnh tật tỉnh xác nhận nước máy nhiễm vi khuẩn ăn thịt người, ai dùng nước máy tắm sẽ bị nhiễm trùng. Mua nước đóng bình ngay!", "rumour_health", "misinformation", 0),
    ("Chỉ cần đắp lá khoai lang lên vết rắn cắn là hút hết nọc độc, không phải đi viện. Ông bà mình ngày xưa toàn chữa vậy, chia sẻ cho bà con vùng núi.", "rumour_health", "misinformation", 0),
    ("Giáo sư y khoa khuyến cáo: uống nước đá lạnh sau bữa ăn gây ung thư dạ dày, 90% bệnh nhân ung thư đều có thói quen này. Hãy truyền tay nhau.", "rumour_health", "misinformation", 0),
    ("Sở Y tế phát hiện dịch bệnh lạ lây qua tiền giấy, đã có 5 người tử vong ở chợ Đông Hà. Không dùng tiền mặt, tránh xa chợ. Chia sẻ khẩn!", "rumour_health", "misinformation", 0),
    ("Uống nước ép cần tây với chanh buổi sáng chữa khỏi gan nhiễm mỡ và tiểu đường type 2 trong 21 ngày, bỏ thuốc không cần tái khám.", "rumour_health", "misinformation", 0),
    ("KHẨN: bệnh viện tỉnh giấu dịch, đã có hàng chục ca bạch hầu tử vong mà không công bố. Ai có con nhỏ cho nghỉ học ngay, đừng tin báo chí.", "rumour_health", "misinformation", 0),
    ("Thầy lang ở Lệ Thủy có bài thuốc gia truyền chữa khỏi hoàn toàn ung thư gan giai đoạn cuối, đã được Bộ Y tế công nhận. Liên hệ để được bốc thuốc.", "rumour_health", "misinformation", 0),
    ("bà con ơi muối i-ốt bây giờ có chất phóng xạ, ăn vô bị ung thư tuyến giáp, Bộ Y tế đã xác nhận mà báo không dám đăng. chia sẻ cho nhiều người biết", "rumour_health", "misinformation", 0),
    ("Phát hiện bánh mì ở các lò tại Đồng Hới trộn hàn the gây suy thận, Sở Y tế đã xác nhận nhưng giấu danh sách. Đừng mua bánh mì nữa, share ngay!", "rumour_health", "misinformation", 0),

    # ---- rumour_disaster (batch 2) ----
    ("KHẨN CẤP: đập thủy điện Quảng Trị đã nứt, nước sẽ tràn về Cam Lộ và Đông Hà trong đêm nay. Ai ở vùng thấp chạy lên cao ngay, chia sẻ cho mọi người!", "rumour_disaster", "misinformation", 0),
    ("Viện động đất cảnh báo sóng thần cao 10 mét sẽ đánh vào bờ biển Quảng Trị chiều mai sau trận động đất ở Philippines. Người dân ven biển sơ tán gấp!!!", "rumour_disaster", "misinformation", 0),
    ("Nghe nói hồ Kẻ Gỗ sắp xả lũ khẩn cấp, toàn bộ xã ven sông sẽ ngập 3 mét trong 2 tiếng nữa. Share gấp cho người thân ở vùng hạ du!", "rumour_disaster", "misinformation", 0),
    ("Nhà máy hóa chất ở khu công nghiệp Quán Ngang vừa rò rỉ khí độc, bán kính 10 km không được ra đường, đóng kín cửa. Tin nội bộ, lan truyền ngay!", "rumour_disaster", "misinformation", 0),
    ("cau Dong Ha sap sap roi, nut mot duong dai giua cau, cong an dang giau khong cho dan biet. ai di qua cau thi di duong khac di, chia se nhanh", "rumour_disaster", "misinformation", 0),
    ("Bão số 7 sẽ mạnh cấp 17, mạnh nhất 100 năm, dự báo xóa sổ cả dải ven biển Quảng Trị. Mọi người tích trữ lương thực 1 tháng, truyền tay gấp.", "rumour_disaster", "misinformation", 0),
    ("Đã có lệnh sơ tán toàn bộ phường Đông Hà vì đê sông Hiếu sắp vỡ, tin từ người nhà làm ở UBND tỉnh. Chia sẻ để mọi người kịp chạy.", "rumour_disaster", "misinformation", 0),
    ("Cháy rừng ở Hướng Hóa lan xuống thị trấn Khe Sanh, hàng nghìn người phải bỏ chạy, cả thị trấn chìm trong biển lửa. Ai có người thân ở đó gọi gấp!!!", "rumour_disaster", "misinformation", 0),
    ("Sốc: Sở Tài nguyên xác nhận nước giếng toàn huyện Vĩnh Linh nhiễm thạch tín vượt 100 lần, uống vào chết ngay. Chia sẻ để bà con ngừng dùng nước giếng!", "rumour_disaster", "misinformation", 0),
    ("Tin mật: Trung Quốc xả lũ thượng nguồn, sông Thạch Hãn sẽ lên 8 mét trong đêm nay, chính quyền giấu để khỏi hoảng loạn. Hãy share cho càng nhiều càng tốt.", "rumour_disaster", "misinformation", 0),

    # ---- rumour_public (batch 2) ----
    ("Nóng: từ 1/1 tới, ai chưa đổi sang căn cước gắn chip mới sẽ bị khóa toàn bộ tài khoản ngân hàng và không được rút tiền. Chia sẻ gấp cho ông bà cha mẹ!", "rumour_public", "misinformation", 0),
    ("UBND tỉnh vừa quyết định tịch thu toàn bộ xe máy trên 15 năm tuổi từ tháng sau, không bồi thường. Ai có xe cũ bán nhanh đi kẻo mất trắng.", "rumour_public", "misinformation", 0),
    ("tin noi bo: ngan hang sap doi tien, tien giay menh gia 500k se bi huy tu thang 3, ai giu tien mat doi sang vang ngay, dung de mat trang", "rumour_public", "misinformation", 0),
    ("Sở Giáo dục xác nhận từ năm học tới bỏ kỳ thi tốt nghiệp THPT, học sinh chỉ cần nộp 5 triệu là được cấp bằng. Share cho các phụ huynh biết!", "rumour_public", "misinformation", 0),
    ("Chính phủ sẽ thu hồi toàn bộ đất nông nghiệp chưa có sổ đỏ trước cuối năm để giao cho tập đoàn nước ngoài, người dân sẽ mất hết ruộng. Truyền tay nhau đi!", "rumour_public", "misinformation", 0),
    ("Từ tuần sau xăng sẽ tăng lên 50 nghìn một lít theo quyết định của Bộ Công Thương, đổ đầy bình ngay hôm nay! Chia sẻ gấp!", "rumour_public", "misinformation", 0),

    # ---- incitement (batch 2) ----
    ("Tối nay 8 giờ anh em tập trung ở ngã tư Quốc lộ 9, mang theo gậy với mã tấu, thằng nào bên xóm kia ló mặt là chém hết, không tha đứa nào.", "incitement", "incitement", 0),
    ("Sáng mai 6h bà con kéo ra chặn đường vào bãi rác, mang theo xăng, đốt hết xe chở rác của công ty, cho chúng nó biết mặt.", "incitement", "incitement", 0),
    ("Ae tụ tập ở cổng nhà máy đúng 7h sáng thứ hai, đem theo đá với bom xăng, thấy xe công ty là ném. Không ai được vắng mặt!", "incitement", "incitement", 0),
    ("toi mai 10h tap trung o cau Hien Luong, mang theo tuyp sat, dao. bon xom duoi dam dong vao thi xu dep chung no, dap cho tan xac", "incitement", "incitement", 0),
    ("Kêu gọi toàn thể bà con thôn ra phong tỏa đường lên mỏ đá chiều nay, đốt lốp xe chặn lối, đứa nào lái máy xúc vào thì đánh cho nhừ tử.", "incitement", "incitement", 0),
    ("Chủ nhật này cả làng mang cuốc xẻng, gậy gộc lên trụ sở xã đập phá cho bọn cán bộ biết tay. Ai không đi là phản bội làng.", "incitement", "incitement", 0),
    ("Cần 50 anh em đêm nay lúc 11h có mặt tại bãi biển Cửa Tùng, mang theo kiếm và bình xịt hơi cay, xử lý đám dân chài thuê bên kia.", "incitement", "incitement", 0),
    ("Anh em biker tối thứ 7 này tập trung quốc lộ 1 đoạn qua Gio Linh, chặn đường đua xe, cảnh sát tới thì ném đá cho chạy.", "incitement", "incitement", 0),
    ("Mấy thằng tài xế xe khách Bắc vào đây cướp khách, mai 5h sáng anh em ra bến xe Đông Hà đập hết kính xe tụi nó, mang theo búa.", "incitement", "incitement", 0),
    ("tui kêu gọi mọi người ngày mốt 9h kéo lên nhà thằng chủ thầu, đốt nhà nó cho cháy rụi, mang can xăng theo, đông người công an cũng không làm gì được", "incitement", "incitement", 0),
    ("Đêm nay 12 giờ, anh em bên thôn Đông cầm dao rựa qua bờ ruộng thôn Tây, thấy người là chém, trả thù vụ tranh nước hôm trước.", "incitement", "incitement", 0),
    ("Bà con ơi trưa mai 11h cùng ra chặn Quốc lộ 1A đoạn qua cầu Quảng Trị, mang lốp xe với xăng để đốt, chặn không cho xe nào qua cho tới khi tỉnh xuống.", "incitement", "incitement", 0),
    ("Đánh chết mẹ thằng trưởng thôn đi anh em, tối nay 8h ra đầu làng, mang theo gậy gộc, đợi nó đi họp về là xử.", "incitement", "incitement", 0),
    ("Hội anh em fan bóng đá tụ tập sau trận chung kết ở sân vận động tỉnh, mang pháo sáng với chai lọ ném vào CĐV đội khách, đập xe tụi nó luôn.", "incitement", "incitement", 0),
    ("Mọi người cùng kéo đến trụ sở công ty điện gió lúc 7h sáng mai, mang theo can xăng và bật lửa, đốt hết cánh quạt, cho chúng nó hết đường thi công.", "incitement", "incitement", 0),
    ("ngay 20 nay ae kéo vô bệnh viện huyện, tìm thằng bác sĩ mổ chết em tao, mang theo dao, chém nó cho đền mạng", "incitement", "incitement", 0),

    # ---- personal_data (batch 2) ----
    ("Bóc phốt con nợ: Nguyễn Thị Hoa, CCCD 045189002367, số điện thoại 0975 316 284, nhà ở thôn 3 xã Cam Thủy. Ai biết nó ở đâu báo mình, nợ 80 triệu bỏ trốn.", "personal_data", "personal_data", 0),
    ("Thằng lừa tiền tao tên Lê Văn Quang, sdt 0368 215 974, stk Vietcombank 1023847561 chủ tk LE VAN QUANG, nhà số 45 đường Lê Lợi. Anh em vào chửi nó cho nó chừa.", "personal_data", "personal_data", 0),
    ("Truy tìm con đàn bà giật chồng: Trần Thị Mai, căn cước 044190012345, làm ở quán cà phê ngõ 12 Trần Hưng Đạo, số của nó 0903 681 427. Share cho cả tỉnh biết mặt.", "personal_data", "personal_data", 0),
    ("Đây là thông tin của thằng tài xế gây tai nạn bỏ chạy: Phạm Văn Sơn, CMND 197234561, ở kiệt 24 Hùng Vương. Mọi người tới tận nhà hỏi tội nó.", "personal_data", "personal_data", 0),
    ("boc phot chu shop lua dao: ten Hoang Minh Duc, sdt 0937 528 416, cccd 045092007731, dia chi so 18 duong Ngo Quyen, phuong Dong Ha. ai bi lua lien he minh", "personal_data", "personal_data", 0),
    ("Cô giáo Nguyễn Thị Lan đánh học sinh, nhà cô ở số 7 ngõ 3 đường Phan Bội Châu, số điện thoại 0944 172 638. Phụ huynh đến tận nhà làm cho ra lẽ.", "personal_data", "personal_data", 0),
    ("Danh sách bệnh nhân nhiễm HIV ở xã: Nguyễn Văn Tư thôn 2, Lê Thị Hằng thôn 4, sđt 0326 784 195. Mọi người tránh tiếp xúc với họ.", "personal_data", "personal_data", 0),
    ("Em này vay tiền app không trả, tên Đỗ Thị Thu, CCCD 045199004412, sinh năm 1999, quê Hải Lăng. Người thân liên hệ 0384 926 517 nhắc em nó trả nợ giúp.", "personal_data", "personal_data", 0),
    ("Lộ thông tin thằng biến thái nhắn tin quấy rối con gái tôi: Trần Quốc Bảo, sđt 0798 463 152, tài khoản ngân hàng 8812345678 MB Bank, nhà thôn Phú Hưng.", "personal_data", "personal_data", 0),
    ("Nhà của chủ quán nhậu đánh khách ở số 102 đường Quốc lộ 9, phường Đông Lương, chủ tên Lê Văn Hải, điện thoại 0912 738 406. Anh em ghé thăm nhé.", "personal_data", "personal_data", 0),
    ("Ảnh căn cước hai mặt của con nhỏ lừa đảo bán hàng online đây: Phan Thị Yến, số 044201008876, thường trú tổ 5 phường Đồng Sơn. Share mạnh cho nó hết đường trốn.", "personal_data", "personal_data", 0),
    ("Thông tin người tố cáo vụ phá rừng: ông Hồ Văn Tám, nhà ở bản Khe Đá, số điện thoại 0353 618 492. Ai biết thì liệu mà 'nói chuyện' với ông ta.", "personal_data", "personal_data", 0),
    ("tim nguoi: thang Nguyen Van Hung no tien bao lo, sdt 0858 371 629, stk agribank 3906205123456, o kiet 5 Tran Phu. ai gap bao lai, co hau ta", "personal_data", "personal_data", 0),
    ("Phốt anh chủ nhà trọ quỵt tiền cọc: anh Võ Đình Lực, 0763 259 148, CCCD 045087005519, nhà số 33 đường Lý Thường Kiệt. Mọi người cẩn thận và đánh giá 1 sao cho nó.", "personal_data", "personal_data", 0),

    # ---- hate_group (batch 2) ----
    ("Dân tộc thiểu số trên bản toàn lũ lười biếng, ăn bám nhà nước, cho tiền bao nhiêu cũng uống rượu hết. Đúng là mọi rợ.", "hate_group", "hate_harassment", 0),
    ("Người Bắc vào đây toàn bọn ăn cắp, lừa đảo, đừng bao giờ cho tụi nó thuê nhà. Đuổi hết về quê cho sạch tỉnh.", "hate_group", "hate_harassment", 0),
    ("Mấy đứa đồng tính là bệnh hoạn, biến thái, phải cấm tụi nó xuất hiện ở trường học kẻo lây cho con nít.", "hate_group", "hate_harassment", 0),
    ("bon dan mien nam vo day du lich thi toan tho lo, vo van hoa, kieu gi cung phai chem gio ho may cai tien lo", "hate_group", "hate_harassment", 0),
    ("Người khuyết tật đi xin ăn ở chợ toàn đồ giả dối, lũ ăn hại làm bẩn mắt. Nên dồn hết tụi nó vào trại.", "hate_group", "hate_harassment", 0),
    ("Phụ nữ thì biết gì mà đòi làm lãnh đạo, đàn bà chỉ đáng ở nhà rửa bát đẻ con, đứa nào cãi là loại đàn bà hư hỏng.", "hate_group", "hate_harassment", 0),
    ("Dân xóm chài toàn lũ vô học, mất dạy từ trong trứng, cả đời chỉ biết nhậu với đánh vợ. Loại đó không đáng làm người.", "hate_group", "hate_harassment", 0),
    ("Người theo đạo đó là lũ cuồng tín ngu muội, phải đuổi hết bọn chúng ra khỏi làng, không cho chôn ở nghĩa địa chung.", "hate_group", "hate_harassment", 0),
    ("Lũ công nhân nhập cư ở khu trọ là cặn bã xã hội, toàn trộm cắp, đĩ điếm. Ai cho tụi nó thuê trọ là tiếp tay cho tội phạm.", "hate_group", "hate_harassment", 0),
    ("người dân tộc Vân Kiều dơ bẩn, hôi hám, đừng cho con ngồi chung bàn với con tụi nó.", "hate_group", "hate_harassment", 0),

    # ---- harassment_person (batch 2) ----
    ("Con mụ bán cá ở chợ Đông Hà là đồ mất nết, đĩ thõa, tao gặp ở đâu tao tát vỡ mồm ở đó.", "harassment_person", "hate_harassment", 0),
    ("Thằng hàng xóm óc chó, mày còn đổ rác sang nhà tao nữa thì tao đốt nhà mày, nói trước rồi đó.", "harassment_person", "hate_harassment", 0),
    ("dm con ban than cu, do dao mo, do rac ruoi, mai t len truong t cho may mot tran nho doi", "harassment_person", "hate_harassment", 0),
    ("Cái thằng tiktoker mặt lìn kia, câm mồm lại, loại súc vật như mày sống chật đất. Tao biết nhà mày rồi đấy.", "harassment_person", "hate_harassment", 0),
    ("Con nhỏ lớp trưởng lớp 11A2 đúng là thứ mặt dày, ngu như heo, cả lớp đừng ai nói chuyện với nó, tẩy chay cho nó nghỉ học đi.", "harassment_person", "hate_harassment", 0),
    ("Mi là thằng khốn nạn, đồ chó đẻ, tau mà gặp mi ngoài đường thì mi đừng trách tau ác.", "harassment_person", "hate_harassment", 0),
    ("Con vợ thằng Tùng đúng là loại đàn bà rẻ rách, ngu si, tao sẽ cho nó nhục mặt trước cả xóm.", "harassment_person", "hate_harassment", 0),
    ("Thằng thầy giáo dạy toán là đồ thú vật, vô dụng, mày đi chết đi cho học sinh được nhờ.", "harassment_person", "hate_harassment", 0),
    ("vl thang cha tai xe grab mat lon, cho chet, tao cho may 1 sao roi tao con tim den nha may nua", "harassment_person", "hate_harassment", 0),
    ("Mày là con điếm, mày tưởng tao không biết mày ở đâu à? Tao sẽ rạch mặt mày cho mày hết đi quyến rũ chồng người ta.", "harassment_person", "hate_harassment", 0),
]

# kind -> (category, lawful, target count)
KINDS = {
    # lawful
    "criticism_policy": ("other", 1, 30),
    "criticism_official": ("other", 1, 30),
    "complaint_road": ("grievance", 1, 15),
    "complaint_hospital": ("grievance", 1, 15),
    "complaint_school": ("grievance", 1, 15),
    "complaint_land": ("grievance", 1, 15),
    "complaint_utility": ("grievance", 1, 15),
    "petition_dialogue": ("grievance", 1, 15),
    "news_report": ("other", 1, 35),
    "official_notice": ("other", 1, 25),
    "warning_scam": ("other", 1, 15),
    "debunk": ("other", 1, 10),
    "review": ("other", 1, 20),
    "satire": ("other", 1, 15),
    "daily_life": ("other", 1, 25),
    # harmful
    "scam_sms": ("scam", 0, 12),
    "scam_bank": ("scam", 0, 12),
    "scam_parcel": ("scam", 0, 12),
    "scam_job": ("scam", 0, 12),
    "scam_investment": ("scam", 0, 12),
    "scam_loan": ("scam", 0, 12),
    "scam_prize": ("scam", 0, 12),
    "impersonation_police": ("impersonation", 0, 20),
    "impersonation_agency": ("impersonation", 0, 15),
    "rumour_health": ("misinformation", 0, 20),
    "rumour_disaster": ("misinformation", 0, 15),
    "rumour_public": ("misinformation", 0, 10),
    "incitement": ("incitement", 0, 25),
    "personal_data": ("personal_data", 0, 20),
    "hate_group": ("hate_harassment", 0, 15),
    "harassment_person": ("hate_harassment", 0, 15),
}

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "civic.csv")

MOBILE_PREFIXES = ("03", "05", "07", "08", "09")


def split_of(text):
    """dev if sha256(text) is even, else test. Computed, never chosen."""
    h = int(hashlib.sha256(text.encode("utf-8")).hexdigest(), 16)
    return "dev" if h % 2 == 0 else "test"


def check_numbers(text):
    """Fictitious numbers must be well-formed: any 10-digit number starting
    with 0 is a mobile with a valid prefix; any bare 12-digit number starting
    with 04 is a CCCD with province code 044 or 045."""
    problems = []
    # digit runs that may contain single spaces or dots between digits
    for m in re.finditer(r"(?<![\w.])\d(?:[ .]?\d)+(?![\w])", text):
        digits = re.sub(r"\D", "", m.group(0))
        if len(digits) == 10 and digits.startswith("0"):
            if not digits.startswith(MOBILE_PREFIXES):
                problems.append("bad mobile prefix: " + m.group(0))
    for m in re.finditer(r"(?<!\d)\d{12}(?!\d)", text):
        d = m.group(0)
        if d.startswith("04") and d[:3] not in ("044", "045"):
            problems.append("bad CCCD province code: " + d)
    return problems


def main():
    texts = [p[0] for p in POSTS]
    dup = [t for t, c in collections.Counter(texts).items() if c > 1]
    assert not dup, f"duplicate texts: {dup!r}"

    for text, kind, category, lawful in POSTS:
        assert kind in KINDS, f"unknown kind {kind!r}"
        exp_cat, exp_lawful, _ = KINDS[kind]
        assert category == exp_cat, (kind, category)
        assert lawful == exp_lawful, (kind, lawful)
        assert text == text.strip() and text, repr(text)
        assert "\n" not in text, repr(text)
        probs = check_numbers(text)
        assert not probs, (probs, text)

    rows = []
    for i, (text, kind, category, lawful) in enumerate(POSTS, start=1):
        rows.append({
            "id": "c%04d" % i,
            "text": text,
            "kind": kind,
            "category": category,
            "lawful": lawful,
            "split": split_of(text),
        })

    with open(OUT, "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=["id", "text", "kind", "category", "lawful", "split"],
                           quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
        w.writeheader()
        w.writerows(rows)

    # count table (markdown), pasted into README.md
    per = collections.defaultdict(collections.Counter)
    for r in rows:
        per[r["kind"]][r["split"]] += 1
    print("| kind | category | lawful | dev | test | total |")
    print("|---|---|---|---:|---:|---:|")
    tot = collections.Counter()
    for kind, (cat, lawful, _) in KINDS.items():
        c = per[kind]
        n = c["dev"] + c["test"]
        print("| %s | %s | %d | %d | %d | %d |" % (kind, cat, lawful, c["dev"], c["test"], n))
        tot["dev"] += c["dev"]
        tot["test"] += c["test"]
        tot["lawful%d_dev" % lawful] += c["dev"]
        tot["lawful%d_test" % lawful] += c["test"]
    for lawful, name in ((1, "all lawful"), (0, "all harmful")):
        d, t = tot["lawful%d_dev" % lawful], tot["lawful%d_test" % lawful]
        print("| **%s** | | %d | %d | %d | %d |" % (name, lawful, d, t, d + t))
    print("| **total** | | | %d | %d | %d |" % (tot["dev"], tot["test"], tot["dev"] + tot["test"]))

    cats = collections.Counter((r["category"], r["split"]) for r in rows)
    print()
    print("| category | dev | test | total |")
    print("|---|---:|---:|---:|")
    for cat in ["scam", "impersonation", "misinformation", "hate_harassment",
                "incitement", "personal_data", "grievance", "other"]:
        d, t = cats[(cat, "dev")], cats[(cat, "test")]
        print("| %s | %d | %d | %d |" % (cat, d, t, d + t))

    assert len(rows) >= 560, len(rows)
    print()
    print("wrote %d rows to %s" % (len(rows), OUT))


if __name__ == "__main__":
    main()
