/**
 * The words of the registers' list (`ui/RegisterList`), shared by the pane's "Đếm từ sổ văn bản…"
 * and the web page's tab; they load with those chunks, not at start (vi and en have the same keys,
 * checked by test/unit/ui-strings.test.ts).
 */

export interface RegisterListStrings {
  /** `{file}`, `{rows}` */
  readonly registerIncoming: string;
  /** `{file}`, `{rows}` */
  readonly registerOutgoing: string;
  /** `{file}` */
  readonly registerBody: string;
  readonly registerBodyHint: string;
  readonly registerBodyNone: string;
  readonly registerRemove: string;
  /** `{file}` */
  readonly registerRemoveLabel: string;
  readonly bodyProvincialParty: string;
  readonly bodyCouncil: string;
  readonly bodyPeoplesCommittee: string;
  readonly bodyDepartments: string;
  readonly bodyCommune: string;
  /** `{file}`, `{row}`, `{symbol}`, `{why}` */
  readonly unclassifiedRow: string;
}

const vi: RegisterListStrings = {
  registerIncoming: '{file}: sổ văn bản đến, {rows} dòng.',
  registerOutgoing: '{file}: sổ văn bản đi, {rows} dòng.',
  registerBody: 'Cơ quan của sổ {file}',
  registerBodyHint: 'Khi ký hiệu không đủ rõ (-UBND là của tỉnh hay của xã).',
  registerBodyNone: '(theo ký hiệu)',
  registerRemove: 'Bỏ',
  registerRemoveLabel: 'Bỏ sổ {file}',
  bodyProvincialParty: 'Tỉnh ủy',
  bodyCouncil: 'Hội đồng nhân dân tỉnh',
  bodyPeoplesCommittee: 'Ủy ban nhân dân tỉnh',
  bodyDepartments: 'Sở, ban, ngành',
  bodyCommune: 'Cấp xã',
  unclassifiedRow: '{file}, dòng {row} {symbol}: {why}',
};

const en: RegisterListStrings = {
  registerIncoming: '{file}: incoming register, {rows} rows.',
  registerOutgoing: '{file}: outgoing register, {rows} rows.',
  registerBody: 'Body of register {file}',
  registerBodyHint: "Where the symbols do not tell (-UBND is the province's or a commune's).",
  registerBodyNone: '(by the symbols)',
  registerRemove: 'Remove',
  registerRemoveLabel: 'Remove register {file}',
  bodyProvincialParty: 'Provincial Party Committee',
  bodyCouncil: "Provincial People's Council",
  bodyPeoplesCommittee: "Provincial People's Committee",
  bodyDepartments: 'A department',
  bodyCommune: 'A commune',
  unclassifiedRow: '{file}, row {row} {symbol}: {why}',
};

export const REGISTER_LIST_STRINGS: Record<'vi' | 'en', RegisterListStrings> = { vi, en };
