/**
 * The report information fields: issuing unit, report number and date, who reports. The pane's
 * Thiết lập báo cáo tab and the web page's Tạo biểu mẫu and Tổng hợp tabs show them alike; what was
 * typed becomes report information through core's `reportFromForm` (trimmed, NFC, blank left out).
 */
import type { ReactNode } from 'react';
import { Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import type { ReportForm } from '../core/text';
import type { Language } from './i18n';
import { UI_STRINGS } from './strings';
import { DateField } from './DateField';

const useStyles = makeStyles({
  row: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalS },
  grow: { flexGrow: 1, flexBasis: '160px', minWidth: 0 },
});

export function ReportFields({ value, onChange, lang }: { value: ReportForm; onChange: (key: keyof ReportForm, value: string) => void; lang: Language }): ReactNode {
  const styles = useStyles();
  const s = UI_STRINGS[lang];
  return (
    <>
      <Field label={s.unit} hint={s.unitHint}>
        <Input value={value.unit} onChange={(_, d) => onChange('unit', d.value)} />
      </Field>
      <div className={styles.row}>
        <Field label={s.reportNo} hint={s.reportNoHint} className={styles.grow}>
          <Input value={value.reportNo} onChange={(_, d) => onChange('reportNo', d.value)} />
        </Field>
        <DateField label={s.reportDate} lang={lang} className={styles.grow} value={value.reportDate} onChange={(v) => onChange('reportDate', v)} />
      </div>
      <Field label={s.reportBy} hint={s.reportByHint}>
        <Input value={value.reportBy} onChange={(_, d) => onChange('reportBy', d.value)} />
      </Field>
    </>
  );
}
