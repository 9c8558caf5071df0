/**
 * Đếm từ sổ văn bản: the registers exported from the e-office system (.xlsx or .csv) become Biểu 01
 * and 02 counted for the chosen period, as `bieumau count` makes them (live COUNTIFS over one
 * register sheet per register and the tables' own period cells), downloaded from the page. Each
 * outgoing register may be given its body where the symbols do not tell (`--body`). Files are read
 * in the page; nothing is sent anywhere.
 */
import { useId, useState, type ReactNode } from 'react';
import { Button, Field, Input, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { CountSummary } from '../core/count';
import type { Register, RegisterRefusal } from '../core/register';
import { compareIsoDates, isValidIsoDate } from '../core/dates';
import { formatNumberIn } from '../core/numbers';
import { cleanTextOrUndefined } from '../core/text';
import { format, type Language } from '../ui/i18n';
import { DateField, FIELDSET_STYLE } from '../ui/PeriodFieldset';
import { CSV_ACCEPT, FilePicker, XLSX_ACCEPT, fileSource } from '../ui/FilePicker';
import { TabForm } from './TabForm';
import { COUNT_WEB_STRINGS } from './count-strings';
import { WEB_STRINGS } from './strings';
import { XLSX_TYPE, countInPage, download, readRegistersInPage } from './engine';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM, minWidth: 0, maxWidth: '720px' },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalS },
  fieldset: FIELDSET_STYLE,
  error: { color: tokens.colorPaletteRedForeground1 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
});

/** The issuing bodies an outgoing register may belong to (Biểu 01's local columns). */
const BODIES: readonly { id: string; vi: string; en: string }[] = [
  { id: 'local.provincialParty', vi: 'Tỉnh ủy', en: 'Provincial Party Committee' },
  { id: 'local.council', vi: 'Hội đồng nhân dân tỉnh', en: "Provincial People's Council" },
  { id: 'local.peoplesCommittee', vi: 'Ủy ban nhân dân tỉnh', en: "Provincial People's Committee" },
  { id: 'local.departments', vi: 'Sở, ban, ngành', en: 'A department' },
  { id: 'local.commune', vi: 'Cấp xã', en: 'A commune' },
];

interface Read {
  name: string;
  result: Register | { refusal: RegisterRefusal };
}

export function CountTab({ lang, announce }: { lang: Language; announce: (text: string) => void }): ReactNode {
  const styles = useStyles();
  const s = { ...WEB_STRINGS[lang], ...COUNT_WEB_STRINGS[lang] };
  const num = (n: number): string => formatNumberIn(n, lang);
  const legendId = useId();
  const [read, setRead] = useState<Read[]>([]);
  const [bodies, setBodies] = useState<Record<string, string>>({});
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [unit, setUnit] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState('');
  const [done, setDone] = useState<{ summary: CountSummary; file: string } | null>(null);

  const registers = read.filter((r): r is { name: string; result: Register } => !('refusal' in r.result));
  const refusals = read.filter((r): r is { name: string; result: { refusal: RegisterRefusal } } => 'refusal' in r.result);
  const periodOk = isValidIsoDate(from) && isValidIsoDate(to) && compareIsoDates(from, to) <= 0;
  const ready = registers.length > 0 && refusals.length === 0 && periodOk && !busy;

  const choose = async (files: File[]): Promise<void> => {
    setDone(null);
    setFailure('');
    setBusy(true);
    try {
      setRead(await readRegistersInPage(files.map(fileSource)));
      setBodies({});
    } catch (e) {
      setFailure(format(s.engineFailed, { detail: e instanceof Error ? e.message : String(e) }));
    } finally {
      setBusy(false);
    }
  };

  const run = async (): Promise<void> => {
    if (!ready) return;
    setBusy(true);
    setFailure('');
    try {
      const sources = registers.map((r) => ({ register: r.result, ...(bodies[r.name] ? { body: bodies[r.name] } : {}) }));
      const { summary, bytes } = await countInPage(sources, { from, to }, cleanTextOrUndefined(unit));
      const file = `dem-${from}-${to}.xlsx`;
      download(file, bytes, XLSX_TYPE);
      setDone({ summary, file });
      announce(format(s.countDone, { file, unclassified: num(summary.unclassified.length) }));
    } catch (e) {
      setFailure(format(s.engineFailed, { detail: e instanceof Error ? e.message : String(e) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <TabForm className={styles.root} label={s.tabCount} intro={s.countIntro} onSubmit={() => void run()}>
      <div className={styles.row}>
        <FilePicker label={s.chooseRegisters} accept={`${XLSX_ACCEPT},${CSV_ACCEPT}`} multiple inputTestId="registers-input" onFiles={(files) => void choose(files)} />
        <Text data-testid="registers-chosen">{read.length > 0 ? format(s.registersChosen, { count: num(read.length) }) : s.noRegisters}</Text>
      </div>
      {refusals.map((r) => (
        <Text role="alert" className={styles.error} key={r.name} data-testid="register-refused">
          {r.result.refusal.message[lang]}
        </Text>
      ))}
      {registers.map((r) => (
        <div className={styles.row} key={r.name} data-testid="register-read">
          <Text>{format(r.result.kind === 'incoming' ? s.registerIncoming : s.registerOutgoing, { file: r.name, rows: num(r.result.rows.length) })}</Text>
          {r.result.kind === 'outgoing' && (
            <Field label={format(s.registerBody, { file: r.name })} hint={s.registerBodyHint}>
              <Select value={bodies[r.name] ?? ''} onChange={(_, d) => setBodies((b) => ({ ...b, [r.name]: d.value }))}>
                <option value="">{s.registerBodyNone}</option>
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
      <fieldset className={styles.fieldset} aria-labelledby={legendId}>
        <legend id={legendId}>
          <Text weight="semibold">{s.countPeriod}</Text>
        </legend>
        <div className={styles.row}>
          <DateField label={s.countFrom} value={from} onChange={setFrom} lang={lang} />
          <DateField label={s.countTo} value={to} onChange={setTo} lang={lang} />
        </div>
        <Field label={s.countUnit}>
          <Input value={unit} onChange={(_, d) => setUnit(d.value)} />
        </Field>
      </fieldset>
      <div>
        <Button appearance="primary" type="submit" disabledFocusable={!ready}>
          {s.countDownload}
        </Button>
      </div>
      {busy && <Text>{s.countWorking}</Text>}
      {failure !== '' && (
        <Text role="alert" className={styles.error}>
          {failure}
        </Text>
      )}
      {done && (
        <div className={styles.root} data-testid="count-result">
          <Text weight="semibold">{format(s.countDone, { file: done.file, unclassified: num(done.summary.unclassified.length) })}</Text>
          <ul className={styles.list} data-testid="count-figures">
            {done.summary.counts
              .filter((c) => c.value > 0)
              .map((c) => (
                <li key={`${c.table}:${c.column}`}>{`${c.table} ${c.column}: ${num(c.value)}`}</li>
              ))}
          </ul>
          {done.summary.unclassified.length > 0 && (
            <>
              <Text weight="semibold">{s.countUnclassified}</Text>
              <ul className={styles.list} data-testid="count-unclassified">
                {done.summary.unclassified.map((u) => (
                  <li key={`${u.file}:${u.row}`}>{`${u.file}, ${format(s.countRow, { row: num(u.row) })} ${u.symbol}: ${u.why[lang]}`}</li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </TabForm>
  );
}
