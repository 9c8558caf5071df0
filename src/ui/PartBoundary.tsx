/**
 * Keeps a part that failed to load (offline before its chunk came in) or to render inside the
 * screen as a message, not a blank pane or page. `fallback` draws the message from the error's text.
 */
import { Component, type ReactNode } from 'react';

export class PartBoundary extends Component<{ fallback: (detail: string) => ReactNode; children: ReactNode }, { detail: string | null }> {
  override state: { detail: string | null } = { detail: null };
  static getDerivedStateFromError(e: unknown): { detail: string } {
    return { detail: e instanceof Error ? e.message : String(e) };
  }
  override render(): ReactNode {
    return this.state.detail === null ? this.props.children : this.props.fallback(this.state.detail);
  }
}
