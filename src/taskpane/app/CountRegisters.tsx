/**
 * "Đếm từ sổ văn bản…" (Bảng biểu): the registers exported from the e-office system (.xlsx or .csv)
 * are read in the pane and written into the open workbook as `bieumau count` writes them: one
 * register sheet per register (the columns read, the date counted, the column each table counts the
 * row in, why), then Biểu 01 and 02 with COUNTIFS over those sheets and the tables' own Từ ngày /
 * Đến ngày cells, for the period of the report settings — change the period, or a row's column, and
 * the counts follow. Documents whose column cannot be decided are listed, never guessed. Every sheet
 * is new: nothing already in the workbook is written over.
 */
import { useState, type ReactNode } from 'react';
import { Button, Field, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Register, RegisterRefusal } from '../../core/register';
import type { CountSummary } from '../../core/count';
import { isValidIsoDate, compareIsoDates, formatRangeVi } from '../../core/dates';
import { FilePicker, XLSX_ACCEPT, CSV_ACCEPT, fileSource } from '../../ui/FilePicker';
import { format } from '../i18n';
import { templateKey, useLang, usePane } from './context';
import { COUNT_PANE_STRINGS } from './count-strings';
import { layoutOptions } from './TablesTab';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, minWidth: 0, paddingTop: tokens.spacingVerticalM },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, overflowWrap: 'anywhere' },
  error: { color: tokens.colorPaletteRedForeground1 },
});

/** The bodies an outgoing register may belong to: Biểu 01's local columns. */
const BODIES: readonly { id: string; vi: string; en: string }[] = [
  { id: 'local.provincialParty', vi: 'Tỉnh ủy', en: 'Provincial Party Committee' },
  { id: 'local.council', vi: 'Hội đồng nhân dân tỉnh', en: "Provincial People's Council" },
  { id: 'local.peoplesCommittee', vi: 'Ủy ban nhân dân tỉnh', en: "Provincial People's Committee" },
  { id: 'local.departments', vi: 'Sở, ban, ngành', en: 'A department' },
  { id: 'local.commune', vi: 'Cấp xã', en: 'A commune' },
];

export function CountRegisters(): ReactNode {
  const lang = useLang();
  const s = COUNT_PANE_STRINGS[lang];
  const styles = useStyles();
  const { adapter, settings, run, announce, noteInserted } = usePane();
  const [read, setRead] = useState<{ name: string; result: Register | { refusal: RegisterRefusal } }[]>([]);
  const [bodies, setBodies] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<{ summary: CountSummary; sheets: string[] } | null>(null);

  const registers = read.flatMap((r) => ('refusal' in r.result ? [] : [{ name: r.name, register: r.result }]));
  const refused = read.flatMap((r) => ('refusal' in r.result ? [r.result.refusal] : []));
  const period = isValidIsoDate(settings.from) && isValidIsoDate(settings.to) && compareIsoDates(settings.from, settings.to) <= 0 ? { from: settings.from, to: settings.to } : null;

  const choose = async (files: File[]): Promise<void> => {
    setDone(null);
    const { takeRegister } = await import(/* webpackChunkName: "count" */ '../../xlsx/register-read');
    const out: typeof read = [];
    for (const f of files) out.push({ name: f.name, result: await takeRegister(fileSource(f)) });
    setRead(out);
    setBodies({});
  };

  const go = async (): Promise<void> => {
    if (busy || period === null || registers.length === 0 || refused.length > 0) return;
    setBusy(true);
    try {
      const [count, plans, builtin] = await Promise.all([
        import(/* webpackChunkName: "count" */ '../../core/count'),
        import(/* webpackChunkName: "count" */ '../../core/count-plan'),
        import(/* webpackChunkName: "count" */ '../../core/builtin'),
      ]);
      const templates = count.countedTemplates(builtin.TEMPLATES);
      const classified = registers.map((r) => count.classifyRegister(templates, builtin.CROSS_TABLE_RULES, { register: r.register, ...(bodies[r.name] ? { body: bodies[r.name] } : {}) }));
      const summary = count.summarise(templates, classified, period);
      const sheets: { name: string; kind: Register['kind']; cols: ReturnType<typeof plans.registerColumns> }[] = [];
      const written: string[] = [];
      for (const rc of classified) {
        const cols = plans.registerColumns(rc, templates);
        const w = await run(() => adapter.insertTemplate(plans.registerSheetPlan(plans.registerSheetName(rc.source.register.kind), cols, rc)));
        if (!w) return;
        sheets.push({ name: w.sheet, kind: rc.source.register.kind, cols });
        written.push(w.sheet);
      }
      const options = { ...layoutOptions(settings), from: period.from, to: period.to };
      for (const t of templates) {
        const w = await run(() => adapter.insertTemplate(plans.countedPlan(t, options, sheets, summary)));
        if (!w) return;
        noteInserted(templateKey(t), w.sheet);
        written.push(w.sheet);
      }
      setDone({ summary, sheets: written });
      announce(format(s.countInserted, { sheets: written.join(', '), unclassified: summary.unclassified.length }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className={styles.root} aria-labelledby="count-registers" data-testid="count-registers">
      <Text as="h2" weight="semibold" size={400} id="count-registers">
        {s.countTitle}
      </Text>
      <Text as="p" size={300}>
        {period ? format(s.countPaneIntro, { period: formatRangeVi(period) }) : s.countNeedsPeriod}
      </Text>
      <FilePicker label={s.countChoose} accept={`${XLSX_ACCEPT},${CSV_ACCEPT}`} multiple size="small" inputTestId="count-files" onFiles={(f) => void choose(f)} />
      {refused.map((r) => (
        <Text role="alert" className={styles.error} key={r.file} data-testid="count-refused">
          {r.message[lang]}
        </Text>
      ))}
      {registers.map((r) => (
        <div key={r.name} data-testid="count-register">
          <Text>{format(r.register.kind === 'incoming' ? s.countIncoming : s.countOutgoing, { file: r.name, rows: r.register.rows.length })}</Text>
          {r.register.kind === 'outgoing' && (
            <Field label={format(s.countBody, { file: r.name })}>
              <Select value={bodies[r.name] ?? ''} onChange={(_, d) => setBodies((b) => ({ ...b, [r.name]: d.value }))}>
                <option value="">{s.countBodyNone}</option>
                {BODIES.map((b) => (
                  <option key={b.id} value={b.id}>
                    {b[lang]}
                  </option>
                ))}
              </Select>
            </Field>
          )}
        </div>
      ))}
      <div>
        <Button appearance="primary" onClick={() => void go()} disabledFocusable={busy || period === null || registers.length === 0 || refused.length > 0}>
          {s.countGo}
        </Button>
      </div>
      {done && (
        <div data-testid="count-done">
          <Text>{format(s.countInserted, { sheets: done.sheets.join(', '), unclassified: done.summary.unclassified.length })}</Text>
          {done.summary.unclassified.length > 0 && (
            <ul className={styles.list} data-testid="count-unclassified">
              {done.summary.unclassified.map((u) => (
                <li key={`${u.file}:${u.row}`}>{`${u.file} ${u.row} ${u.symbol}: ${u.why[lang]}`}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
