/**
 * Choose `.xlsx` files (read in the pane, sent nowhere), with a button to put the chosen ones away
 * once there are some, and the hint below: Kiểm tra's earlier periods and Tổng hợp's sources.
 */
import { useId, type ReactNode } from 'react';
import { Button, Text } from '@fluentui/react-components';
import { FilePicker, XLSX_ACCEPT } from '../../ui/FilePicker';

export interface ChooseFilesProps {
  label: string;
  hint: string;
  clearLabel: string;
  /** Whether files are chosen (the clear button is shown). */
  chosen: boolean;
  disabled: boolean;
  inputTestId: string;
  rowClassName: string;
  onFiles: (files: File[]) => void;
  onClear: () => void;
}

export function ChooseFiles({ label, hint, clearLabel, chosen, disabled, inputTestId, rowClassName, onFiles, onClear }: ChooseFilesProps): ReactNode {
  const hintId = `${useId()}-hint`;
  return (
    <>
      <div className={rowClassName}>
        <FilePicker label={label} accept={XLSX_ACCEPT} multiple inputTestId={inputTestId} disabled={disabled} describedBy={hintId} onFiles={onFiles} />
        {chosen && (
          <Button appearance="subtle" onClick={onClear} disabledFocusable={disabled}>
            {clearLabel}
          </Button>
        )}
      </div>
      <Text size={200} id={hintId}>
        {hint}
      </Text>
    </>
  );
}
