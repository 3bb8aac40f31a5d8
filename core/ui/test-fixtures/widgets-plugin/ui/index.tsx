// UI bundle of the browser-test plugin: React, MUI and @portico/ui-api come from the shell.
import { useState } from 'react';
import Button from '@mui/material/Button';
import { Chip, Typography } from '@mui/material';
import { InfoCard, EntityLink, useCatalogQuery, type WidgetProps } from '@portico/ui-api';

export function GadgetCard({ entity }: WidgetProps) {
  const [clicks, setClicks] = useState(0);
  return (
    <InfoCard title="Gadget card">
      <Typography data-testid="gadget-card">Plugin card for {entity?.title}</Typography>
      <Button onClick={() => setClicks(clicks + 1)}>Clicked {clicks}</Button>
    </InfoCard>
  );
}

export function BrokenCard(): never {
  throw new Error('this widget is broken on purpose');
}

export function GadgetTab({ entity }: WidgetProps) {
  const others = useCatalogQuery(entity ? { kind: entity.kind, limit: 5 } : null);
  return (
    <div data-testid="gadget-tab">
      <Typography variant="h6">Gadget tab of {entity?.id}</Typography>
      <ul>
        {(others.data?.items ?? []).map((item) => (
          <li key={item.id}>
            <EntityLink entity={item} />
          </li>
        ))}
      </ul>
    </div>
  );
}

export function HomeWidget() {
  return (
    <InfoCard title="Test home widget">
      <span data-testid="home-widget">Hello from the uitest plugin</span>
    </InfoCard>
  );
}

export function ShoutColumn({ entity }: WidgetProps) {
  return <Chip size="small" label={(entity?.title ?? '').toUpperCase()} />;
}

export function TestPage() {
  return <Typography data-testid="plugin-page">A page contributed by a plugin</Typography>;
}

/** A `form.fields` widget: rjsf hands it the field's value and onChange. */
export function MoodField({ value, onChange, label }: WidgetProps & { value?: string; onChange(value: string): void; label?: string }) {
  return (
    <div role="group" aria-label={label ?? 'Mood'}>
      {['happy', 'grumpy'].map((mood) => (
        <Button key={mood} variant={value === mood ? 'contained' : 'outlined'} onClick={() => onChange(mood)} aria-pressed={value === mood}>
          {mood}
        </Button>
      ))}
    </div>
  );
}
