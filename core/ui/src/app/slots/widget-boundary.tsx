import { Component, type ErrorInfo, type ReactNode } from 'react';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';

interface Props {
  label: string;
  children: ReactNode;
}

/** Keeps one broken widget from blanking the page: it becomes a small error card instead. */
export class WidgetBoundary extends Component<Props, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: Error): { error: Error } {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(`widget ${this.props.label} failed`, error, info.componentStack);
  }

  override render(): ReactNode {
    if (this.state.error) {
      return (
        <Alert severity="error" variant="outlined" role="alert" data-testid="widget-error">
          <AlertTitle>{this.props.label} failed</AlertTitle>
          {this.state.error.message}
        </Alert>
      );
    }
    return this.props.children;
  }
}
