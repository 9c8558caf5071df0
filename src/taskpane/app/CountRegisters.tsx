/**
 * "Đếm từ sổ văn bản…" (Bảng biểu): the registers exported from the e-office system — files (.xlsx
 * or .csv) or a sheet of this workbook the clerk pasted an export into — read in the pane and written
 * into the open workbook as `bieumau count` writes them (`count-write`): one register sheet per
 * register, then Biểu 01 and 02 with COUNTIFS over those sheets and the tables' own Từ ngày / Đến
 * ngày cells, for the period of the report settings — change the period, or a row's column, and the
 * counts follow. Documents whose column cannot be decided are listed, never guessed.
 */
import { useReducer, type ReactNode } from 'react';
import { Button, Field, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { CountSummary } from '../../core/count/count';
import { gridFromRange, registerFromGrid } from '../../core/count/register';
import { isValidIsoDate, compareIsoDates, formatRangeVi } from '../../core/dates';
import { FilePicker, XLSX_ACCEPT, CSV_ACCEPT, fileSource } from '../../ui/FilePicker';
import { RegisterList, UnclassifiedList } from '../../ui/RegisterList';
import { NO_REGISTERS, countSourcesOf, registerListReducer, registersReady, type RegisterListAction } from '../../ui/model/registers';
import { format } from '../../ui/i18n';
import { useLang, usePane } from './context';
import { COUNT_PANE_STRINGS, type CountPaneStrings } from './count-strings';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, minWidth: 0, paddingTop: tokens.spacingVerticalM },
});

/** The last count written, and whether one is running: one state, changed a part at a time. */
interface Run {
  busy: boolean;
  done: { summary: CountSummary; sheets: string[] } | null;
}
const merge = (r: Run, part: Partial<Run>): Run => ({ ...r, ...part });

export function CountRegisters(): ReactNode {
  const lang = useLang();
  const s = COUNT_PANE_STRINGS[lang];
  const styles = useStyles();
  const pane = usePane();
  const { settings, announce } = pane;
  const [list, dispatch] = useReducer(registerListReducer, NO_REGISTERS);
  const [state, set] = useReducer(merge, { busy: false, done: null });
  const period = isValidIsoDate(settings.from) && isValidIsoDate(settings.to) && compareIsoDates(settings.from, settings.to) <= 0 ? { from: settings.from, to: settings.to } : null;
  const ready = !state.busy && period !== null && registersReady(list);

  const choose = async (files: File[]): Promise<void> => {
    set({ done: null });
    const { takeRegister } = await import(/* webpackChunkName: "count" */ '../../xlsx/register-read');
    const entries = [];
    for (const f of files) entries.push({ name: f.name, result: await takeRegister(fileSource(f)) });
    dispatch({ type: 'files', entries });
  };

  const go = async (): Promise<void> => {
    if (!ready || period === null) return;
    set({ busy: true });
    try {
      const { writeCount } = await import(/* webpackChunkName: "count" */ './count-write');
      const done = await writeCount(pane, countSourcesOf(list), period);
      if (!done) return;
      set({ done });
      announce(format(s.countInserted, { sheets: done.sheets.join(', '), unclassified: done.summary.unclassified.length }));
    } finally {
      set({ busy: false });
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
      <PastedSheet s={s} dispatch={dispatch} onRead={() => set({ done: null })} />
      <RegisterList lang={lang} state={list} dispatch={dispatch} itemTestId="count-register" refusedTestId="count-refused" removable />
      <div>
        <Button appearance="primary" onClick={() => void go()} disabledFocusable={!ready}>
          {s.countGo}
        </Button>
      </div>
      {state.done && (
        <div data-testid="count-done">
          <Text>{format(s.countInserted, { sheets: state.done.sheets.join(', '), unclassified: state.done.summary.unclassified.length })}</Text>
          {state.done.summary.unclassified.length > 0 && <UnclassifiedList lang={lang} items={state.done.summary.unclassified} />}
        </div>
      )}
    </section>
  );
}

/**
 * A register the clerk pasted into a sheet of this workbook: the sheets listed when asked (1 sync),
 * the one chosen read as it is (its used range, 1 sync) and taken as a file's register would be.
 */
function PastedSheet({ s, dispatch, onRead }: { s: CountPaneStrings; dispatch: (a: RegisterListAction) => void; onRead: () => void }): ReactNode {
  const { adapter, run } = usePane();
  const [sheets, setSheets] = useReducer((_: string[] | null, next: string[] | null) => next, null);

  const list = async (): Promise<void> => {
    const names = await run(() => adapter.worksheetNames());
    if (names) setSheets(names);
  };

  const read = async (sheet: string): Promise<void> => {
    if (sheet === '') return;
    const cells = await run(() => adapter.readSheetCells(sheet));
    if (!cells) return;
    onRead();
    dispatch({ type: 'sheet', entry: { name: sheet, result: registerFromGrid(sheet, sheet, gridFromRange(cells)) } });
  };

  return (
    <>
      <div>
        <Button size="small" onClick={() => void list()}>
          {s.countFromSheet}
        </Button>
      </div>
      {sheets && (
        <Field label={s.countSheet}>
          <Select value="" onChange={(_, d) => void read(d.value)}>
            <option value="">{s.countSheetNone}</option>
            {sheets.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </Select>
        </Field>
      )}
    </>
  );
}
