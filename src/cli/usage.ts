/**
 * What `bieumau <command> --help` (or `-h`) prints: one usage text per command, Vietnamese then
 * English on each line. A command without its own text here gets its lines of the overview
 * (`USAGE` in main.ts, what `bieumau --help` prints).
 */

/** `bieumau export`'s usage lines, two-space indented as `bieumau --help` lists them (its --help prints them). */
export const EXPORT_USAGE = `  bieumau export INPUT... [--format csv|sdmx-csv|json] [--structure OUT.xml] [-o OUT] [--force]
                       [--for-excel] [--keep-going] [--pack PACK.json]...`;

const PACK = `  --pack PACK.json         nạp thêm một gói biểu mẫu (dùng được nhiều lần)
                           / load a template pack (may be given more than once)`;
const HELP = `  -h, --help               in hướng dẫn này / print this help`;

const COMMANDS: Record<string, string> = {
  templates: `Cách dùng / usage: bieumau templates [--pack PACK.json]...

Liệt kê các biểu tạo được: mã, phiên bản, tên trang, tiêu đề (mỗi biểu một dòng, cách bằng tab).
/ Lists the tables that can be made: id, version, sheet name, title (one per line, tab-separated).

${PACK}
${HELP}

Mã thoát / exit codes: 0 xong / done; 2 dòng lệnh sai / bad usage.`,

  new: `Cách dùng / usage: bieumau new OUT.xlsx [tùy chọn / options]

Tạo sổ tính có các biểu để điền. / Creates a workbook with the tables, ready to fill.

  --templates 01,03        các biểu, theo thứ tự (mặc định: tất cả) / which tables, in order (default: all)
  --unit TEXT              đơn vị ban hành / issuing unit
  --report NO              số báo cáo, vd. 52-BC/TU / report number, e.g. 52-BC/TU
  --report-date YYYY-MM-DD ngày báo cáo / report date
  --report-by TEXT         cơ quan ban hành báo cáo / who issues the report
  --from YYYY-MM-DD        ngày đầu kỳ báo cáo (cùng --to) / first day of the period (with --to)
  --to YYYY-MM-DD          ngày cuối kỳ báo cáo (cùng --from) / last day of the period (with --from)
  --rows N                 số dòng số liệu của Biểu 01–03 (1–10000) / data rows of tables 01–03 (1–10000)
  --sample                 điền số liệu mẫu của báo cáo 52-BC/TU / fill the figures of the sample report 52-BC/TU
  --force                  ghi đè OUT.xlsx nếu đã có / overwrite OUT.xlsx if it exists
${PACK}
${HELP}

Mã thoát / exit codes: 0 đã ghi (in đường dẫn tệp) / written (prints the file's path);
2 dòng lệnh sai, không ghi gì / bad usage, nothing written.`,

  check: `Cách dùng / usage: bieumau check FILE.xlsx... [--json] [--lang vi|en] [--pack PACK.json]...

Kiểm tra từng biểu trong mỗi sổ tính. / Checks every table of each workbook.

  --json                   kết quả dạng JSON (một dòng) / the result as JSON (one line)
  --lang vi|en             ngôn ngữ của báo cáo (mặc định vi) / language of the report (default vi)
${PACK}
${HELP}

Mã thoát / exit codes: 0 không có lỗi (có thể có cảnh báo) / no error (warnings allowed);
1 có lỗi / an error found; 2 có tệp không đọc được hoặc dòng lệnh sai / a file unreadable, or bad usage.`,

  consolidate: `Cách dùng / usage: bieumau consolidate OUT.xlsx INPUT... [tùy chọn / options]
               (bieumau tong-hop: cùng lệnh / the same command)

Cộng các biểu của nhiều đơn vị thành một sổ tính. INPUT: tệp .xlsx hoặc thư mục (mọi tệp .xlsx trong đó).
/ Adds up the tables of many units' workbooks into one. INPUT: .xlsx files or folders (every .xlsx inside).

  --units UNITS.csv        danh sách đơn vị phải nộp (đơn vị,nhóm; phân cách bằng , ; hoặc tab)
                           / the units expected (unit,group; separated by , ; or tab)
  --unit TEXT              đơn vị của sổ tổng hợp / the consolidated workbook's unit
  --report NO              số báo cáo / report number
  --report-date YYYY-MM-DD ngày báo cáo / report date
  --report-by TEXT         cơ quan ban hành báo cáo / who issues the report
  --allow-errors           vẫn tổng hợp tệp có lỗi (đánh dấu) / include sources with errors (flagged)
  --force                  ghi đè OUT.xlsx nếu đã có / overwrite OUT.xlsx if it exists
  --json                   kết quả dạng JSON (một dòng) / the result as JSON (one line)
${PACK}
${HELP}

Mã thoát / exit codes: 0 đã ghi / written; 1 nguồn có vấn đề (khác kỳ, trùng đơn vị, có lỗi)
/ a problem in the sources (periods, a unit twice, errors); 2 dòng lệnh sai hoặc tệp không đọc được
/ bad usage, or a source unreadable.`,

  'roll-up': `Cách dùng / usage: bieumau roll-up OUT.xlsx INPUT... [tùy chọn / options]
               (bieumau luy-ke: cùng lệnh / the same command)

Lũy kế báo cáo của cùng một đơn vị qua các kỳ liền nhau thành báo cáo của cả kỳ. INPUT: tệp .xlsx
hoặc thư mục. / Rolls one unit's reports for consecutive periods up into the covering period.
INPUT: .xlsx files or folders.

  --unit TEXT              đơn vị của sổ lũy kế / the rolled-up workbook's unit
  --report NO              số báo cáo / report number
  --report-date YYYY-MM-DD ngày báo cáo / report date
  --report-by TEXT         cơ quan ban hành báo cáo / who issues the report
  --allow-errors           vẫn lũy kế tệp có lỗi (đánh dấu) / include sources with errors (flagged)
  --force                  ghi đè OUT.xlsx nếu đã có / overwrite OUT.xlsx if it exists
  --json                   kết quả dạng JSON (một dòng) / the result as JSON (one line)
${PACK}
${HELP}

Mã thoát / exit codes: 0 đã ghi / written; 1 từ chối (thiếu kỳ, trùng kỳ, khác đơn vị, có lỗi)
/ refused (a gap, an overlap, different units, errors); 2 dòng lệnh sai hoặc tệp không đọc được
/ bad usage, or a source unreadable.`,

  'tie-out': `Cách dùng / usage: bieumau tie-out REPORT.docx [WORKBOOK.xlsx] [--json] [--lang vi|en] [--pack PACK.json]...
               (bieumau doi-chieu: cùng lệnh / the same command)

Đối chiếu số liệu trong lời văn của báo cáo Word với chính nó và với các biểu (của sổ tính nếu có,
không thì các biểu trong báo cáo); các biểu trong báo cáo được kiểm như biểu trong sổ tính.
/ Ties the Word report's text out against its own figures and the tables (the workbook's when
given, else the report's own); the report's tables are checked like a workbook's.

  --json                   kết quả dạng JSON (một dòng) / the result as JSON (one line)
  --lang vi|en             ngôn ngữ của báo cáo (mặc định vi) / language of the report (default vi)
\${PACK}
\${HELP}

Mã thoát / exit codes: 0 không có lỗi / no error; 1 có lỗi / an error found;
2 tệp không đọc được (.doc, .odt, .pdf…) hoặc dòng lệnh sai / a file unreadable (.doc, .odt, .pdf…), or bad usage.`,
  count: `Cách dùng / usage: bieumau count OUT.xlsx REGISTER... --from YYYY-MM-DD --to YYYY-MM-DD [tùy chọn / options]
               (bieumau dem: cùng lệnh / the same command)

Đếm Biểu 01 và Biểu 02 từ sổ văn bản đến và đi (tệp .xlsx hoặc .csv xuất từ hệ thống quản lý văn bản):
mỗi ô nhập là công thức COUNTIFS trên trang sổ văn bản và ô Từ ngày / Đến ngày của biểu.
/ Counts Tables 01 and 02 from the incoming and outgoing registers (.xlsx or .csv exports): each entry
cell is a COUNTIFS over the register sheet and the table's own Từ ngày / Đến ngày cells.

  --from YYYY-MM-DD        ngày đầu kỳ đếm / first day of the period
  --to YYYY-MM-DD          ngày cuối kỳ đếm / last day of the period
  --unit TEXT              đơn vị báo cáo / reporting unit
  --body MÃ_CỘT=SỔ         cơ quan giữ sổ đi khi ký hiệu không đủ rõ (vd. local.peoplesCommittee=so-di.xlsx)
                           / the body whose outgoing register it is, where the symbol does not tell
  --json                   kết quả dạng JSON (một dòng) / the result as JSON (one line)
  --force                  ghi đè OUT.xlsx nếu đã có / overwrite OUT.xlsx if it exists
${HELP}

Mã thoát / exit codes: 0 đã ghi / written; 1 từ chối (sổ không có dòng tiêu đề hoặc cột ngày, quá lớn),
không ghi gì / refused (a register without its header row or date column, or too large), nothing written;
2 dòng lệnh sai hoặc sổ không đọc được / bad usage, or a register unreadable.`,

  packs: `Cách dùng / usage: bieumau packs check PACK.json... [--json] [--lang vi|en]

Kiểm tra gói biểu mẫu (định dạng bieumau-pack/1), liệt kê từng lỗi với đường dẫn JSON.
/ Checks template packs (format bieumau-pack/1), listing every fault with its JSON path.

  --json                   kết quả dạng JSON (một dòng) / the result as JSON (one line)
  --lang vi|en             ngôn ngữ của báo cáo (mặc định vi) / language of the report (default vi)
${HELP}

Mã thoát / exit codes: 0 mọi gói hợp lệ / every pack valid; 1 có gói không hợp lệ / a pack invalid;
2 có tệp không đọc được hoặc dòng lệnh sai / a file unreadable, or bad usage.`,
};

/** The other names of a command. */
const ALIASES: Record<string, string> = { 'tong-hop': 'consolidate', 'luy-ke': 'roll-up', 'doi-chieu': 'tie-out', dem: 'count' };

/**
 * The usage text of `command`: its own, or its lines of `overview` (`  bieumau <command> …` and the
 * lines that continue it); undefined for a command the overview does not show.
 */
export function commandUsage(command: string, overview: string): string | undefined {
  const name = ALIASES[command] ?? command;
  if (Object.prototype.hasOwnProperty.call(COMMANDS, name)) return COMMANDS[name];
  const lines = overview.split('\n');
  const at = lines.findIndex((l) => l.startsWith(`  bieumau ${name} `) || l === `  bieumau ${name}`);
  if (at < 0) return undefined;
  const own = [lines[at]];
  for (let i = at + 1; i < lines.length && /^ {4,}/.test(lines[i]); i++) own.push(lines[i]);
  return `Cách dùng / usage:\n${own.join('\n')}`;
}
