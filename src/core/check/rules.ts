/**
 * The registry of every finding rule: its id (or id pattern), its severity and what it means, in
 * Vietnamese and English. `docs/rules.md` is generated from it (`npm run docs:rules`), and
 * `test/unit/rules.test.ts` fails when that file differs from the generated text or when the engine
 * reports a rule id that is not here with this severity.
 *
 * Rule ids are stable: new rules may be added, none renamed. Pure data, no imports but types.
 */
import type { Severity } from './findings';
import type { Text } from '../forms/template';

export interface RuleInfo {
  /** The rule id, or for a family of ids the prefix followed by `<…>` (`row.<rule id>`). */
  id: string;
  severity: Severity;
  /** What the rule finds, for the clerk and for scripts reading `check --json`. */
  what: Text;
}

/** Every rule, in the order documented. An exact id wins over a pattern (`cross.ambiguous`). */
export const RULE_REGISTRY: readonly RuleInfo[] = [
  {
    id: 'workbook.no-tables',
    severity: 'error',
    what: {
      vi: 'Không tìm thấy biểu mẫu nào trong tệp.',
      en: 'No standard table found in the file.',
    },
  },
  {
    id: 'structure.changed',
    severity: 'error',
    what: {
      vi: 'Bố cục của biểu không còn khớp mẫu tại chỗ trang tính đang giữ nó (chữ tiêu đề cột, nhãn dòng, nhãn dòng tổng, các dòng giữa tiêu đề và ô `Mã biểu mẫu`) và các tên xác định của biểu cũng không cho một biểu đọc được; hoặc tên nhóm của biểu tổng hợp (`BM_GRP_k`) không còn bao đúng các nhóm. Phải chèn lại biểu (add-in hoặc `bieumau new`); biểu đó không có lỗi nào khác và các quy tắc giữa các biểu bỏ qua nó.',
      en: "The table's layout no longer matches its template where the sheet holds it (header text, a row label, the totals label, the rows between the header and the `Mã biểu mẫu` cell) and its defined names do not give a readable table either, or the group names of a consolidated table (`BM_GRP_k`) no longer span its groups: the table must be re-inserted (add-in or `bieumau new`); no other finding is reported for that table, and cross-table rules skip it.",
    },
  },
  {
    id: 'structure.unknown-template',
    severity: 'error',
    what: {
      vi: 'Mã biểu (`BM_META`) chỉ tới một gói, một biểu hoặc một phiên bản chưa được nạp; thông báo nói rõ thiếu gì (nạp gói bằng `--pack` hoặc `packs/index.json`, hoặc phiên bản gói đã dùng để lập biểu).',
      en: 'The table id (`BM_META`) names a pack, a table or a version that is not loaded; the message says which is missing (load the pack with `--pack` or `packs/index.json`, or the pack version the table was made with).',
    },
  },
  {
    id: 'table.empty',
    severity: 'error',
    what: {
      vi: 'Mọi ô nhập của biểu đều để trống (báo một lần, tại ô nhập đầu tiên).',
      en: "Every entry cell of the table is blank (reported once, at the table's first entry cell).",
    },
  },
  {
    id: 'entry.text-number',
    severity: 'error',
    what: {
      vi: 'Số gõ dưới dạng chữ (`"1.292"`, `"1.292.000"`, `" 45 "`, `"1 292"`, `"1,292,000"`; một nhóm `,` duy nhất như `"1,292"` chỉ là phân cách hàng nghìn khi `,` không phải dấu thập phân); cách sửa: đổi thành số.',
      en: 'A number typed as text (`"1.292"`, `"1.292.000"`, `" 45 "`, `"1 292"`, `"1,292,000"`; a single `,` group such as `"1,292"` is thousands only when `,` is not the decimal mark); fix: the number.',
    },
  },
  {
    id: 'entry.fraction',
    severity: 'error',
    what: {
      vi: 'Số đếm có phần lẻ; khi đọc được như một nhóm hàng nghìn (1–3 chữ số không bắt đầu bằng 0, rồi ba chữ số lẻ: `1.292`, `132.965`) cách sửa là số định nhập (1292, 132965), còn lại (`1.5`, `0.123`, `1234.567`) không có cách sửa.',
      en: 'A fractional count; when it reads as one thousands group (1–3 digits not starting with 0, then three decimals: `1.292`, `132.965`) the fix is the number meant (1292, 132965), otherwise (`1.5`, `0.123`, `1234.567`) no fix.',
    },
  },
  {
    id: 'entry.negative',
    severity: 'error',
    what: { vi: 'Số đếm âm.', en: 'A negative count.' },
  },
  {
    id: 'entry.too-large',
    severity: 'error',
    what: {
      vi: 'Số đếm vượt 2^53 − 1 (một số, hoặc một số nguyên gõ dưới dạng chữ).',
      en: 'A count beyond 2^53 − 1 (a number, or a whole number typed as text).',
    },
  },
  {
    id: 'entry.text',
    severity: 'error',
    what: { vi: 'Chữ khác (`"12 văn bản"`).', en: 'Other text (`"12 văn bản"`).' },
  },
  {
    id: 'entry.not-number',
    severity: 'error',
    what: {
      vi: 'Giá trị đúng/sai, ngày tháng, NaN hoặc ±∞.',
      en: 'A true/false value, a date, NaN or ±∞.',
    },
  },
  {
    id: 'entry.error-value',
    severity: 'error',
    what: {
      vi: 'Giá trị lỗi của Excel (`#N/A`, `#DIV/0!`, …).',
      en: 'An Excel error value (`#N/A`, `#DIV/0!`, …).',
    },
  },
  {
    id: 'entry.required',
    severity: 'error',
    what: {
      vi: 'Ô bắt buộc để trống (Biểu 04: Tổng số TTHC công khai).',
      en: 'A blank cell in a required field (Biểu 04: Tổng số TTHC công khai).',
    },
  },
  {
    id: 'entry.blank',
    severity: 'warning',
    what: {
      vi: 'Ô để trống: chưa báo cáo (0 là một giá trị; ô trống thì không).',
      en: 'A blank cell: not reported (0 is a value; blank is not).',
    },
  },
  {
    id: 'computed.formula-missing',
    severity: 'error',
    what: {
      vi: 'Ô tính (`Cộng`, dòng tổng, tỷ lệ, trung bình) chứa hằng số, kể cả đúng số; cách sửa: khôi phục công thức.',
      en: 'A computed cell (`Cộng`, totals row, ratio, average) holds a constant, even the right number; fix: the formula.',
    },
  },
  {
    id: 'computed.formula-changed',
    severity: 'error',
    what: {
      vi: 'Ô tính chứa công thức khác; cách sửa: công thức của mẫu.',
      en: "A computed cell holds another formula; fix: the template's formula.",
    },
  },
  {
    id: 'row.<rule id>',
    severity: 'error',
    what: {
      vi: 'Quy tắc trong một dòng của biểu (Biểu 04: `row.onlineFull.providedWithinEligible`, `row.onlinePartial.providedWithinEligible`, `row.channelsEqualPublished`); atMost: vế trái = vế nhỏ, vế phải = vế lớn; rowSum: vế trái = tổng, vế phải = tổng các phần, ô đầu là ô tổng.',
      en: 'A rule within one row of a table (Biểu 04: `row.onlineFull.providedWithinEligible`, `row.onlinePartial.providedWithinEligible`, `row.channelsEqualPublished`); atMost: left = small side, right = large side; rowSum: left = the whole, right = the sum of the parts, first cell the whole.',
    },
  },
  {
    id: 'cross.ambiguous',
    severity: 'warning',
    what: {
      vi: 'Một Biểu 02 được so với nhiều Biểu 01 (xem `cross.<rule id>`); các ô: Biểu 02, rồi từng Biểu 01 đã dùng; mỗi báo cáo nên giữ một biểu mỗi loại.',
      en: 'A Biểu 02 was compared with more than one Biểu 01 (see `cross.<rule id>`); cells: the Biểu 02, then each Biểu 01 used; keep one table of each kind per report.',
    },
  },
  {
    id: 'cross.<rule id>',
    severity: 'error',
    what: {
      vi: 'Cột `Cộng` từng cơ quan ban hành của Biểu 02 bằng cùng cơ quan ở Biểu 01 (`cross.provincialParty`, `cross.council`, `cross.peoplesCommittee`); mỗi vế là tổng cột trên các dòng số liệu; vế trái = Biểu 02. Khi sổ có nhiều Biểu 01, mỗi Biểu 02 được so với Biểu 01 cùng kỳ báo cáo; nếu nhiều biểu cùng kỳ (trang chép) hoặc không biểu nào cùng kỳ, nó được so với từng biểu (một lỗi cho mỗi biểu không khớp: bản chép không che lỗi). Khi cả hai biểu có mỗi đơn vị một dòng (hai dòng trở lên, cùng nhãn, cùng thứ tự, như bản tổng hợp), quy tắc còn được kiểm từng dòng và thông báo nêu tên đơn vị (`Hội đồng nhân dân — Xã 2: …`).',
      en: "Biểu 02's `Cộng` per issuer equals the same issuer in Biểu 01 (`cross.provincialParty`, `cross.council`, `cross.peoplesCommittee`); each side is the column total over the data rows (its totals-row cell, or the single data row); left = Biểu 02. With several Biểu 01 in the workbook (`Biểu 01` and `Biểu 01 (2)`), each Biểu 02 is compared with the Biểu 01 of its own report period; if several share it (a copied sheet), or none does, it is compared with every one of them (one finding per disagreeing table: a copy never hides an error). Where both tables have a row per unit (two or more unit rows with the same labels in the same order, as a consolidation writes them), the rule also holds row by row; the message names the unit (`Hội đồng nhân dân — Xã 2: …`).",
    },
  },
  {
    id: 'period.missing',
    severity: 'warning',
    what: { vi: 'Ngày bắt đầu hoặc ngày kết thúc kỳ báo cáo để trống.', en: 'From or to date blank.' },
  },
  {
    id: 'period.invalid',
    severity: 'error',
    what: {
      vi: 'Ngày bắt đầu hoặc kết thúc không phải ngày tháng (chữ như `"01/07/2025"`).',
      en: 'From or to is not a date (text such as `"01/07/2025"`).',
    },
  },
  {
    id: 'period.order',
    severity: 'error',
    what: { vi: 'Ngày bắt đầu sau ngày kết thúc.', en: 'From is after to.' },
  },
  {
    id: 'period.mismatch',
    severity: 'error',
    what: {
      vi: 'Kỳ báo cáo của một biểu khác kỳ của biểu đầu tiên.',
      en: "A table's period differs from the first table's.",
    },
  },
  {
    id: 'report.number-missing',
    severity: 'warning',
    what: { vi: 'Số báo cáo để trống.', en: 'Report number blank.' },
  },
  {
    id: 'report.number-format',
    severity: 'warning',
    what: {
      vi: 'Số báo cáo không theo mẫu của Đảng (`52-BC/TU`, `15-NQ/TW`) hay của Nhà nước (`123/BC-UBND`, `01/2023/QĐ-UBND`, `45/QĐ-TTg`).',
      en: 'Report number neither of the Party form (`52-BC/TU`, `15-NQ/TW`) nor of the State form (`123/BC-UBND`, `01/2023/QĐ-UBND`, `45/QĐ-TTg`).',
    },
  },
  {
    id: 'report.date-missing',
    severity: 'warning',
    what: { vi: 'Ngày báo cáo để trống.', en: 'Report date blank.' },
  },
  {
    id: 'report.date-invalid',
    severity: 'warning',
    what: { vi: 'Ngày báo cáo không phải ngày tháng.', en: 'Report date not a date.' },
  },
  {
    id: 'report.date-future',
    severity: 'warning',
    what: { vi: 'Ngày báo cáo sau hôm nay.', en: 'Report date after today.' },
  },
  {
    id: 'report.incomplete',
    severity: 'warning',
    what: {
      vi: 'Thông tin báo cáo (số báo cáo, ngày báo cáo, từ ngày, đến ngày) để trống ở hai biểu trở lên: một cảnh báo duy nhất thay cho `report.number-missing`, `report.date-missing` và `period.missing` của từng biểu; các ô là mọi ô còn trống, theo từng biểu; cách sửa: nhập một lần ở Thiết lập báo cáo (mọi biểu được cập nhật). Ở một biểu duy nhất, mỗi ô trống vẫn được báo theo quy tắc riêng của nó.',
      en: 'The report information (report number, report date, period start, period end) blank in two or more tables: one warning in place of each table\'s `report.number-missing`, `report.date-missing` and `period.missing`; its cells are every blank one, table by table; fix: enter it once in Report settings (every table is updated). In a single table each blank cell is still reported by its own rule.',
    },
  },
  {
    id: 'history.outlier',
    severity: 'warning',
    what: {
      vi: 'Một số liệu khác xa số liệu của chính đơn vị đó ở các kỳ trước (xem [history.md](history.md)).',
      en: "A figure far from the same unit's figures in its earlier periods (see [history.md](history.md)).",
    },
  },
  {
    id: 'text.parts',
    severity: 'error',
    what: {
      vi: 'Đối chiếu báo cáo Word ([tie-out.md](tie-out.md)): một tổng trong lời văn và các phần của nó ("tổng số N …; trong đó (có) A …, B …", "N … (A …, B …)", "N …, gồm: A …; B …", "N … (cấp tỉnh là A, cấp xã là B)", một tổng rồi các dòng gạch đầu dòng). Lỗi khi các phần vượt tổng, hoặc khi một phân tích đủ theo lời văn (ngoặc đơn, "gồm") không bằng tổng; "trong đó" nhỏ hơn tổng thì không báo. Khi sửa một số làm khớp mọi phép cộng có nó, thông báo nói rõ (`stated` là số đó, `expected` là số làm khớp: 7.697 → 7.888, "với 7.888 thì 1.487 + 7.888 = 9.375 cũng khớp"); cách sửa: sửa số đó trong báo cáo.',
      en: 'Word report tie-out ([tie-out.md](tie-out.md)): a total in the text and its breakdown ("tổng số N …; trong đó (có) A …, B …", "N … (A …, B …)", "N …, gồm: A …; B …", "N … (cấp tỉnh là A, cấp xã là B)", a total followed by bullet paragraphs). An error when the parts exceed the total, or when a breakdown complete by its words (parentheses, "gồm") differs from it; a partial "trong đó" below its total raises nothing. When changing one figure reconciles every sum it sits in, the message says so (`stated` that figure, `expected` the reconciling value: 7.697 → 7.888, "với 7.888 thì 1.487 + 7.888 = 9.375 cũng khớp"); fix: correct that figure in the report.',
    },
  },
  {
    id: 'text.ratio',
    severity: 'error',
    what: {
      vi: 'Đối chiếu báo cáo Word: một tỷ lệ trong lời văn ("X/Y … (tỷ lệ Z%)", "đạt Z%") khác X/Y, tính đến số chữ số thập phân đã viết; `expected` là tỷ lệ đúng.',
      en: 'Word report tie-out: a ratio in the text ("X/Y … (tỷ lệ Z%)", "đạt Z%") differs from X/Y at the precision written; `expected` is the right ratio.',
    },
  },
  {
    id: 'text.table',
    severity: 'error',
    what: {
      vi: 'Đối chiếu báo cáo Word: một số trong lời văn nói một số liệu của biểu (tổng, trung bình một ngày và một tháng — theo kỳ báo cáo của biểu —, số theo nhãn dòng hoặc cột như "15 hội nghị Tỉnh ủy") nhưng khác biểu; hoặc, khi có sổ tính, một ô của bảng trong báo cáo khác ô tương ứng của sổ tính. Số trung bình khớp với một số ngày khác thì thông báo nói số ngày đó ("43 ≈ 4.525 / 105 ngày; kỳ báo cáo có 107 ngày"). Các số khớp được liệt kê (`matched`).',
      en: 'Word report tie-out: a figure in the text that states a table\'s figure (a total, an average per day or per month — against the table\'s own period —, a figure named by a row or column label such as "15 hội nghị Tỉnh ủy") differs from the table; or, with a workbook, a cell of a table in the report differs from the workbook\'s. An average that fits another count of days says which ("43 ≈ 4.525 / 105 ngày; kỳ báo cáo có 107 ngày"). Figures that agree are listed (`matched`).',
    },
  },
  {
    id: 'register.unclassified',
    severity: 'warning',
    what: {
      vi: 'Một dòng của sổ văn bản (trong kỳ) thuộc biểu nhưng không xếp được vào cột nào: không cột nào nhận, hoặc hai cột cùng nhận (ký hiệu `/TW` mà sổ không ghi tác giả; `-UBND` của tỉnh hay của xã khi chưa ghi cơ quan của sổ). Không bao giờ đoán: dòng được liệt kê kèm lý do, sửa cột trên trang sổ văn bản thì số đếm theo (xem [count.md](count.md)).',
      en: 'A register row (in the period) that belongs in the tables but whose column cannot be decided: no column takes it, or two do (a `/TW` symbol with no author in the register; a `-UBND` symbol of the province or of a commune when the register\'s body is not named). Never guessed: the row is listed with why; correct its column on the register sheet and the count follows (see [count.md](count.md)).',
    },
  },
  {
    id: 'register.duplicate',
    severity: 'warning',
    what: {
      vi: 'Cùng một văn bản (cùng số, ký hiệu, ngày và tác giả) được ghi hai lần trong sổ văn bản; cả hai dòng đều được đếm.',
      en: 'The same document (same symbol, date and author) recorded twice in the registers; both rows are counted.',
    },
  },
];

const EXACT = new Map(RULE_REGISTRY.filter((r) => !r.id.includes('<')).map((r) => [r.id, r]));
const PATTERNS = RULE_REGISTRY.filter((r) => r.id.includes('<')).map((r) => ({ prefix: r.id.slice(0, r.id.indexOf('<')), rule: r }));

/** The registered rule a reported id belongs to (exact id first, then a pattern), or undefined. */
export function ruleInfo(id: string): RuleInfo | undefined {
  const exact = EXACT.get(id);
  if (exact) return exact;
  const p = PATTERNS.find((x) => id.startsWith(x.prefix) && id.length > x.prefix.length);
  return p?.rule;
}

/**
 * The severity a finding of this rule id has: the registry's, the one place severities are defined
 * (the engine builds every finding's severity with it). An id the registry does not know is an
 * error (`test/unit/rules.test.ts` fails on such an id).
 */
export function severityOf(id: string): Severity {
  return ruleInfo(id)?.severity ?? 'error';
}

/** The severity of every rule with a fixed id. */
export function ruleSeverities(): Record<string, Severity> {
  const out: Record<string, Severity> = {};
  for (const [id, r] of EXACT) out[id] = r.severity;
  return out;
}

const SEVERITY_TEXT: Record<Severity, string> = { error: 'lỗi / error', warning: 'cảnh báo / warning' };

/** A Markdown table cell: `|` escaped, on one line. */
function cell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** The text of `docs/rules.md`, generated from the registry. */
export function rulesMarkdown(): string {
  const lines = [
    '<!-- Generated from src/core/check/rules.ts by `npm run docs:rules`; do not edit by hand (test/unit/rules.test.ts fails when this file differs). -->',
    '# Quy tắc kiểm tra / Check rules',
    '',
    '**Tiếng Việt.** Mỗi lỗi hoặc cảnh báo mà add-in, trang web và `bieumau check` báo ra mang một mã quy tắc',
    'cố định (`rule` trong `bieumau check --json`). Mã không bao giờ đổi tên; có thể thêm quy tắc mới.',
    'Tệp có ít nhất một **lỗi** chưa sẵn sàng gửi; **cảnh báo** không chặn việc gửi.',
    '',
    '**English.** Every finding of the add-in, the web page and `bieumau check` carries a stable rule id',
    '(`rule` in `bieumau check --json`, see [cli.md](cli.md)). Ids are never renamed; new rules may be',
    'added. A file with any **error** is not ready to send; **warnings** do not block it.',
    '',
    '| rule | mức / severity | Tiếng Việt | English |',
    '|---|---|---|---|',
    ...RULE_REGISTRY.map((r) => `| \`${r.id}\` | ${SEVERITY_TEXT[r.severity]} | ${cell(r.what.vi)} | ${cell(r.what.en)} |`),
    '',
    'Các quy tắc số học chỉ tính trên các ô chứa số đếm hợp lệ (ô sai hoặc trống đã có lỗi riêng), từ chính',
    'các ô nhập — không bao giờ từ các ô tổng đã lưu.',
    '',
    'Arithmetic rules are computed only over cells holding valid counts (an invalid or blank operand',
    'already has its own finding), from the entry cells themselves — never from cached totals.',
    '',
  ];
  return lines.join('\n');
}
