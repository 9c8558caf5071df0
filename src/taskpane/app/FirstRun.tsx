/**
 * The first-run screen: what the add-in does in three short lines, a button that inserts the first
 * table of the list (Biểu 01) and "Bỏ qua". Shown in place of the tabs until the clerk does either;
 * the App then remembers it (see memory.ts) and never shows it again.
 */
import type { ReactNode } from 'react';
import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { format } from '../../ui/i18n';
import { useAppStrings, useLang, usePane } from './context';
import { useInsertTable } from './TablesTab';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM, minWidth: 0 },
  title: { margin: 0 },
  lines: { margin: 0, paddingLeft: tokens.spacingHorizontalXL, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  actions: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalS },
});

export interface FirstRunProps {
  /** The clerk inserted the first table or skipped: the pane goes on to its tabs. */
  onDone(): void;
}

export function FirstRun({ onDone }: FirstRunProps): ReactNode {
  const s = useAppStrings();
  const lang = useLang();
  const styles = useStyles();
  const { packs } = usePane();
  const { insert, busy } = useInsertTable();
  const first = packs.catalog.list()[0];

  const start = async (): Promise<void> => {
    if (first && (await insert(first))) onDone();
  };

  return (
    <section className={styles.root} aria-labelledby="first-run-title" data-testid="first-run">
      <Text as="h2" size={400} weight="semibold" id="first-run-title" className={styles.title}>
        {s.firstRunTitle}
      </Text>
      <ol className={styles.lines}>
        {s.firstRunLines.map((line) => (
          <li key={line}>
            <Text size={300}>{line}</Text>
          </li>
        ))}
      </ol>
      <div className={styles.actions}>
        {first && (
          <Button appearance="primary" onClick={() => void start()} disabledFocusable={busy}>
            {busy ? s.inserting : format(s.firstRunInsert, { name: first.name[lang] })}
          </Button>
        )}
        <Button onClick={onDone} disabledFocusable={busy}>
          {s.firstRunSkip}
        </Button>
      </div>
    </section>
  );
}
