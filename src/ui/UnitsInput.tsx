/**
 * The units list of Tổng hợp by unit (pane and web page alike): typed or pasted into the box, or
 * loaded from a .csv/.txt file; `problem` says why it cannot be read (the model's `unitsField`).
 */
import type { ReactNode } from 'react';
import { Field, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { CSV_ACCEPT, FilePicker, fileText } from './FilePicker';

const useStyles = makeStyles({
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalS },
});

export interface UnitsInputProps {
  text: string;
  onText: (text: string) => void;
  labels: { unitsList: string; unitsHint: string; unitsFile: string };
  problem?: string;
  textTestId?: string;
  fileTestId: string;
}

export function UnitsInput({ text, onText, labels, problem, textTestId, fileTestId }: UnitsInputProps): ReactNode {
  const styles = useStyles();
  return (
    <>
      <Field label={labels.unitsList} hint={labels.unitsHint} validationMessage={problem || undefined}>
        <Textarea value={text} onChange={(_, d) => onText(d.value)} rows={4} resize="vertical" data-testid={textTestId} />
      </Field>
      <div className={styles.row}>
        <FilePicker label={labels.unitsFile} accept={CSV_ACCEPT} inputTestId={fileTestId} size="small" onFiles={([f]) => void (f ? fileText(f).then(onText) : undefined)} />
      </div>
    </>
  );
}
