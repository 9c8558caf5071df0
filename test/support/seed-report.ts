/**
 * The source report 52-BC/TU (the sections that quote figures, and its three Biểu tables) as a
 * `.docx`, built with `docx-builder`: real footnotes, merged table headers, a number split across
 * runs, a tracked change over a number, a field whose code holds other digits.
 */
import { buildDocx, p, tbl, type Block, type Cell } from './docx-builder';

const PERIOD = 'Từ ngày 01/7/2025 đến 15/10/2025';

function header(corner: string, groups: { label: string; columns: string[] }[]): Cell[][] {
  const top: Cell[] = [{ text: corner, vMerge: 'restart' }];
  const bottom: Cell[] = [{ text: '', vMerge: 'continue' }];
  for (const g of groups) {
    top.push({ text: g.label, span: g.columns.length });
    for (const c of g.columns) bottom.push({ text: c });
  }
  return [top, bottom];
}

function row(label: string, values: string[]): Cell[] {
  return [{ text: label }, ...values.map((text) => ({ text }))];
}

export const SEED_FOOTNOTES: Record<number, string> = {
  1: '14/14 Sở: Sở Nội vụ, Tư pháp, Khoa học và Công nghệ, Công Thương, Nông nghiệp và Môi trường, Tài chính, Xây dựng, Ngoại vụ, Giáo dục và Đào tạo, Dân tộc và Tôn giáo, Y tế, Thanh tra tỉnh, Sở Văn hóa, Thể thao và Du lịch, Văn phòng UBND tỉnh',
  2: '12/12 Chi cục: Các chi cục thuộc Sở Nông nghiệp và Môi trường (08/8): Trồng trọt và Bảo vệ thực vật, Chất lượng, Chế biến và Phát triển thị trường, Chăn nuôi và Thú y, Thủy sản và Biển đảo, Kiểm lâm, Quản lý đất đai, Phát triển nông thôn, Thủy lợi và Tài nguyên nước; Sở Khoa học và Công nghệ (01/1): Tiêu chuẩn và Đo lường Chất lượng; Sở Công Thương (01/1): Quản lý thị trường; Sở Y tế (02/2): Dân số, An toàn vệ sinh thực phẩm.',
  3: 'Đơn vị sự nghiệp thuộc Sở Nông nghiệp và Môi trường: Trung tâm Giống và Vật tư nông nghiệp, Văn phòng Đăng ký đất đai. ĐVSN thuộc Sở Y tế: Trung tâm Kiểm soát bệnh tật, Trung tâm Giám định Y khoa.',
  4: 'Quyết định số 824/QĐ-UBND ngày 27/8/2025 của Ủy ban nhân dân tỉnh, Quyết định số 825/QĐ-UBND ngày 27/8/2025 của Chủ tịch Ủy ban nhân dân tỉnh Lâm Đồng.',
};

/** The report's paragraphs (no tables). */
export function seedText(): Block[] {
  return [
    p('BÁO CÁO Tình hình chấn chỉnh lề lối làm việc và chuẩn hóa hoạt động trong hệ thống chính trị'),
    p('Thực hiện Công văn số 18541-CV/VPTW, ngày 29/10/2025 của Văn phòng Trung ương Đảng về việc “Báo cáo tình hình chấn chỉnh lề lối làm việc và chuẩn hóa hoạt động trong hệ thống chính trị”; Ban Thường vụ Tỉnh ủy Lâm Đồng báo cáo kết quả thực hiện như sau:'),
    p('1. Về tình hình ban hành văn bản'),
    p(
      'Việc tiếp nhận, xử lý, phát hành văn bản của các cơ quan, đơn vị trên địa bàn tỉnh cơ bản đảm bảo đúng quy trình, quy định. Nhìn chung, số lượng văn bản các cơ quan, đơn vị, địa phương trên địa bàn tỉnh tiếp nhận và ban hành tương đối nhiều; trung bình một ngày phải xử lý 43 văn bản đến, ban hành ',
      '4.6',
      '33 văn bản đi; trung bình một tháng phải xử lý 1.292 văn bản đến, ban hành 139.018 văn bản đi (Có biểu thống kê số liệu kèm theo). Việc ban hành khối lượng văn bản lớn đòi hỏi các cơ quan, đơn vị địa phương cần phải bố trí nguồn lực tương ứng.',
    ),
    p('2. Về việc tham gia các hội nghị, cuộc họp của Trung ương và tổ chức các hội nghị, cuộc họp của địa phương'),
    p(
      'Tính đến ngày 15/10/2025, Thường trực Tỉnh ủy, Ban Thường vụ Tỉnh ủy đã tổ chức ',
      { field: 'DOCPROPERTY SoHoiNghi2024 \\* MERGEFORMAT', result: '15' },
      ' hội nghị Tỉnh ủy, Ban Thường vụ Tỉnh ủy để chỉ đạo giải quyết các công việc của địa phương (Có biểu thống kê số liệu kèm theo). Các cuộc họp cơ bản nằm trong chương trình, kế hoạch và được gửi giấy mời trước 2-3 ngày.',
    ),
    p('3. Về chuẩn hóa các hoạt động của cơ sở'),
    p('3.2. Hoàn thiện chức năng, nhiệm vụ, thẩm quyền, trách nhiệm và tổ chức bộ máy'),
    p(
      'Để kịp thời đưa mô hình chính quyền địa phương 02 cấp đi vào hoạt động từ 01/7/2025, Tỉnh ủy, Ban Thường vụ Tỉnh ủy Lâm Đồng (sau sắp xếp) đã ban hành các văn bản, gồm: (1) Đề án hợp nhất các cơ quan, đơn vị, tổ chức trực thuộc tỉnh; (3) Quyết định thành lập 4 đảng bộ trực thuộc Tỉnh ủy; (6) Quyết định chỉ định Ban Chấp hành, nhiệm kỳ 2025 - 2030; (7) Thông báo phân công nhiệm vụ, nhiệm kỳ 2020 - 2025.',
    ),
    p(
      '- UBND tỉnh Lâm Đồng (sau sắp xếp) đã chỉ đạo tham mưu, ban hành các Quyết định quy định chức năng, nhiệm vụ, quyền hạn của các sở, ban, ngành. Đến nay, UBND tỉnh đã ban hành Quyết định quy định chức năng, nhiệm vụ, quyền hạn của 14 sở',
      { footnote: 1 },
      ', 12 chi cục',
      { footnote: 2 },
      ', 01 đơn vị sự nghiệp thuộc tỉnh (Trung tâm Phát triển quỹ đất tỉnh Lâm Đồng) và 10 đơn vị sự nghiệp thuộc sở, ban, ngành',
      { footnote: 3 },
      '. Chức năng, nhiệm vụ, quyền hạn của các cơ quan được hoàn thiện chặt chẽ, đầy đủ.',
    ),
    p('- Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh Lâm Đồng (sau sắp xếp) đã ban hành Quyết định thành lập Ủy ban MTTQ Việt Nam đối với 124 xã, phường, đặc khu, nhiệm kỳ 2025 - 2030.'),
    p('Bên cạnh đó, các sở, ban, ngành của tỉnh đã kịp thời ban hành các quy định quy chế phối hợp. Đến nay, cấp tỉnh đã thành lập, kiện toàn 22 tổ chức phối hợp liên ngành theo quy định.'),
    p('3.3. Rà soát, sửa đổi, bổ sung các quy trình, thủ tục hành chính'),
    p('Từ 01/7/2025 đến nay, Ủy ban nhân dân tỉnh đã ban hành 60 Quyết định công bố danh mục TTHC thuộc thẩm quyền giải quyết của cấp tỉnh, cấp xã.'),
    p(
      'Toàn bộ TTHC đã được xây dựng quy trình giải quyết TTHC trên Hệ thống thông tin giải quyết TTHC của tỉnh. Đến nay UBND tỉnh Lâm Đồng đã thực hiện công khai 2.359 TTHC (gồm: 1.939 TTHC cấp tỉnh, 420 TTHC cấp xã); trong đó:',
    ),
    p('- Số TTHC thực hiện theo hình thức dịch vụ công trực tuyến toàn trình là 898/898 thủ tục đủ điều kiện cung cấp dịch vụ công trực tuyến toàn trình (tỷ lệ 100 %) thủ tục, trong đó: 804 TTHC cấp tỉnh; 94 TTHC cấp xã.'),
    p('- Số TTHC thực hiện theo hình thức dịch vụ công trực tuyến một phần là 1325/1325 thủ tục đủ điều kiện cung cấp dịch vụ công trực tuyến một phần (tỷ lệ 100%), trong đó: 1.095 thủ tục cấp tỉnh, 230 TTHC cấp xã.'),
    p('- Số TTHC tiếp nhận trực tiếp 136 TTHC (cấp tỉnh là 40 thủ tục, cấp xã là 96 thủ tục).'),
    p('3.4. Việc phân cấp, phân quyền giữa Trung ương và địa phương'),
    p(
      'Trên cơ sở các quy định của pháp luật và 28 Nghị định về phân cấp, phân quyền, UBND tỉnh đã ban hành Kế hoạch số 2619/KH-UBND, ngày 27/8/2025 và Quyết định số 408/QĐ-UBND, ngày 22/7/2025 về việc áp dụng Quyết định số 28/2019/QĐ-UBND, ngày 31/5/2019 của UBND tỉnh Lâm Đồng. Ngoài ra, UBND tỉnh đã ủy quyền một số nội dung liên quan đến công tác quản lý cán bộ, công chức, viên chức',
      { footnote: 4 },
      '.',
    ),
    p('3.5. Về áp dụng công nghệ thông tin, chuyển đổi số trong thực thi công vụ'),
    p(
      'Hoàn thành hệ thống Hội nghị truyền hình trực tuyến kết nối 248 điểm cầu cấp xã (124 đảng ủy cấp xã và 124 UBND cấp xã) phục vụ cuộc họp trực tuyến xuyên suốt từ Trung ương đến cấp xã. Đến nay, đã thực hiện cấp mới, gia hạn, thay đổi thông tin cho tổng số ',
      '9.3',
      '75 trường hợp; trong đó có ',
      { text: '1.478', del: true },
      { text: '1.487', ins: true },
      ' chứng thư tổ chức, 7.697 chứng thư cá nhân (7.433Token, 455SIMPKI), với 3.820 trường hợp ở các đơn vị cấp tỉnh, 5.555 trường hợp ở các xã, phường, đặc khu. Thực hiện khôi phục thiết bị lưu khóa bí mật cho hơn 820 trường hợp trên địa bàn toàn tỉnh.',
    ),
    p('Hiện nay, tỉnh đã triển khai 07 nền tảng dùng chung. Ngày 17/10/2025, UBND tỉnh đã ban hành Quyết định số 1737/QĐ-UBND về Ban hành Bộ chỉ số phục vụ công tác chỉ đạo, điều hành trên môi trường điện tử.'),
    p('Nơi nhận:'),
    p('T/M BAN THƯỜNG VỤ', { br: true }, 'PHÓ BÍ THƯ'),
  ];
}

/** The three Biểu tables as the report attaches them (Biểu 01 written with `,` thousands, as in the source). */
export function seedTables(): Block[] {
  return [
    p('BIỂU TỔNG HỢP SỐ LƯỢNG VĂN BẢN DO TRUNG ƯƠNG BAN HÀNH, ĐỊA PHƯƠNG XỬ LÝ VÀ VĂN BẢN DO ĐỊA PHƯƠNG BAN HÀNH'),
    p('(Kèm theo Báo cáo số 52 -BC/TU ngày 14 /11/2025 của Ban Thường vụ Tỉnh ủy)'),
    tbl([
      ...header('SỐ LƯỢNG THỜI GIAN', [
        { label: 'VĂN BẢN DO TRUNG ƯƠNG BAN HÀNH', columns: ['Ban chấp hành Trung ương', 'Bộ Chính trị', 'Ban Bí thư', 'Quốc hội', 'Chính phủ', 'Bộ, ban, ngành'] },
        { label: 'VĂN BẢN DO ĐỊA PHƯƠNG BAN HÀNH', columns: ['Tỉnh ủy (Ban Chấp hành, Ban Thường vụ)', 'Hội đồng nhân dân', 'Ủy ban nhân dân', 'Sở, ban, ngành', 'Cấp xã'] },
      ]),
      row(PERIOD, ['5', '39', '6', '306', '828', '3,341', '1,868', '752', '10,669', '132,965', '340,309']),
    ]),
    p('BIỂU PHÂN LOẠI VĂN BẢN DO TỈNH, THÀNH PHỐ BAN HÀNH'),
    p('(Kèm theo Báo cáo số 52-BC/TU ngày 14/11/2025 của Ban Thường vụ Tỉnh ủy)'),
    tbl([
      ...header('SỐ LƯỢNG THỜI GIAN', [
        { label: 'TỈNH ỦY', columns: ['Nghị quyết', 'Chỉ thị', 'Quy định', 'Quyết định', 'Kết luận', 'Báo cáo', 'Văn bản khác'] },
        { label: 'HỘI ĐỒNG NHÂN DÂN', columns: ['Nghị quyết', 'Báo cáo', 'Văn bản khác'] },
        { label: 'ỦY BAN NHÂN DÂN', columns: ['Quyết định', 'Chỉ thị', 'Thông báo', 'Báo cáo', 'Văn bản khác'] },
      ]),
      row(PERIOD, ['7', '5', '5', '568', '57', '112', '1114', '25', '150', '557', '1939', '4', '486', '194', '8046']),
    ]),
    p('ĐIỀU THỐNG KÊ SỐ LƯỢNG CÁC HỘI NGHỊ, CUỘC HỌP DO TRUNG ƯƠNG TRIỆU TẬP VÀ ĐỊA PHƯƠNG TỔ CHỨC'),
    p('(Kèm theo Báo cáo số 52-BC/TU ngày 14/11/2025 của Ban Thường vụ Tỉnh ủy)'),
    tbl([
      ...header('ĐỊA PHƯƠNG THỜI GIAN', [
        { label: 'HỘI NGHỊ DO TRUNG ƯƠNG TRIỆU TẬP', columns: ['Ban Chấp hành, Bộ Chính trị, Ban Bí thư', 'Quốc hội', 'Chính phủ', 'Bộ, ban, ngành'] },
        { label: 'HỘI NGHỊ DO ĐỊA PHƯƠNG TRIỆU TẬP', columns: ['Tỉnh ủy (Ban Chấp hành, Ban thường vụ)', 'Hội đồng nhân dân', 'Ủy ban nhân dân', 'Sở, ban, ngành', 'Cấp xã'] },
      ]),
      row('23 tỉnh, thành phố thực hiện hợp nhất, sáp nhập', ['', '', '', '', '', '', '', '', '']),
      row(PERIOD, ['1', '10', '67', '84', '15', '58', '1136', '820', '19220']),
    ]),
  ];
}

/** The seed report with its tables. */
export function seedReportDocx(): Uint8Array {
  return buildDocx([...seedText(), ...seedTables()], SEED_FOOTNOTES);
}

/** The seed report's text alone (no tables). */
export function seedTextDocx(): Uint8Array {
  return buildDocx(seedText(), SEED_FOOTNOTES);
}

/**
 * What the seed report as a .docx gives when tied out against its own tables: `[rule, stated,
 * expected]` — the four averages of 105 days where the period has 107, the certificate figure
 * 7.697 that should be 7.888, and the Hội đồng nhân dân mismatch (732 / 752) between its tables.
 */
export const SEED_TIEOUT_FINDINGS: readonly (readonly [string, number, number])[] = [
    ['text.table', 43, 42],
    ['text.table', 4633, 4547],
    ['text.table', 1292, 1269],
    ['text.table', 139018, 136420],
    ['text.parts', 7697, 7888],
    ['cross.council', 732, 752],
];
