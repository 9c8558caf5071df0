/**
 * A tab of the web page that is one form (Tạo biểu mẫu, Tổng hợp): named by its tab, its
 * introduction first, submitted by its primary button or Enter without the page reloading.
 */
import type { FormEvent, ReactNode } from 'react';
import { Text } from '@fluentui/react-components';

export function TabForm({ label, intro, className, onSubmit, children }: { label: string; intro: string; className: string; onSubmit: () => void; children: ReactNode }): ReactNode {
  const submit = (e: FormEvent<HTMLFormElement>): void => {
    e.preventDefault();
    onSubmit();
  };
  return (
    <form className={className} aria-label={label} onSubmit={submit}>
      <Text as="p" size={300}>
        {intro}
      </Text>
      {children}
    </form>
  );
}
