/**
 * A button that opens the browser's file chooser: the native file input stays out of sight and out
 * of the tab order (the button is what keyboards and screen readers meet), and is emptied after
 * each choice so the same files can be chosen again.
 */
import { useRef, type ReactNode } from 'react';
import { Button, makeStyles, type ButtonProps } from '@fluentui/react-components';

const useStyles = makeStyles({
  hiddenInput: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clipPath: 'inset(50%)', whiteSpace: 'nowrap' },
});

export const XLSX_ACCEPT = '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function FileButton(props: {
  label: string;
  accept: string;
  multiple?: boolean;
  /** `data-testid` of the file input, for the browser tests that set its files. */
  inputTestId: string;
  appearance?: ButtonProps['appearance'];
  size?: ButtonProps['size'];
  disabled?: boolean;
  onFiles: (files: File[]) => void;
}): ReactNode {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <input
        ref={input}
        type="file"
        accept={props.accept}
        multiple={props.multiple}
        className={styles.hiddenInput}
        tabIndex={-1}
        aria-hidden="true"
        data-testid={props.inputTestId}
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          e.target.value = '';
          props.onFiles(files);
        }}
      />
      <Button appearance={props.appearance} size={props.size} disabledFocusable={props.disabled} onClick={() => input.current?.click()}>
        {props.label}
      </Button>
    </>
  );
}
