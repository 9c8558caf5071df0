/**
 * Choosing files: a button that opens the browser's file chooser (the native input stays out of sight
 * and out of the tab order: the button is what keyboards and screen readers meet; Enter or Space
 * opens the chooser), emptied after each choice so the same files can be chosen again; with
 * `dropHint`, a drop zone around it that takes files dragged onto it too. The pane's Tổng hợp tab and
 * the web page's Kiểm tra and Tổng hợp tabs use it.
 */
import { useRef, useState, type DragEvent, type ReactNode } from 'react';
import { Button, Text, makeStyles, mergeClasses, shorthands, tokens, type ButtonProps } from '@fluentui/react-components';
import type { Source } from '../xlsx/intake';
import { MAX_XLSX_BYTES } from '../xlsx/limits';

const useStyles = makeStyles({
  hiddenInput: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clipPath: 'inset(50%)', whiteSpace: 'nowrap' },
  drop: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalL,
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusLarge,
  },
  dragging: { ...shorthands.borderColor(tokens.colorCompoundBrandStroke), backgroundColor: tokens.colorNeutralBackground2 },
});

export const XLSX_ACCEPT = '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const CSV_ACCEPT = '.csv,.txt,text/csv,text/plain';

export interface FilePickerProps {
  label: string;
  accept: string;
  multiple?: boolean;
  /** `data-testid` of the file input, for the tests that set its files. */
  inputTestId: string;
  appearance?: ButtonProps['appearance'];
  size?: ButtonProps['size'];
  disabled?: boolean;
  /** id of a hint the button is described by. */
  describedBy?: string;
  /** With a text, the button sits in a drop zone that says it ("hoặc kéo thả tệp vào đây"). */
  dropHint?: string;
  dropTestId?: string;
  onFiles: (files: File[]) => void;
}

export function FilePicker(props: FilePickerProps): ReactNode {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const picker = (
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
          if (files.length > 0) props.onFiles(files);
        }}
      />
      <Button appearance={props.appearance} size={props.size} disabledFocusable={props.disabled} aria-describedby={props.describedBy} onClick={() => input.current?.click()}>
        {props.label}
      </Button>
    </>
  );
  if (props.dropHint === undefined) return picker;
  const onDrop = (e: DragEvent<HTMLDivElement>): void => {
    e.preventDefault();
    setDragging(false);
    const files = [...e.dataTransfer.files];
    if (!props.disabled && files.length > 0) props.onFiles(files);
  };
  return (
    <div
      className={mergeClasses(styles.drop, dragging && styles.dragging)}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
      data-testid={props.dropTestId}
    >
      {picker}
      <Text>{props.dropHint}</Text>
    </div>
  );
}

/** The text of a chosen file (File.text where the browser has it, else a FileReader). */
export async function fileText(file: File): Promise<string> {
  if (typeof file.text === 'function') return file.text();
  return new TextDecoder('utf-8').decode(await fileBytes(file));
}

/** The bytes of a chosen file (File.arrayBuffer where the browser has it, else a FileReader). */
export async function fileBytes(file: File): Promise<Uint8Array> {
  if (typeof file.arrayBuffer === 'function') return new Uint8Array(await file.arrayBuffer());
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(new Uint8Array(r.result as ArrayBuffer));
    r.onerror = () => reject(r.error ?? new Error('read failed'));
    r.readAsArrayBuffer(file);
  });
}

/**
 * A chosen file as the intake (`xlsx/intake`) takes it: its size is the File's, known without
 * reading it, so a file too large is refused before `arrayBuffer()` is ever called.
 */
export function fileSource(file: File): Source {
  return { name: file.name, size: file.size, bytes: () => fileBytes(file) };
}

/**
 * The source with its bytes already being read (a page checking many files reads the next few
 * while one is checked), only when its size is within `maxBytes`: a file too large is never read,
 * the intake refuses it by its size. A failed read is reported where the bytes are awaited.
 */
export function readAhead(source: Source, maxBytes: number = MAX_XLSX_BYTES): Source {
  if (source.size === undefined || source.size > maxBytes) return source;
  const bytes = source.bytes();
  bytes.catch(() => undefined);
  return { ...source, bytes: () => bytes };
}
