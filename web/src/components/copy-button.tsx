import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { announce } from '@/lib/announce';
import { copyText } from '@/lib/clipboard';

interface CopyButtonProps {
  text: string;
  /** Accessible name, naming what is copied ("Copy code 6901234567890"). */
  label: string;
  /** Visible text; defaults to "Copy". */
  children?: ReactNode;
  className?: string;
}

/** Copies `text` and says so, on screen for a moment and to screen readers. */
export function CopyButton({ text, label, children, className }: CopyButtonProps) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);

  useEffect(() => {
    if (!copied) return;
    const timer = window.setTimeout(() => setCopied(false), 1500);
    return () => window.clearTimeout(timer);
  }, [copied]);

  async function onClick() {
    const ok = await copyText(text);
    setCopied(ok);
    announce(ok ? t('copy.done') : t('copy.failed'));
  }

  return (
    <button
      type="button"
      className={`copy-button ${className ?? ''}`}
      aria-label={label}
      onClick={() => void onClick()}
      data-copied={copied || undefined}
    >
      {copied ? t('copy.doneShort') : (children ?? t('copy.action'))}
    </button>
  );
}
