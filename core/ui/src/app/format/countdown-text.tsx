import { useEffect, useState, type ReactElement } from 'react';
import { countdown } from './relative-time';

/** A `timer` property: counts down live to its deadline. */
export function CountdownText({ deadline }: { deadline: string }): ReactElement {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return (
    <time dateTime={deadline} title={new Date(deadline).toLocaleString()} data-format="timer">
      {countdown(deadline, now)}
    </time>
  );
}
