/**
 * Bảng biểu: the tables of each loaded pack (the built-in standard tables first, then the packs the
 * office deployed in packs/index.json), under the pack's title, issuer and version; a card per table
 * — name, title, one line on what it counts, its columns at a glance — and one button that inserts it
 * on a new sheet with the report settings in its heading. A deployed pack that failed its check is
 * listed with its faults and offers no table.
 */
import { Suspense, lazy, useState, type ReactNode } from 'react';
import { Button, Caption1, MessageBar, MessageBarBody, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Template } from '../../core/forms/template';
import type { Pack } from '../../core/forms/pack';
import type { LoadedPack } from '../../core/forms/pack-loader';
import type { LayoutOptions } from '../../core/forms/plan';
import type { ReportInfo } from '../../excel/types';
import { format } from '../../ui/i18n';
import { useAppStrings, useLang, usePane } from './context';
import { templateKey } from '../../core/forms/catalog';
import { faultPath, faultsShown } from '../../ui/model/pack-faults';

/** Đếm từ sổ văn bản…: its own chunk (its words, its form), loaded when Bảng biểu is drawn, not with the pane's start. */
const CountRegisters = lazy(async () => ({ default: (await import(/* webpackChunkName: "count-pane" */ './CountRegisters')).CountRegisters }));

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
  pack: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, minWidth: 0 },
  packTitle: { margin: 0, overflowWrap: 'anywhere' },
  faults: { margin: 0, paddingLeft: tokens.spacingHorizontalL, overflowWrap: 'anywhere' },
});

/** Faults shown per invalid pack; the rest are counted. */

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

/**
 * Inserts a table on a new sheet with the report settings in its heading, notes the sheet and says
 * so in the status line; resolves true when it was inserted. Shared by the cards and the first-run
 * screen. `busy` is true while an insert of this hook runs.
 */
export function useInsertTable(): { insert: (template: Template) => Promise<boolean>; busy: boolean } {
  const s = useAppStrings();
  const lang = useLang();
  const { adapter, settings, run, announce, noteInserted } = usePane();
  const [busy, setBusy] = useState(false);
  const insert = async (template: Template): Promise<boolean> => {
    if (busy) return false;
    setBusy(true);
    const result = await run(async () => {
      const { layout } = await import(/* webpackChunkName: "layout" */ '../../core/forms/layout');
      return adapter.insertTemplate(layout(template, layoutOptions(settings)));
    });
    setBusy(false);
    if (!result) return false;
    noteInserted(templateKey(template), result.sheet);
    announce(format(s.inserted, { name: template.name[lang], sheet: result.sheet }));
    return true;
  };
  return { insert, busy };
}

function TableCard({ template }: { template: Template }): ReactNode {
  const s = useAppStrings();
  const lang = useLang();
  const styles = useStyles();
  const { inserted } = usePane();
  const { insert: insertTable, busy } = useInsertTable();
  const key = templateKey(template);
  const sheets = inserted[key] ?? [];
  const headingId = `card-${key.replace(/[^A-Za-z0-9_-]/g, '-')}`;

  const insert = async (): Promise<void> => {
    await insertTable(template);
  };

  return (
    <li>
      <section className={styles.card} aria-labelledby={headingId} data-template={key}>
        <div>
          <Text as="h3" weight="semibold" size={400} id={headingId} block className={styles.cardText}>
            {template.name[lang]}
          </Text>
          <Caption1 className={styles.title}>{template.title[lang]}</Caption1>
        </div>
        <div className={styles.actions}>
          <Button appearance="primary" onClick={() => void insert()} disabledFocusable={busy} data-testid={`insert-${key}`}>
            {busy ? s.inserting : format(s.insert, { name: template.name[lang] })}
          </Button>
          {sheets.length > 0 && (
            <span className={styles.sheet} data-testid={`inserted-${key}`}>
              {s.sheetLabel}: {sheets.join(', ')}
            </span>
          )}
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
      </section>
    </li>
  );
}

function PackSection({ pack, templates }: { pack: Pack; templates: Template[] }): ReactNode {
  const s = useAppStrings();
  const lang = useLang();
  const styles = useStyles();
  const headingId = `pack-${pack.id.replace(/[^a-z0-9-]/g, '-')}`;
  return (
    <section className={styles.pack} aria-labelledby={headingId} data-pack={pack.id}>
      <div>
        <Text as="h2" weight="semibold" size={400} id={headingId} block className={styles.packTitle}>
          {pack.title[lang]}
        </Text>
        <Caption1 data-testid={`pack-line-${pack.id}`}>{format(s.packLine, { issuer: pack.issuer[lang], version: pack.version, count: templates.length })}</Caption1>
      </div>
      <ul className={styles.list}>
        {templates.map((t) => (
          <TableCard key={templateKey(t)} template={t} />
        ))}
      </ul>
    </section>
  );
}

function FailedPack({ pack }: { pack: Exclude<LoadedPack, { status: 'loaded' }> }): ReactNode {
  const s = useAppStrings();
  const lang = useLang();
  const styles = useStyles();
  if (pack.status === 'error') {
    return (
      <MessageBar intent="error" data-testid="pack-failed">
        <MessageBarBody>{format(s.packError, { file: pack.file, reason: pack.reason[lang] })}</MessageBarBody>
      </MessageBar>
    );
  }
  const { shown, more } = faultsShown(pack.faults);
  return (
    <MessageBar intent="error" data-testid="pack-failed" layout="multiline">
      <MessageBarBody>
        {format(s.packInvalid, { file: pack.file })}
        <ul className={styles.faults}>
          {shown.map((f, i) => (
            <li key={i}>
              <code>{faultPath(f)}</code>: {f.message[lang]}
            </li>
          ))}
          {more > 0 && <li>{format(s.packMoreFaults, { count: more })}</li>}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}

export function TablesTab(): ReactNode {
  const s = useAppStrings();
  const lang = useLang();
  const { packs } = usePane();
  const failed = packs.loaded.filter((p): p is Exclude<LoadedPack, { status: 'loaded' }> => p.status !== 'loaded');
  const offered = packs.catalog.list();
  return (
    <>
      {packs.catalog.current().map((p) => (
        <PackSection key={p.id} pack={p} templates={offered.filter((t) => t.pack === p.id)} />
      ))}
      {packs.loading && (
        <Caption1 role="status" data-testid="packs-loading">
          {s.packsLoading}
        </Caption1>
      )}
      {packs.indexError && (
        <MessageBar intent="warning" data-testid="pack-index-error">
          <MessageBarBody>{format(s.packIndexError, { reason: packs.indexError[lang] })}</MessageBarBody>
        </MessageBar>
      )}
      {failed.map((p) => (
        <FailedPack key={p.file} pack={p} />
      ))}
      <Caption1>{s.insertHint}</Caption1>
      <Suspense fallback={null}>
        <CountRegisters />
      </Suspense>
    </>
  );
}
