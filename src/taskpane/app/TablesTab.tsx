/**
 * Bảng biểu: a card per standard table — name, title, one line on what it counts, its columns at a
 * glance — and one button that inserts it on a new sheet with the report settings in its heading.
 */
import { useState, type ReactNode } from 'react';
import { Button, Caption1, Text, makeStyles, tokens } from '@fluentui/react-components';
import { TEMPLATES, type Template } from '../../templates';
import type { LayoutOptions } from '../../core/plan';
import type { ReportInfo } from '../../excel/types';
import { format } from '../i18n';
import { useAppStrings, useLang, usePane } from './context';

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM, margin: 0, padding: 0, listStyleType: 'none' },
  card: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    minWidth: 0,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow4,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  cardText: { margin: 0 },
  title: { overflowWrap: 'anywhere' },
  groups: { margin: 0, paddingLeft: tokens.spacingHorizontalL, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  actions: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXS },
  sheet: { fontSize: tokens.fontSizeBase200, color: tokens.colorPaletteGreenForeground1 },
});

/** Layout options from the report settings (blank fields left out). */
export function layoutOptions(info: ReportInfo): LayoutOptions {
  const opt: LayoutOptions = {};
  if (info.unit.trim()) opt.unit = info.unit.trim();
  if (info.reportNo.trim()) opt.reportNo = info.reportNo.trim();
  if (info.reportDate) opt.reportDate = info.reportDate;
  if (info.reportBy.trim()) opt.reportBy = info.reportBy.trim();
  if (info.from) opt.from = info.from;
  if (info.to) opt.to = info.to;
  return opt;
}

function TableCard({ template }: { template: Template }): ReactNode {
  const s = useAppStrings();
  const lang = useLang();
  const styles = useStyles();
  const { adapter, settings, run, announce, inserted, noteInserted } = usePane();
  const [busy, setBusy] = useState(false);
  const sheets = inserted[template.id] ?? [];
  const headingId = `card-${template.id}`;

  const insert = async (): Promise<void> => {
    if (busy) return;
    setBusy(true);
    const result = await run(async () => {
      const { layout } = await import(/* webpackChunkName: "layout" */ '../../core/layout');
      return adapter.insertTemplate(layout(template, layoutOptions(settings)));
    });
    setBusy(false);
    if (result) {
      noteInserted(template.id, result.sheet);
      announce(format(s.inserted, { name: template.name[lang], sheet: result.sheet }));
    }
  };

  return (
    <li>
      <section className={styles.card} aria-labelledby={headingId} data-template={template.id}>
        <div>
          <Text as="h2" weight="semibold" size={400} id={headingId} block className={styles.cardText}>
            {template.name[lang]}
          </Text>
          <Caption1 className={styles.title}>{template.title[lang]}</Caption1>
        </div>
        {template.summary && (
          <Text as="p" size={300} className={styles.cardText}>
            {template.summary[lang]}
          </Text>
        )}
        <ul className={styles.groups} aria-label={`${s.columnsAtAGlance}: ${template.name[lang]}`}>
          {template.groups.map((g) => (
            <li key={g.id}>
              {g.columns.length > 1 ? `${g.label[lang]}: ${g.columns.map((c) => c.label[lang]).join(' · ')}` : g.label[lang]}
            </li>
          ))}
        </ul>
        <div className={styles.actions}>
          <Button appearance="primary" onClick={() => void insert()} disabledFocusable={busy} data-testid={`insert-${template.id}`}>
            {busy ? s.inserting : format(s.insert, { name: template.name[lang] })}
          </Button>
          {sheets.length > 0 && (
            <span className={styles.sheet} data-testid={`inserted-${template.id}`}>
              {s.sheetLabel}: {sheets.join(', ')}
            </span>
          )}
        </div>
      </section>
    </li>
  );
}

export function TablesTab(): ReactNode {
  const s = useAppStrings();
  const styles = useStyles();
  return (
    <>
      <Text as="p" size={300}>
        {s.tablesIntro}
      </Text>
      <ul className={styles.list}>
        {TEMPLATES.map((t) => (
          <TableCard key={t.id} template={t} />
        ))}
      </ul>
      <Caption1>{s.insertHint}</Caption1>
    </>
  );
}
