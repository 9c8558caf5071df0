/**
 * Đếm từ sổ văn bản: the registers exported from the e-office system (.xlsx or .csv) become Biểu 01
 * and 02 counted for the chosen period, as `bieumau count` makes them (live COUNTIFS over one
 * register sheet per register and the tables' own period cells), downloaded from the page. Each
 * outgoing register may be given its body where the symbols do not tell (`--body`). Files are read
 * in the page; nothing is sent anywhere.
 */
import { useId, useReducer, type ReactNode } from 'react';
import { Button, Field, Input, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { CountSummary } from '../core/count/count';
import { compareIsoDates, isValidIsoDate } from '../core/dates';
import { formatNumberIn } from '../core/numbers';
import { cleanTextOrUndefined } from '../core/text';
import { format, type Language } from '../ui/i18n';
import { FIELDSET_STYLE } from '../ui/PeriodFieldset';
import { DateField } from '../ui/DateField';
import { CSV_ACCEPT, FilePicker, XLSX_ACCEPT, fileSource } from '../ui/FilePicker';
import { RegisterList, UnclassifiedList } from '../ui/RegisterList';
import { NO_REGISTERS, countSourcesOf, figureLines, registerListReducer, registersReady } from '../ui/model/registers';
import { TEMPLATES } from '../core/forms/builtin';
import { TabForm } from './TabForm';
import { COUNT_WEB_STRINGS } from './count-strings';
import { WEB_STRINGS } from './strings';
import { XLSX_TYPE, countInPage, readRegistersInPage } from './engine';
import { download } from '../ui/download';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM, minWidth: 0, maxWidth: '720px' },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalS },
  fieldset: FIELDSET_STYLE,
  error: { color: tokens.colorPaletteRedForeground1 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
});

type Strings = (typeof WEB_STRINGS)['vi'] & (typeof COUNT_WEB_STRINGS)['vi'];

/** The form's fields and the last run: one state, changed a part at a time. */
interface Form {
  from: string;
  to: string;
  unit: string;
  busy: boolean;
  failure: string;
  done: { summary: CountSummary; file: string } | null;
}
const EMPTY: Form = { from: '', to: '', unit: '', busy: false, failure: '', done: null };
const merge = (f: Form, part: Partial<Form>): Form => ({ ...f, ...part });

export function CountTab({ lang, announce }: { lang: Language; announce: (text: string) => void }): ReactNode {
  const styles = useStyles();
  const s: Strings = { ...WEB_STRINGS[lang], ...COUNT_WEB_STRINGS[lang] };
  const num = (n: number): string => formatNumberIn(n, lang);
  const legendId = useId();
  const [list, dispatch] = useReducer(registerListReducer, NO_REGISTERS);
  const [form, set] = useReducer(merge, EMPTY);
  const { from, to } = form;
  const periodOk = isValidIsoDate(from) && isValidIsoDate(to) && compareIsoDates(from, to) <= 0;
  const ready = registersReady(list) && periodOk && !form.busy;
  const failed = (e: unknown): void => set({ failure: format(s.engineFailed, { detail: e instanceof Error ? e.message : String(e) }) });

  const choose = async (files: File[]): Promise<void> => {
    set({ done: null, failure: '', busy: true });
    try {
      dispatch({ type: 'files', entries: await readRegistersInPage(files.map(fileSource)) });
    } catch (e) {
      failed(e);
    } finally {
      set({ busy: false });
    }
  };

  const run = async (): Promise<void> => {
    if (!ready) return;
    set({ busy: true, failure: '' });
    try {
      const { summary, bytes } = await countInPage(countSourcesOf(list), { from, to }, cleanTextOrUndefined(form.unit));
      const file = `dem-${from}-${to}.xlsx`;
      download(file, bytes, XLSX_TYPE);
      set({ done: { summary, file } });
      announce(format(s.countDone, { file, unclassified: num(summary.unclassified.length) }));
    } catch (e) {
      failed(e);
    } finally {
      set({ busy: false });
    }
  };

  return (
    <TabForm className={styles.root} label={s.tabCount} intro={s.countIntro} onSubmit={() => void run()}>
      <div className={styles.row}>
        <FilePicker label={s.chooseRegisters} accept={`${XLSX_ACCEPT},${CSV_ACCEPT}`} multiple inputTestId="registers-input" onFiles={(files) => void choose(files)} />
        <Text data-testid="registers-chosen">{list.entries.length > 0 ? format(s.registersChosen, { count: num(list.entries.length) }) : s.noRegisters}</Text>
      </div>
      <RegisterList lang={lang} state={list} dispatch={dispatch} itemTestId="register-read" refusedTestId="register-refused" hint />
      <fieldset className={styles.fieldset} aria-labelledby={legendId}>
        <legend id={legendId}>
          <Text weight="semibold">{s.countPeriod}</Text>
        </legend>
        <div className={styles.row}>
          <DateField label={s.countFrom} value={from} onChange={(v) => set({ from: v })} lang={lang} />
          <DateField label={s.countTo} value={to} onChange={(v) => set({ to: v })} lang={lang} />
        </div>
        <Field label={s.countUnit}>
          <Input value={form.unit} onChange={(_, d) => set({ unit: d.value })} />
        </Field>
      </fieldset>
      <div>
        <Button appearance="primary" type="submit" disabledFocusable={!ready}>
          {s.countDownload}
        </Button>
      </div>
      {form.busy && <Text>{s.countWorking}</Text>}
      {form.failure !== '' && (
        <Text role="alert" className={styles.error}>
          {form.failure}
        </Text>
      )}
      {form.done && <CountResult s={s} lang={lang} done={form.done} />}
    </TabForm>
  );
}

/** The figures counted (those above zero) and the documents whose column could not be decided. */
function CountResult({ s, lang, done }: { s: Strings; lang: Language; done: { summary: CountSummary; file: string } }): ReactNode {
  const styles = useStyles();
  const num = (n: number): string => formatNumberIn(n, lang);
  const { summary } = done;
  return (
    <div className={styles.root} data-testid="count-result">
      <Text weight="semibold">{format(s.countDone, { file: done.file, unclassified: num(summary.unclassified.length) })}</Text>
      <ul className={styles.list} data-testid="count-figures">
        {figureLines(summary.counts, TEMPLATES, lang).map((f) => (
          <li key={f.key} data-figure={f.key}>{`${f.label}: ${num(f.value)}`}</li>
        ))}
      </ul>
      {summary.unclassified.length > 0 && (
        <>
          <Text weight="semibold">{s.countUnclassified}</Text>
          <UnclassifiedList lang={lang} items={summary.unclassified} />
        </>
      )}
    </div>
  );
}
