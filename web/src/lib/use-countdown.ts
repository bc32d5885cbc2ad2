import { useEffect, useState } from 'react';

/**
 * Whole seconds left until `seconds` from the first render, ticking once a second down to 0.
 * Measured against the clock, so a throttled background tab still shows the right wait.
 */
export function useCountdown(seconds: number): number {
  const [deadline] = useState(() => Date.now() + seconds * 1000);
  const [left, setLeft] = useState(() => Math.max(0, Math.ceil(seconds)));
  const done = left <= 0;

  useEffect(() => {
    if (done) return;
    const timer = window.setInterval(() => {
      setLeft(Math.max(0, Math.ceil((deadline - Date.now()) / 1000)));
    }, 1000);
    return () => window.clearInterval(timer);
  }, [deadline, done]);

  return left;
}
