/**
 * Thiết lập báo cáo: issuing unit, report number and date, who reports, and the period, with quick
 * picks for the standard periods of Decree 09/2019/NĐ-CP. Saved in the workbook; saving updates the
 * heading of every table already inserted. Settings read from the workbook after the form is shown
 * fill only the fields the clerk has not touched yet.
 */
import { useMemo, useReducer, type ReactNode } from 'react';
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import type { ReportInfo } from '../../excel/types';
import { defaultPeriod, identifyPeriod, periodRange } from '../../core/periods';
import { format } from '../../ui/i18n';
import { checkResult } from './check-model';
import { useAppStrings, useLang, usePane } from './context';
import { StickyActions } from './StickyActions';
import { ReportFields } from '../../ui/ReportFields';
import { PeriodFieldset, choiceOf, formFromChoice, todayIso, type PeriodForm } from '../../ui/PeriodFieldset';
import { reportFromForm } from '../../core/text';
import { isValidIsoDate } from '../../core/dates';
import { settingsForm, settingsFormStart } from './settings-model';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM, minWidth: 0 },
});

function periodFormOf(settings: ReportInfo, day: string): PeriodForm {
  const initial = settings.from && settings.to ? identifyPeriod({ from: settings.from, to: settings.to }) : defaultPeriod(day);
  return formFromChoice(initial, Number(day.slice(0, 4)));
}

export default function SettingsTab({ today }: { today?: string }): ReactNode {
  const s = useAppStrings();
  const lang = useLang();
  const styles = useStyles();
  const { adapter, settings, setSettings, setCheck, run, announce } = usePane();
  const day = today ?? todayIso();
  const [form, dispatch] = useReducer(settingsForm, undefined, () => settingsFormStart(settings, periodFormOf(settings, day)));
  const { info, period, busy } = form;

  // Saved settings read from the workbook after the form appeared (Excel can be slow to answer):
  // fill what the clerk has not touched, keep what they typed. Adjusted during render, no remount.
  if (settings !== form.shown) dispatch({ type: 'arrived', settings, period: periodFormOf(settings, day) });

  const choice = useMemo(() => choiceOf(period), [period]);
  const range = useMemo(() => (choice ? periodRange(choice) : null), [choice]);

  // The date field passes on what was typed while it is no date: nothing is saved then.
  const dateProblem = info.reportDate !== '' && !isValidIsoDate(info.reportDate);

  const save = async (): Promise<void> => {
    if (!range || busy || dateProblem) return;
    // Cleaned as the command line and the web page clean them (trim + NFC: core/text).
    const typed = reportFromForm(info);
    const next: ReportInfo = { unit: typed.unit ?? '', reportNo: typed.reportNo ?? '', reportDate: typed.reportDate ?? '', reportBy: typed.reportBy ?? '', from: range.from, to: range.to };
    dispatch({ type: 'busy', busy: true });
    const count = await run(async () => {
      await adapter.saveSettings(next);
      return adapter.updateReportInfo(next);
    });
    if (count === undefined) {
      dispatch({ type: 'busy', busy: false });
      return;
    }
    // What the form shows is what was saved: not settings to fill the form with.
    dispatch({ type: 'saved', settings: next });
    setSettings(next);
    // The headings and the period changed: the last check result no longer holds.
    if (count > 0) setCheck((c) => checkResult(c, { type: 'stale' }));
    announce(format(s.saved, { count }));
  };

  return (
    <form
      className={styles.form}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <ReportFields value={info} lang={lang} onChange={(key, value) => dispatch({ type: 'info', key, value })} />
      <PeriodFieldset period={period} onChange={(key, value) => dispatch({ type: 'period', key, value })} lang={lang} rangeTestId="period-range" />
      <StickyActions>
        <Button appearance="primary" type="submit" disabledFocusable={busy || !range || dateProblem}>
          {busy ? s.saving : s.save}
        </Button>
      </StickyActions>
    </form>
  );
}
